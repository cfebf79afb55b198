/**
 * The Windows path through the program-updates API, with winget's answers replayed from the
 * captured outputs: one program updated and confirmed by the re-check, one open (« fermez le
 * logiciel »), and critical business software left out of « tout », then updated alone and handed
 * to the test journal. Nothing is « à jour » unless the re-check says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../shared/checkup';
import type { ProgramView } from '../../../shared/programs';
import type { ServiceContext } from '../context';
import type { CommandSpec, Host } from '../exec/host';
import { RunError } from '../exec/host';
import { openWorkspace, type WorkspaceStore } from '../workspace/store';
import { createProgramUpdatesApi } from './update';

const program = (name: string, id: string, status: ProgramView['status']): ProgramView => ({
  id: `registry:${name}`,
  name,
  version: '1.0',
  publisher: null,
  source: 'registry',
  status,
  latestVersion: status === 'outdated' ? '2.0' : null,
  endOfLife: null,
  statusSource: 'winget',
  exploited: null,
  updateId: id,
  knownAs: null,
});
const reportWith = (programs: ProgramView[]): CheckupReport =>
  ({
    facts: {},
    programs: { programs, systemComponents: 0, data: { endOfLife: '', exploited: '' } },
  }) as unknown as CheckupReport;

let dir: string;
let store: WorkspaceStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-winupd-'));
  store = await openWorkspace(dir);
  await store.update((ws) => {
    ws.software.push({
      id: 'caisse',
      name: 'Caisse Pro',
      critical: true,
      category: 'caisse',
      version: null,
      detected: true,
    });
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(answers: Record<string, number>, after: ProgramView[]) {
  const calls: string[] = [];
  const host = {
    platform: 'win32',
    mode: 'live',
    async run(spec: CommandSpec) {
      const id = spec.args[2]!;
      calls.push(id);
      const code = answers[id] ?? 0;
      if (!(spec.okExitCodes ?? [0]).includes(code))
        throw new RunError('non-zero-exit', 'winget', `code ${code}`, code, '');
      return {
        stdout: code === 0 ? 'Successfully installed\n' : '',
        stderr: '',
        exitCode: code,
        durationMs: 1,
      };
    },
  } as unknown as Host;
  let latest = reportWith([
    program('Firefox', 'Mozilla.Firefox', 'outdated'),
    program('Acrobat Reader', 'Adobe.Acrobat.Reader.64-bit', 'outdated'),
    program('Caisse Pro', 'Caisse.Pro', 'outdated'),
  ]);
  const context = {
    host,
    store,
    now: () => new Date('2026-11-28T08:00:00Z'),
    user: 'Éric',
    langOf: () => 'fr',
    latestCheckup: async () => latest,
    runAndRecordCheckup: async () => (latest = reportWith(after)),
  } as unknown as ServiceContext;
  return { api: createProgramUpdatesApi(context), calls };
}

describe('program updates on Windows (winget replayed)', () => {
  it('« Tout mettre à jour »: done and confirmed, open program told to close, critical software left out', async () => {
    const { api, calls } = setup({ 'Adobe.Acrobat.Reader.64-bit': 0x8a150101 }, [
      program('Firefox', 'Mozilla.Firefox', 'current'),
      program('Acrobat Reader', 'Adobe.Acrobat.Reader.64-bit', 'outdated'),
      program('Caisse Pro', 'Caisse.Pro', 'outdated'),
    ]);
    const plan = await api.plan({ all: true, lang: 'fr' });
    expect(plan.programs.map((p) => p.name)).toEqual(['Firefox', 'Acrobat Reader']);
    expect(plan.leftOut.map((p) => p.name)).toEqual(['Caisse Pro']);
    expect(plan.technical[0]).toBe(
      'winget upgrade --id Mozilla.Firefox --exact --silent --accept-package-agreements --accept-source-agreements --disable-interactivity',
    );
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
    expect(calls).toEqual(['Mozilla.Firefox', 'Adobe.Acrobat.Reader.64-bit']);
    expect(result.results.map((r) => [r.name, r.outcome, r.statusAfter])).toEqual([
      ['Firefox', 'done', 'current'],
      ['Acrobat Reader', 'needs-close', 'outdated'],
    ]);
    expect(result.results[1]!.message).toMatch(/^Le logiciel est ouvert : fermez-le/);
    expect(result.message).toBe('1 logiciel mis à jour, 1 à reprendre.');
  });

  it('« Mettre à jour puis tester »: critical software updated alone, then the owner is asked to test it', async () => {
    const { api } = setup({}, [program('Caisse Pro', 'Caisse.Pro', 'current')]);
    const plan = await api.plan({ programIds: ['registry:Caisse Pro'], lang: 'fr' });
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
    expect(result.results[0]).toMatchObject({
      outcome: 'done',
      statusAfter: 'current',
      testSoftwareId: 'caisse',
    });
    expect(result.results[0]!.message).toMatch(/Caisse Pro vient d’être mis à jour : ouvrez-le et vérifiez/);
  });

  it('winget says done but the re-check still sees the old version: not « à jour », and said so', async () => {
    const { api } = setup({}, [program('Firefox', 'Mozilla.Firefox', 'outdated')]);
    const plan = await api.plan({ programIds: ['registry:Firefox'], lang: 'fr' });
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
    expect(result.results[0]).toMatchObject({ outcome: 'done', statusAfter: 'outdated' });
    expect(result.results[0]!.message).toMatch(/la vérification ne confirme pas encore la nouvelle version/);
  });
});
