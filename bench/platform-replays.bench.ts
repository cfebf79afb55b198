/**
 * Replays every Windows and macOS capture of tests/fixtures (issue 11's included) 20 times each and
 * prints the median time of one whole replayed checkup per platform: the cost of reading the new
 * evidence (update runs, real-time protection, drivers, restart needs) on the judgement side.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createReplayHost, loadCapture } from '../src/main/core/exec/capture';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');
const ROUNDS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Prints, per platform, the number of captures and the median replay time. */
export async function run(): Promise<void> {
  for (const platform of ['windows', 'macos']) {
    const dirs = (await readdir(join(FIXTURES, platform), { withFileTypes: true })).filter((d) =>
      d.isDirectory(),
    );
    const times: number[] = [];
    for (const dir of dirs) {
      const capture = await loadCapture(join(FIXTURES, platform, dir.name));
      for (let i = 0; i < ROUNDS; i += 1) {
        const start = performance.now();
        await runCheckup({
          host: createReplayHost(capture),
          now: new Date(capture.manifest.now ?? Date.now()),
        });
        times.push(performance.now() - start);
      }
    }
    console.log(
      `${platform}: ${dirs.length} captures × ${ROUNDS} replays, median ${median(times).toFixed(2)} ms per checkup`,
    );
  }
}
