/**
 * The checkup's wall time next to the time of the same raw commands run one after the other.
 * The checkup should cost no more than the commands themselves, because probes run in parallel.
 */
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createCapturingHost } from '../src/main/core/exec/capture';
import { createLiveHost, runCommand } from '../src/main/core/exec/live-host';

const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const checkupTimes: number[] = [];
  const sequentialTimes: number[] = [];
  let commands = 0;
  let slowest = '';
  for (let i = 0; i < ROUNDS; i += 1) {
    const host = createCapturingHost(createLiveHost());
    const started = performance.now();
    const report = await runCheckup({ host });
    checkupTimes.push(performance.now() - started);
    const execs = host.entries.filter((e) => e.kind === 'exec' && e.file);
    commands = execs.length;
    const seqStart = performance.now();
    for (const e of execs) {
      await runCommand({ file: e.file!, args: e.args ?? [], timeoutMs: 120_000, okExitCodes: [0, 1, 2, 100, 252] }).catch(() => undefined);
    }
    sequentialTimes.push(performance.now() - seqStart);
    const longest = [...report.probes].sort((a, b) => b.durationMs - a.durationMs)[0];
    slowest = longest ? `${longest.id} ${longest.durationMs} ms` : '';
  }
  const c = median(checkupTimes);
  const s = median(sequentialTimes);
  console.log(`checkup (all probes, parallel, incl. file reads and systeminformation): ${c.toFixed(0)} ms (median of ${ROUNDS})`);
  console.log(`same ${commands} raw commands run one after the other:              ${s.toFixed(0)} ms (median of ${ROUNDS})`);
  console.log(`ratio checkup / sequential commands: ${(c / s).toFixed(2)}  (goal ≤ 1.00) — slowest probe: ${slowest}`);
}
