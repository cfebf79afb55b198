/**
 * The outbox: reports waiting for the fleet server, one file each, sent oldest first. Bounded:
 * beyond `max` files the oldest are dropped (and counted), so a computer cut off for months
 * does not fill its disk.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fleetDir, writeAtomic } from './enrolment';

/** Default bound: 200 reports (four years of weekly checkups). */
export const OUTBOX_MAX = 200;

let seq = 0;

/** Creates the outbox of a workspace folder. */
export function createOutbox(home: string, max = OUTBOX_MAX) {
  const dir = join(fleetDir(home), 'outbox');
  const refusedDir = join(fleetDir(home), 'refused');
  const list = async (): Promise<string[]> => {
    try {
      return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    } catch {
      return [];
    }
  };
  return {
    /** Queues one report's JSON text; returns how many old ones were dropped to stay within bounds. */
    async add(body: string, now: Date): Promise<number> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Sortable names: the time, then a counter for reports queued in the same millisecond.
      const name = `${String(now.getTime()).padStart(15, '0')}-${String(seq++ % 1e6).padStart(6, '0')}-${process.pid}.json`;
      await writeAtomic(join(dir, name), body);
      const files = await list();
      const extra = files.slice(0, Math.max(0, files.length - max));
      for (const f of extra) await rm(join(dir, f), { force: true });
      return extra.length;
    },
    /** File names, oldest first. */
    list,
    /** Reads one queued report. */
    read: (name: string): Promise<string> => readFile(join(dir, name), 'utf8'),
    /** Removes a report the server accepted. */
    done: (name: string): Promise<void> => rm(join(dir, name), { force: true }),
    /** Sets aside a report the server refused for good (kept for the prestataire, never resent). */
    async refuse(name: string): Promise<void> {
      await mkdir(refusedDir, { recursive: true, mode: 0o700 });
      await rename(join(dir, name), join(refusedDir, name));
    },
  };
}
