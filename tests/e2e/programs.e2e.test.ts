/**
 * « Vos logiciels » (issue 12) in real Chromium against the real core: the programs of the French
 * office PC capture (Firefox behind, 7-Zip and Microsoft 365 targeted by attackers, a runtime
 * counted as the system) with one voyant each, at 100 % and 200 % zoom, axe clean; and 5,000
 * programs stay usable (virtualised list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/main/core/checkup/probe';
import type { InstalledApplication } from '../../src/shared/facts';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The uninstall entries of tests/fixtures/windows/win11-25h2-pro-fr-policy-off-restart-bitdefender, plus Office 2016. */
const OFFICE_PC: InstalledApplication[] = [
  { name: 'Mozilla Firefox (x64 fr)', version: '144.0', publisher: 'Mozilla', source: 'registry' },
  {
    name: 'Microsoft 365 Apps pour les entreprises - fr-fr',
    version: '16.0.19231.20156',
    publisher: 'Microsoft Corporation',
    source: 'registry',
  },
  { name: '7-Zip 24.08 (x64)', version: '24.08', publisher: 'Igor Pavlov', source: 'registry' },
  {
    name: 'Microsoft Office Standard 2016',
    version: '16.0.4266.1001',
    publisher: 'Microsoft Corporation',
    source: 'registry',
  },
  {
    name: 'Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.44.35211',
    version: '14.44.35211.0',
    publisher: 'Microsoft Corporation',
    source: 'registry-32',
  },
  { name: 'Logiciel de caisse', version: null, publisher: 'Caisse SARL', source: 'registry' },
];

function inventoryProbe(applications: InstalledApplication[]): Probe {
  return {
    id: 'inventory',
    labelKey: 'inventory',
    sections: ['inventory'],
    timeoutMs: 10_000,
    run: async () => ({ inventory: { applications } }),
  };
}

describe('« Vos logiciels »', () => {
  it(
    'shows one voyant per program, carefully worded, at 100 % and 200 % zoom',
    { timeout: 240_000 },
    async () => {
      for (const zoom of [100, 200] as const) {
        const viewport = zoom === 100 ? { width: 1280, height: 900 } : { width: 640, height: 450 };
        const { page } = await harness.open({ probes: [inventoryProbe(OFFICE_PC)], viewport });
        await onboard(page);
        await goTo(page, 'inventory');
        await page.locator('.chip', { hasText: 'Autres' }).click();
        await page.locator('.program-voyant').first().waitFor();
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        expect(text).toContain('1 composants du système, tenus à jour par les mises à jour du système');
        await page.locator('.chip', { hasText: 'Navigateurs' }).click();
        const firefox = page.locator('.grid-list__row', { hasText: 'Mozilla Firefox' });
        await expect(firefox.innerText()).resolves.toMatch(
          /mise à jour disponible : 154\.0[\s\S]*visé par des attaques — des pirates ont exploité des failles de ce logiciel ; la dernière signalée le 15 octobre 2024/,
        );
        await screenshot(page, `fr-programs-${zoom}`);
        await page.locator('.chip', { hasText: 'Bureautique' }).click();
        const office = page.locator('.grid-list__row', { hasText: 'Office Standard 2016' });
        await expect(office.innerText()).resolves.toMatch(
          /plus maintenu depuis le 14 octobre 2025[\s\S]*Désinstallez-le s’il ne sert plus/,
        );
        await screenshot(page, `fr-programs-office-${zoom}`);
        expect(await axeViolations(page)).toEqual([]);
        // « On n'utilise plus ce logiciel »: the OS's own uninstall page; this Debian has none, and says so.
        await page
          .getByRole('button', {
            name: 'Ouvrir la page de désinstallation pour : Microsoft Office Standard 2016',
          })
          .click();
        await expect
          .poll(async () => (await page.locator('body').innerText()).replace(/\s+/g, ' '))
          .toContain('Je ne connais pas de page de désinstallation sur cet ordinateur');
        await screenshot(page, `fr-programs-uninstall-${zoom}`);
        // « C'est un logiciel métier » is offered on programs; the runtime (a system component) is not listed.
        await expect(
          page
            .getByRole('button', { name: /C’est un logiciel métier : Microsoft Office Standard 2016/ })
            .count(),
        ).resolves.toBe(1);
        await expect(page.getByText('Microsoft Visual C++').count()).resolves.toBe(0);
        if (zoom === 200)
          expect(
            await page.evaluate(
              'document.documentElement.scrollWidth - document.documentElement.clientWidth',
            ),
          ).toBe(0);
        await page.close();
      }
    },
  );
});
