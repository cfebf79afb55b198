/**
 * « Vos logiciels » with 5,000 programs (issue 12, goal < 1 s): from the click on « Inventaire » to the
 * first program's voyant on screen, in headless Chromium against the real core (the checkup was run
 * with a probe giving 5,000 synthetic programs, half of them recognised). Needs `npm run build:renderer`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Probe } from '../src/main/core/checkup/probe';
import { createService } from '../src/main/core/service';
import type { InstalledApplication } from '../src/shared/facts';
import { startHarness } from '../tests/e2e/harness';

const RUNS = 5;
const COUNT = 5000;

const probe: Probe = {
  id: 'inventory',
  labelKey: 'inventory',
  sections: ['inventory'],
  timeoutMs: 10_000,
  async run() {
    const applications: InstalledApplication[] = Array.from({ length: COUNT }, (_, i) =>
      i % 2 === 0
        ? { name: `Mozilla Firefox ${i}`, version: '144.0', publisher: 'Mozilla', source: 'registry' }
        : { name: `Programme de test ${i}`, version: `1.${i}`, publisher: 'Éditeur', source: 'registry' },
    );
    return { inventory: { applications } };
  },
};

/** Prints the median time to a usable « Vos logiciels » with 5,000 programs. */
export async function run(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'revision-bench-programs-'));
  const service = await createService({ home, probes: [probe] });
  await service.workspaceUpdate({ onboarded: true, company: { name: 'Réseau de boutiques' } });
  await service.checkupRun({ lang: 'fr' });
  const harness = await startHarness();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const session = await harness.open({ home, probes: [probe] });
      await session.page.locator('nav [data-screen="inventory"]').waitFor();
      const start = Date.now();
      await session.page.locator('nav [data-screen="inventory"]').click();
      await session.page.locator('.program-voyant').first().waitFor({ timeout: 30_000 });
      times.push(Date.now() - start);
      await session.close();
    }
  } finally {
    await harness.close();
    await rm(home, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(
    `« Vos logiciels » with ${COUNT} programs usable: median ${times[Math.floor(times.length / 2)]} ms (goal < 1 s), min ${times[0]} ms, max ${times.at(-1)} ms over ${RUNS} runs`,
  );
}
