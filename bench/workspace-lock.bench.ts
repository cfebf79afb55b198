/**
 * The workspace lock's cost (core/workspace/lock.ts): taking and releasing it with no one else
 * around, taking over a lock left by a killed writer (dead pid, or empty and old), and four
 * stores of one process saving at once.
 */
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LOCK_FILE } from '../src/main/core/workspace/lock';
import { openWorkspace } from '../src/main/core/workspace/store';

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(n: number, fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'revision-bench-lock-'));
  const path = join(dir, LOCK_FILE);
  try {
    const free = await timed(200, async () => (await acquireLock(path))());
    console.log(
      `lock taken and released, no one else: median ${median(free).toFixed(2)} ms, slowest ${Math.max(...free).toFixed(2)} ms (200 times)`,
    );
    const dead = await timed(50, async () => {
      await writeFile(path, '999999999 killed-writer-token-0001\n');
      await (
        await acquireLock(path)
      )();
    });
    console.log(`take-over of a killed writer's lock: median ${median(dead).toFixed(2)} ms (50 times)`);
    const empty = await timed(50, async () => {
      await writeFile(path, '');
      const old = new Date(Date.now() - 10_000);
      await utimes(path, old, old);
      await (
        await acquireLock(path)
      )();
    });
    console.log(`take-over of an empty lock left 10 s ago: median ${median(empty).toFixed(2)} ms (50 times)`);
    const stores = await Promise.all([0, 1, 2, 3].map(() => openWorkspace(dir)));
    const started = performance.now();
    await Promise.all(
      stores.map((s, k) =>
        (async () => {
          for (let i = 0; i < 50; i += 1)
            await s.update(
              (ws) =>
                void ws.history.push({
                  at: new Date().toISOString(),
                  kind: 'note',
                  by: `s${k}`,
                  summary: `${i}`,
                }),
            );
        })(),
      ),
    );
    const total = performance.now() - started;
    console.log(
      `4 stores saving 50 changes each at once: ${total.toFixed(0)} ms in all, ${(total / 200).toFixed(1)} ms a save`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
