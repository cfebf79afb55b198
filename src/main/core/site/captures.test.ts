/**
 * The site check replayed from captures of the other CMSs' public pages (tests/fixtures/sites,
 * README there says what is real and what is written from documentation). No network.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplayHost, loadCapture } from '../exec/capture';
import { checkSite } from './check';

const DIR = join(import.meta.dirname, '../../../../tests/fixtures/sites');

async function replay(folder: string, host: string, lang: 'fr' | 'en' = 'fr') {
  const capture = await loadCapture(join(DIR, folder));
  return checkSite(`https://${host}/`, {
    host: createReplayHost(capture),
    now: new Date(capture.manifest.now!),
    lang,
    appVersion: '0.1.0',
  });
}
const voyant = (r: Awaited<ReturnType<typeof replay>>, id: string) => r.findings.find((f) => f.id === id)!;

describe('site captures of the other CMSs', () => {
  it('Drupal 7.57 (real saved page): listed in the exploited-flaws catalogue, red, with the flaw named for the prestataire', async () => {
    const r = await replay('drupal-7', 'www.ulab.usb.ve');
    expect(r.software).toMatchObject({ product: 'drupal', version: '7.57' });
    expect(r.software!.signs).toEqual(
      expect.arrayContaining([
        '<meta name="generator" content="Drupal 7 (http://drupal.org)">',
        '/CHANGELOG.txt → "Drupal 7.57"',
      ]),
    );
    const f = voyant(r, 'site-software');
    expect(f).toMatchObject({ state: 'danger', title: 'Drupal a une faille exploitée par des pirates' });
    expect(String(f.params.cves)).toContain('CVE-2018-7600');
    expect(voyant(r, 'site-language')).toMatchObject({ state: 'danger', title: "PHP n'est plus suivi" });
    expect(voyant(r, 'site-certificate').state).toBe('ok');
  });

  it('Joomla 4.2.7 (real saved page, version from its manifest): red for CVE-2023-23752', async () => {
    const r = await replay('joomla', 'autopiabv.nl');
    expect(r.software).toMatchObject({ product: 'joomla', version: '4.2.7' });
    expect(voyant(r, 'site-software')).toMatchObject({
      state: 'danger',
      params: expect.objectContaining({ cves: 'CVE-2023-23752' }),
    });
    expect(r.ask[0]).toMatch(/^mettre à jour Joomla 4\.2\.7 vers \d/);
  });

  it('PrestaShop and Shopware that hide their version: « version cachée », unknown, with the question to ask', async () => {
    for (const [folder, host, name] of [
      ['prestashop-1.7', 'boutique-prestashop.example.org', 'PrestaShop'],
      ['shopware-6', 'boutique-shopware.example.org', 'Shopware'],
    ] as const) {
      const r = await replay(folder, host);
      expect(voyant(r, 'site-software')).toMatchObject({ state: 'unknown', title: 'Version cachée' });
      expect(voyant(r, 'site-software').action).toContain(`quelle version de ${name}`);
      expect(r.software?.name).toBe(name);
    }
  });

  it('Magento that shows only its release line: unknown, never green', async () => {
    const r = await replay('magento-2', 'boutique-magento.example.org');
    expect(r.software).toMatchObject({ product: 'magento', version: '2.4' });
    expect(voyant(r, 'site-software')).toMatchObject({ state: 'unknown', title: 'Version incomplète' });
  });

  it('hosted services (Wix, Shopify, Squarespace): « mis à jour par l’hébergeur : rien à faire »', async () => {
    for (const [folder, host, name] of [
      ['wix', 'www.atelier-wix.example.org', 'Wix'],
      ['shopify', 'boutique-shopify.example.org', 'Shopify'],
      ['squarespace', 'www.studio-squarespace.example.org', 'Squarespace'],
    ] as const) {
      const r = await replay(folder, host);
      expect(voyant(r, 'site-software')).toMatchObject({
        state: 'ok',
        title: "Site mis à jour par l'hébergeur",
        action: 'Rien à faire.',
      });
      expect(r.software).toMatchObject({ name, hosted: true });
      // Hosted services do not show their server language: that stays unknown, not green.
      expect(voyant(r, 'site-language').state).toBe('unknown');
    }
  });

  it('a call the capture lacks is never read as green', async () => {
    const capture = await loadCapture(join(DIR, 'wix'));
    const r = await checkSite('https://autre.example.org/', {
      host: createReplayHost(capture),
      now: new Date(capture.manifest.now!),
      lang: 'en',
      appVersion: '0.1.0',
    });
    expect(r.findings.map((f) => f.state)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});
