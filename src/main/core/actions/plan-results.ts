/**
 * Where the elevated step leaves its answer: a folder that only the administrator can change
 * (never the owner's workspace, where a link swapped in at the right moment would make the
 * administrator write or change the mode of any file). The app reads the answer from there.
 */
import { readdir, lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../../../shared/facts';
import { ensureOwnedDir, readRegularFile, writeOwnedFile } from './elevated-fs';
import { planIdSchema, planResultSchema, type PlanResult } from './plan-file';

/** The administrator's results folder of each system (created by the elevated step, mode 0755). */
export function defaultResultsDir(platform: Platform): string {
  switch (platform) {
    case 'linux':
      return '/var/lib/revision/results';
    case 'darwin':
      return '/Library/Application Support/Revision/results';
    case 'win32':
      return `${process.env.ProgramData ?? 'C:\\ProgramData'}\\Revision\\results`;
  }
}

/** The result file's name for a plan id. */
export function resultFileName(planId: string): string {
  return `${planIdSchema.parse(planId)}.result.json`;
}

const KEEP_MS = 7 * 24 * 3600_000;

/** Checks (and creates) the results folder: before any operation runs, so a plan never runs without a safe place to answer. */
export async function prepareResultsDir(dir: string): Promise<void> {
  await ensureOwnedDir(dir);
}

/** Writes a plan's result (mode 0644, set before the rename) and removes answers older than a week. */
export async function writePlanResult(dir: string, result: PlanResult, now: Date): Promise<string> {
  const path = await writeOwnedFile(
    dir,
    resultFileName(result.planId),
    JSON.stringify(result, null, 2) + '\n',
    0o644,
  );
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.result.json')) continue;
    const info = await lstat(join(dir, name)).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtimeMs > KEEP_MS) await rm(join(dir, name), { force: true });
  }
  return path;
}

/** The app side: reads a plan's result, or null when there is none (or it is not valid). */
export async function readPlanResult(dir: string, planId: string): Promise<PlanResult | null> {
  try {
    const bytes = await readRegularFile(join(dir, resultFileName(planId)), {
      maxBytes: 2_000_000,
      timeoutMs: 10_000,
    });
    const parsed = planResultSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success && parsed.data.planId === planId ? parsed.data : null;
  } catch {
    return null;
  }
}
