/**
 * First launch to beginner mission done, in Chromium against the real core on this Debian:
 * welcome → company → checkup with progress → automatic updates switched on FOR REAL (as root,
 * under the machine lock) → an iPhone and an Android tablet added and their steps ticked →
 * the mission shows complete → the app's own undo puts the machine back (plus a safety net).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resources } from '../../src/shared/i18n';
import { withMachineLock } from '../support/machine-lock';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { pickChip, restoreMachine, snapshotMachine } from './steps';

const run = promisify(execFile);
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function autoUpgradeSetting(): Promise<string> {
  const { stdout } = await run('apt-config', ['dump']);
  return /^APT::Periodic::Unattended-Upgrade "([^"]*)";/m.exec(stdout)?.[1] ?? '';
}

describe('first launch', () => {
  it(
    'leads Éric from the welcome through the beginner mission (never « accomplie » while nothing starts the updates), and undoes the change',
    { timeout: 2_700_000 },
    async () => {
      // The whole scenario holds the machine lock: the checkup must see this machine as no other test leaves it.
      let repaired: string[] = [];
      await withMachineLock(async () => {
        const before = await snapshotMachine();
        const settingBefore = await autoUpgradeSetting();
        try {
          const session = await harness.open();
          const { page } = session;

          // Welcome, in plain French.
          await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
          await expect(
            page.getByText('Les mises à jour, c’est comme réviser vos camions.').isVisible(),
          ).resolves.toBe(true);
          expect(await axeViolations(page)).toEqual([]);
          await page.getByLabel('Nom de votre entreprise').fill('Transport Dubois');
          await page.getByLabel('Nom du prestataire').fill('Kevin Informatique');
          await page.getByLabel('Adresse e-mail du prestataire').fill('kevin@exemple.fr');
          await page.getByRole('button', { name: 'Lancer le contrôle technique' }).click();

          // The progress bar says what is being looked at, in the probes' own words.
          const probeLabels = Object.values(resources.fr.probes as Record<string, unknown>).filter(
            (v): v is string => typeof v === 'string',
          );
          expect(probeLabels.length).toBeGreaterThan(3);
          await page.getByRole('progressbar').waitFor();
          await page.waitForFunction(
            `(() => { const el = document.querySelector('.checkup-progress__now'); return !!el && ${JSON.stringify(probeLabels)}.includes(el.textContent.trim()); })()`,
            undefined,
            { timeout: 60_000, polling: 20 },
          );
          await screenshot(page, 'fr-02-checkup-progress');

          // The result: voyants, never green without a check.
          await page
            .getByRole('heading', { name: 'Résultat du contrôle technique' })
            .waitFor({ timeout: 120_000 });
          await screenshot(page, 'fr-03-checkup-result');
          expect(await axeViolations(page)).toEqual([]);

          // Open the auto-updates voyant: one button for the fix.
          const card = page.locator('[data-finding="auto-updates"]');
          await expect(
            card.locator('.voyant--ok').count(),
            'automatic updates must be off on this machine before the test',
          ).resolves.toBe(0);
          await card.locator('.voyant-card__trigger').click();
          await card.getByRole('button', { name: 'Activer les mises à jour automatiques' }).click();
          await page
            .getByRole('heading', { name: 'Voici ce que je vais faire' })
            .waitFor({ timeout: 120_000 });
          await expect(page.getByRole('heading', { name: 'Ce qui va changer' }).isVisible()).resolves.toBe(
            true,
          );
          await screenshot(page, 'fr-04-plan-preview');
          expect(await axeViolations(page)).toEqual([]);
          await page.getByRole('button', { name: 'D’accord, appliquer' }).click();
          await page.locator('.plan__result').first().waitFor({ timeout: 600_000 });
          // Applied, and verified by probing again: the setting is on, but this container runs no
          // systemd, so nothing will start the updates. The app says so; never a green light.
          await expect(page.locator('.plan__result .result--attention').count()).resolves.toBe(1);
          await expect(page.locator('.plan__result').first().textContent()).resolves.toContain('rien ne les lance');
          await screenshot(page, 'fr-05-plan-applied');
          expect(await autoUpgradeSetting()).toBe('1');
          await expect(page.locator('.plan__verification .voyant--ok').count()).resolves.toBe(0);
          await expect(page.locator('.plan__verification .voyant--attention').count()).resolves.toBeGreaterThan(0);

          // Beginner mission: this computer is not done while its voyant is not ok; the phone and the tablet are.
          await goTo(page, 'missions');
          const first = page.locator('[data-task="debutant.this-computer"]');
          await expect(first.locator('.task__title .voyant--ok').count()).resolves.toBe(0);
          for (const kind of ['iPhone', 'Tablette Android']) {
            await pickChip(page, kind);
            await page.getByRole('button', { name: `Ajouter : ${kind}` }).click();
            const device = page.locator('.device-card', { hasText: kind }).last();
            await device.locator('.tick').first().waitFor();
            const ticks = device.getByRole('checkbox');
            const n = await ticks.count();
            expect(n).toBeGreaterThanOrEqual(3);
            for (let i = 0; i < n; i++) {
              await device.locator('label.tick').nth(i).click();
              await expect.poll(() => ticks.nth(i).isChecked()).toBe(true);
            }
          }
          await expect(page.locator('[data-task="debutant.other-devices"] .task__title .voyant--ok').count()).resolves.toBe(1);
          // Every tick done, but this computer's voyant is not ok: no « Mission accomplie ».
          await expect(page.getByText('Mission accomplie !').count()).resolves.toBe(0);
          await screenshot(page, 'fr-06-mission-not-accomplished');
          expect(await axeViolations(page)).toEqual([]);
          // The dates are recorded in the workspace; this computer's task is not dated as done.
          const ws = await session.service.workspaceGet();
          expect(ws.devices).toHaveLength(2);
          for (const d of ws.devices) expect(Object.keys(d.steps).length).toBeGreaterThanOrEqual(3);
          expect(ws.missions['debutant.this-computer']).toBeUndefined();

          // Undo with the app's own button (still offered beside the task).
          await page.getByRole('button', { name: 'Annuler ces changements' }).click();
          await page.locator('.plan__result').nth(1).waitFor({ timeout: 600_000 });
          // The undo is done (green); the switch-on above stays « applied, but not enough » (not green).
          await expect(page.locator('.plan__result .result--ok').count()).resolves.toBe(1);
          await expect(page.locator('.plan__result .result--attention').count()).resolves.toBe(1);
          await screenshot(page, 'fr-07-plan-undone');
          // Honest again: the task is no longer counted as done.
          await expect(page.getByText('Mission accomplie !').count()).resolves.toBe(0);
          expect(await autoUpgradeSetting()).toBe(settingBefore);
        } finally {
          repaired = await restoreMachine(before);
        }
      }, 1_800_000);
      // The app's undo left nothing for the safety net to repair in the settings files.
      expect(repaired.filter((r) => !r.startsWith('purged'))).toEqual([]);
    },
  );
});
