/**
 * The cost of the text pass (fonts, emoji, right-to-left) in the carnet: the same carnet of 50
 * devices and 50 programs rendered with plain French names and with hostile ones (Hebrew, Arabic,
 * emoji, Chinese), and the pass alone over the finished document definition.
 */
import { emptyWorkspace, type Workspace } from '../src/shared/workspace';
import { generateReportPdf } from '../src/main/core/report';
import { buildDocument } from '../src/main/core/report/document';
import { resolveAssetsDir } from '../src/main/core/report/assets';
import { passDocument } from '../src/main/core/report/text-pass';
import { loadCoverage } from '../src/main/core/report/text-runs';

const PLAIN = ['Caisse de l’accueil', 'Portable de Zoé', 'PC du bureau — étage', 'Tablette « vitrine »'];
const HOSTILE = [
  'Boulangerie שלום 2024',
  'مخبز الحي',
  'Café ☕ 😀 € œ',
  'Caisse 🧾🚚 n°2',
  '中文 收银台',
  'Famille 👨‍👩‍👧 👍🏽',
];

/** A workspace of 50 devices and 50 programs named from a list. */
function workspaceWith(names: string[], now: Date): Workspace {
  const name = (i: number) => `${names[i % names.length]} ${i + 1}`;
  return {
    ...emptyWorkspace(now),
    company: { name: name(0) },
    provider: { name: name(1), email: 'support@exemple.fr' },
    devices: Array.from({ length: 50 }, (_, i) => ({
      id: `d${i}`,
      kind: 'android-phone',
      name: name(i),
      addedAt: now.toISOString(),
      steps: {},
    })),
    software: Array.from({ length: 50 }, (_, i) => ({
      id: `s${i}`,
      name: name(i),
      version: null,
      category: 'autre',
      critical: i % 3 === 0,
      detected: false,
    })),
  };
}

/** Prints render times (median of 3, after a warm-up) with plain and hostile names, and the pass alone. */
export async function run(): Promise<void> {
  const now = new Date();
  const opened = performance.now();
  loadCoverage(resolveAssetsDir());
  console.log(
    `opening the three fonts to know what they draw: ${(performance.now() - opened).toFixed(0)} ms (once per process)`,
  );
  for (const [label, names] of [
    ['plain names', PLAIN],
    ['hostile names', HOSTILE],
  ] as const) {
    const workspace = workspaceWith(names, now);
    await generateReportPdf({ workspace, checkup: null, lang: 'fr', now });
    const times: number[] = [];
    const cpus: number[] = [];
    let pages = 0;
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      pages = (await generateReportPdf({ workspace, checkup: null, lang: 'fr', now })).pages;
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    // CPU time too: on a shared, busy machine the wall-clock figure mostly measures the others.
    const median = times.sort((a, b) => a - b)[1] as number;
    const cpuMedian = cpus.sort((a, b) => a - b)[1] as number;
    const { model } = await generateReportPdf({ workspace, checkup: null, lang: 'fr', now });
    const definition = buildDocument(model);
    const coverage = loadCoverage(resolveAssetsDir());
    passDocument(definition, coverage);
    const started = performance.now();
    for (let i = 0; i < 10; i += 1) passDocument(definition, coverage);
    const pass = (performance.now() - started) / 10;
    console.log(
      `carnet 50 devices + 50 programs, ${label}: render ${median.toFixed(0)} ms wall, ${cpuMedian.toFixed(0)} ms CPU (medians of 3), ${pages} pages; text pass alone ${pass.toFixed(2)} ms`,
    );
  }
}
