/**
 * The plan applied is the plan shown: `apply` must name the plan's SHA-256, and any other is
 * refused before the administrator step is even asked for. Real probes of this machine, a
 * recording elevation runner (nothing is ever changed here).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveHost } from '../exec/live-host';
import { createService } from '../service';
import type { ElevationRunner } from './elevation';
import { createAutoUpdatesApi } from '.';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-plan-hash-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function setup() {
  const asked: string[] = [];
  // Labelled fake: records the request and answers as if the owner closed the password dialog.
  const elevation: ElevationRunner = {
    mechanism: 'pkexec',
    elevate: async (request) => {
      asked.push(request.sha256);
      return { status: 'cancelled' };
    },
  };
  const service = await createService({ home, host: createLiveHost() });
  return { service, asked, api: createAutoUpdatesApi(service.context, { elevation }) };
}

describe('the plan’s fingerprint', () => {
  it('differs between the daytime and the night plan', async () => {
    const { api } = await setup();
    const day = await api.plan({ schedule: 'always', lang: 'fr' });
    const night = await api.plan({ schedule: 'night', lang: 'fr' });
    expect(day.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(night.sha256).not.toBe(day.sha256);
    expect(night.schedule).toBe('night');
  });

  it('an apply naming another fingerprint is refused before any administrator step: nothing changes', async () => {
    const { api, asked, service } = await setup();
    const plan = await api.plan({ schedule: 'night', lang: 'fr' });
    const result = await api.apply({ planId: plan.id, sha256: 'b'.repeat(64), lang: 'fr' });
    expect(result.outcome).toBe('refused');
    expect(result.message).toMatch(/^Ce plan n’est plus celui affiché à l’écran/);
    expect(asked).toEqual([]);
    expect((await service.workspaceGet()).changes).toEqual([]);
  });

  it('an apply naming the shown plan goes on to the administrator step', async () => {
    const { api, asked } = await setup();
    const plan = await api.plan({ schedule: 'night', lang: 'en' });
    const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'en' });
    expect(result.outcome).not.toBe('refused');
    // An empty plan (already on here) needs no administrator step; otherwise exactly one, for this plan's file.
    expect(asked.length).toBe(plan.empty ? 0 : 1);
  });
});
