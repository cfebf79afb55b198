/**
 * How long the owner waits after clicking « Activer les mises à jour automatiques » before the plan
 * shows: reading the facts on this machine (identity + auto-updates probes) and computing the plan,
 * plus the pure planning step alone on the Windows capture. Read-only: nothing is applied.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAutoUpdatesApi } from '../src/main/core/actions';
import { computePlan } from '../src/main/core/actions/planners';
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createReplayHost, loadCapture } from '../src/main/core/exec/capture';
import { createService } from '../src/main/core/service';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Prints the median time of a live plan and of the pure planning step. */
export async function run(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'revision-bench-plan-'));
  try {
    const service = await createService({ home });
    const api = createAutoUpdatesApi(service.context);
    const live: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t = performance.now();
      await api.plan({ schedule: 'night', lang: 'fr' });
      live.push(performance.now() - t);
    }
    console.log(`plan on this machine (facts + plan + plan file), median of 5: ${median(live).toFixed(0)} ms`);

    const capture = await loadCapture(new URL('../tests/fixtures/windows/win11-25h2-pro-fr-policy-off-restart-bitdefender', import.meta.url).pathname);
    const facts = (await runCheckup({ host: createReplayHost(capture) })).facts;
    const n = 10_000;
    const t = performance.now();
    for (let i = 0; i < n; i += 1) computePlan(facts, 'weekend', 'win32');
    console.log(`computePlan (Windows capture, pure), per plan: ${(((performance.now() - t) / n) * 1000).toFixed(1)} µs`);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
