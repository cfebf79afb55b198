import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckupProgress, CheckupReport } from '../../shared/checkup';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../shared/workspace';
import { createReplayHost, loadCapture } from './exec/capture';
import { createService } from './service';
import { LAST_CHECKUP_FILE, WORKSPACE_FILE } from './workspace/store';

/** A real capture of this Debian build machine (its manifest.json says how it was made). */
const captureDir = resolve(import.meta.dirname, '../../../tests/fixtures/linux/debian-12-capture');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-service-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const onDisk = async (): Promise<Workspace> =>
  JSON.parse(await readFile(join(home, WORKSPACE_FILE), 'utf8')) as Workspace;

async function replayService() {
  const capture = await loadCapture(captureDir);
  const at = new Date(capture.manifest.now ?? capture.manifest.createdAt);
  return createService({ home, host: createReplayHost(capture), now: () => at });
}

describe('every checkup goes into the carnet', () => {
  it('a replayed checkup of this Debian is saved and recorded with its counts, each time', async () => {
    const service = await replayService();
    const events: CheckupProgress[] = [];
    const first = await service.checkupRun({}, (e) => events.push(e));
    const second = await service.checkupRun({ lang: 'en' });

    expect(first.findings.length).toBeGreaterThan(0);
    expect(first.mode).toBe('replay');
    expect(second.lang).toBe('en');
    const checkups = (await onDisk()).history.filter((h) => h.kind === 'checkup');
    expect(checkups).toHaveLength(2);
    expect(checkups[0]?.counts).toEqual({ ...first.summary });
    expect(checkups[0]?.key).toBe('history.checkup');
    expect(checkups[0]?.at).toBe(first.generatedAt);
    // The latest checkup is kept for the dashboard and the PDF.
    const latest = await service.checkupLatest();
    expect(latest?.lang).toBe('en');
    expect(JSON.parse(await readFile(join(home, LAST_CHECKUP_FILE), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(second)),
    );
    // Progress: a start and an end for every probe.
    const ids = new Set(first.probes.map((p) => p.id));
    expect(
      events
        .filter((e) => e.phase === 'end')
        .map((e) => e.probeId)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('a live checkup of this machine is recorded too', async () => {
    const service = await createService({ home });
    const report: CheckupReport = await service.checkupRun({});
    expect(report.mode).toBe('live');
    const recorded = (await onDisk()).history.filter((h) => h.kind === 'checkup');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.counts).toEqual({ ...report.summary });
    // Honesty: the counts add up to the findings, unknowns included.
    expect(Object.values(report.summary).reduce((a, b) => a + b, 0)).toBe(report.findings.length);
  });

  it('with data from a newer Révision: the checkup still runs, nothing is written', async () => {
    const newer = JSON.stringify({
      schemaVersion: WORKSPACE_SCHEMA_VERSION + 1,
      createdAt: 'x',
      updatedAt: 'x',
      future: true,
    });
    await writeFile(join(home, WORKSPACE_FILE), newer);
    const service = await replayService();
    const report = await service.checkupRun({});
    expect(report.findings.length).toBeGreaterThan(0);
    expect(await readFile(join(home, WORKSPACE_FILE), 'utf8')).toBe(newer);
    expect(await service.checkupLatest()).toBeNull();
  });
});

describe('the workspace methods', () => {
  it('merge a partial change and keep everything else, unknown fields included', async () => {
    await writeFile(
      join(home, WORKSPACE_FILE),
      JSON.stringify({
        schemaVersion: 1,
        createdAt: '2026-01-01',
        updatedAt: '2026-01-01',
        provider: { name: 'Kevin', email: 'k@example.fr', agency: 'Nord' },
      }),
    );
    const service = await createService({ home });
    const ws = await service.workspaceUpdate({
      provider: { name: 'Kevin', email: 'kevin@example.fr' },
      settings: { schedule: 'night' },
    });
    expect(ws.provider).toEqual({ name: 'Kevin', email: 'kevin@example.fr', agency: 'Nord' });
    expect(ws.settings).toMatchObject({ lang: 'fr', schedule: 'night', thisComputerIsServer: null });
    expect((await onDisk()).provider).toEqual(ws.provider);
  });

  it('devices: added, steps ticked and unticked, renamed, removed — each step in the logbook', async () => {
    const at = new Date('2026-11-20T09:30:00.000Z');
    const service = await createService({ home, now: () => at });
    const added = await service.devicesAdd({ kind: 'iphone', name: 'iPhone de Éric' });
    const id = added.devices[0]?.id ?? '';
    expect(id).not.toBe('');
    let ws = await service.devicesTickStep({ deviceId: id, stepId: 'ios-auto-updates', done: true });
    expect(ws.devices[0]?.steps).toEqual({ 'ios-auto-updates': at.toISOString() });
    ws = await service.devicesTickStep({ deviceId: id, stepId: 'ios-auto-updates', done: false });
    expect(ws.devices[0]?.steps).toEqual({});
    ws = await service.devicesUpdate(id, { name: 'iPhone du dépôt' });
    expect(ws.devices[0]?.name).toBe('iPhone du dépôt');
    await expect(service.devicesUpdate('missing', { name: 'x' })).rejects.toThrow(
      'Cet appareil n’existe plus.',
    );
    await expect(service.devicesTickStep({ deviceId: 'missing', stepId: 's', done: true })).rejects.toThrow(
      'Cet appareil n’existe plus.',
    );
    ws = await service.devicesRemove(id);
    expect(ws.devices).toEqual([]);
    expect((await onDisk()).history.map((h) => h.key)).toEqual([
      'history.deviceAdded',
      'history.stepDone',
      'history.stepUndone',
      'history.deviceRemoved',
    ]);
  });

  it('missions and business software are saved, and survive a restart of the app', async () => {
    const service = await createService({ home });
    await service.missionsTick({ taskId: 'debutant.this-computer', done: true });
    const ws = await service.softwareUpsert({
      name: 'Sage 100',
      category: 'comptabilite',
      version: '9.0',
      critical: true,
    });
    const softwareId = ws.software[0]?.id ?? '';
    await service.softwareUpsert({
      id: softwareId,
      name: 'Sage 100',
      category: 'comptabilite',
      version: '9.1',
    });
    await service.softwareUpsert({ name: 'EBP Gestion', category: 'stock' });

    const reopened = await createService({ home });
    const after = await reopened.workspaceGet();
    expect(Object.keys(after.missions)).toEqual(['debutant.this-computer']);
    expect(after.software.map((s) => [s.name, s.version, s.critical])).toEqual([
      ['Sage 100', '9.1', true],
      ['EBP Gestion', null, false],
    ]);
    await reopened.softwareRemove(softwareId);
    await reopened.missionsTick({ taskId: 'debutant.this-computer', done: false });
    const final = await onDisk();
    expect(final.software.map((s) => s.name)).toEqual(['EBP Gestion']);
    expect(final.missions).toEqual({});
  });

  it('tells where the data is kept', async () => {
    const service = await createService({ home });
    expect((await service.appInfo()).dataDir).toBe(home);
  });
});
