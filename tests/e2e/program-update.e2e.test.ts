/**
 * « Mettre à jour » on « Vos logiciels » (issue 12) in real Chromium against the real core, on a
 * real state of this machine: a throwaway package installed at 1.0 while a local repository offers
 * 1.1 (machine lock held, package and list removed afterwards). The owner reads the plan (no undo),
 * starts it, sees the progress then « Mis à jour », and the row's voyant turns « à jour » from the
 * core's re-check. 100 % and 200 % zoom, axe clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withMachineLock } from '../support/machine-lock';
import {
  arrangeOutdatedPackage,
  testPackageVersion,
} from '../../src/main/core/programs/testing/local-apt-repo';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

/** How far the page scrolls sideways (0: nothing cut at 200 % zoom). */
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('« Mettre à jour » a program, for real', () => {
  it('1.0 → 1.1 through the app: plan, progress, result, then « à jour »', { timeout: 900_000 }, async () => {
    await withMachineLock(async () => {
      for (const zoom of [100, 200] as const) {
        const machine = await arrangeOutdatedPackage();
        try {
          const viewport = zoom === 100 ? { width: 1280, height: 900 } : { width: 640, height: 450 };
          const { page } = await harness.open({ viewport });
          await onboard(page);
          await goTo(page, 'inventory');
          await page.getByLabel('Rechercher un logiciel').fill('revision-test-hello');
          const row = page.locator('.grid-list__row', { hasText: 'revision-test-hello' });
          await row.first().waitFor();
          await expect(row.first().innerText()).resolves.toMatch(/mise à jour disponible : 1\.1/);
          await row.getByRole('button', { name: /^Mettre à jour — revision-test-hello/ }).click();
          const plan = page.getByRole('region', { name: 'Ce que Révision va faire' });
          await plan.waitFor();
          const planText = (await plan.innerText()).replace(/\s+/g, ' ');
          expect(planText).toContain('Mettre à jour revision-test-hello (1.0 → 1.1)');
          expect(planText).toContain('ne peut pas être annulée');
          await screenshot(page, `fr-program-update-plan-${zoom}`);
          expect(await axeViolations(page)).toEqual([]);
          await page.getByRole('button', { name: 'Lancer la mise à jour' }).click();
          await expect
            .poll(async () => (await row.first().innerText()).replace(/\s+/g, ' '), { timeout: 300_000 })
            .toMatch(/Mis à jour — La mise à jour est installée\./);
          await expect(row.first().innerText()).resolves.toMatch(/à jour/);
          await expect(row.first().innerText()).resolves.not.toMatch(/mise à jour disponible/);
          expect(await testPackageVersion()).toBe('1.1');
          await screenshot(page, `fr-program-update-done-${zoom}`);
          expect(await axeViolations(page)).toEqual([]);
          if (zoom === 200) expect(await page.evaluate(OVERFLOW)).toBe(0);
          await page.close();
        } finally {
          await machine.remove();
        }
      }
      expect(await testPackageVersion()).toBeNull();
    });
  });
});
