/**
 * Runs a validated list of operations on the machine (the elevated side). Before each operation
 * it records the state of the target, so that a failure halfway rolls back what was done and
 * undo later puts back exactly what was there.
 */
import type { OperationStatus } from '../../../shared/plans';
import { applyOne, type ExecutorDeps } from './apply-one';
import { runAllowed } from './machine-queries';
import { OperationError, errorText, reasonOfRunError, tail, type ReasonCode } from './operation-error';
import { APP_FILE_MODE, type Operation, type PreviousState } from './operations';

export { BACKUP_DIR, allowedContents, type ExecutorDeps } from './apply-one';
export { keyIsEmpty, parseRegQuery } from './machine-queries';
export { classifyPackageFailure, reasonCodes, type ReasonCode } from './operation-error';

/** What happened to one operation. */
export interface OperationResult {
  readonly index: number;
  readonly op: Operation;
  status: OperationStatus;
  /** The state before the operation (when it changed something). */
  previous?: PreviousState;
  reason?: ReasonCode;
  /** Technical detail for the prestataire (program output, error). */
  detail?: string;
}

/** The outcome of a run: everything applied, failure rolled back, or (worst) rollback failed too. */
export interface ExecutionResult {
  readonly outcome: 'applied' | 'nothing-to-do' | 'rolled-back' | 'failed';
  readonly operations: OperationResult[];
}

function inverseOf(p: PreviousState): Operation[] {
  switch (p.kind) {
    case 'file':
      // The previous mode recorded in the workspace is NOT taken back: the app writes only its own mode.
      return [
        p.exists
          ? {
              op: 'file-write',
              path: p.path,
              content: p.contentBase64 ?? '',
              encoding: 'base64',
              mode: APP_FILE_MODE,
            }
          : { op: 'file-remove', path: p.path, removeDirs: [...p.createdDirs] },
      ];
    case 'registry': {
      const ops: Operation[] = [
        p.exists && p.type !== undefined && p.data !== undefined
          ? { op: 'registry-set', key: p.key, name: p.name, type: p.type, data: p.data }
          : { op: 'registry-delete', key: p.key, name: p.name },
      ];
      if (!p.exists && p.keyExisted === false) ops.push({ op: 'registry-delete-key', key: p.key });
      return ops;
    }
    case 'registry-key':
      return [{ op: 'registry-add-key', key: p.key }];
    case 'defaults':
      return [
        p.exists && p.type !== undefined && p.value !== undefined
          ? { op: 'defaults-write', domain: p.domain, key: p.key, type: p.type, value: p.value }
          : { op: 'defaults-delete', domain: p.domain, key: p.key },
      ];
    case 'command':
      return p.inverse ? [{ op: 'command', command: p.inverse, optional: false }] : [];
  }
}

/**
 * The operations that put back the previous states, in reverse order. A systemd reload is added
 * at the end when a unit drop-in was restored (optional: without systemd it takes effect at boot).
 */
export function inverseOperations(results: readonly Pick<OperationResult, 'previous'>[]): Operation[] {
  const ops: Operation[] = [];
  let systemd = false;
  for (const r of [...results].reverse()) {
    if (!r.previous) continue;
    if (r.previous.kind === 'file' && r.previous.path.startsWith('/etc/systemd/')) systemd = true;
    ops.push(...inverseOf(r.previous));
  }
  if (systemd) ops.push({ op: 'command', command: 'systemctl-daemon-reload', optional: true });
  return ops;
}

/** Options of a run. */
export interface ExecuteOptions {
  /** Called before each operation (progress, and tests that inject a failure). */
  readonly beforeEach?: (index: number, op: Operation) => Promise<void> | void;
}

/** Rolls back what was done, newest first; each rollback step is itself recorded. Returns whether all went back. */
async function rollBack(deps: ExecutorDeps, done: readonly OperationResult[]): Promise<boolean> {
  let ok = true;
  for (const result of [...done].reverse()) {
    if (result.status !== 'done' || !result.previous) continue;
    const inverse = inverseOperations([result]).filter((op) => !(op.op === 'command' && op.optional));
    try {
      for (const op of inverse) await applyOne(deps, op);
      result.status = 'rolled-back';
    } catch (error) {
      ok = false;
      result.reason = 'rollback-failed';
      result.detail = error instanceof OperationError ? error.detail : tail(errorText(error));
    }
  }
  // Rolled-back unit files: let systemd know (optional, as above).
  if (
    done.some(
      (r) =>
        r.status === 'rolled-back' &&
        r.previous?.kind === 'file' &&
        r.previous.path.startsWith('/etc/systemd/'),
    )
  ) {
    await runAllowed(deps.host, 'systemctl-daemon-reload').catch(() => undefined);
  }
  return ok;
}

/** Runs the operations in order; on a failure, rolls back what was done, newest first. */
export async function executeOperations(
  deps: ExecutorDeps,
  operations: readonly Operation[],
  options: ExecuteOptions = {},
): Promise<ExecutionResult> {
  const results: OperationResult[] = operations.map((op, index) => ({
    index,
    op,
    status: 'skipped',
    reason: 'not-attempted',
  }));
  let failedAt = -1;
  for (const [index, op] of operations.entries()) {
    const result = results[index]!;
    try {
      await options.beforeEach?.(index, op);
      const outcome = await applyOne(deps, op);
      result.status = outcome.status;
      delete result.reason;
      if (outcome.previous) result.previous = outcome.previous;
    } catch (error) {
      result.reason = error instanceof OperationError ? error.reason : reasonOfRunError(error);
      result.detail = error instanceof OperationError ? error.detail : tail(errorText(error));
      if (op.op === 'command' && op.optional) {
        result.status = 'skipped';
        continue;
      }
      // One program's update failing changes nothing to roll back and must not stop the others.
      if (op.op === 'package-upgrade') {
        result.status = 'failed';
        continue;
      }
      result.status = 'failed';
      failedAt = index;
      break;
    }
  }
  if (failedAt === -1) {
    const changed = results.some((r) => r.status === 'done');
    return { outcome: changed ? 'applied' : 'nothing-to-do', operations: results };
  }
  const back = await rollBack(deps, results.slice(0, failedAt));
  return { outcome: back ? 'rolled-back' : 'failed', operations: results };
}
