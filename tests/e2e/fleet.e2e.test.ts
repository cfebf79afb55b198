/**
 * The fleet page in real Chromium against a real fleet server on loopback (SQLite): three
 * computers (replayed captures: Windows 10 with old signatures, Windows 11, Debian) join and
 * report through the core's fleet client; « Preuve avant redémarrage » lists them, and the
 * Windows 10 till moves to « prouvé » when its next report has fresh signatures, without reload.
 * Keyboard only for the sign-in and navigation; axe 0 on every view; screenshots at 100 and 200 %.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetServer } from '../../src/fleet/server/app';
import { createAccountsStore } from '../../src/fleet/storage/accounts-store';
import { createFleetStore } from '../../src/fleet/storage/fleet-store';
import { createFleetClientApi } from '../../src/main/core/fleet';
import { sqliteTestDb, type TestDb } from '../support/fleet-db';
import { FLEET_CAPTURES, reportFromCapture, withSignatures } from '../support/fleet-reports';
import { axeViolations, goTo, launchChromium, screenshot, startHarness } from './harness';
import { onboard } from './steps';

const WEB_DIR = resolve(import.meta.dirname, '../../out/fleet-web');

let t: TestDb;
let app: ReturnType<typeof createFleetServer>;
let url: string;
let browser: Browser;
let tmp: string;
const computers: Record<keyof typeof FLEET_CAPTURES, ReturnType<typeof createFleetClientApi>> = {} as never;

beforeAll(async () => {
  t = await sqliteTestDb();
  app = createFleetServer({ db: t.db, webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const store = createFleetStore(t.db);
  await createAccountsStore(t.db).setUser('vigilance', 'cellule de vigilance 2026');
  tmp = await mkdtemp(join(tmpdir(), 'revision-fleet-e2e-'));
  const sites = {
    win10Old: 'Tabac du Port — Brest',
    win11: 'Presse de la Gare — Quimper',
    debian: 'Bureau — Rennes',
  } as const;
  for (const key of Object.keys(FLEET_CAPTURES) as (keyof typeof FLEET_CAPTURES)[]) {
    const { code } = await store.addEnrolmentCode(
      sites[key],
      `02 98 00 00 0${Object.keys(sites).indexOf(key)}`,
    );
    computers[key] = createFleetClientApi({ home: join(tmp, key) });
    await computers[key].join(url, code, key);
    expect((await computers[key].send(await reportFromCapture(FLEET_CAPTURES[key]))).sent).toBe(1);
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.dispose();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Connexion à la flotte' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.type('vigilance');
  await page.keyboard.press('Tab');
  await page.keyboard.type('cellule de vigilance 2026');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Ordinateurs de la flotte' }).waitFor();
}

describe('fleet web page', () => {
  it('three computers report; the proof lists are right; the old-signatures till moves to « prouvé » without reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
    await signIn(page);
    await expect.poll(() => page.getByText('3 ordinateurs').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'fleet-machines');

    // Keyboard: from the list to « Preuve avant redémarrage ».
    await page.getByRole('link', { name: 'Preuve avant redémarrage' }).focus();
    await page.keyboard.press('Enter');
    const notProven = page.getByTestId('not-proven');
    const proven = page.getByTestId('proven');
    await page.getByRole('heading', { name: 'Non prouvés : à appeler (3)' }).waitFor();
    await expect.poll(() => notProven.getByRole('row').count()).toBe(4);
    const row = (host: string) => notProven.getByRole('row').filter({ hasText: host });
    expect(await row('PC-ACCUEIL').textContent()).toContain('signatures trop anciennes');
    expect(await row('PC-ACCUEIL').textContent()).toContain('02 98 00 00 00');
    expect(await row('CABINET-COMPTA').textContent()).toContain('protection en temps réel non vérifiable');
    expect(await row('vm').textContent()).toContain('aucun antivirus trouvé');
    expect(await proven.textContent()).toContain('Aucun ordinateur prouvé pour l’instant.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'fleet-proof-before');

    // The Windows 10 till updates its signatures and reports again: it moves, the page is not reloaded.
    const fresh = withSignatures(
      await reportFromCapture(FLEET_CAPTURES.win10Old),
      new Date(Date.now() - 3_600_000).toISOString(),
    );
    expect((await computers.win10Old.send(fresh)).sent).toBe(1);
    await page.getByRole('heading', { name: 'Prouvés (1)' }).waitFor({ timeout: 15_000 });
    expect(await proven.textContent()).toContain('PC-ACCUEIL');
    expect(await notProven.textContent()).not.toContain('PC-ACCUEIL');
    await screenshot(page, 'fleet-proof-after');

    // The machine page: the app's texts, the voyant history, the programs.
    await proven.getByRole('link', { name: 'PC-ACCUEIL' }).click();
    await page.getByRole('heading', { name: 'PC-ACCUEIL — Tabac du Port — Brest' }).waitFor();
    await page.getByRole('heading', { name: /^Programmes \(\d+\)$/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'fleet-machine');
    expect(csp).toEqual([]);
    await context.close();
  });

  it('at 200 % zoom the views reflow without horizontal scrolling', async () => {
    const context = await browser.newContext({
      viewport: { width: 640, height: 450 },
      deviceScaleFactor: 2,
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    await signIn(page);
    const overflow = () =>
      page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ) as Promise<number>;
    await page.getByText('3 ordinateurs').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'zoom200-fleet-machines');
    await page.getByRole('link', { name: 'Preuve avant redémarrage' }).click();
    await page.getByRole('heading', { name: /^Non prouvés/ }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'zoom200-fleet-proof');
    await context.close();
  });
});

describe('the desktop app joins the fleet', () => {
  it(
    'Paramètres: address and code; « Votre flotte » then shows the server and when the last report went',
    { timeout: 240_000 },
    async () => {
      const { code } = await createFleetStore(t.db).addEnrolmentCode('Garage Martin — Lorient');
      const harness = await startHarness();
      try {
        const session = await harness.open();
        const { page } = session;
        await onboard(page, 'Garage Martin');
        await goTo(page, 'settings');
        await page.getByRole('textbox', { name: 'Adresse du serveur' }).fill('ftp://nulle-part');
        await page.getByRole('textbox', { name: 'Code d’inscription' }).fill(code);
        await page.getByRole('button', { name: 'Rejoindre la flotte' }).click();
        await page.getByText(/Adresse de serveur non valable/).waitFor();
        await page.getByRole('textbox', { name: 'Adresse du serveur' }).fill(url);
        await page.getByRole('button', { name: 'Rejoindre la flotte' }).click();
        await page.getByText('Cet ordinateur est inscrit au serveur de flotte.').waitFor();
        await page.getByText(`Serveur : ${url} — site « Garage Martin — Lorient »`).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'fleet-app-settings');

        // The app's checkup sends its report; the dashboard says when it went.
        await session.service.checkupRun({});
        await expect
          .poll(async () => (await session.service.fleetStatus()).lastSentAt, { timeout: 30_000 })
          .not.toBeNull();
        await goTo(page, 'dashboard');
        await page
          .getByText(
            'Les rapports de cet ordinateur partent vers le serveur de flotte de votre prestataire (Garage Martin — Lorient).',
          )
          .waitFor();
        await page.getByText(/^Dernier rapport envoyé : /).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'fleet-app-dashboard');
        await page.setViewportSize({ width: 640, height: 450 });
        await screenshot(page, 'zoom200-fleet-app-dashboard');
        await session.close();
      } finally {
        await harness.close();
      }
    },
  );
});
