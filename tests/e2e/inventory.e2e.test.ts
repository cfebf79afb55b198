/**
 * The inventory stays usable with 2,000 programs: the list is virtualised (only visible rows in
 * the page), groups and search work, the end of the list is reachable by keyboard, and a program
 * can be marked as business software.
 *
 * The 2,000 entries are SYNTHETIC scale data (clearly named "Programme de test N"), produced by a
 * probe given to the real core, so the real checkup, workspace and UI handle them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/main/core/checkup/probe';
import type { InstalledApplication } from '../../src/shared/facts';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const COUNT = 2000;
const syntheticInventory: Probe = {
  id: 'inventory',
  labelKey: 'probes:inventory',
  sections: ['inventory'],
  timeoutMs: 10_000,
  async run() {
    const kinds = ['Navigateur Firefox', 'LibreOffice Calc', 'EBP Compta', 'ClamAV', 'libtest', 'Outil'];
    const applications: InstalledApplication[] = Array.from({ length: COUNT }, (_, i) => ({
      name: `${kinds[i % kinds.length]} — Programme de test ${String(i).padStart(4, '0')}`,
      version: i % 10 === 0 ? null : `1.${i}`,
      publisher: i % 3 === 0 ? 'Éditeur de test' : null,
      source: 'registry',
    }));
    return { inventory: { applications } };
  },
};

describe('inventory with 2,000 programs', () => {
  it('groups, searches and scrolls through them with only the visible rows in the page', { timeout: 240_000 }, async () => {
    const { page, service } = await harness.open({ probes: [syntheticInventory] });
    await onboard(page);
    await goTo(page, 'inventory');
    const chips = page.locator('.categories .chip__count');
    await chips.first().waitFor();
    const counts = (await chips.allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(COUNT);
    const rows = page.locator('.grid-list__row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeLessThan(80);
    await screenshot(page, 'fr-12-inventory-2000');
    expect(await axeViolations(page)).toEqual([]);

    // The business group comes first; search narrows it without accents.
    await expect(page.locator('.categories [aria-pressed="true"], .categories [data-selected]').first().textContent()).resolves.toMatch(/Logiciels métiers/);
    await page.getByLabel('Rechercher un logiciel').fill('programme de test 0006');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Rechercher un logiciel').fill('');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);

    // Keyboard: End reaches the last program of the group.
    await page.locator('.categories .chip', { hasText: 'Autres' }).click();
    await rows.first().click();
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.grid-list__row[data-focused] .app-row__name').textContent()).toMatch(/Programme de test 1997/);

    // Mark one as business software: it joins the owner's list in the workspace.
    await page.getByRole('button', { name: /C’est un logiciel métier : Outil — Programme de test 1997/ }).click();
    await expect.poll(async () => (await service.workspaceGet()).software.map((s) => s.name)).toContain('Outil — Programme de test 1997');

    // System parts are never offered as business software (issue 17: not on 700 system packages).
    await page.locator('.categories .chip', { hasText: 'Système' }).click();
    await expect.poll(() => page.locator('.grid-list__row .app-row__name').first().textContent()).toMatch(/^libtest/);
    await expect(page.getByRole('button', { name: /C’est un logiciel métier/ }).count()).resolves.toBe(0);
  });
});
