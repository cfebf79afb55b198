/**
 * « Cet ordinateur » renamed by the owner in Paramètres: the name is kept (reload included), shown
 * on the dashboard and printed in the carnet, and emptied again gives back « Cet ordinateur ».
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('the name of this computer', () => {
  it(
    'is set in Paramètres, kept after a reload, and can be emptied again',
    { timeout: 240_000 },
    async () => {
      const session = await harness.open();
      const { page, service } = session;
      await onboard(page, 'Boulangerie Martin');
      await goTo(page, 'settings');
      const field = page.getByLabel('Nom de cet ordinateur');
      await field.fill('PC de l’accueil');
      await page.getByRole('button', { name: 'Enregistrer' }).first().click();
      await page.getByText('C’est enregistré.').waitFor();
      await expect
        .poll(async () => (await service.workspaceGet()).settings.computerName)
        .toBe('PC de l’accueil');
      await screenshot(page, 'fr-settings-computer-name');
      expect(await axeViolations(page)).toEqual([]);

      await goTo(page, 'dashboard');
      await expect(page.locator('main').getByText('PC de l’accueil').first().isVisible()).resolves.toBe(true);
      await goTo(page, 'missions');
      await page.getByRole('tab', { name: /Mission intermédiaire/ }).click();
      await page.getByRole('button', { name: 'Exporter le carnet d’entretien (PDF)' }).click();
      await page.getByText(/Carnet enregistré \(\d+ pages?\)/).waitFor({ timeout: 60_000 });
      const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', session.pdfPath, '-'], {
        encoding: 'utf8',
      });
      expect(cover).toContain('PC de l’accueil');

      await page.reload();
      await goTo(page, 'settings');
      await expect(page.getByLabel('Nom de cet ordinateur').inputValue()).resolves.toBe('PC de l’accueil');

      await page.getByLabel('Nom de cet ordinateur').fill('   ');
      await page.getByRole('button', { name: 'Enregistrer' }).first().click();
      await expect.poll(async () => (await service.workspaceGet()).settings.computerName).toBe('');
    },
  );
});
