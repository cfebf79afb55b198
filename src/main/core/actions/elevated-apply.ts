/**
 * The elevated step: `revision elevated-apply --plan FILE --sha256 HEX`. It executes ONLY a
 * plan file whose hash matches and whose operations are all allow-listed, and writes its answer
 * beside the plan. It never takes a command, a path or a value from anywhere else.
 */
import { chmod } from 'node:fs/promises';
import type { Platform } from '../../../shared/facts';
import type { Host } from '../exec/host';
import { writeFileAtomic } from '../workspace/store';
import { executeOperations, type ExecuteOptions } from './executor';
import { createLiveMachineFiles, type MachineFiles } from './machine-files';
import { PlanRefusedError, loadVerifiedPlan, planIdSchema, resultPathOf, type PlanResult } from './plan-file';

/** What the elevated step needs. */
export interface ElevatedApplyOptions {
  readonly planPath: string;
  readonly sha256: string;
  readonly host: Host;
  readonly files?: MachineFiles;
  readonly platform?: Platform;
  readonly now?: () => Date;
  /** Test seam: called before each operation (e.g. to make one fail for real). */
  readonly beforeEach?: ExecuteOptions['beforeEach'];
}

function planIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const id = base.replace(/\.json$/, '');
  return planIdSchema.safeParse(id).success ? id : 'unknown';
}

/** Verifies and executes a plan file; writes and returns the result. Never throws for a refusal. */
export async function elevatedApply(options: ElevatedApplyOptions): Promise<PlanResult> {
  const now = options.now ?? (() => new Date());
  let result: PlanResult;
  try {
    const plan = await loadVerifiedPlan(options.planPath, options.sha256);
    if (plan.platform !== (options.platform ?? options.host.platform)) {
      throw new PlanRefusedError('wrong-platform', `plan prévu pour ${plan.platform}`);
    }
    const run = await executeOperations({ host: options.host, files: options.files ?? createLiveMachineFiles() }, plan.operations, {
      beforeEach: options.beforeEach,
    });
    result = {
      planId: plan.id,
      sha256: options.sha256,
      outcome: run.outcome,
      operations: run.operations.map((r) => ({
        index: r.index,
        status: r.status,
        ...(r.previous ? { previous: r.previous } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
      })),
      finishedAt: now().toISOString(),
    };
  } catch (error) {
    if (!(error instanceof PlanRefusedError)) throw error;
    result = {
      planId: planIdFromPath(options.planPath),
      sha256: options.sha256,
      outcome: 'refused',
      refusal: error.refusal,
      operations: [],
      finishedAt: now().toISOString(),
    };
  }
  const resultPath = resultPathOf(options.planPath);
  await writeFileAtomic(resultPath, JSON.stringify(result, null, 2) + '\n');
  // Written by the administrator account: the owner's app must be able to read it back.
  await chmod(resultPath, 0o644).catch(() => undefined);
  return result;
}
