/**
 * The carnet d'entretien at fleet scale: 50 devices and 2,000 installed programs (goal: well
 * under 2 s to lay out and render). The checkup is a real one of this machine, its inventory
 * replaced by 2,000 programs built from its real package names (varied, repeated with suffixes).
 */
import type { CheckupReport } from '../src/shared/checkup';
import { deviceKinds, emptyWorkspace, type Workspace } from '../src/shared/workspace';
import { runCheckup } from '../src/main/core/checkup/run-checkup';
import { createLiveHost } from '../src/main/core/exec/live-host';
import { generateReportPdf } from '../src/main/core/report';
import { buildEmail } from '../src/main/core/report/email';
import { pdfPages, squash } from '../src/main/core/report/testing/pdf-text';
import { duboisWorkspace, hostileCheckup, hostileWorkspace } from '../src/main/core/report/testing/samples';

/** Prints the time to generate the PDF (first run includes loading the fonts) and its size. */
export async function run(): Promise<void> {
  const now = new Date();
  const checkup = await runCheckup({ host: createLiveHost(), lang: 'fr', now });
  const real = checkup.inventory.applications;
  const applications = Array.from({ length: 2000 }, (_, i) => {
    const base = real[i % Math.max(1, real.length)];
    return {
      name: `${base?.name ?? 'programme'}${i >= real.length ? `-${Math.floor(i / Math.max(1, real.length))}` : ''}`,
      version: base?.version ?? null,
      publisher: base?.publisher ?? null,
      source: base?.source ?? 'dpkg',
      installDate: null,
    };
  });
  const big: CheckupReport = { ...checkup, inventory: { applications } };
  const workspace: Workspace = {
    ...emptyWorkspace(now),
    company: { name: 'Réseau de boutiques — bench' },
    provider: { name: 'Prestataire', email: 'support@exemple.fr' },
    devices: Array.from({ length: 50 }, (_, i) => ({
      id: `d${i}`,
      kind: deviceKinds[i % deviceKinds.length]!,
      name: `Appareil n°${i + 1}`,
      addedAt: now.toISOString(),
      steps: {},
    })),
    software: Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      name: `Logiciel métier ${i + 1}`,
      version: i % 3 ? `${i}.0` : null,
      category: 'autre',
      critical: i % 4 === 0,
      detected: false,
    })),
    history: Array.from({ length: 300 }, (_, i) => ({
      at: new Date(now.getTime() - i * 86_400_000).toISOString(),
      kind: 'checkup',
      by: 'eric',
      summary: 'checkup',
      key: 'history.checkup',
      counts: { ok: 4, attention: 2, danger: 1, unknown: 0 },
    })),
  };
  for (const label of ['first (fonts loaded)', 'second', 'third']) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { bytes, pages } = await generateReportPdf({ workspace, checkup: big, lang: 'fr', now });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // CPU time too: on a shared, busy machine the wall-clock figure mostly measures the others.
    console.log(
      `report.pdf 50 devices + 2,000 programs, ${label}: ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KiB`,
    );
  }
  // Éric's carnet (this machine, 2 phones, a site, tasks): time, and how many pages the owner reads before the annex.
  const dubois = await duboisWorkspace(now);
  for (const [label, workspace, report] of [
    ['Dubois', dubois, checkup],
    ['hostile names', await hostileWorkspace(now), hostileCheckup(checkup)],
  ] as const) {
    const started = performance.now();
    const { bytes, pages } = await generateReportPdf({ workspace, checkup: report, lang: 'fr', now });
    const ms = performance.now() - started;
    const text = await pdfPages(bytes);
    const owner = text.findIndex((p) =>
      squash(p).startsWith(squash('Annexe technique — pour votre prestataire')),
    );
    console.log(`report.pdf ${label}: ${ms.toFixed(0)} ms wall, ${pages} pages, owner's part ${owner} pages`);
  }
  const { model } = await generateReportPdf({ workspace: emptyWorkspace(now), checkup, lang: 'fr', now });
  const started = performance.now();
  const email = buildEmail({ ...model });
  console.log(
    `report.email: ${(performance.now() - started).toFixed(1)} ms, mailto ${email.mailto.length} chars`,
  );
}
