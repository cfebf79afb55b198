/**
 * Matching programs against both data sets (issue 12, goal < 50 ms for 5,000 programs): a mix of
 * real Windows names (recognised, look-alikes and unknown ones) and this Debian's real package list.
 */
import type { InstalledApplication } from '../src/shared/facts';
import { loadEolData } from '../src/main/core/knowledge/eol';
import { kevIndex, loadKevData } from '../src/main/core/knowledge/kev';
import { assessPrograms } from '../src/main/core/programs/assess';
import { debianFacts } from '../src/main/core/programs/testing';

const WINDOWS: readonly [string, string, string][] = [
  ['Mozilla Firefox (x64 fr)', '144.0', 'Mozilla'],
  ['Microsoft Office Professionnel Plus 2016', '16.0.4266.1001', 'Microsoft Corporation'],
  ['7-Zip 19.00 (x64)', '19.00', 'Igor Pavlov'],
  ['Notepad++ (64-bit x64)', '8.2.1', 'Notepad++ Team'],
  ['Logiciel de caisse', '4.2.1', 'Caisse SARL'],
  [
    'Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.44.35211',
    '14.44.35211.0',
    'Microsoft Corporation',
  ],
  ['VirtualBox', '6.1.50', 'Oracle Corporation'],
  ['Firefox Password Exporter', '1.0', 'Some Dev'],
];

function windowsApps(count: number): InstalledApplication[] {
  return Array.from({ length: count }, (_, i) => {
    const [name, version, publisher] = WINDOWS[i % WINDOWS.length]!;
    return {
      name: i < WINDOWS.length ? name : `${name} ${i}`,
      version,
      publisher,
      source: 'registry' as const,
    };
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

/** Prints the median time of assessing 5,000 programs (data already loaded, as in the app after the first checkup). */
export async function run(): Promise<void> {
  const eol = loadEolData();
  const kev = loadKevData();
  kevIndex(kev);
  const debian = debianFacts();
  const cases = [
    { label: '5,000 Windows programs', facts: { inventory: { applications: windowsApps(5000) } } },
    {
      label: `5,000 Debian packages (${debian.inventory!.applications.length} real, repeated)`,
      facts: {
        ...debian,
        inventory: {
          applications: Array.from(
            { length: 5000 },
            (_, i) => debian.inventory!.applications[i % debian.inventory!.applications.length]!,
          ),
        },
      },
    },
  ];
  const now = new Date('2026-11-28T10:00:00Z');
  for (const c of cases) {
    const times: number[] = [];
    let listed = 0;
    for (let i = 0; i < 15; i += 1) {
      const start = performance.now();
      listed = assessPrograms({ facts: c.facts, now, eol, kev }).programs.length;
      times.push(performance.now() - start);
    }
    console.log(
      `match ${c.label} against end-of-life + KEV: median ${median(times).toFixed(1)} ms (goal < 50 ms), ${listed} programs listed`,
    );
  }
}
