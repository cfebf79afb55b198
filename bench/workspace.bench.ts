/**
 * The workspace store's cost: opening, and one saved change (re-read of the file, atomic backup,
 * atomic write with fsync), on an empty carnet and on a carnet after years of use.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, WORKSPACE_FILE } from '../src/main/core/workspace/store';

const CHANGES = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measure(label: string, history: number, devices: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'revision-bench-ws-'));
  try {
    const seed = await openWorkspace(dir);
    await seed.update((ws) => {
      for (let i = 0; i < devices; i += 1)
        ws.devices.push({
          id: `d${i}`,
          kind: 'android-phone',
          name: `Téléphone ${i}`,
          addedAt: '2026-01-01',
          steps: { a: '2026-01-02' },
        });
      for (let i = 0; i < history; i += 1)
        ws.history.push({
          at: '2026-01-01T00:00:00Z',
          kind: 'checkup',
          by: 'eric',
          summary: `checkup live: ${i} ok`,
          key: 'history.checkup',
          counts: { ok: 5, attention: 1, danger: 0, unknown: 1 },
        });
    });
    const size = (await stat(join(dir, WORKSPACE_FILE))).size;
    const openStart = performance.now();
    const store = await openWorkspace(dir);
    const openMs = performance.now() - openStart;
    const times: number[] = [];
    for (let i = 0; i < CHANGES; i += 1) {
      const started = performance.now();
      await store.update((ws) => void (ws.missions[`task-${i}`] = new Date().toISOString()));
      times.push(performance.now() - started);
    }
    console.log(
      `${label}: file ${(size / 1024).toFixed(0)} KiB, open ${openMs.toFixed(1)} ms, one change median ${median(times).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms (${CHANGES} changes)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints the figures. */
export async function run(): Promise<void> {
  await measure('empty carnet', 0, 0);
  await measure('5 years of weekly checkups + 30 devices', 260, 30);
  await measure('heavy: 10,000 logbook entries + 500 devices', 10_000, 500);
}
