/**
 * The Debian checkup's wall time (goal ≤ 1.0 s on a 2-core machine) and its ratio against the
 * raw commands of the former method (`apt-get -s dist-upgrade` in place of `apt list --upgradable`),
 * run one after the other (goal ≤ 0.4). Also prints how the two pending-update counts compare.
 */
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createCapturingHost } from '../src/main/core/exec/capture';
import { createLiveHost, runCommand } from '../src/main/core/exec/live-host';
import { compareWithSimulation } from '../src/main/core/platforms/linux/apt-upgradable';
import { parseAptSimulate } from '../src/main/core/platforms/linux/pending-updates';

const ROUNDS = 5;
const OLD_PENDING = { file: 'apt-get', args: ['-s', '-q', 'dist-upgrade'] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function sequential(commands: readonly { file: string; args: readonly string[] }[]): Promise<number> {
  const started = performance.now();
  for (const c of commands) {
    await runCommand({
      file: c.file,
      args: c.args,
      timeoutMs: 120_000,
      okExitCodes: [0, 1, 2, 100, 252],
    }).catch(() => undefined);
  }
  return performance.now() - started;
}

/** Prints the figures. */
export async function run(): Promise<void> {
  if (process.platform !== 'linux') return console.log('(Debian only: skipped)');
  const wall: number[] = [];
  const former: number[] = [];
  let slowest = '';
  for (let i = 0; i < ROUNDS; i += 1) {
    const host = createCapturingHost(createLiveHost());
    const started = performance.now();
    const report = await runCheckup({ host });
    wall.push(performance.now() - started);
    const execs = host.entries
      .filter((e) => e.kind === 'exec' && e.file)
      .map((e) => ({ file: e.file!, args: e.args ?? [] }));
    // The former method: the same commands, the pending updates read by the upgrade simulation.
    const old = execs.map((c) => (c.file === 'apt' && c.args[0] === 'list' ? OLD_PENDING : c));
    former.push(await sequential(old));
    const longest = [...report.probes].sort((a, b) => b.durationMs - a.durationMs)[0];
    slowest = longest ? `${longest.id} ${longest.durationMs} ms` : '';
  }
  const w = median(wall);
  const f = median(former);
  console.log(
    `Debian checkup wall time: ${w.toFixed(0)} ms (median of ${ROUNDS}; goal ≤ 1000 ms) — slowest probe: ${slowest}`,
  );
  console.log(`former method's raw commands, one after the other: ${f.toFixed(0)} ms (median of ${ROUNDS})`);
  console.log(`ratio checkup / former raw commands: ${(w / f).toFixed(2)} (goal ≤ 0.40)`);
  const env = { LC_ALL: 'C.UTF-8' };
  const [list, sim] = await Promise.all([
    runCommand({ file: 'apt', args: ['list', '--upgradable'], env, timeoutMs: 60_000 }),
    runCommand({ file: 'apt-get', args: ['-s', '-q', 'dist-upgrade'], env, timeoutMs: 120_000 }),
  ]);
  const d = compareWithSimulation(list.stdout, sim.stdout, parseAptSimulate(sim.stdout));
  console.log(
    `pending updates: apt list ${d.listed} (${d.securityListed} security) vs simulation ${d.simulated} (${d.securitySimulated} security); ` +
      `new dependencies ${d.newDependencies.length}, kept back ${d.keptBack.length}, unexplained ${d.unexplained.length}`,
  );
}
