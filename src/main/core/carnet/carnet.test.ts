import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../shared/checkup';
import type { Workspace } from '../../../shared/workspace';
import { createService } from '../service';
import { WORKSPACE_FILE } from '../workspace/store';
import { programsToTest } from './to-test';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-carnet-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const onDisk = async (): Promise<Workspace> =>
  JSON.parse(await readFile(join(home, WORKSPACE_FILE), 'utf8')) as Workspace;
const DAY = 86_400_000;

/** A clock the test moves. */
function clock(start: string) {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (days: number) => (at += days * DAY) };
}

describe('nothing is lost by a click', () => {
  it('a removed device is written in the history under the name from the settings, and can be restored for 30 days', async () => {
    const c = clock('2026-11-20T09:30:00.000Z');
    const service = await createService({ home, now: c.now });
    await service.workspaceUpdate({ settings: { ownerName: 'Éric Dubois' } });
    const added = await service.devicesAdd({ kind: 'android-phone', name: 'Téléphone de Karim' });
    const id = added.devices[0]!.id;
    await service.devicesTickStep({ deviceId: id, stepId: 'android-play-auto', done: true });
    const ticks = (await service.workspaceGet()).devices[0]!.steps;

    await service.devicesRemove(id);
    const ws = await onDisk();
    expect(ws.devices).toEqual([]);
    const line = ws.history.at(-1)!;
    expect(line).toMatchObject({
      kind: 'removed',
      by: 'Éric Dubois',
      key: 'history.deviceRemoved',
      params: { name: 'Téléphone de Karim' },
    });
    expect(ws.history.every((h) => h.by !== 'root')).toBe(true);

    c.advance(29);
    const view = await service.carnetOverview();
    expect(view.restorable).toHaveLength(1);
    expect(view.restorable[0]).toMatchObject({
      name: 'Téléphone de Karim',
      kind: 'device',
      by: 'Éric Dubois',
    });
    const restored = await service.carnetRestore(view.restorable[0]!.id);
    expect(restored.devices).toHaveLength(1);
    expect(restored.devices[0]).toMatchObject({ id, name: 'Téléphone de Karim', steps: ticks });
    expect((await onDisk()).history.at(-1)).toMatchObject({ kind: 'restored', key: 'history.restored' });
    await expect(service.carnetRestore(view.restorable[0]!.id)).rejects.toThrow(/ne peut plus être rétabli/);
  });

  it('a removal older than 30 days can no longer be restored, and says so in French', async () => {
    const c = clock('2026-01-10T10:00:00.000Z');
    const service = await createService({ home, now: c.now });
    const ws = await service.softwareUpsert({ name: 'Sage 100', category: 'comptabilite', critical: true });
    await service.softwareRemove(ws.software[0]!.id);
    const removedId = (await service.carnetOverview()).restorable[0]!.id;
    c.advance(31);
    expect((await service.carnetOverview()).restorable).toEqual([]);
    await expect(service.carnetRestore(removedId)).rejects.toThrow('Cet élément ne peut plus être rétabli');
    expect((await onDisk()).software).toEqual([]);
  });
});

describe('delegation', () => {
  it('a task given to the prestataire with a due day becomes overdue when the day passes, and not once done', async () => {
    const c = clock('2026-03-02T08:00:00');
    const service = await createService({ home, now: c.now });
    const sw = (
      await service.softwareUpsert({
        name: 'EBP Gestion',
        category: 'stock',
        vendorContact: 'support@ebp.example.fr',
      })
    ).software[0]!;
    await service.tasksAssign({ key: `vendor:${sw.id}`, assignee: { kind: 'provider' }, due: '2026-03-10' });
    let view = await service.carnetOverview();
    const task = view.tasks.find((x) => x.key === `vendor:${sw.id}`)!;
    expect(task).toMatchObject({
      assignee: { kind: 'provider' },
      due: '2026-03-10',
      done: false,
      overdue: false,
    });
    expect(view.overdue).toBe(0);

    c.advance(9);
    view = await service.carnetOverview();
    expect(view.tasks.find((x) => x.key === `vendor:${sw.id}`)?.overdue).toBe(true);
    expect(view.overdue).toBe(1);

    await service.softwareVendorAnswer({ id: sw.id, status: 'update', version: '13.2', due: '2026-03-20' });
    view = await service.carnetOverview();
    expect(view.tasks.find((x) => x.key === `vendor:${sw.id}`)).toMatchObject({ done: true, overdue: false });
    const update = view.tasks.find((x) => x.key === `update:${sw.id}`)!;
    expect(update).toMatchObject({
      kind: 'update',
      due: '2026-03-20',
      done: false,
      ref: { version: '13.2' },
    });
    c.advance(30);
    expect((await service.carnetOverview()).overdue).toBe(1);
    await service.tasksTick({ key: `update:${sw.id}`, done: true });
    view = await service.carnetOverview();
    expect(view.tasks.find((x) => x.key === `update:${sw.id}`)).toMatchObject({ done: true, overdue: false });
    expect(view.tasks.find((x) => x.key === `update:${sw.id}`)?.doneAt).toBe(c.now().toISOString());
  });

  it('a colleague needs a name', async () => {
    const service = await createService({ home });
    await expect(
      service.tasksAssign({
        key: 'mission:debutant.this-computer',
        assignee: { kind: 'colleague', name: ' ' },
      }),
    ).rejects.toThrow('Donnez le nom');
    const ws = await service.tasksAssign({
      key: 'mission:debutant.this-computer',
      assignee: { kind: 'colleague', name: 'Karim' },
      due: '2026-12-01',
    });
    expect(ws.tasks['mission:debutant.this-computer']).toEqual({
      assignee: { kind: 'colleague', name: 'Karim' },
      due: '2026-12-01',
    });
  });
});

describe('step 3: asking the vendor', () => {
  it('prepares the question with the version and the vendor address from the contact', async () => {
    const service = await createService({ home });
    await service.workspaceUpdate({
      settings: { ownerName: 'Éric Dubois' },
      company: { name: 'Transports Dubois' },
    });
    const sw = (
      await service.softwareUpsert({
        name: 'Sage 100',
        version: '9.0',
        category: 'comptabilite',
        vendorContact: '01 23 45 67 89 — support@sage.example.fr',
      })
    ).software[0]!;
    const mail = await service.softwareVendorQuestion({ id: sw.id, lang: 'fr' });
    expect(mail.to).toBe('support@sage.example.fr');
    expect(mail.body).toContain(
      'Ma version 9.0 est-elle la dernière ? Y a-t-il des mises à jour de sécurité',
    );
    expect(mail.body).toContain('Éric Dubois — Transports Dubois');
    expect(mail.mailto.startsWith('mailto:support@sage.example.fr?subject=')).toBe(true);
  });
});

const checkupWith = (
  apps: { name: string; version: string }[],
  lastInstalledAt: string | null,
): CheckupReport =>
  ({
    generatedAt: '2026-05-01T10:00:00.000Z',
    findings: [],
    facts: {
      inventory: { applications: apps.map((a) => ({ ...a, publisher: null, source: 'dpkg' })) },
      lastUpdate: { lastInstalledAt, source: 'test', history: [] },
    },
  }) as unknown as CheckupReport;

describe('step 4: the test journal', () => {
  it('asks to test a critical program never tested, then after a version change, then after system updates', async () => {
    const c = clock('2026-05-01T10:00:00.000Z');
    const service = await createService({ home, now: c.now });
    const sw = (
      await service.softwareUpsert({
        name: 'LibreOffice',
        version: '7.0',
        category: 'autre',
        critical: true,
        detected: true,
      })
    ).software[0]!;
    await service.softwareUpsert({ name: 'Not critical', category: 'autre' });
    let ws = await service.workspaceGet();
    expect(programsToTest(ws, null)).toEqual([
      expect.objectContaining({ name: 'LibreOffice', reason: 'never' }),
    ]);

    await service.softwareScenario({ id: sw.id, scenario: 'Ouvrir une facture, l’imprimer en PDF' });
    ws = await service.softwareTest({ id: sw.id, result: 'works', note: 'RAS', by: 'Karim' });
    const test = ws.software[0]!.tests!.at(-1)!;
    expect(test).toMatchObject({
      at: c.now().toISOString(),
      by: 'Karim',
      result: 'works',
      note: 'RAS',
      version: '7.0',
    });
    expect(ws.history.at(-1)).toMatchObject({ kind: 'test', by: 'Karim', key: 'history.testWorks' });
    expect(
      programsToTest(ws, checkupWith([{ name: 'LibreOffice', version: '7.0' }], '2026-04-01T00:00:00Z')),
    ).toEqual([]);

    const newer = checkupWith([{ name: 'libreoffice', version: '7.1' }], '2026-04-01T00:00:00Z');
    expect(programsToTest(ws, newer)).toEqual([
      expect.objectContaining({ reason: 'version', versionBefore: '7.0', versionNow: '7.1' }),
    ]);
    const systemUpdated = checkupWith([{ name: 'LibreOffice', version: '7.0' }], '2026-05-03T02:00:00Z');
    expect(programsToTest(ws, systemUpdated)).toEqual([
      expect.objectContaining({ reason: 'system', updatedAt: '2026-05-03T02:00:00Z' }),
    ]);
  });

  it('« ça ne marche pas » prepares the message with the versions before and after', async () => {
    const service = await createService({ home });
    await service.workspaceUpdate({ provider: { name: 'Kevin', email: 'kevin@presta.example.fr' } });
    const sw = (
      await service.softwareUpsert({ name: 'Caisse Pro', version: '4.1', category: 'caisse', critical: true })
    ).software[0]!;
    await service.softwareScenario({ id: sw.id, scenario: 'Encaisser une vente de 1 €' });
    await service.softwareTest({ id: sw.id, result: 'works' });
    await service.softwareUpsert({ id: sw.id, name: 'Caisse Pro', version: '4.2', category: 'caisse' });
    await service.softwareTest({ id: sw.id, result: 'broken', note: 'Le ticket ne sort plus' });
    const mail = await service.softwareBrokenMessage({ id: sw.id, lang: 'fr' });
    expect(mail.to).toBe('kevin@presta.example.fr');
    expect(mail.body).toContain('Version avant : 4.1');
    expect(mail.body).toContain('Version après : 4.2');
    expect(mail.body).toContain('Encaisser une vente de 1 €');
    expect(mail.body).toContain('Le ticket ne sort plus');
  });
});
