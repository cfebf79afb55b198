/**
 * Keyboard only: no mouse from the first screen to a ticked guide step. Tab, arrows, Space and
 * Enter, as a person who cannot use a mouse would; the focused element is always visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './harness';
import { tabTo } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('keyboard only', () => {
  it('goes from the welcome to a ticked phone step with the keyboard alone', { timeout: 240_000 }, async () => {
    const { page, service } = await harness.open();
    const kb = page.keyboard;
    await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();

    // The company field has the focus on arrival.
    await kb.type('Transport Dubois');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Lancer le contrôle technique');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Résultat du contrôle technique' }).waitFor({ timeout: 120_000 });

    // Open a voyant with the keyboard.
    await tabTo(page, (el) => el.tag === 'button' && el.text.length > 0 && /En ordre|À surveiller|À corriger vite|Je n’ai pas pu vérifier/.test(el.text));
    await kb.press('Enter');
    await expect(page.locator('.voyant-card__trigger[aria-expanded="true"]').count()).resolves.toBe(1);

    // To the missions through the menu.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Missions');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Missions', level: 1 }).waitFor();

    // Choose « iPhone » in the device picker with the arrow keys, then add it.
    await tabTo(page, (el) => el.tag === 'input' && el.label.length > 0 && /iPhone|Smartphone Android|iPad|Tablette Android|Ordinateur Windows|Mac/.test(el.label));
    await kb.press('Space');
    for (let i = 0; i < 12; i++) {
      const label = await page.evaluate(`document.activeElement && document.activeElement.labels && document.activeElement.labels[0] ? document.activeElement.labels[0].textContent.trim() : ''`);
      if (label === 'iPhone') break;
      await kb.press('ArrowRight');
    }
    await kb.press('Space');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Ajouter : iPhone');
    await screenshot(page, 'fr-10-keyboard-add-device');
    // The focused button shows a visible focus ring.
    const outline = await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
    expect(outline).not.toBe('none');
    await kb.press('Enter');
    await page.locator('.device-card').first().waitFor();

    // Tick the first step « C'est fait » with Space.
    await tabTo(page, (el) => el.tag === 'input' && el.label.startsWith('C’est fait'));
    await kb.press('Space');
    await expect.poll(async () => Object.keys((await service.workspaceGet()).devices[0]?.steps ?? {}).length).toBe(1);
    await screenshot(page, 'fr-11-keyboard-ticked');
  });
});
