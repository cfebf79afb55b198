/**
 * Intermediate mission: the carnet d'entretien exported as a real PDF by the core, and the
 * message to the prestataire shown with its subject and body, opened in the mail app as a
 * mailto: link (the harness records it instead of starting a mail program).
 */
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('intermediate mission', () => {
  it('exports the PDF and prepares the message to the prestataire', { timeout: 240_000 }, async () => {
    const session = await harness.open();
    const { page } = session;
    await onboard(page, 'Transport Dubois', { name: 'Kevin Informatique', email: 'kevin@exemple.fr' });
    await goTo(page, 'missions');
    await page.getByRole('tab', { name: /Mission intermédiaire/ }).click();

    await page.getByRole('button', { name: 'Exporter le carnet d’entretien (PDF)' }).click();
    await page.getByText(/Carnet enregistré \(\d+ pages?\)/).waitFor({ timeout: 60_000 });
    expect((await stat(session.pdfPath)).size).toBeGreaterThan(1000);
    // Recorded as done, with its date.
    await expect.poll(async () => Boolean((await session.service.workspaceGet()).missions['intermediaire.export-pdf'])).toBe(true);

    await page.getByRole('button', { name: 'Préparer le message au prestataire' }).click();
    await page.getByText('Objet :').waitFor({ timeout: 30_000 });
    await expect(page.getByText('kevin@exemple.fr').count()).resolves.toBeGreaterThan(0);
    const body = await page.getByLabel('Message').inputValue();
    expect(body).toMatch(/Transport Dubois/);
    await screenshot(page, 'fr-13-provider-message');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ouvrir la messagerie' }).click();
    await expect.poll(() => session.openedUrls.length).toBe(1);
    expect(session.openedUrls[0]).toMatch(/^mailto:kevin@exemple\.fr\?/);
  });
});
