/** winget's table parsed from real outputs (tests/fixtures/programs/winget/README.md names each source). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWingetUpgrade, wingetUpgradeArgs } from './winget';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../../../../tests/fixtures/programs/winget', name), 'utf8');

describe('parseWingetUpgrade', () => {
  it('reads the English table, stops at the footer', () => {
    const updates = parseWingetUpgrade(fixture('en-1869.txt'));
    expect(updates).toHaveLength(6);
    expect(updates[3]).toEqual({
      name: 'Microsoft 365 Apps for enterprise',
      truncated: false,
      id: 'Microsoft.Office',
      version: '16.0.14701.20290',
      available: '16.0.14729.20228',
    });
  });

  it('keeps "Unknown" installed versions as unknown, not as a version', () => {
    expect(
      parseWingetUpgrade(fixture('en-unknown-36722.txt')).map((u) => [u.id, u.version, u.available]),
    ).toEqual([
      ['Mega.MEGASync', null, '4.6.1.0'],
      ['GOG.Galaxy', null, '2.0.43.71a'],
    ]);
  });

  it('marks names cut with « … » and reads version ranges as unknown', () => {
    const truncated = parseWingetUpgrade(fixture('en-truncated-5165.txt'));
    expect(truncated[0]).toMatchObject({
      name: 'Microsoft Visual Studio 2010 Tools for Office R',
      truncated: true,
      id: 'Microsoft.VSTOR',
    });
    expect(truncated[1]).toMatchObject({
      name: 'Notepad++ (64-bit x64)',
      id: 'Notepad++.Notepad++',
      version: '8.7.5',
      available: '8.7.6',
    });
    const noSource = parseWingetUpgrade(fixture('en-no-source-column-wau297.txt'));
    expect(noSource).toHaveLength(8);
    expect(noSource[3]).toMatchObject({ truncated: true, version: null, available: '10.0.22621.2' });
    expect(noSource[6]).toMatchObject({ id: 'IDMComputerSolutions,Inc.UltraEdit', version: '24.20.0.40' });
  });

  it('reads French and German headers by position, and a table behind a spinner', () => {
    expect(parseWingetUpgrade(fixture('fr-assembled.txt')).map((u) => u.id)).toEqual([
      'Mozilla.Firefox.fr',
      '7zip.7zip',
      'Microsoft.Office',
    ]);
    expect(parseWingetUpgrade(fixture('de-assembled.txt'))).toEqual([
      {
        name: 'WinDirStat',
        truncated: false,
        id: 'WinDirStat.WinDirStat',
        version: '2.7.0',
        available: '2.8.0',
      },
      {
        name: 'PowerShell 7.5.5.0-x64',
        truncated: false,
        id: 'Microsoft.PowerShell',
        version: '7.5.5.0',
        available: '7.6.1.0',
      },
    ]);
    expect(parseWingetUpgrade(fixture('en-spinner-assembled.txt'))).toHaveLength(1);
    expect(parseWingetUpgrade(fixture('en-footer-6095.txt'))).toHaveLength(1);
  });

  it('"nothing to update" is an empty list; garbage is an error, never « à jour »', () => {
    expect(parseWingetUpgrade(fixture('en-nothing.txt'))).toEqual([]);
    expect(() => parseWingetUpgrade('Le terme « winget » n’est pas reconnu')).toThrow(/illisible/);
    expect(() => parseWingetUpgrade('')).toThrow(/illisible/);
  });
});

describe('wingetUpgradeArgs', () => {
  it('updates one exact id silently, as an argument array', () => {
    expect(wingetUpgradeArgs('Mozilla.Firefox.fr')).toEqual([
      'upgrade',
      '--id',
      'Mozilla.Firefox.fr',
      '--exact',
      '--silent',
      '--accept-package-agreements',
      '--accept-source-agreements',
      '--disable-interactivity',
    ]);
  });
  it('refuses an id that could be read as an option or carries spaces', () => {
    expect(() => wingetUpgradeArgs('--all')).toThrow(/refusé/);
    expect(() => wingetUpgradeArgs('a b')).toThrow(/refusé/);
  });
});
