/**
 * « Site web » in « Autres appareils », in real Chromium over the real core: the owner types the
 * address of a real WordPress (Debian's package on loopback, .ci/wordpress.sh), sees its voyants,
 * and after WordPress is updated, « Vérifier le site maintenant » turns its voyant green.
 * A bad address gets a plain-French reason under the field. Screenshots at 100 % and 200 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Probe } from '../../src/main/core/checkup/probe';
import { startWordPress, wordpressInstalled, type TestWordPress } from '../support/wordpress';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

const installed = wordpressInstalled();
let harness: Harness;
let wp: TestWordPress;
const previousAllow = process.env.REVISION_ALLOW_LOCAL_SITES;

beforeAll(async () => {
  // The local WordPress is on loopback, which the app refuses unless told (tests only).
  process.env.REVISION_ALLOW_LOCAL_SITES = '1';
  harness = await startHarness();
  if (installed) wp = await startWordPress();
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.REVISION_ALLOW_LOCAL_SITES;
  else process.env.REVISION_ALLOW_LOCAL_SITES = previousAllow;
  await harness?.close();
  if (installed) {
    await wp.serveVersion(null);
    await wp.stop();
  }
});

// The machine's own probes are not what this test is about.
const probes: readonly Probe[] = [];

async function openSites(page: Page): Promise<void> {
  await goTo(page, 'inventory');
  await page.getByRole('tab', { name: 'Autres appareils' }).click();
  await page.getByRole('heading', { name: 'Site web' }).waitFor();
}

describe.skipIf(!installed)('website voyants in the app', () => {
  it(
    'adds the site, shows its voyants, and shows the update after « Vérifier le site maintenant »',
    { timeout: 240_000 },
    async () => {
      const { page } = await harness.open({ probes });
      await onboard(page);
      await openSites(page);

      await page.getByLabel('Adresse du site').fill('transports-dubois.fr');
      await page.getByRole('button', { name: 'Ajouter le site' }).click();
      await expect
        .poll(() => page.locator('.add-site .field__error').textContent())
        .toContain('avec https:// au début');

      await page.getByLabel('Adresse du site').fill(wp.url);
      await page.getByRole('button', { name: 'Ajouter le site' }).click();
      const card = page.locator('.site-panel .voyant-card').first();
      await card.getByText("WordPress n'est plus suivi").waitFor({ timeout: 60_000 });
      await expect(card.getByText('Le site répond')).toBeTruthy();
      expect(await card.locator('.site-ask').textContent()).toMatch(
        /À demander à votre agence web : mettre à jour WordPress 6\.1\.\d+ vers/,
      );
      await screenshot(page, 'fr-20-site');
      expect(await axeViolations(page)).toEqual([]);

      await wp.serveVersion('7.1.0');
      await page.getByRole('button', { name: 'Vérifier le site maintenant' }).click();
      await card.getByText('WordPress à jour').waitFor({ timeout: 60_000 });
      expect(await card.textContent()).not.toContain("WordPress n'est plus suivi");

      // 200 % zoom: the same screen reflows without horizontal scrolling.
      await page.setViewportSize({ width: 640, height: 450 });
      await screenshot(page, 'zoom200-site');
      expect(
        await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      ).toBeLessThanOrEqual(0);
      await wp.serveVersion(null);
    },
  );
});
