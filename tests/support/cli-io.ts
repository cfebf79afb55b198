/** A terminal for CLI tests: keeps what is written to stdout and stderr. */
import type { CliIo } from '../../src/main/cli/io';

/** A terminal that keeps what is written. */
export function captureIo(
  env: NodeJS.ProcessEnv = {},
  errTty = false,
): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
    tty: false,
    errTty,
    confirm: async () => false,
    stdout: () => out,
    stderr: () => err,
  };
}
