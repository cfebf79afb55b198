/**
 * Issue 17 item 1: in the expert mission, picking « La nuit » while the plan is on screen replaces
 * it at once by the night plan, and « D’accord, appliquer » applies THAT plan, for real on this
 * Debian (as root, under the machine lock), checked in the undo record and in the systemd timer
 * drop-in; then the app's own undo puts the machine back (plus the safety net).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../src/main/core/service';
import { withMachineLock } from '../support/machine-lock';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { pickChip, restoreMachine, snapshotMachine } from './steps';

const DROPIN = '/etc/systemd/system/apt-daily-upgrade.timer.d/revision-schedule.conf';
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('the expert mission’s schedule', () => {
  it(
    '« La nuit » picked while the plan is shown: the plan shown and the plan applied are the night one',
    { timeout: 1_800_000 },
    async () => {
      let repaired: string[] = [];
      await withMachineLock(async () => {
        const before = await snapshotMachine();
        try {
          // A server the owner has already set up: onboarded, this computer declared a server, updates « dès que possible ».
          const home = await mkdtemp(join(tmpdir(), 'revision-e2e-night-'));
          const seeded = await createService({ home });
          await seeded.workspaceUpdate({
            onboarded: true,
            company: { name: 'Transport Dubois' },
            settings: { thisComputerIsServer: true, schedule: 'always' },
          });
          const session = await harness.open({ home });
          const { page } = session;
          await goTo(page, 'missions');
          await page.getByRole('tab', { name: /Mission expert/ }).click();
          const task = page.locator('[data-task="expert.server-schedule"]');
          await task.getByRole('button', { name: 'Activer les mises à jour automatiques' }).click();
          await task
            .getByRole('heading', { name: 'Voici ce que je vais faire' })
            .waitFor({ timeout: 120_000 });
          const preview = task.locator('.plan__preview');
          await expect(preview.innerText()).resolves.toContain('chaque jour');

          // The owner changes their mind: at night. The preview is replaced by the night plan.
          await pickChip(page, 'La nuit');
          await expect
            .poll(() => preview.innerText(), { timeout: 120_000 })
            .toMatch(/s’installeront la nuit, vers \d+ h/);
          await expect(preview.innerText()).resolves.not.toContain('chaque jour');
          await screenshot(page, 'fr-night-plan-preview');
          expect(await axeViolations(page)).toEqual([]);
          await page.setViewportSize({ width: 640, height: 450 });
          await screenshot(page, 'zoom200-night-plan-preview');
          await page.setViewportSize({ width: 1280, height: 900 });

          await task.getByRole('button', { name: 'D’accord, appliquer' }).click();
          await task.locator('.plan__result').first().waitFor({ timeout: 600_000 });
          await screenshot(page, 'fr-night-plan-applied');
          // The plan applied is the night one: in the undo record, and on the machine.
          const ws = await session.service.workspaceGet();
          expect(ws.settings.schedule).toBe('night');
          expect(ws.changes.at(-1)?.schedule).toBe('night');
          expect(await readFile(DROPIN, 'utf8')).toMatch(/^OnCalendar=\*-\*-\* \d\d:00$/m);

          await task.getByRole('button', { name: 'Annuler ces changements' }).click();
          await task.locator('.plan__result').nth(1).waitFor({ timeout: 600_000 });
          await expect(readFile(DROPIN, 'utf8')).rejects.toThrow();
        } finally {
          repaired = await restoreMachine(before);
        }
      }, 1_800_000);
      // The app's undo left nothing for the safety net to repair in the settings files.
      expect(repaired.filter((r) => !r.startsWith('purged'))).toEqual([]);
    },
  );
});
