/** Atomic file writes (temp file, fsync, rename, fsync of the folder), shared by the store and the plans. */
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

let tmpCounter = 0;

/** Errors Windows gives while an antivirus or the indexer holds the file for a moment. */
const transientRenameCodes = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= 4 || !transientRenameCodes.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Flushes a folder's entries to disk, so a rename survives a power cut (not possible on Windows: skipped). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: some file systems refuse fsync on a folder.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, fsync, then rename over the target.
 * A reader (or a process killed at any instant) sees either the old file or the new one, whole.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  tmpCounter += 1;
  const tmp = `${path}.${process.pid}.${Date.now()}.${tmpCounter}.tmp`;
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}
