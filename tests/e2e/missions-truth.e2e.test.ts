/**
 * Honest missions, on a replayed Windows 10 Home that has installed nothing since 2023 (its
 * settings say « automatic updates on »): the beginner mission is never « accomplie » while the
 * voyants are red, even once the owner has ticked everything they can; and when the task had been
 * done before, the dashboard says it reopened, and why.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayHost, loadCapture } from '../../src/main/core/exec/capture';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

const CAPTURE = join(import.meta.dirname, '../fixtures/windows/win10-22h2-home-old-signatures');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function replayed(home?: string) {
  const capture = await loadCapture(CAPTURE);
  const now = new Date(capture.manifest.now!);
  return harness.open({ host: createReplayHost(capture), now: () => now, ...(home ? { home } : {}) });
}

describe('honest missions on a replayed Windows 10 Home', () => {
  it(
    'no « Mission accomplie » with red voyants; a task done before reopens and the dashboard says why',
    { timeout: 240_000 },
    async () => {
      const first = await replayed();
      await onboard(first.page);
      const report = await first.service.checkupLatest();
      const states = Object.fromEntries((report?.findings ?? []).map((f) => [f.id, f.state]));
      expect(states).toMatchObject({ 'auto-updates': 'danger', 'last-update': 'danger' });
      // Never « activées » beside « aucune mise à jour depuis … jours ».
      await expect(first.page.getByText('Les mises à jour automatiques sont activées').count()).resolves.toBe(
        0,
      );

      await goTo(first.page, 'missions');
      // The owner ticks everything a tick can do: the other-devices task is done…
      const task = first.page.locator('[data-task="debutant.other-devices"]');
      await task.locator('label.tick', { hasText: 'Je n’ai pas d’autre appareil' }).click();
      await task.locator('.task__title .voyant--ok').waitFor();
      // …and still no « Mission accomplie » : this computer's voyant is red.
      await expect(first.page.getByText('Mission accomplie !').count()).resolves.toBe(0);
      await expect(
        first.page.locator('[data-task="debutant.this-computer"] .task__title .voyant--ok').count(),
      ).resolves.toBe(0);
      await screenshot(first.page, 'fr-missions-not-accomplished-red');
      expect(await axeViolations(first.page)).toEqual([]);

      // The task had been done before (its date is in the owner's record); the latest checkup says red: it reopens.
      await first.service.missionsTick({ taskId: 'debutant.this-computer', done: true });
      const home = first.home;
      await first.close();
      const second = await replayed(home);
      await second.page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
      const notice = second.page.locator('.reopened');
      await expect(notice.textContent()).resolves.toContain(
        'Tâche rouverte : « Mises à jour automatiques sur cet ordinateur ». Le dernier contrôle dit : Mises à jour automatiques à l’arrêt depuis plus de 3 mois',
      );
      await expect(second.page.getByText('Mission accomplie !').count()).resolves.toBe(0);
      await screenshot(second.page, 'fr-dashboard-task-reopened');
      expect(await axeViolations(second.page)).toEqual([]);
      // 200 % zoom: a 1280×900 window is a 640×450 CSS-pixel viewport; the notice reflows.
      await second.page.setViewportSize({ width: 640, height: 450 });
      await notice.scrollIntoViewIfNeeded();
      await screenshot(second.page, 'zoom200-dashboard-task-reopened');
      await expect(
        second.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      ).resolves.toBe(0);
      await second.close();
    },
  );
});
