/**
 * The beginner mission in ≤ 10 clicks and ≤ 3 minutes, from first launch to « Mission accomplie »
 * for this computer + an iPhone + an Android phone. Every real click on the page is counted (a
 * document listener for trusted clicks, not the test's own tally). This container cannot have
 * working automatic updates (no scheduler), so this computer's auto-updates facts come from a
 * probe given to the real core (the harness's probes option), read as a machine where they run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/main/core/checkup/probe';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { tabTo } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Automatic updates on, and seen running yesterday by a running scheduler: the voyant can be ok. */
const autoUpdatesRunning: Probe = {
  id: 'auto-updates',
  labelKey: 'probes:autoUpdates',
  sections: ['autoUpdates'],
  timeoutMs: 10_000,
  async run({ now }) {
    const yesterday = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
    return {
      autoUpdates: {
        enabled: true,
        mechanism: 'unattended-upgrades',
        installed: true,
        managed: false,
        settings: [],
        lastRunAt: yesterday,
        lastRunSource: '/var/log/unattended-upgrades/unattended-upgrades.log',
        schedulerRunning: true,
      },
    };
  },
};

const COUNT_CLICKS = `(() => {
  window.__clicks = 0;
  window.__pointers = 0;
  document.addEventListener('click', (e) => { if (e.isTrusted) window.__clicks += 1; }, true);
  document.addEventListener('pointerdown', (e) => { if (e.isTrusted) window.__pointers += 1; }, true);
})()`;

describe('the beginner mission', () => {
  it(
    'is done in at most 10 clicks and 3 minutes: this computer, an iPhone and an Android phone',
    { timeout: 300_000 },
    async () => {
      const { page, service } = await harness.open({ probes: [autoUpdatesRunning] });
      await page.addInitScript(COUNT_CLICKS);
      await page.evaluate(COUNT_CLICKS);
      const started = Date.now();

      // Welcome: the cursor is already in the company field; one click flows into the checkup.
      await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
      await page.keyboard.type('Transport Dubois');
      await page.getByRole('button', { name: 'Lancer le contrôle technique' }).click();
      await page
        .getByRole('heading', { name: 'Résultat du contrôle technique' })
        .waitFor({ timeout: 120_000 });
      const report = await service.checkupLatest();
      expect(report?.findings.find((f) => f.id === 'auto-updates')?.state).toBe('ok');

      await goTo(page, 'missions');
      await page.locator('[data-task="debutant.this-computer"] .task__title .voyant--ok').waitFor();
      await expect(page.getByText('Mission accomplie !').count()).resolves.toBe(0);
      await screenshot(page, 'fr-beginner-quick-add');
      expect(await axeViolations(page)).toEqual([]);

      for (const kind of ['iPhone', 'Smartphone Android']) {
        await page.getByRole('button', { name: `Ajouter un ${kind}` }).click();
        // The guide opens at once: its steps are on screen, each tickable on its own.
        const device = page.locator('.device-card', { hasText: kind }).last();
        await device.locator('.guide__step').first().waitFor();
        await expect(device.getByRole('checkbox').count()).resolves.toBe(3);
        if (kind === 'iPhone') {
          await screenshot(page, 'fr-beginner-guide-open');
          expect(await axeViolations(page)).toEqual([]);
        }
        await device.getByRole('button', { name: 'C’est fait sur ce téléphone' }).click();
        await expect.poll(() => device.locator('.voyant--ok').count()).toBeGreaterThan(0);
      }
      await page.getByText('Mission accomplie !').waitFor();

      const clicks = (await page.evaluate('window.__clicks')) as number;
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`beginner mission: ${clicks} clicks, ${seconds} s`);
      expect(clicks).toBeLessThanOrEqual(10);
      expect(seconds).toBeLessThanOrEqual(180);
      // Each phone's three steps are ticked in the owner's record, with a date.
      const ws = await service.workspaceGet();
      for (const d of ws.devices) expect(Object.values(d.steps).filter(Boolean)).toHaveLength(3);

      await screenshot(page, 'fr-beginner-accomplished');
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 640, height: 450 });
      await screenshot(page, 'zoom200-beginner-accomplished');
      await expect(
        page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      ).resolves.toBe(0);
    },
  );

  it('is done with the keyboard alone, without the mouse', { timeout: 300_000 }, async () => {
    const { page, service } = await harness.open({ probes: [autoUpdatesRunning] });
    await page.addInitScript(COUNT_CLICKS);
    await page.evaluate(COUNT_CLICKS);
    const kb = page.keyboard;
    await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
    await kb.type('Transport Dubois');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Résultat du contrôle technique' }).waitFor({ timeout: 120_000 });
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Missions');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Missions', level: 1 }).waitFor();
    for (const kind of ['iPhone', 'Smartphone Android']) {
      await tabTo(page, (el) => el.tag === 'button' && el.text === `Ajouter un ${kind}`);
      await kb.press('Enter');
      await page
        .locator('.device-card', { hasText: kind })
        .getByRole('button', { name: 'C’est fait sur ce téléphone' })
        .waitFor();
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'C’est fait sur ce téléphone');
      await kb.press('Enter');
      await expect
        .poll(
          async () =>
            (await service.workspaceGet()).devices.filter((d) => Object.keys(d.steps).length === 3).length,
        )
        .toBe(kind === 'iPhone' ? 1 : 2);
      // The button goes away once the phone is done: the focus lands on that phone's card, never lost.
      await expect
        .poll(() =>
          page.evaluate<string>(
            `(() => { const el = document.activeElement;
              return el && el.classList.contains('voyant-card__trigger')
                ? (el.closest('.device-card')?.textContent ?? '') : ''; })()`,
          ),
        )
        .toContain(kind);
    }
    await page.getByText('Mission accomplie !').waitFor();
    // No pointer at all (the browser's own « click » from Enter in the form is not a mouse).
    await expect(page.evaluate('window.__pointers')).resolves.toBe(0);
  });
});
