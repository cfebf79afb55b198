/**
 * Issue 17 (owner experience): hostile names never widen a screen and are bidi-isolated, the
 * welcome puts the cursor on the missing company name, and a reload during a checkup shows it
 * running with the last result instead of going back to « Bienvenue ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Probe } from '../../src/main/core/checkup/probe';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Names an owner may really type, and worse: 200 characters without a space, Arabic, Hebrew, emoji, quotes, HTML. */
export const HOSTILE_NAMES = [
  'Ordinateur-de-la-comptabilité-Transports-Dubois-'.repeat(5).slice(0, 200),
  'هاتف المحاسبة الخاص بالشركة',
  'טלפון של דנה מהמשרד',
  'iPhone de Zoé 📱🚚 œuvre 12 €',
  'L’atelier "principal" <b>gras</b> <script>alert(1)</script>',
];

/** How much wider than the window the page is (0 when nothing overflows). */
async function overflow(page: Page): Promise<number> {
  return (await page.evaluate(
    `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
  )) as number;
}

/** Hostile names shown on screen that are not bidi-isolated (neither inside <bdi> nor under dir="auto"). */
async function unisolated(page: Page, names: readonly string[]): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const names = ${JSON.stringify(names)};
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent || '';
      const el = node.parentElement;
      if (!el || el.closest('[aria-hidden="true"], [hidden]')) continue;
      for (const n of names) if (text.includes(n) && !el.closest('bdi, [dir="auto"]')) out.push(n.slice(0, 20) + ' in <' + el.tagName.toLowerCase() + '>');
    }
    return out;
  })()`)) as string[];
}

async function seedHostile(
  page: Page,
  service: Harness extends { open(): Promise<infer S> } ? S : never,
): Promise<void> {
  const kinds = ['iphone', 'android-phone', 'windows-pc', 'ipad', 'server'] as const;
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    await service.service.devicesAdd({ kind: kinds[i]!, name });
    await service.service.softwareUpsert({ name, category: 'autre', version: null, vendor: name });
  }
  await service.service.workspaceUpdate({
    company: { name: HOSTILE_NAMES[0]! },
    provider: { name: HOSTILE_NAMES[1]!, email: 'kevin@exemple.fr' },
    // The owner's name for this computer, on the truck dashboard's board screen and its card.
    settings: { computerName: HOSTILE_NAMES[0]! },
  });
  await page.reload();
  await page.locator('main h1').first().waitFor();
}

const quickProbe: Probe = {
  id: 'os',
  labelKey: 'probes:os',
  sections: [],
  timeoutMs: 10_000,
  run: async () => ({}),
};

describe('hostile names', () => {
  for (const zoom of [100, 200] as const) {
    it(
      `no screen grows wider than the window and every name is isolated (${zoom} %)`,
      { timeout: 300_000 },
      async () => {
        const viewport = zoom === 100 ? { width: 1280, height: 900 } : { width: 640, height: 450 };
        // A quick probe: this test is about names, not about this machine.
        const session = await harness.open({ viewport, probes: [quickProbe] });
        const { page } = session;
        await onboard(page, 'Transport Dubois');
        await page
          .getByRole('button', { name: /tableau de bord|Continuer/ })
          .first()
          .click();
        await seedHostile(page, session);
        for (const screen of ['dashboard', 'checkup', 'missions', 'inventory', 'settings'] as const) {
          await goTo(page, screen);
          await screenshot(page, `hostile-${zoom}-${screen}`);
          expect(await overflow(page), `${screen} at ${zoom} %`).toBeLessThanOrEqual(0);
          expect(await unisolated(page, HOSTILE_NAMES), `${screen} at ${zoom} %`).toEqual([]);
          if (zoom === 100) expect(await axeViolations(page)).toEqual([]);
        }
        // HTML typed as a name stays text.
        expect(await page.locator('main b', { hasText: 'gras' }).count()).toBe(0);
        await session.close();
      },
    );
  }
});

describe('small things', () => {
  it('an empty company name puts the cursor in its field', { timeout: 60_000 }, async () => {
    const { page, close } = await harness.open();
    await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
    await page.getByLabel('Nom du prestataire').fill('Kevin Informatique');
    await page.getByRole('button', { name: 'Lancer le contrôle technique' }).click();
    await expect
      .poll(() => page.evaluate(`document.activeElement && document.activeElement.name`))
      .toBe('company');
    await close();
  });

  it(
    'a reload during a checkup shows it running, then its result, never « Bienvenue » again',
    { timeout: 120_000 },
    async () => {
      let release: () => void = () => undefined;
      let gate = Promise.resolve();
      const close = () => {
        gate = new Promise<void>((r) => (release = r));
      };
      const slow: Probe = {
        id: 'os',
        labelKey: 'probes:os',
        sections: [],
        timeoutMs: 60_000,
        async run() {
          await gate;
          return {};
        },
      };
      close();
      const session = await harness.open({ probes: [slow] });
      const { page } = session;
      await page.getByLabel('Nom de votre entreprise').fill('Transport Dubois');
      await page.getByRole('button', { name: 'Lancer le contrôle technique' }).click();
      await page.getByRole('progressbar').waitFor();
      await page.reload();
      await page.getByRole('progressbar').waitFor();
      expect(await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).count()).toBe(0);
      release();
      await page
        .getByRole('heading', { name: 'Résultat du contrôle technique' })
        .waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await session.service.workspaceGet()).onboarded).toBe(true);

      // A second checkup: after a reload the last result stays visible while the new one runs.
      close();
      await page.getByRole('button', { name: 'Refaire le contrôle' }).click();
      await page.getByRole('progressbar').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Dernier résultat, en attendant le nouveau' }).waitFor();
      await expect(page.getByRole('progressbar').count()).resolves.toBe(1);
      await screenshot(page, 'fr-checkup-reloaded-running');
      expect(await axeViolations(page)).toEqual([]);
      release();
      await page
        .getByRole('heading', { name: 'Résultat du contrôle technique' })
        .waitFor({ timeout: 60_000 });
      await session.close();
    },
  );
});
