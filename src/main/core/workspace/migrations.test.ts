import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION } from '../../../shared/workspace';
import { createService } from '../service';
import { migrate } from './migrations';
import { WORKSPACE_FILE } from './store';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-migrate-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** A workspace.json as version 1 of the app wrote it (a tested program, a device with ticks, OS user names). */
const version1 = {
  schemaVersion: 1,
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  onboarded: true,
  company: { name: 'Transports Dubois' },
  provider: { name: 'Kevin', email: 'kevin@presta.example.fr' },
  settings: { lang: 'fr', thisComputerIsServer: null, schedule: 'always' },
  devices: [
    {
      id: 'd1',
      kind: 'iphone',
      name: 'iPhone de Karim',
      addedAt: '2026-06-02T08:00:00.000Z',
      steps: { 'ios-auto-updates': '2026-06-02T09:00:00.000Z' },
    },
  ],
  software: [
    {
      id: 's1',
      name: 'Sage 100',
      version: '9.0',
      category: 'comptabilite',
      critical: true,
      detected: false,
      lastTestedAt: '2026-08-15T10:00:00.000Z',
    },
    { id: 's2', name: 'EBP', version: null, category: 'stock', critical: false, detected: false },
  ],
  missions: { 'debutant.no-other-devices': '2026-06-03T08:00:00.000Z' },
  history: [
    {
      at: '2026-06-02T08:00:00.000Z',
      kind: 'device',
      by: 'root',
      summary: 'device added: iphone',
      key: 'history.deviceAdded',
    },
  ],
  changes: [],
  somethingNewer: { kept: true },
};

describe('workspace version 1 → 2', () => {
  it('keeps every entry, turns the old test date into a test whose result was never noted, and adds the register', () => {
    const { value, migrated } = migrate(structuredClone(version1));
    expect(migrated).toBe(true);
    expect(value.schemaVersion).toBe(2);
    const software = value.software as { tests?: unknown[] }[];
    expect(software[0]!.tests).toEqual([{ at: '2026-08-15T10:00:00.000Z', by: '', result: 'unknown' }]);
    expect(software[1]!.tests).toBeUndefined();
    expect(value.somethingNewer).toEqual({ kept: true });
  });

  it('an old file opens in the app: migrated on disk with a copy of the old one, nothing lost, watch on by default', async () => {
    await writeFile(join(home, WORKSPACE_FILE), JSON.stringify(version1));
    const service = await createService({ home });
    expect(service.context.store.notices.map((n) => n.kind)).toContain('migrated');
    const ws = await service.workspaceGet();
    expect(ws.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(ws.devices[0]!.steps).toEqual(version1.devices[0]!.steps);
    expect(ws.missions).toEqual(version1.missions);
    expect(ws.history).toEqual(version1.history);
    expect(ws.settings).toMatchObject({ weeklyCheck: true, ownerName: '' });
    expect(ws.tasks).toEqual({});
    expect(ws.removed).toEqual([]);
    expect(ws.software[0]!.lastTestedAt).toBe('2026-08-15T10:00:00.000Z');
    const onDisk = JSON.parse(await readFile(join(home, WORKSPACE_FILE), 'utf8')) as {
      schemaVersion: number;
    };
    expect(onDisk.schemaVersion).toBe(2);
    const copies = (await readdir(home)).filter((n) => n.startsWith('workspace.v-old-'));
    expect(copies).toHaveLength(1);
    expect(JSON.parse(await readFile(join(home, copies[0]!), 'utf8'))).toEqual(version1);
    // The carnet says « tested on 15/08 », never « ça marche », for the migrated date.
    const view = await service.carnetOverview();
    expect(view.toTest).toEqual([]);
  });
});
