/**
 * Issue 17 item 3: the home screen is a truck dashboard whose six warning lights are the voyants.
 * Each light shows its state in colour AND shape, is a real button reached with Tab, and Enter opens
 * what it is about. The « révision » shows like a service reminder, late in danger style.
 * - a replayed Windows 10 Home (tests/fixtures/windows/win10-22h2-home-old-signatures) with an
 *   iPhone whose guide is not ticked, at the capture's own date (the browser clock too);
 * - this machine with no probe (nothing checked: never green), a website served on loopback by
 *   this test, and the owner saying they have no other device.
 * Screenshots at 1280 px, 200 % (640 × 450) and 640 px go to test-results/screenshots/dashboard-*.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createReplayHost, loadCapture } from '../../src/main/core/exec/capture';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard, tabTo } from './steps';

const CAPTURE = join(import.meta.dirname, '../fixtures/windows/win10-22h2-home-old-signatures');
const DAY_MS = 86_400_000;

let harness: Harness;
let site: Server;
let siteUrl: string;
const previousAllow = process.env.REVISION_ALLOW_LOCAL_SITES;

beforeAll(async () => {
  // The test's website is on loopback, which the app refuses unless told (tests only).
  process.env.REVISION_ALLOW_LOCAL_SITES = '1';
  harness = await startHarness();
  // A site that says it runs WordPress 6.1.9 (an old version), over plain HTTP.
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html><head><meta name="generator" content="WordPress 6.1.9"><title>Dubois</title></head><body>Bonjour</body></html>',
    );
  });
  await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.REVISION_ALLOW_LOCAL_SITES;
  else process.env.REVISION_ALLOW_LOCAL_SITES = previousAllow;
  await harness?.close();
  await new Promise((ok) => site?.close(ok));
});

/** The shape each state must be drawn with (colour is never the only cue). */
const SHAPES = {
  ok: 'round',
  attention: 'triangle',
  danger: 'octagon',
  unknown: 'dashed-circle',
  pending: 'dashed-circle',
} as const;
type LightState = keyof typeof SHAPES;
const STATE_WORDS: Record<LightState, string> = {
  ok: 'En ordre',
  attention: 'À surveiller',
  danger: 'À corriger vite',
  unknown: 'Je n’ai pas pu vérifier',
  pending: 'Pas encore vérifié',
};
const NAMES = {
  autoUpdates: 'Mises à jour automatiques',
  antivirus: 'Antivirus',
  system: 'Système',
  programs: 'Vos logiciels',
  website: 'Site web',
  devices: 'Autres appareils',
} as const;
type LightId = keyof typeof NAMES;

/** What one light shows: its state, the shape drawn (read from the SVG's geometry) and its colour. */
async function lightLook(page: Page, id: LightId): Promise<{ state: string; shape: string; color: string }> {
  // Plain source text: runs in the page (the node TS project has no DOM types).
  return page.evaluate(`(() => {
    const button = document.querySelector('[data-light="${id}"]');
    const svg = button.querySelector('svg.light-shape');
    const first = svg.firstElementChild;
    const points = (first.getAttribute('d') || '').split(/[LHVhvlZ]/).filter((s) => s.trim()).length;
    const shape = first.tagName === 'circle'
      ? (first.getAttribute('stroke-dasharray') ? 'dashed-circle' : 'round')
      : points === 3 ? 'triangle' : points === 8 ? 'octagon' : 'path with ' + points + ' points';
    return { state: button.getAttribute('data-state') || '', shape, color: getComputedStyle(svg).color };
  })()`);
}

const COLORS: Record<LightState, string> = {
  ok: 'rgb(29, 107, 52)',
  attention: 'rgb(138, 75, 0)',
  danger: 'rgb(176, 32, 26)',
  unknown: 'rgb(77, 86, 97)',
  pending: 'rgb(91, 100, 112)',
};

/** Each light shows the expected state, shape, colour and accessible name « Nom : état — … ». */
async function expectLights(page: Page, expected: Record<LightId, LightState>): Promise<void> {
  for (const [id, state] of Object.entries(expected) as [LightId, LightState][]) {
    expect(await lightLook(page, id), id).toEqual({ state, shape: SHAPES[state], color: COLORS[state] });
    const name = new RegExp(`^${NAMES[id]} : ${STATE_WORDS[state]} — .+`);
    await expect(page.getByRole('button', { name }).count(), `${id}: ${String(name)}`).resolves.toBe(1);
  }
}

/** Tabs to a light from the top of the dashboard and presses Enter on it. */
async function openWithKeyboard(page: Page, id: LightId): Promise<void> {
  await goTo(page, 'dashboard');
  await page.locator('main h1').focus();
  await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith(NAMES[id]));
  await page.keyboard.press('Enter');
}

/** The focused element's finding card id and whether it is open. */
async function focusedFinding(page: Page): Promise<{ finding: string | null; expanded: string | null }> {
  return page.evaluate(`(() => {
    const a = document.activeElement;
    const card = a && a.closest('[data-finding]');
    return { finding: card ? card.getAttribute('data-finding') : null, expanded: a ? a.getAttribute('aria-expanded') : null };
  })()`);
}

async function checkScreens(page: Page, name: string): Promise<void> {
  await goTo(page, 'dashboard');
  await screenshot(page, `dashboard-${name}-1280`);
  expect(await axeViolations(page), name).toEqual([]);
  for (const [label, size] of [
    ['200', { width: 640, height: 450 }],
    ['640', { width: 640, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await screenshot(page, `dashboard-${name}-${label}`);
    await expect(
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).resolves.toBe(0);
    expect(await axeViolations(page), `${name} at ${label}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the truck dashboard', () => {
  it(
    'a replayed Windows 10 Home: each light in its state and shape, reached by Tab, opened by Enter',
    { timeout: 300_000 },
    async () => {
      const capture = await loadCapture(CAPTURE);
      let now = new Date(capture.manifest.now!);
      const session = await harness.open({ host: createReplayHost(capture), now: () => now });
      const { page } = session;
      await page.clock.setFixedTime(now);
      await page.reload();
      await onboard(page);
      await session.service.devicesAdd({ kind: 'iphone', name: 'iPhone de Zoé' });
      await page.reload();
      await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

      const report = (await session.service.checkupLatest())!;
      const states = Object.fromEntries(report.findings.map((f) => [f.id, f.state]));
      expect(states).toMatchObject({
        'auto-updates': 'danger',
        antivirus: 'danger',
        'last-update': 'danger',
      });
      await expectLights(page, {
        autoUpdates: 'danger',
        antivirus: 'danger',
        system: 'danger',
        programs: 'attention',
        website: 'pending',
        devices: 'attention',
      });
      // Notepad++ 8.2.1 has an update; the system light speaks of the worst system finding.
      await expect(page.locator('[data-light="programs"]').textContent()).resolves.toContain(
        '1 logiciel à mettre à jour',
      );
      await expect(page.locator('[data-light="system"]').textContent()).resolves.toContain(
        'Windows 10 Home 22H2 n’est plus maintenu',
      );
      // The révision: the weekly check comes back 7 days after this one.
      await expect
        .poll(() => page.getByTestId('revision-reminder').textContent())
        .toMatch(/^Prochaine révision : dans 7 jours — \d+ \S+ \d{4}$/);
      await checkScreens(page, 'win10');

      // Every light with the keyboard alone: Tab to it, Enter, and its card or section is there.
      for (const id of ['autoUpdates', 'antivirus', 'system'] as const) {
        await openWithKeyboard(page, id);
        await page.getByRole('heading', { name: 'Contrôle technique', level: 1 }).waitFor();
        const want = id === 'autoUpdates' ? 'auto-updates' : id === 'antivirus' ? 'antivirus' : 'os-support';
        await expect.poll(() => focusedFinding(page)).toEqual({ finding: want, expanded: 'true' });
      }
      await screenshot(page, 'dashboard-win10-opened-system');
      await openWithKeyboard(page, 'programs');
      await page.getByRole('tab', { name: 'Logiciels de cet ordinateur', selected: true }).waitFor();
      await openWithKeyboard(page, 'devices');
      await page.getByRole('tab', { name: 'Autres appareils', selected: true }).waitFor();
      await openWithKeyboard(page, 'website');
      await page.getByRole('tab', { name: 'Autres appareils', selected: true }).waitFor();
      await expect
        .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
        .toBe('site-panel-heading');
      // Space works as well as Enter.
      await goTo(page, 'dashboard');
      await page.locator('main h1').focus();
      await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith(NAMES.antivirus));
      await screenshot(page, 'dashboard-win10-focus');
      await page.keyboard.press('Space');
      await expect.poll(() => focusedFinding(page)).toEqual({ finding: 'antivirus', expanded: 'true' });

      // Twenty days later without a check: the révision is late, in danger style.
      now = new Date(now.getTime() + 20 * DAY_MS);
      await page.clock.setFixedTime(now);
      await page.reload();
      await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
      const reminder = page.getByTestId('revision-reminder');
      await expect.poll(() => reminder.textContent()).toMatch(/^Prochaine révision : en retard de 13 jours/);
      await expect(reminder.getAttribute('data-tone')).resolves.toBe('danger');
      await expect(reminder.locator('svg.light-shape--danger').count()).resolves.toBe(1);
      await checkScreens(page, 'win10-late');
      await session.close();
    },
  );

  it(
    'nothing checked is never green; a website and « no other device » light their own lights',
    { timeout: 240_000 },
    async () => {
      const session = await harness.open({ probes: [] });
      const { page } = session;
      await onboard(page);
      await goTo(page, 'dashboard');
      await expectLights(page, {
        autoUpdates: 'unknown',
        antivirus: 'unknown',
        system: 'unknown',
        programs: 'unknown',
        website: 'pending',
        devices: 'pending',
      });
      await checkScreens(page, 'unchecked');

      await session.service.sitesAdd({ url: siteUrl });
      await session.service.sitesCheck({});
      await session.service.missionsTick({ taskId: 'debutant.no-other-devices', done: true });
      await session.service.workspaceUpdate({ settings: { computerName: 'PC de l’accueil' } });
      await page.reload();
      await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
      const site = (await session.service.workspaceGet()).sites![0]!.last as {
        findings: { state: string }[];
      };
      expect(site.findings.map((f) => f.state)).toContain('danger');
      await expectLights(page, {
        autoUpdates: 'unknown',
        antivirus: 'unknown',
        system: 'unknown',
        programs: 'unknown',
        website: 'danger',
        devices: 'ok',
      });
      await expect(page.locator('.cluster__computer').textContent()).resolves.toBe('PC de l’accueil');
      await expect(page.locator('[data-light="website"]').textContent()).resolves.toContain('127.0.0.1');
      await checkScreens(page, 'site');
      await session.close();
    },
  );
});
