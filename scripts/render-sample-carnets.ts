/**
 * Renders the sample carnets (this machine's real checkup with Éric's workspace, and the hostile
 * names one) to PDF and PNG pages, for a person to look at: `npx tsx scripts/render-sample-carnets.ts DIR`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createLiveHost } from '../src/main/core/exec/live-host';
import { generateReportPdf } from '../src/main/core/report';
import { duboisWorkspace, hostileCheckup, hostileWorkspace } from '../src/main/core/report/testing/samples';

const dir = process.argv[2] ?? 'test-results/carnets';
const now = new Date();
await mkdir(dir, { recursive: true });
const checkup = await runCheckup({ host: createLiveHost(), lang: 'fr', now });
const samples = [
  ['dubois', await duboisWorkspace(now), checkup],
  ['hostile', await hostileWorkspace(now), hostileCheckup(checkup)],
] as const;
for (const [name, workspace, report] of samples) {
  const { bytes, pages } = await generateReportPdf({
    workspace,
    checkup: report,
    lang: 'fr',
    now,
    inventoryCsv: 'carnet-logiciels.csv',
  });
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', process.env.DPI ?? '60', file, join(dir, name)]);
  console.log(`${file}: ${pages} pages`);
}
