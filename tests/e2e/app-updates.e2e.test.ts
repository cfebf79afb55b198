/**
 * Paramètres → version of Révision and « Journal technique », in real Chromium over the real
 * core. The browser harness is the development app: no update channel, not signed, and it says
 * so; the log button goes through its own IPC channel (recorded, no file manager is started).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard, pickChip } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('Paramètres: the version of Révision and its technical log', () => {
  it(
    'says the truth about updates, shows the log on request, in French and English, accessible at 100 % and 200 %',
    { timeout: 180_000 },
    async () => {
      const session = await harness.open();
      const { page } = session;
      await onboard(page);
      await goTo(page, 'settings');
      const section = page.getByRole('region', { name: 'Version de Révision' });
      await section.getByText('Version de développement : pas de mise à jour automatique.').waitFor();
      await expect(
        section
          .getByText(/^Version \d+\.\d+\.\d+, non signée : elle ne se met jamais à jour toute seule/)
          .count(),
      ).resolves.toBe(1);
      await section.getByRole('button', { name: 'Montrer le journal technique' }).click();
      await section
        .getByText(
          'Le fichier du journal technique est montré dans une fenêtre de l’explorateur de fichiers.',
        )
        .waitFor();
      expect(session.openedUrls).toEqual(['revision:technical-log']);
      expect(session.calls).toContain('shell:revealLog');
      expect(await axeViolations(page)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-app-updates-fr');

      await pickChip(page, 'English');
      const en = page.getByRole('region', { name: 'Révision version' });
      await en.getByRole('button', { name: 'Show the technical log' }).waitFor();
      await en.getByText('Development version: no automatic updates.').waitFor();
      await screenshot(page, 'settings-app-updates-en');
      await session.close();

      const zoomed = await harness.open({ viewport: { width: 640, height: 450 } });
      await onboard(zoomed.page);
      await goTo(zoomed.page, 'settings');
      await zoomed.page.getByRole('button', { name: 'Montrer le journal technique' }).waitFor();
      expect(
        await zoomed.page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      ).toBe(0);
      expect(await axeViolations(zoomed.page)).toEqual([]);
      await screenshot(zoomed.page, 'zoom200-settings-app-updates');
      await zoomed.close();
    },
  );
});
