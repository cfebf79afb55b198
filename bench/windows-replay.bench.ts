/**
 * Replays a whole Windows checkup whose script reports 1,500 installed programs (plus Store apps),
 * built from the real entries of tests/fixtures/windows (names, publishers, version shapes varied
 * per copy, some duplicated across the 64/32-bit views, some hidden, some without version), and
 * prints the time of the replay and of the inventory parsing alone.
 */
import { join } from 'node:path';
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createReplayHost, loadCapture, type Capture } from '../src/main/core/exec/capture';
import { windowsInventoryFacts } from '../src/main/core/platforms/windows/parse';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'windows');

interface RegistryEntry {
  source: string;
  key: string;
  name: string;
  version: string | null;
  publisher: string | null;
  installDate: string | null;
  systemComponent: boolean;
  parentKeyName: string | null;
  releaseType: string | null;
}

/** The real registry entries of every Windows fixture, as seeds. */
async function seeds(): Promise<{ base: Capture; entries: RegistryEntry[] }> {
  const names = ['win10-22h2-home-old-signatures', 'win11-25h2-pro-fr-policy-off-restart-bitdefender', 'winserver-2019-datacenter'];
  const entries: RegistryEntry[] = [];
  let base: Capture | null = null;
  for (const name of names) {
    const capture = await loadCapture(join(FIXTURES, name));
    base ??= capture;
    const main = capture.entries.find((e) => e.key === 'windows-checkup.ps1');
    const doc = JSON.parse(main?.stdout ?? '{}') as { apps?: { registry?: RegistryEntry[] } };
    entries.push(...(doc.apps?.registry ?? []));
  }
  return { base: base!, entries };
}

/** 1,500 programs: each seed copied with a varied name and version; every 10th duplicated in the 32-bit view, every 25th hidden. */
function generate(entries: readonly RegistryEntry[], count: number): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  const sources = ['registry', 'registry-32', 'registry-user'];
  for (let i = 0; out.length < count; i += 1) {
    const seed = entries[i % entries.length]!;
    const n = Math.floor(i / entries.length);
    const version = i % 17 === 0 ? null : seed.version ? `${seed.version.split('.')[0]}.${n}.${i % 100}` : `${n}.${i % 10}`;
    const entry: RegistryEntry = {
      ...seed,
      source: sources[i % 3]!,
      key: `${seed.key}-${i}`,
      name: `${seed.name} ${n}`,
      version,
      installDate: i % 7 === 0 ? null : `20${String(10 + (i % 15)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
      systemComponent: i % 25 === 0,
    };
    out.push(entry);
    if (i % 10 === 0 && out.length < count) out.push({ ...entry, source: 'registry-32', key: `${entry.key}-wow` });
  }
  return out;
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const { base, entries } = await seeds();
  const registry = generate(entries, 1500);
  const main = base.entries.find((e) => e.key === 'windows-checkup.ps1')!;
  const doc = JSON.parse(main.stdout!) as { apps: { registry: RegistryEntry[]; store: unknown } };
  doc.apps.registry = registry;
  const stdout = JSON.stringify(doc);
  const capture: Capture = { ...base, entries: base.entries.map((e) => (e === main ? { ...e, stdout } : e)) };

  const rounds = 20;
  const times: number[] = [];
  let apps = 0;
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    const report = await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!) });
    times.push(performance.now() - started);
    apps = report.inventory.applications.length;
  }
  const parseStarted = performance.now();
  for (let i = 0; i < rounds; i += 1) windowsInventoryFacts(doc.apps as unknown as Record<string, unknown>);
  const parseMs = (performance.now() - parseStarted) / rounds;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`registry entries in the script output: ${registry.length} (${(stdout.length / 1024).toFixed(0)} KiB of JSON)`);
  console.log(`applications after hiding and merging: ${apps}`);
  console.log(`whole checkup replay: median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${rounds} runs`);
  console.log(`inventory parsing alone: ${parseMs.toFixed(2)} ms`);
}
