/** The site check's pure rules: addresses, signs, versions, exploited flaws, certificate states. */
import { describe, expect, it } from 'vitest';
import { parseSiteAddress, sameSite, type SiteAddressError } from './address';
import { generators, languageSign, mainProduct, pageSigns } from './detect';
import { judgeCertificate, judgeResponds } from './judge-reach';
import { judgeSoftware, versionOf } from './judge-software';
import { loadEolData } from '../knowledge/eol';
import { kevFlaws } from './kev-fixes';
import type { SiteReading } from './read-site';
import { compareVersions } from './versions';

const refused = (address: string, allowLocal = false) => {
  try {
    parseSiteAddress(address, allowLocal);
    return null;
  } catch (error) {
    return (error as SiteAddressError).problem;
  }
};

describe('site addresses', () => {
  it('accepts public http(s) addresses and refuses the rest with a reason', () => {
    expect(refused('https://transports-dubois.fr')).toBeNull();
    expect(refused('http://www.transports-dubois.fr/boutique/')).toBeNull();
    expect(refused('transports-dubois.fr')).toBe('noScheme');
    expect(refused('')).toBe('empty');
    expect(refused('ftp://transports-dubois.fr')).toBe('scheme');
    expect(refused('https://eric:secret@transports-dubois.fr')).toBe('credentials');
    expect(refused('https://192.168.1.10')).toBe('ip');
    expect(refused('https://[2001:db8::1]/')).toBe('ip');
    expect(refused('http://nas-bureau/')).toBe('internal');
    expect(refused('http://imprimante.local/')).toBe('internal');
    expect(refused('https://localhost/')).toBe('local');
    expect(refused('https://127.0.0.1:8443/')).toBe('local');
    expect(refused('http://[::1]/')).toBe('local');
    expect(refused('https://127.0.0.1:8443/', true)).toBeNull();
    // Loopback allowed for tests never opens the private network.
    expect(refused('https://10.0.0.5/', true)).toBe('ip');
  });

  it('a same-site redirect may add or drop « www. », nothing else', () => {
    expect(sameSite(new URL('https://exemple.fr/'), new URL('https://www.exemple.fr/accueil'))).toBe(true);
    expect(sameSite(new URL('https://exemple.fr/'), new URL('https://exemple.fr.evil.example/'))).toBe(false);
  });
});

describe('signs', () => {
  it('reads generator tags in any attribute order and quoting', () => {
    expect(
      generators(
        `<meta content='WordPress 6.8.1' name="generator" /><meta name=generator content="Elementor 3.30">`,
      ),
    ).toEqual(['WordPress 6.8.1', 'Elementor 3.30']);
  });

  it('takes the most precise version the signs give', () => {
    const signs = pageSigns({
      url: 'https://x.example.org/',
      status: 200,
      headers: { 'x-generator': 'Drupal 10 (https://www.drupal.org)' },
      body: '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">',
    });
    expect(mainProduct(signs)).toBe('drupal');
    expect(
      versionOf([...signs, { product: 'drupal', version: '10.2.3', sign: 'CHANGELOG.txt' }], 'drupal'),
    ).toBe('10.2.3');
  });

  it('reads PHP from x-powered-by or server, and nothing from a server that hides it', () => {
    expect(languageSign({ 'x-powered-by': 'PHP/7.4.33' })).toMatchObject({ version: '7.4.33' });
    expect(languageSign({ server: 'Apache/2.4.57 (Debian) PHP/8.1.2' })).toMatchObject({ version: '8.1.2' });
    expect(languageSign({ server: 'nginx' })).toBeNull();
  });
});

describe('versions and exploited flaws', () => {
  it('compares Magento patch releases', () => {
    expect(compareVersions('2.4.7-p1', '2.4.7')).toBeGreaterThan(0);
    expect(compareVersions('2.4.6-p5', '2.4.6-p6')).toBeLessThan(0);
    expect(compareVersions('6.1.9', '6.10')).toBeLessThan(0);
  });

  it('matches a version to the KEV table only below its line’s fixed version', () => {
    expect(kevFlaws('joomla', '4.2.7')).toEqual(['CVE-2023-23752']);
    expect(kevFlaws('joomla', '4.2.8')).toEqual([]);
    expect(kevFlaws('magento', '2.4.7')).toEqual(['CVE-2024-34102']);
    expect(kevFlaws('magento', '2.4.7-p1')).toEqual([]);
    expect(kevFlaws('drupal', '7.57')).toEqual(
      expect.arrayContaining(['CVE-2018-7600', 'CVE-2018-7602', 'CVE-2020-13671']),
    );
    // A CVE absent from the bundled catalogue never counts.
    expect(kevFlaws('joomla', '4.2.7', new Set())).toEqual([]);
  });
});

describe('certificate voyant', () => {
  const base = {
    address: new URL('https://transports-dubois.fr/'),
    home: null,
    homeFailure: null,
    elsewhere: null,
    requests: [],
    tlsFailure: null,
    signs: [],
    product: null,
    language: null,
  };
  const tls = {
    trusted: true,
    trustError: null,
    nameMatches: true,
    subject: 'transports-dubois.fr',
    altNames: 'DNS:transports-dubois.fr',
    issuer: "R11, Let's Encrypt",
    validFrom: '2026-10-01T00:00:00.000Z',
    validTo: '2026-12-30T00:00:00.000Z',
    protocol: 'TLSv1.3',
    fingerprint256: null,
  };
  const now = new Date('2026-11-28T10:00:00Z');
  it('is orange when http:// does not send visitors to https://', () => {
    expect(judgeCertificate({ ...base, tls, httpToHttps: false } as SiteReading, now)).toMatchObject({
      state: 'attention',
      key: 'certificate.noRedirect',
    });
    expect(judgeCertificate({ ...base, tls, httpToHttps: true } as SiteReading, now)).toMatchObject({
      state: 'ok',
    });
    // Could not tell (port 80 closed): not a reason to warn, and the certificate itself is fine.
    expect(judgeCertificate({ ...base, tls, httpToHttps: null } as SiteReading, now)).toMatchObject({
      state: 'ok',
    });
  });
});

describe('answer voyant when the site could not be read', () => {
  const reading = (kind: string, code: string | null) =>
    ({
      address: new URL('https://transports-dubois.fr/'),
      home: null,
      homeFailure: { kind, code, message: `${code}` },
      elsewhere: null,
    }) as unknown as SiteReading;
  const cases: [string, string | null, string, string][] = [
    // A name that does not exist, or no network: « je n'ai pas pu vérifier », never down nor ok.
    ['network', 'ENOTFOUND', 'unknown', 'responds.dns'],
    ['network', 'EAI_AGAIN', 'unknown', 'responds.noNetwork'],
    ['network', 'ENETUNREACH', 'unknown', 'responds.noNetwork'],
    ['network', 'ERR_TLS_CERT_ALTNAME_INVALID', 'unknown', 'responds.tls'],
    ['not-captured', null, 'unknown', 'responds.failed'],
    // A refused connection or a timeout: red, « appelez votre hébergeur ».
    ['network', 'ECONNREFUSED', 'danger', 'responds.down'],
    ['timeout', null, 'danger', 'responds.timeout'],
  ];
  it.each(cases)('%s %s → %s (%s)', (kind, code, state, key) => {
    expect(judgeResponds(reading(kind, code))).toMatchObject({ state, key });
  });
});

describe('a generator that gives only the major version (Drupal 8 and later: « Drupal 10 (https://www.drupal.org) »)', () => {
  const eol = loadEolData();
  const now = new Date('2026-11-28T10:00:00Z');
  const judged = (generator: string) =>
    judgeSoftware(
      'drupal',
      pageSigns({
        url: 'https://x.fr/',
        status: 200,
        headers: {},
        body: `<meta name="Generator" content="${generator}">`,
      }),
      eol,
      now,
    ).spec;

  it('an ended line is danger for its end of life, never a guessed exploited flaw', () => {
    const s = judged('Drupal 7 (http://drupal.org)');
    expect(s.state).toBe('danger');
    expect(s.key).toBe('software.ended');
  });

  it('a line still maintained is « version incomplète », neither green nor « mise à jour disponible »', () => {
    const s = judged('Drupal 11 (https://www.drupal.org)');
    expect(s.state).toBe('unknown');
    expect(s.key).toBe('software.partial');
  });
});
