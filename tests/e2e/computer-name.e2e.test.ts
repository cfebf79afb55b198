/**
 * « Cet ordinateur » renamed by the owner in Paramètres: the name is kept (reload included) and
 * emptied again gives back « Cet ordinateur ».
 */
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
      const { page, service } = await harness.open();
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

      await page.reload();
      await goTo(page, 'settings');
      await expect(page.getByLabel('Nom de cet ordinateur').inputValue()).resolves.toBe('PC de l’accueil');

      await page.getByLabel('Nom de cet ordinateur').fill('   ');
      await page.getByRole('button', { name: 'Enregistrer' }).first().click();
      await expect.poll(async () => (await service.workspaceGet()).settings.computerName).toBe('');
    },
  );
});
