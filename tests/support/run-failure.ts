/** For tests: awaits a promise that must reject with a RunError, and returns that error. */
import type { RunError } from '../../src/main/core/exec/host';

/** The RunError a Host call failed with; throws when the call succeeded. */
export async function runFailure(p: Promise<unknown>): Promise<RunError> {
  try {
    await p;
  } catch (error) {
    return error as RunError;
  }
  throw new Error('expected a failure');
}
