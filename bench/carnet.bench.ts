/**
 * Issue 14's costs: the register overview (tasks, « à tester », restorable items) the dashboard
 * asks for on every change, the .ics of a busy carnet, and the schedule's decisions over a
 * simulated year (what the hourly tick costs).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCalendar } from '../src/main/core/calendar';
import { createService } from '../src/main/core/service';
import { chooseNotification, shouldCheckNow } from '../src/main/core/schedule';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'revision-bench-carnet-'));
  try {
    const service = await createService({ home, now: () => new Date('2026-06-01T09:00:00') });
    await service.context.store.update((ws) => {
      for (let i = 0; i < 50; i += 1)
        ws.devices.push({
          id: `d${i}`,
          kind: 'android-phone',
          name: `Téléphone ${i}`,
          addedAt: '2026-01-01',
          steps: {},
        });
      for (let i = 0; i < 30; i += 1) {
        ws.software.push({
          id: `s${i}`,
          name: `Logiciel ${i}`,
          version: '1.0',
          category: 'autre',
          critical: i % 2 === 0,
          detected: false,
        });
        ws.tasks[`vendor:s${i}`] = { assignee: { kind: 'provider' }, due: '2026-05-20' };
      }
    });
    const times: number[] = [];
    let tasks = 0;
    for (let i = 0; i < 30; i += 1) {
      const start = performance.now();
      tasks = (await service.carnetOverview()).tasks.length;
      times.push(performance.now() - start);
    }
    console.log(
      `carnet overview, 50 devices + 30 programs (${tasks} tasks): median ${median(times).toFixed(2)} ms`,
    );

    const overview = await service.carnetOverview();
    const ics: number[] = [];
    let size = 0;
    for (let i = 0; i < 30; i += 1) {
      const start = performance.now();
      size = buildCalendar({
        workspace: await service.workspaceGet(),
        tasks: overview.tasks,
        now: new Date(),
        lang: 'fr',
      }).length;
      ics.push(performance.now() - start);
    }
    console.log(
      `calendar .ics (${overview.tasks.filter((t) => t.due).length} due days): median ${median(ics).toFixed(2)} ms, ${(size / 1024).toFixed(1)} KiB`,
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }

  const start = performance.now();
  let checks = 0;
  let last: Date | null = null;
  const t0 = new Date('2026-01-01T00:00:00').getTime();
  for (let t = t0; t < t0 + 365 * 86_400_000; t += 3_600_000) {
    const now = new Date(t);
    if (!shouldCheckNow(last, now)) continue;
    last = now;
    checks += 1;
    chooseNotification({
      watch: { lastStates: { a: 'ok' }, previousStates: { a: 'ok' } },
      toTest: [],
      overdue: [],
      now,
    });
  }
  console.log(
    `schedule, a year of hourly ticks (8,760): ${(performance.now() - start).toFixed(1)} ms, ${checks} checks`,
  );
}
