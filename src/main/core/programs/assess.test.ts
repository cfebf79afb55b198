import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstalledApplication, MachineFacts } from '../../../shared/facts';
import { resources } from '../../../shared/i18n';
import { loadEolData } from '../knowledge/eol';
import { loadKevData } from '../knowledge/kev';
import { assessPrograms } from './assess';
import { endOfLifeFinding, exploitedFinding, outdatedFinding } from './findings';
import { matchProgram, normaliseName, normalisePublisher } from './match';

const eol = loadEolData();
const kev = loadKevData();
const NOW = new Date('2026-11-22T10:00:00Z');

function app(
  name: string,
  version: string | null,
  publisher: string | null,
  source: InstalledApplication['source'] = 'registry',
): InstalledApplication {
  return { name, version, publisher, source };
}

function assess(apps: InstalledApplication[], extra: Partial<MachineFacts> = {}) {
  return assessPrograms({ facts: { inventory: { applications: apps }, ...extra }, now: NOW, eol, kev });
}

function one(a: InstalledApplication) {
  return assess([a]).programs[0]!;
}

describe('recognising a program needs the vendor AND the product', () => {
  it('a look-alike name from another publisher is not Firefox, and no alarm is raised', () => {
    expect(matchProgram(app('Firefox Password Exporter', '1.0', 'Some Dev'), eol).catalog).toBeNull();
    expect(matchProgram(app('Mozilla Firefox (x64 fr)', '144.0', 'Acme Repacks'), eol).catalog).toBeNull();
    expect(one(app('Office Tools 2016', '1.0', 'Contoso')).exploited).toBeNull();
  });

  it('normalises installed names and publishers', () => {
    expect(normaliseName('Mozilla Firefox (x64 fr)')).toBe('mozilla firefox');
    expect(normaliseName('PowerShell 7-x64')).toBe('powershell 7-x64'.replace('-x64', '').replace(' 7', ''));
    expect(normalisePublisher('Microsoft Corporation')).toBe('microsoft');
    expect(normalisePublisher('Jane Doe <jane@example.org>')).toBe('jane doe');
    expect(normalisePublisher('<only@mail.org>')).toBeNull();
  });

  it('matches an end-of-life product by its CPE vendor and product (VirtualBox by Oracle)', () => {
    const id = matchProgram(app('VirtualBox', '6.1.50', 'Oracle Corporation'), eol);
    expect(id.eolProduct).toBe('virtualbox');
    expect(matchProgram(app('VirtualBox', '6.1.50', 'Someone Else'), eol).eolProduct).toBeNull();
  });
});

describe('one voyant per program', () => {
  it('Office 2016 is « plus maintenu » with its date; a rolling browser behind is « mise à jour disponible »', () => {
    expect(
      one(app('Microsoft Office Professionnel Plus 2016', '16.0.4266.1001', 'Microsoft Corporation')),
    ).toMatchObject({ status: 'end-of-life', endOfLife: '2025-10-14' });
    expect(one(app('Mozilla Firefox (x64 fr)', '144.0', 'Mozilla'))).toMatchObject({
      status: 'outdated',
      latestVersion: '154.0',
      name: 'Mozilla Firefox',
    });
    expect(one(app('Notepad++ (64-bit x64)', '8.9.7', 'Notepad++ Team'))).toMatchObject({
      status: 'current',
    });
  });

  it('Python 3.8 from python.org is no longer maintained; Java 8 under paid extended support is not called « à jour »', () => {
    expect(one(app('Python 3.8.10 (64-bit)', '3.8.10150.0', 'Python Software Foundation'))).toMatchObject({
      status: 'end-of-life',
      endOfLife: '2024-10-07',
    });
    expect(one(app('Java 8 Update 351 (64-bit)', '8.0.3510.10', 'Oracle Corporation')).status).toBe(
      'unknown',
    );
  });

  it('no version, or a version the data does not know, is « version inconnue », never « à jour »', () => {
    expect(one(app('Mozilla Firefox', null, 'Mozilla')).status).toBe('unknown');
    expect(one(app('Mozilla Firefox', 'inconnue', 'Mozilla')).status).toBe('unknown');
    expect(one(app('Logiciel de caisse', '4.2', 'Caisse SARL')).status).toBe('unknown');
  });

  it('today’s Edge is not flagged for the old Edge’s exploited flaws; Edge 44 is', () => {
    expect(one(app('Microsoft Edge', '142.0.3595.94', 'Microsoft Corporation')).exploited).toBeNull();
    expect(
      one(app('Microsoft Edge', '44.19041.1266.0', 'Microsoft Corporation')).exploited?.count,
    ).toBeGreaterThan(0);
  });

  it('Debian packages: apt’s list decides; without it, « version inconnue »; end-of-life never comes from upstream', () => {
    const firefox = app(
      'firefox-esr',
      '115.0esr-1~deb12u1',
      'Debian Mozilla Team <team+pkg-mozilla@tracker.debian.org>',
      'dpkg',
    );
    const pending = {
      total: 1,
      security: 1,
      items: [{ name: 'firefox-esr', version: '128.5.0esr-1~deb12u1', security: true }],
      source: 'apt-get',
    };
    expect(assess([firefox], { pendingUpdates: pending }).programs[0]).toMatchObject({
      status: 'outdated',
      latestVersion: '128.5.0esr-1~deb12u1',
      name: 'Mozilla Firefox',
      publisher: 'Debian Mozilla Team',
    });
    expect(
      assess([firefox], { pendingUpdates: { ...pending, total: 0, items: [] } }).programs[0]!.status,
    ).toBe('current');
    expect(assess([firefox]).programs[0]!.status).toBe('unknown');
  });

  it('groups LibreOffice’s packages under one program and counts libraries as the system', () => {
    const report = assess([
      {
        ...app('libreoffice-writer', '4:7.4.7-1+deb12u5', 'Debian LibreOffice Maintainers <x@y>', 'dpkg'),
        desktop: true,
      },
      {
        ...app('libreoffice-calc', '4:7.4.7-1+deb12u5', 'Debian LibreOffice Maintainers <x@y>', 'dpkg'),
        desktop: true,
      },
      app('libc6', '2.36-9+deb12u9', 'GNU Libc Maintainers <x@y>', 'dpkg'),
      app('fonts-dejavu-core', '2.37-6', 'Debian Fonts Task Force <x@y>', 'dpkg'),
    ]);
    expect(report.programs.map((p) => [p.name, p.packages])).toEqual([
      ['LibreOffice', ['libreoffice-writer', 'libreoffice-calc']],
    ]);
    expect(report.systemComponents).toBe(2);
  });
});

describe('the three findings', () => {
  const firefoxOld = app('Mozilla Firefox (x64 fr)', '144.0', 'Mozilla');
  const office2016 = app('Microsoft Office Standard 2016', '16.0.4266.1001', 'Microsoft Corporation');
  const sevenZip = app('7-Zip 24.08 (x64)', '24.08', 'Igor Pavlov');

  it('an outdated program targeted by attackers is danger; a plain outdated one is attention', () => {
    expect(outdatedFinding(assess([firefoxOld]))).toMatchObject({
      state: 'danger',
      params: { count: 1, programs: 'Mozilla Firefox 144.0 → 154.0' },
    });
    expect(outdatedFinding(assess([app('Notepad++', '8.2.1', 'Notepad++ Team')]))).toMatchObject({
      state: 'attention',
    });
  });

  it('nothing comparable is unknown, never ok', () => {
    expect(outdatedFinding(assess([app('Logiciel de caisse', '4.2', 'Caisse SARL')])).state).toBe('unknown');
  });

  it('end of life is danger and names the program with its date', () => {
    expect(endOfLifeFinding(assess([office2016]))).toMatchObject({
      state: 'danger',
      params: { count: 1, programs: 'Microsoft Office Standard 2016 16.0.4266.1001 (2025-10-14)' },
    });
    expect(endOfLifeFinding(assess([sevenZip])).state).toBe('ok');
  });

  it('« visé par des attaques » alone is advice: attention when unverified, ok when current, danger only with an update or an end of life', () => {
    expect(exploitedFinding(assess([sevenZip])).state).toBe('attention');
    expect(exploitedFinding(assess([office2016])).state).toBe('danger');
    // The date is the named program's own newest flaw (Firefox: 2024-10-15), not Office's.
    expect(
      exploitedFinding(assess([firefoxOld, app('Microsoft 365 Apps', '16.0.1', 'Microsoft Corporation')]))
        .params,
    ).toMatchObject({ programs: 'Mozilla Firefox 144.0', date: '2024-10-15' });
    const current = { ...app('firefox', '154.0-1', 'Debian', 'dpkg') };
    expect(
      exploitedFinding(
        assess([current], { pendingUpdates: { total: 0, security: 0, items: [], source: 'apt' } }),
      ).state,
    ).toBe('ok');
  });

  it('names five programs at most, then (+N)', () => {
    const many = Array.from({ length: 7 }, (_, i) => app(`Notepad++ ${i}`, '8.2.1', 'Notepad++ Team'));
    expect(outdatedFinding(assess(many)).params.programs).toMatch(/\(\+2\)$/);
  });

  it('every key the findings use has a title, a detail and an action in French and English', () => {
    const source = readFileSync(join(import.meta.dirname, 'findings.ts'), 'utf8');
    const keys = [...source.matchAll(/'applications\.([\w.]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const lang of ['fr', 'en'] as const) {
      for (const key of keys) {
        const node = key
          .split('.')
          .reduce<unknown>(
            (n, k) => (n as Record<string, unknown>)[k],
            (resources[lang].findings as Record<string, unknown>).applications,
          ) as Record<string, string>;
        expect(node.title ?? node.title_other, `${lang} ${key}`).toBeTypeOf('string');
        expect(node.detail, `${lang} ${key}`).toBeTypeOf('string');
        expect(node.action, `${lang} ${key}`).toBeTypeOf('string');
      }
    }
  });
});

describe('updates offered by winget', () => {
  const updates = (items: MachineFacts['programUpdates']) => ({ programUpdates: items });
  it('a program winget can update is « mise à jour disponible » with the new version and the id to update it', () => {
    const report = assess(
      [app('Signal', '5.27.1', 'Signal Messenger, LLC')],
      updates({
        source: 'winget upgrade',
        items: [{ name: 'Signal', id: 'OpenWhisperSystems.Signal', version: '5.27.1', available: '5.29.0' }],
      }),
    );
    expect(report.programs[0]).toMatchObject({
      status: 'outdated',
      latestVersion: '5.29.0',
      statusSource: 'winget upgrade',
      updateId: 'OpenWhisperSystems.Signal',
    });
  });
  it('a name cut with « … » matches the program it starts; a short cut name matches nothing', () => {
    const long = app(
      'Windows Assessment and Deployment Kit - Windows 10.0.26100',
      '10.0.60910',
      'Microsoft Corporation',
    );
    const offer = {
      name: 'Windows Assessment and Deployment Kit - Win',
      truncated: true,
      id: 'Microsoft.VSTOR',
      version: '10.0.60910',
      available: '10.0.60917',
    };
    expect(assess([long], updates({ source: 'winget upgrade', items: [offer] })).programs[0]!.status).toBe(
      'outdated',
    );
    expect(
      assess(
        [app('Micro Pro', '1', 'X')],
        updates({ source: 'winget upgrade', items: [{ ...offer, name: 'Micro' }] }),
      ).programs[0]!.status,
    ).toBe('unknown');
  });
  it('an update offered inside an ended release does not hide the end of life', () => {
    const office = app('Microsoft Office Standard 2016', '16.0.4266.1001', 'Microsoft Corporation');
    expect(
      assess(
        [office],
        updates({
          source: 'winget upgrade',
          items: [{ name: office.name, version: '16.0.4266.1001', available: '16.0.5000.1000' }],
        }),
      ).programs[0]!.status,
    ).toBe('end-of-life');
  });
});
