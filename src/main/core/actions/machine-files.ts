/**
 * Writing files on the machine, for the elevated side only. The Host reads; this writes.
 * Kept as an interface so the executor's file logic is the same code in tests and for real.
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UnsafePathError, readRegularFileInfo, replaceFileAtomically } from './elevated-fs';

/** The file operations the executor needs. */
export interface MachineFiles {
  /** The bytes and mode of a file, or null when it does not exist. */
  read(path: string): Promise<{ bytes: Buffer; mode: number } | null>;
  /** Writes a whole file atomically (temp file in the same folder, fsync, rename) with a mode. */
  write(path: string, bytes: Buffer, mode: number): Promise<void>;
  remove(path: string): Promise<void>;
  /** Creates the folder and its missing parents; returns the folders it created, outermost first. */
  ensureDir(path: string): Promise<string[]>;
  /** Removes a folder if it is empty; returns whether it was removed. */
  removeDirIfEmpty(path: string): Promise<boolean>;
}

/** Whether a folder exists (a link in its place is refused, never followed). */
async function dirExists(path: string): Promise<boolean> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink() || !info.isDirectory())
      throw new UnsafePathError(`${path} : pas un dossier (lien refusé)`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The real file system. `root` (tests only) places every path under a folder, so the same code
 * writes real files without touching the machine's own configuration.
 */
export function createLiveMachineFiles(root = ''): MachineFiles {
  const at = (path: string): string => (root ? join(root, path) : path);
  return {
    async read(path) {
      try {
        // No link followed, no FIFO waited on: bytes and mode come from the same open file.
        return await readRegularFileInfo(at(path), { maxBytes: 10_000_000, timeoutMs: 30_000 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(path, bytes, mode) {
      await replaceFileAtomically(`${at(path)}.revision-${randomUUID()}.tmp`, at(path), bytes, mode);
    },
    async remove(path) {
      await rm(at(path), { force: true });
    },
    async ensureDir(path) {
      const missing: string[] = [];
      let current = path;
      while (!(await dirExists(at(current)))) {
        missing.unshift(current);
        const parent = dirname(current);
        if (parent === current) break;
        current = parent;
      }
      if (missing.length > 0) await mkdir(at(path), { recursive: true, mode: 0o755 });
      return missing;
    },
    async removeDirIfEmpty(path) {
      try {
        await rmdir(at(path));
        return true;
      } catch {
        return false;
      }
    },
  };
}
