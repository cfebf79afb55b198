/** Which programs an update takes: critical business software is left out of « Tout mettre à jour ». */
import { describe, expect, it } from 'vitest';
import type { ProgramView, ProgramsReport } from '../../../shared/programs';
import type { BusinessSoftware } from '../../../shared/workspace';
import { aptOperations, selectPrograms } from './update-plan';

const program = (name: string, pkgs: string[], status: ProgramView['status'] = 'outdated'): ProgramView => ({
  id: `dpkg:${pkgs[0]}`,
  name,
  version: '1.0',
  publisher: null,
  source: 'dpkg',
  status,
  latestVersion: status === 'outdated' ? '1.1' : null,
  endOfLife: null,
  statusSource: 'apt',
  exploited: null,
  packages: pkgs,
  knownAs: null,
});
const report: ProgramsReport = {
  programs: [
    program('LibreOffice', ['libreoffice-calc', 'libreoffice-writer']),
    program('Caisse Pro', ['caisse-pro']),
    program('GIMP', ['gimp'], 'current'),
  ],
  systemComponents: 0,
  data: { endOfLife: '2026-01-01', exploited: '2026-01-01' },
};
const pending = {
  total: 3,
  security: 0,
  source: 'apt',
  items: ['libreoffice-calc', 'libreoffice-writer', 'caisse-pro'].map((name) => ({ name, security: false })),
};
const software = [{ id: 's1', name: 'caisse pro', critical: true }] as unknown as BusinessSoftware[];

describe('selectPrograms', () => {
  it('« Tout mettre à jour » takes every outdated program but the critical ones, which are listed apart', () => {
    const s = selectPrograms({ report, platform: 'linux', pending, software, all: true });
    expect(s.items.map((i) => i.item.name)).toEqual(['LibreOffice']);
    expect(s.leftOut).toEqual([expect.objectContaining({ name: 'Caisse Pro', critical: true })]);
    expect(aptOperations(s)).toEqual([
      { op: 'package-upgrade', manager: 'apt', package: 'libreoffice-calc' },
      { op: 'package-upgrade', manager: 'apt', package: 'libreoffice-writer' },
    ]);
  });
  it('one critical program asked for by itself is taken (« mettre à jour puis tester »)', () => {
    const s = selectPrograms({
      report,
      platform: 'linux',
      pending,
      software,
      programIds: ['dpkg:caisse-pro'],
    });
    expect(s.items.map((i) => i.item)).toEqual([
      expect.objectContaining({ name: 'Caisse Pro', critical: true }),
    ]);
  });
  it('a program already current, or unknown, is said, never planned', () => {
    const s = selectPrograms({
      report,
      platform: 'linux',
      pending,
      software,
      programIds: ['dpkg:gimp', 'dpkg:nope'],
    });
    expect(s.items).toEqual([]);
    expect(s.notHandled.map((n) => n.reason)).toEqual(['notOutdated', 'unknownProgram']);
  });
  it('Windows: a program with a winget id goes through winget; without one it is said', () => {
    const win = {
      ...report,
      programs: [
        {
          ...program('Firefox', ['x']),
          source: 'registry',
          statusSource: 'winget',
          updateId: 'Mozilla.Firefox',
          packages: undefined,
        },
        { ...program('Old', ['y']), source: 'registry', packages: undefined },
      ],
    } as ProgramsReport;
    const s = selectPrograms({ report: win, platform: 'win32', pending: undefined, software: [], all: true });
    expect(s.items.map((i) => i.route)).toEqual([{ kind: 'winget', id: 'Mozilla.Firefox' }]);
    expect(s.notHandled).toEqual([{ name: 'Old', reason: 'noTool' }]);
  });
});
