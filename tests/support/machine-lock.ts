/**
 * Tests that change this machine for real (apt settings, unattended-upgrades, timer drop-ins)
 * take this lock, so that they never run at the same time, whether in parallel vitest workers,
 * the e2e run, or two developers' runs. The lock is a directory (mkdir is atomic) holding the
 * owner's pid; a lock whose process is gone, or left without a pid, is taken over.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const LOCK_DIR = join(tmpdir(), 'revision-machine-test.lock');

/** Whether a process is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the lock directory has stood without a pid for more than 5 s (a few writes never take that long). */
async function orphaned(): Promise<boolean> {
  const info = await stat(LOCK_DIR).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > 5_000;
}

async function acquire(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      await writeFile(join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch {
      const pid = Number(await readFile(join(LOCK_DIR, 'pid'), 'utf8').catch(() => 'NaN'));
      if (Number.isFinite(pid) && pid > 0 && !alive(pid)) {
        await rm(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      // A lock without its pid for a while: its holder stopped between mkdir and writing the pid,
      // or in the middle of releasing it (a worker thread ended mid-rm). Nobody holds it.
      if (!(pid > 0) && (await orphaned())) {
        await rm(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`machine test lock still held by pid ${pid} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Runs `fn` while holding the machine lock. */
export async function withMachineLock<T>(fn: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
  await acquire(timeoutMs);
  try {
    return await fn();
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}
