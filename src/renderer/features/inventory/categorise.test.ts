import { describe, expect, it } from 'vitest';
import { categorise, groupApplications } from './categorise';
import dpkgList from './fixtures/dpkg-debian12.tsv?raw';

describe('categorise', () => {
  it('puts the programs a French small business uses in the groups the owner expects', () => {
    const cases: [string, string | null, string, string][] = [
      ['EBP Compta Classic', 'EBP Informatique', 'registry', 'metiers'],
      ['Sage 100cloud Comptabilité', 'Sage', 'registry', 'metiers'],
      ['Webfleet Office', 'Bridgestone', 'registry', 'metiers'],
      ['Microsoft 365 - fr-fr', 'Microsoft Corporation', 'registry', 'bureautique'],
      ['LibreOffice 24.2', 'The Document Foundation', 'registry', 'bureautique'],
      ['Google Chrome', 'Google LLC', 'registry', 'navigateurs'],
      ['Mozilla Firefox (x64 fr)', 'Mozilla', 'registry', 'navigateurs'],
      ['ESET Security', 'ESET, spol. s r.o.', 'registry', 'securite'],
      ['clamav', null, 'dpkg', 'securite'],
      ['Microsoft Visual C++ 2015-2022 Redistributable (x64)', 'Microsoft Corporation', 'registry', 'systeme'],
      ['libc6', null, 'dpkg', 'systeme'],
      ['apt-transport-https', 'APT Development Team', 'dpkg', 'systeme'],
      ['VLC media player', 'VideoLAN', 'registry', 'autres'],
    ];
    for (const [name, publisher, source, expected] of cases) {
      expect(categorise({ name, publisher, source }), name).toBe(expected);
    }
  });

  it('lets the owner’s own list of business software win', () => {
    const app = { name: 'TransGest', publisher: 'Petit Éditeur', source: 'registry' };
    expect(categorise(app)).toBe('autres');
    expect(categorise(app, new Set(['transgest']))).toBe('metiers');
  });
});

describe('groupApplications on a real Debian package list', () => {
  it('sorts every package into a group without losing any, and searches without accents', () => {
    const apps = dpkgList
      .trim()
      .split('\n')
      .map((line) => {
        const [name = '', version = ''] = line.split('\t');
        return { name, version, publisher: null, source: 'dpkg' };
      });
    expect(apps.length).toBeGreaterThan(100);
    const groups = groupApplications(apps, '');
    const total = Object.values(groups).reduce((n, g) => n + g.length, 0);
    expect(total).toBe(apps.length);
    expect(groups.navigateurs.map((a) => a.name)).toContain('chromium');
    expect(groups.systeme.map((a) => a.name)).toContain('libc6');
    expect(groupApplications(apps, 'CHROMIUM').navigateurs.length).toBeGreaterThan(0);
    const found = groupApplications([{ name: 'Comptabilité Générale', publisher: null, source: 'manual' }], 'comptabilite');
    expect(found.metiers).toHaveLength(1);
  });
});
