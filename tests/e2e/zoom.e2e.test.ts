/**
 * 200 % zoom: a 1280×900 window at 200 % is a 640×450 CSS-pixel viewport. Every screen must
 * reflow without horizontal scrolling (WCAG 1.4.10) and stay readable (screenshots saved).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function overflow(page: Page): Promise<number> {
  return (await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)) as number;
}

describe('200 % zoom', () => {
  it('reflows every screen without horizontal scrolling', { timeout: 240_000 }, async () => {
    const { page } = await harness.open({ viewport: { width: 640, height: 450 } });
    await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
    await screenshot(page, 'zoom200-welcome');
    const problems: string[] = [];
    if ((await overflow(page)) > 0) problems.push('welcome');
    await onboard(page);
    await page.locator('.voyant-card__trigger').first().click();
    await screenshot(page, 'zoom200-checkup');
    if ((await overflow(page)) > 0) problems.push('checkup');
    for (const screen of ['dashboard', 'missions', 'inventory', 'settings'] as const) {
      await goTo(page, screen);
      await screenshot(page, `zoom200-${screen}`);
      if ((await overflow(page)) > 0) problems.push(screen);
    }
    expect(problems).toEqual([]);
  });
});
