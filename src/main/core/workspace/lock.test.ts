import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onSavedLines } from '../../../../tests/support/saved-lines';
import { acquireLock, LOCK_FILE } from './lock';
import { openWorkspace } from './store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lockPath = (): string => join(dir, LOCK_FILE);
const backdate = (path: string, seconds: number): Promise<void> => {
  const then = new Date(Date.now() - seconds * 1000);
  return utimes(path, then, then);
};

describe('a lock left behind', () => {
  it('an empty lock (killed between creating it and writing it) does not block saves for good', async () => {
    await writeFile(lockPath(), '');
    await backdate(lockPath(), 5);
    const store = await openWorkspace(dir);
    const started = Date.now();
    await expect(store.update((ws) => void (ws.company.name = 'Garage Martin'))).resolves.toMatchObject({
      company: { name: 'Garage Martin' },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a fresh empty lock is respected: its writer may be writing its pid right now', async () => {
    await writeFile(lockPath(), '');
    await expect(acquireLock(lockPath(), 300)).rejects.toThrow(/busy/);
  });

  it('a lock holding garbage, older than a few seconds, is stale too', async () => {
    await writeFile(lockPath(), '\u0000\u0000garbage');
    await backdate(lockPath(), 5);
    const release = await acquireLock(lockPath(), 1_000);
    await release();
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
  });

  it('a live holder is waited for, and its lock is never removed by a waiter', async () => {
    const release = await acquireLock(lockPath());
    const text = await readFile(lockPath(), 'utf8');
    expect(text).toMatch(new RegExp(`^${process.pid} [0-9a-f-]{36}\\n$`));
    await expect(acquireLock(lockPath(), 200)).rejects.toThrow(/busy/);
    expect(await readFile(lockPath(), 'utf8')).toBe(text);
    await release();
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
  });

  it('a release after a takeover removes only its own lock, never the new holder’s', async () => {
    const release = await acquireLock(lockPath());
    // Someone judged it stale and took over (the owner was too slow): the lock now holds another token.
    await writeFile(lockPath(), '999999999 someone-else-token-0001\n');
    await release();
    expect(await readFile(lockPath(), 'utf8')).toBe('999999999 someone-else-token-0001\n');
  });

  it('many waiters taking over one dead lock: one holder at a time', async () => {
    await writeFile(lockPath(), '999999999 dead-writer-token-0001\n');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const release = await acquireLock(lockPath());
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 3));
        inside -= 1;
        await release();
      }),
    );
    expect(most).toBe(1);
  });
});

describe('three writers killed again and again (kill -9)', () => {
  const script = resolve(import.meta.dirname, 'multi-writer.script.ts');
  let bundleDir: string;
  let bundle: string;
  beforeAll(async () => {
    // One bundle so that each of the 300+ processes starts in milliseconds (no TypeScript loader).
    bundleDir = await mkdtemp(join(tmpdir(), 'revision-writer-'));
    bundle = join(bundleDir, 'writer.mjs');
    await build({
      entryPoints: [script],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'error',
    });
  });
  afterAll(() => rm(bundleDir, { recursive: true, force: true }));

  /** A small seeded generator (mulberry32), so that a failure can be replayed with its seed. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** Starts a writer at `start`, kills it once it reported `saves` saves plus `extraMs`; returns what it reported. */
  const runOnce = (tag: string, start: number, saves: number, extraMs: number): Promise<number[]> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [bundle, dir, tag, String(start)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const reported: number[] = [];
      let stderr = '';
      let killing = false;
      onSavedLines(child.stdout, (n) => {
        reported.push(n);
        if (reported.length >= saves && !killing) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') done(reported);
        else fail(new Error(`writer ${tag} stopped by itself (${code}): ${stderr}`));
      });
    });

  it('lose no save and are never blocked', { timeout: 300_000 }, async () => {
    const seed = Number(process.env.REVISION_LOCK_SEED ?? Date.now() % 1_000_000);
    console.log(`three writers: seed ${seed} (REVISION_LOCK_SEED=${seed} to replay)`);
    const next = random(seed);
    await openWorkspace(dir);
    const kills = 100;
    const reported = new Map<string, number[]>();
    await Promise.all(
      ['a', 'b', 'c'].map(async (tag) => {
        const mine: number[] = [];
        for (let k = 0; k < kills; k += 1) {
          const start = (mine.at(-1) ?? 0) + 1;
          mine.push(...(await runOnce(tag, start, 1 + Math.floor(next() * 3), Math.floor(next() * 12))));
        }
        reported.set(tag, mine);
      }),
    );
    const store = await openWorkspace(dir);
    expect(store.notices).toEqual([]);
    const onDisk = new Set(store.read().history.map((h) => h.summary));
    const lost = [...reported]
      .flatMap(([tag, ns]) => ns.map((n) => `${tag} ${n}`))
      .filter((s) => !onDisk.has(s));
    console.log(
      `three writers: ${kills * 3} kills, ${[...reported.values()].flat().length} saves reported, ${lost.length} lost`,
    );
    expect(lost).toEqual([]);
  });
});
