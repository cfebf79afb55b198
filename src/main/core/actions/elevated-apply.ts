/**
 * The elevated step: `revision elevated-apply --plan FILE --sha256 HEX`. It executes ONLY a
 * plan file whose hash matches and whose operations are all allow-listed, and writes its answer
 * in its own results folder (plan-results.ts). A refused plan creates nothing anywhere: the
 * refusal is told by the exit code and one line on standard output. It never takes a command,
 * a path or a value from anywhere else.
 */
import { stat } from 'node:fs/promises';
import type { Platform } from '../../../shared/facts';
import type { Host } from '../exec/host';
import { parentOf } from './elevated-fs';
import { executeOperations, type ExecuteOptions } from './executor';
import { createLiveMachineFiles, type MachineFiles } from './machine-files';
import { PlanRefusedError, loadVerifiedPlan, planIdSchema, type PlanResult } from './plan-file';
import { defaultResultsDir, prepareResultsDir, writePlanResult } from './plan-results';

/** What the elevated step needs. */
export interface ElevatedApplyOptions {
  readonly planPath: string;
  readonly sha256: string;
  readonly host: Host;
  readonly files?: MachineFiles;
  readonly platform?: Platform;
  readonly now?: () => Date;
  /** Where the answer goes (tests only; default: the system's administrator folder). */
  readonly resultsDir?: string;
  /** Test seam: called before each operation (e.g. to make one fail for real). */
  readonly beforeEach?: ExecuteOptions['beforeEach'];
}

function planIdFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const id = base.replace(/\.json$/, '');
  return planIdSchema.safeParse(id).success ? id : 'unknown';
}

/**
 * Who may own the plan file: the administrator, the account that asked (pkexec and sudo say
 * which) and the owner of the folder holding it (the owner's own plans folder).
 */
async function allowedOwners(planPath: string): Promise<Set<number>> {
  const owners = new Set<number>([0]);
  if (typeof process.geteuid === 'function') owners.add(process.geteuid());
  for (const v of [process.env.PKEXEC_UID, process.env.SUDO_UID])
    if (v && /^\d+$/.test(v)) owners.add(Number(v));
  const folder = await stat(parentOf(planPath)).catch(() => null);
  if (folder?.isDirectory()) owners.add(folder.uid);
  return owners;
}

/** Verifies and executes a plan file; writes and returns the result. Never throws for a refusal. */
export async function elevatedApply(options: ElevatedApplyOptions): Promise<PlanResult> {
  const now = options.now ?? (() => new Date());
  const resultsDir = options.resultsDir ?? defaultResultsDir(options.platform ?? options.host.platform);
  let plan;
  try {
    plan = await loadVerifiedPlan(options.planPath, options.sha256, await allowedOwners(options.planPath));
    if (plan.platform !== (options.platform ?? options.host.platform)) {
      throw new PlanRefusedError('wrong-platform', `plan prévu pour ${plan.platform}`);
    }
  } catch (error) {
    if (!(error instanceof PlanRefusedError)) throw error;
    // Refused before anything is created: no result file, no folder.
    const refusal = error.refusal;
    return {
      planId: planIdFromPath(options.planPath),
      sha256: options.sha256,
      outcome: 'refused',
      refusal,
      operations: [],
      finishedAt: now().toISOString(),
    };
  }
  // No operation runs unless the answer can be written where only the administrator can change it.
  await prepareResultsDir(resultsDir);
  const run = await executeOperations(
    { host: options.host, files: options.files ?? createLiveMachineFiles() },
    plan.operations,
    {
      beforeEach: options.beforeEach,
    },
  );
  const result: PlanResult = {
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
  await writePlanResult(resultsDir, result, now());
  return result;
}
