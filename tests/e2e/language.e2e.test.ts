/**
 * Every screen in French and in English: screenshots of each (test-results/screenshots), axe-core
 * with 0 violations on each, and after switching to English no French text is left (the page's
 * visible text nodes compared between the two languages; raw technical data marked translate="no"
 * and what the owner typed are not interface text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, goTo, screenshot, startHarness, visibleTexts, type Harness } from './harness';
import { onboard, pickChip } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

type Lang = 'fr' | 'en';
const TAB_NAMES: Record<Lang, Record<string, string>> = {
  fr: { debutant: 'Mission débutant', intermediaire: 'Mission intermédiaire', expert: 'Mission expert', apps: 'Logiciels de cet ordinateur', devices: 'Autres appareils', software: 'Logiciels métiers' },
  en: { debutant: 'Beginner mission', intermediaire: 'Intermediate mission', expert: 'Expert mission', apps: 'Programs on this computer', devices: 'Other devices', software: 'Business software' },
};

/** Visits every screen; returns the visible texts per screen, after a screenshot and an axe run on each. */
async function tour(page: Page, lang: Lang, violations: string[]): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  const capture = async (name: string) => {
    await page.waitForTimeout(150);
    await screenshot(page, `${lang}-screen-${name}`);
    for (const v of await axeViolations(page)) violations.push(`${lang} ${name}: ${v}`);
    texts.set(name, await visibleTexts(page));
  };
  await goTo(page, 'dashboard');
  await capture('dashboard');
  await goTo(page, 'checkup');
  await page.locator('.voyant-card__trigger').first().click();
  await capture('checkup');
  await goTo(page, 'missions');
  for (const tab of ['debutant', 'intermediaire', 'expert']) {
    await page.getByRole('tab', { name: new RegExp(TAB_NAMES[lang][tab]!) }).click();
    await capture(`missions-${tab}`);
  }
  await goTo(page, 'inventory');
  for (const tab of ['apps', 'devices', 'software']) {
    await page.getByRole('tab', { name: TAB_NAMES[lang][tab]! }).click();
    await capture(`inventory-${tab}`);
  }
  await goTo(page, 'settings');
  await capture('settings');
  return texts;
}

/** Texts that are the same in both languages on purpose: names, brands, what the owner typed. */
const SAME_IN_BOTH = new Set(['Révision', 'iPhone', 'iPad', 'Mac', 'Missions', 'Message', 'Français', 'English', 'Transport Dubois', 'EBP Compta', 'EBP', 'Smartphone', 'Kevin Informatique', 'Antivirus']);

function frenchLeft(fr: Map<string, string[]>, en: Map<string, string[]>): string[] {
  const frTexts = new Set([...fr.values()].flat());
  const left: string[] = [];
  for (const [screen, texts] of en) {
    for (const text of texts) {
      const rest = [...SAME_IN_BOTH].reduce((r, term) => r.split(term).join(' '), text);
      if (!/\p{L}{2,}/u.test(rest)) continue;
      const identical = frTexts.has(text);
      const looksFrench = /[éèêàçùôîœ«»]|\b(le|la|les|des|du|vous|votre|vos|je|j’ai|et|pour|sur|avec|une?)\b/i.test(text.replace(/Révision|Éric/g, ''));
      if (identical || looksFrench) left.push(`${screen}: « ${text} »`);
    }
  }
  return left;
}

describe('language', () => {
  it('shows every screen in French, then in English with no French left; axe finds nothing on any screen', { timeout: 400_000 }, async () => {
    const violations: string[] = [];

    // The welcome, in both languages, on a fresh workspace.
    const fresh = await harness.open();
    await fresh.page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
    await screenshot(fresh.page, 'fr-screen-welcome');
    const welcomeFr = await visibleTexts(fresh.page);
    for (const v of await axeViolations(fresh.page)) violations.push(`fr welcome: ${v}`);
    await fresh.service.workspaceUpdate({ settings: { lang: 'en' } });
    await fresh.page.reload();
    await fresh.page.getByRole('heading', { name: 'Welcome to Révision' }).waitFor();
    await screenshot(fresh.page, 'en-screen-welcome');
    const welcomeEn = await visibleTexts(fresh.page);
    for (const v of await axeViolations(fresh.page)) violations.push(`en welcome: ${v}`);
    await fresh.close();

    // A workspace with something on every screen.
    const { page } = await harness.open();
    await onboard(page, 'Transport Dubois', { name: 'Kevin Informatique', email: 'kevin@exemple.fr' });
    await goTo(page, 'missions');
    await pickChip(page, 'iPhone');
    await page.getByRole('button', { name: 'Ajouter : iPhone' }).click();
    await page.locator('.device-card').first().waitFor();
    await goTo(page, 'inventory');
    await page.getByRole('tab', { name: 'Logiciels métiers' }).click();
    await page.getByLabel('Nom du logiciel').fill('EBP Compta');
    await page.getByRole('button', { name: 'Ajouter ce logiciel' }).click();
    await page.locator('.software__item').first().waitFor();

    const fr = await tour(page, 'fr', violations);
    fr.set('welcome', welcomeFr);

    // Switch in the settings, as Éric would.
    await pickChip(page, 'English');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const en = await tour(page, 'en', violations);
    en.set('welcome', welcomeEn);

    expect(violations).toEqual([]);
    expect(frenchLeft(fr, en)).toEqual([]);
    // And the language is kept in the workspace.
    expect(en.get('dashboard')!.length).toBeGreaterThan(10);
  });
});
