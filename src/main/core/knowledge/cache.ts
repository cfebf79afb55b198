/**
 * The refreshed copies of the data sets in the app's data folder (written by refresh.ts). The
 * loaders use one only when it is valid and newer than the bundled snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eolDataSchema, kevDataSchema } from './schemas';

let dataDir: string | null = null;

/** Tells the loaders where the app's data folder is (the service does, with the workspace folder). */
export function useKnowledgeCache(dir: string | null): void {
  dataDir = dir;
}

/** File names of the cached copies under `<data folder>/knowledge/`. */
export const CACHE_FILES = { eol: 'endoflife.json', kev: 'kev.json' } as const;

/** The date of a data set (what « données du … » shows). */
export function dataDate(set: 'eol' | 'kev', data: unknown): string {
  const d = data as { snapshotCommitDate?: string; dateReleased?: string };
  return (set === 'eol' ? d.snapshotCommitDate : d.dateReleased)?.slice(0, 10) ?? '';
}

/** The cached copy when it is valid and newer than `bundled`, else `bundled`. */
export function newestCopy<T>(set: 'eol' | 'kev', bundled: T): T {
  if (!dataDir) return bundled;
  try {
    const parsed = (set === 'eol' ? eolDataSchema : kevDataSchema).safeParse(
      JSON.parse(readFileSync(join(dataDir, 'knowledge', CACHE_FILES[set]), 'utf8')),
    );
    if (parsed.success && dataDate(set, parsed.data) > dataDate(set, bundled)) return parsed.data as T;
  } catch {
    // No cached copy, or an unreadable one: the bundled snapshot is used.
  }
  return bundled;
}
