/**
 * Restart: what Éric entered lives in the core's workspace, not in the page. Close the app and
 * open it again on the same workspace folder: company, devices and their ticks, business
 * software, mission ticks and the last check are all still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard, pickChip } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('restart', () => {
  it('keeps everything after closing and reopening the app', { timeout: 300_000 }, async () => {
    const first = await harness.open();
    const { page } = first;
    await onboard(page, 'Transport Dubois', { name: 'Kevin Informatique', email: 'kevin@exemple.fr' });

    // A phone with one step ticked, from the beginner mission.
    await goTo(page, 'missions');
    await pickChip(page, 'iPhone');
    await page.getByLabel('Un nom pour le reconnaître (facultatif)').fill('iPhone de Sophie');
    await page.getByRole('button', { name: 'Ajouter : iPhone' }).click();
    const device = page.locator('.device-card', { hasText: 'iPhone de Sophie' });
    await device.locator('label.tick').first().click();
    await expect.poll(() => device.getByRole('checkbox').first().isChecked()).toBe(true);

    // A business program, critical, with the vendor's contact.
    await goTo(page, 'inventory');
    await page.getByRole('tab', { name: 'Logiciels métiers' }).click();
    await page.getByLabel('Nom du logiciel').fill('EBP Compta');
    await page.getByLabel('Fournisseur', { exact: true }).fill('EBP');
    await page.getByLabel('Comment joindre le fournisseur').fill('01 02 03 04 05');
    await page.locator('.software-form .tick').click();
    await page.getByRole('button', { name: 'Ajouter ce logiciel' }).click();
    await page.locator('.software__item', { hasText: 'EBP Compta' }).waitFor();

    // An expert hand task ticked « C'est fait ».
    await goTo(page, 'missions');
    await page.getByRole('tab', { name: /Mission expert/ }).click();
    const review = page.locator('[data-task="expert.monthly-review"]');
    await review.locator('label.tick').click();
    await review.getByText('Prochaine révision').waitFor();
    await first.close();

    // Reopen on the same folder: a new page, a new service object, the same data.
    const second = await harness.open({ home: first.home });
    const p2 = second.page;
    await p2.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await expect(p2.getByText('Transport Dubois').count()).resolves.toBeGreaterThan(0);
    await expect(p2.getByText(/Dernier contrôle : /).count()).resolves.toBe(1);
    await expect(p2.locator('.device-mini-list').getByText(/iPhone de Sophie/).count()).resolves.toBe(1);
    await screenshot(p2, 'fr-08-dashboard-after-restart');

    await goTo(p2, 'missions');
    const device2 = p2.locator('.device-card', { hasText: 'iPhone de Sophie' });
    await expect(device2.getByText('1 étape sur 3').count()).resolves.toBe(1);
    await expect(device2.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    await p2.getByRole('tab', { name: /Mission expert/ }).click();
    await expect(p2.locator('[data-task="expert.monthly-review"]').getByRole('checkbox').isChecked()).resolves.toBe(true);

    await goTo(p2, 'inventory');
    await p2.getByRole('tab', { name: 'Logiciels métiers' }).click();
    const item = p2.locator('.software__item', { hasText: 'EBP Compta' });
    await expect(item.getByText('Critique', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(item.getByText(/01 02 03 04 05/).count()).resolves.toBe(1);

    await goTo(p2, 'settings');
    await expect(p2.getByLabel('Adresse e-mail du prestataire').inputValue()).resolves.toBe('kevin@exemple.fr');
    await expect(p2.getByText(first.home).count()).resolves.toBe(1);
    await second.close();
  });
});
