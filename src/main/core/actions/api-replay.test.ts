/**
 * The auto-updates API over replayed captures (nothing runs on this computer): the guided path of
 * Windows Home reads the state back, a managed Mac is left alone, and a replayed machine is never
 * changed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayHost, loadCapture } from '../exec/capture';
import { createService } from '../service';
import { createAutoUpdatesApi } from '.';

const fixture = (rel: string): string => new URL(`../../../../tests/fixtures/${rel}`, import.meta.url).pathname;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-api-replay-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function apiFor(capture: string) {
  const loaded = await loadCapture(fixture(capture));
  const now = new Date(loaded.manifest.now ?? loaded.manifest.createdAt);
  const service = await createService({ home: await mkdtemp(join(work, 'ws-')), host: createReplayHost(loaded), now: () => now });
  // An elevation that must never be reached: these machines are not changed.
  const api = createAutoUpdatesApi(service.context, {
    elevation: { mechanism: 'none', elevate: async () => Promise.reject(new Error('no elevation expected')) },
  });
  return { api, service };
}

describe('auto-updates API on replayed machines', () => {
  it('Windows Home: the plan is a guide (no admin prompt); « apply » reads the effective state back', async () => {
    const { api, service } = await apiFor('windows/win10-22h2-home-old-signatures');
    const plan = await api.plan({ lang: 'fr' });
    expect(plan).toMatchObject({ platform: 'win32', empty: true, requiresAdmin: false, technical: [] });
    expect(plan.guide.map((g) => g.text)[0]).toBe('Ouvrez le menu Démarrer, puis Paramètres, puis Windows Update.');
    expect(plan.notChanged.map((l) => l.key)).toEqual(['notChanged.windowsHome']);
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
    expect(result.outcome).toBe('nothing-to-do');
    expect(result.verification.map((f) => f.id)).toEqual(['auto-updates']);
    // The settings are on (no policy, no pause), but Windows Update last ran successfully in 2023: the read-back says so, never « ok ».
    expect(result.verification[0]).toMatchObject({ state: 'danger', key: 'truth:autoUpdates.stoppedLong' });
    expect(result.message).toMatch(/^Les réglages sont en place, mais ils ne suffisent pas : .*rien ne s’est lancé depuis le 4 septembre 2023/);
    expect((await service.workspaceGet()).changes).toEqual([]);
  });

  it('a Mac managed by a profile: nothing planned, « apply » changes nothing and says why', async () => {
    const { api } = await apiFor('macos/macos15-managed');
    const plan = await api.plan({ lang: 'en' });
    expect(plan.empty).toBe(true);
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'en' });
    expect(result.outcome).toBe('nothing-to-do');
    expect(result.operations).toEqual([]);
    expect(result.message).toBe('This computer is managed by your IT provider or your organisation: I change nothing, updates are theirs to set.');
  });

  it('a replayed Windows Pro: the plan is shown, but it can never be applied to this computer', async () => {
    const { api } = await apiFor('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender');
    const plan = await api.plan({ lang: 'fr' });
    expect(plan.empty).toBe(false);
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
    expect(result.outcome).toBe('refused');
    expect(result.message).toMatch(/^Ce plan n’est plus valable/);
    expect((await api.undo({ lang: 'fr' })).message).toBe('Il n’y a aucun changement à annuler.');
  });
});
