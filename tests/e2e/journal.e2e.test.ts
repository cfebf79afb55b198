/**
 * Over time (issue 14), through the real renderer against the real core:
 * - step 4: an update seen in a replayed capture (git 1:2.39.2 tested, the capture shows
 *   1:2.39.5) → « à tester » on the dashboard → « Ça marche » → the PDF prints the test's date;
 * - delegation: a task given to the prestataire for tomorrow becomes « en retard » when the core's clock moves;
 * - nothing lost: removing a device asks first, and the removal is undone from the Suivi screen.
 * axe on the new screens; screenshots at 100 % and 200 % zoom.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayHost, loadCapture } from '../../src/main/core/exec/capture';
import { pdfPages, squash } from '../../src/main/core/report/testing/pdf-text';
import { createService } from '../../src/main/core/service';
import { axeViolations, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

const CAPTURE = resolve(import.meta.dirname, '../fixtures/linux/debian-12-capture');
const DAY = 86_400_000;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function openJournal(page: Page): Promise<void> {
  await page.locator('nav [data-screen="journal"]').click();
  await page.getByRole('heading', { level: 1, name: 'Suivi : tests, tâches, retraits' }).waitFor();
}

/** A workspace prepared before the app opens (what Éric did earlier). */
async function seeded(
  at: string,
  seed: (s: Awaited<ReturnType<typeof createService>>) => Promise<void>,
): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'revision-e2e-journal-'));
  const service = await createService({ home, now: () => new Date(at) });
  await seed(service);
  return home;
}

describe('step 4: test after an update', () => {
  it(
    'an update seen in the replayed capture asks for a test; « ça marche » is dated in the PDF',
    { timeout: 240_000 },
    async () => {
      const home = await seeded('2026-11-01T10:00:00Z', async (s) => {
        const ws = await s.softwareUpsert({
          name: 'git',
          version: '1:2.39.2-1.1',
          category: 'autre',
          critical: true,
          detected: true,
        });
        await s.softwareScenario({
          id: ws.software[0]!.id,
          scenario: 'Cloner le dépôt des factures et enregistrer une modification',
        });
        await s.softwareTest({ id: ws.software[0]!.id, result: 'works', by: 'Éric Dubois' });
      });
      const host = createReplayHost(await loadCapture(CAPTURE));
      const session = await harness.open({ home, host, now: () => new Date('2026-11-23T09:00:00Z') });
      const { page } = session;
      await onboard(page, 'Transports Dubois');
      await page.locator('nav [data-screen="dashboard"]').click();
      await page.getByText('1 logiciel à tester').waitFor();
      await page.getByRole('button', { name: 'Voir le suivi' }).click();
      await page.getByRole('heading', { name: 'Testez git' }).waitFor();
      await page
        .getByText('Une nouvelle version a été installée (1:2.39.2-1.1 → 1:2.39.5-0+deb12u3).')
        .waitFor();
      await screenshot(page, 'fr-20-journal-to-test');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Remarque (facultatif)').first().fill('Clonage et enregistrement OK');
      await page.getByLabel('Testé par').fill('Karim');
      await page.getByRole('button', { name: 'Ça marche' }).click();
      await page.getByText('Rien à tester pour l’instant').waitFor();
      await page.getByText(/Dernier test : 23 novembre 2026, ça marche, par Karim/).waitFor();
      const sw = (await session.service.workspaceGet()).software[0]!;
      expect(sw.tests?.at(-1)).toMatchObject({
        result: 'works',
        by: 'Karim',
        version: '1:2.39.5-0+deb12u3',
        note: 'Clonage et enregistrement OK',
      });

      await page.locator('nav [data-screen="dashboard"]').click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByText('1 logiciel à tester').count()).toBe(0);
      await page.getByRole('button', { name: 'Exporter le carnet d’entretien (PDF)' }).click();
      await page.getByText(/Carnet enregistré/).waitFor({ timeout: 60_000 });
      const text = squash((await pdfPages(await readFile(session.pdfPath))).join('\n'));
      expect(text).toContain(
        squash('Cloner le dépôt des factures et enregistrer une modification 23/11/2026 ça marche Karim'),
      );
      expect(text).not.toContain(squash('jamais testé'));
      await session.close();
    },
  );
});

describe('delegation and nothing lost', () => {
  it(
    'a task for the prestataire passes its date when the clock moves; a removed device comes back',
    { timeout: 240_000 },
    async () => {
      let now = new Date('2026-03-02T09:00:00Z').getTime();
      const home = await seeded('2026-03-02T09:00:00Z', async (s) => {
        await s.workspaceUpdate({
          onboarded: true,
          company: { name: 'Transports Dubois' },
          provider: { name: 'Kevin Informatique', email: 'k@presta.example.fr' },
          settings: { ownerName: 'Éric Dubois' },
        });
        await s.devicesAdd({ kind: 'android-phone', name: 'Téléphone de Karim' });
        await s.softwareUpsert({ name: 'Sage 100', version: '9.0', category: 'comptabilite' });
      });
      const session = await harness.open({ home, now: () => new Date(now) });
      const { page } = session;
      await page.getByRole('heading', { level: 1 }).waitFor();
      await openJournal(page);
      const task = page.locator('li[data-task^="vendor:"]');
      await task.getByLabel('Qui s’en charge').selectOption('provider');
      await task.getByLabel('Pour le').fill('2026-03-03');
      await task.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('C’est noté.').waitFor();
      expect(await page.getByText('En retard').count()).toBe(0);

      now += 2 * DAY;
      await page.locator('nav [data-screen="dashboard"]').click();
      await page.getByText('1 tâche en retard').waitFor();
      await openJournal(page);
      await page.locator('li[data-task^="vendor:"]').getByText('En retard').waitFor();
      await screenshot(page, 'fr-21-journal-overdue');
      expect(await axeViolations(page)).toEqual([]);

      // Removing asks first; the removal is written with the name from the settings, and undone.
      await page.locator('nav [data-screen="inventory"]').click();
      await page.getByRole('tab', { name: 'Autres appareils' }).click();
      await page.getByRole('button', { name: 'Retirer Téléphone de Karim' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Retirer Téléphone de Karim ?' });
      await dialog.waitFor();
      await screenshot(page, 'fr-22-remove-confirm');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      expect((await session.service.workspaceGet()).devices).toHaveLength(1);
      await page.getByRole('button', { name: 'Retirer Téléphone de Karim' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Retirer', exact: true }).click();
      await page.getByText('Téléphone de Karim est retiré').waitFor();
      expect((await session.service.workspaceGet()).devices).toHaveLength(0);
      const line = (await session.service.workspaceGet()).history.at(-1);
      expect(line).toMatchObject({
        kind: 'removed',
        by: 'Éric Dubois',
        params: { name: 'Téléphone de Karim' },
      });

      await openJournal(page);
      await page.getByRole('button', { name: 'Rétablir Téléphone de Karim' }).click();
      await page.getByText('Téléphone de Karim est rétabli.').waitFor();
      expect((await session.service.workspaceGet()).devices.map((d) => d.name)).toEqual([
        'Téléphone de Karim',
      ]);
      await session.close();
    },
  );

  it('the Suivi screen reflows at 200 % zoom', { timeout: 120_000 }, async () => {
    const home = await seeded('2026-03-02T09:00:00Z', async (s) => {
      await s.workspaceUpdate({ onboarded: true, company: { name: 'Transports Dubois' } });
      await s.softwareUpsert({ name: 'Sage 100', version: '9.0', category: 'comptabilite', critical: true });
    });
    const session = await harness.open({ home, viewport: { width: 640, height: 450 } });
    const { page } = session;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await openJournal(page);
    await screenshot(page, 'zoom200-journal');
    expect(
      await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`),
    ).toBe(0);
    await page.locator('nav [data-screen="settings"]').click();
    await page.getByText('Vérifier chaque semaine, même quand l’app est fermée').waitFor();
    await screenshot(page, 'zoom200-settings-watch');
    expect(
      await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await session.close();
  });

  it(
    'in English: the follow-up screen and the dashboard counts, axe clean',
    { timeout: 120_000 },
    async () => {
      const home = await seeded('2026-03-02T09:00:00Z', async (s) => {
        await s.workspaceUpdate({
          onboarded: true,
          company: { name: 'Dubois Haulage' },
          settings: { lang: 'en' },
        });
        const ws = await s.softwareUpsert({
          name: 'Sage 100',
          version: '9.0',
          category: 'comptabilite',
          critical: true,
        });
        await s.tasksAssign({
          key: `vendor:${ws.software[0]!.id}`,
          assignee: { kind: 'provider' },
          due: '2026-03-01',
        });
      });
      const session = await harness.open({ home, now: () => new Date('2026-03-02T09:00:00Z') });
      const { page } = session;
      await page.getByText('1 program to test').waitFor();
      await page.getByText('1 task overdue').waitFor();
      await screenshot(page, 'en-20-dashboard-counts');
      await page.getByRole('button', { name: 'See the follow-up' }).click();
      await page.getByRole('heading', { level: 1, name: 'Follow-up: tests, tasks, removals' }).waitFor();
      await page.getByRole('heading', { name: 'Test Sage 100' }).waitFor();
      await screenshot(page, 'en-21-journal');
      expect(await axeViolations(page)).toEqual([]);
      await session.close();
    },
  );
});
