import { afterEach, describe, expect, it } from 'vitest';
import { fleetEngines, type TestDb } from '../../../tests/support/fleet-db';
import { FLEET_CAPTURES, reportFromCapture } from '../../../tests/support/fleet-reports';
import { fleetTestServer } from './test-support';

const count = async (t: TestDb, table: string) =>
  Number((await t.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
const refusals = async (t: TestDb) =>
  (await t.db.query<{ detail: string }>("SELECT detail FROM audit WHERE action = 'report.refused'")).map(
    (r) => r.detail,
  );

describe.each(fleetEngines())('fleet server, machine side, on %s', (_name, open) => {
  let t: TestDb;
  afterEach(async () => t?.dispose());

  it('a machine enrolled with its site code sends a report: it is stored with its voyants', async () => {
    t = await open();
    const s = await fleetTestServer(t.db);
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/api/v1/enrol',
          payload: { code: 'AAAA-BBBB-CCCC', hostname: 'x' },
        })
      ).json().error.message,
    ).toMatch(/code d’inscription/);
    const m = await s.enrol('Tabac du Port — Brest', 'CAISSE-1');
    const report = await reportFromCapture(FLEET_CAPTURES.win11);
    const res = await s.send(m.machineId, m.secret, report);
    expect(res.statusCode).toBe(201);
    const row = await s.store.machine(m.machineId);
    expect(row?.states).toMatchObject({ antivirus: 'ok', 'auto-updates': 'danger' });
    expect(await count(t, 'reports')).toBe(1);
  });

  it('refuses, logs and stores nothing: forged secret, another machine’s secret, bad JSON, 20 MB, wrong shape, newer version', async () => {
    t = await open();
    const s = await fleetTestServer(t.db);
    const a = await s.enrol('Brest', 'A');
    const b = await s.enrol('Quimper', 'B');
    const report = await reportFromCapture(FLEET_CAPTURES.win10Old);
    const cases: [string, () => ReturnType<typeof s.send>, number, RegExp][] = [
      ['forged', () => s.send(a.machineId, 'x'.repeat(43), report), 403, /pas reconnu/],
      ['other machine', () => s.send(a.machineId, b.secret, report), 403, /pas reconnu/],
      [
        'malformed JSON',
        () => s.send(a.machineId, a.secret, '{"schemaVersion": 1,'),
        400,
        /pas du JSON valide/,
      ],
      [
        '20 MB',
        () => s.send(a.machineId, a.secret, JSON.stringify({ ...report, pad: 'x'.repeat(20 * 1024 * 1024) })),
        413,
        /trop gros/,
      ],
      [
        'wrong shape',
        () => s.send(a.machineId, a.secret, { ...report, findings: 'none' }),
        422,
        /format attendu.*findings/,
      ],
      [
        'newer version',
        () => s.send(a.machineId, a.secret, { ...report, schemaVersion: 2 }),
        422,
        /version plus récente/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect(res.statusCode, what).toBe(status);
      expect(res.json().error.message, what).toMatch(message);
    }
    expect(await count(t, 'reports')).toBe(0);
    expect((await s.store.machine(a.machineId))?.lastReportAt).toBeNull();
    expect((await refusals(t)).map((d) => d.split(' ')[0]).sort()).toEqual([
      'badJson',
      'badReport',
      'badSecret',
      'badSecret',
      'newerVersion',
      'tooLarge',
    ]);
  });

  it('limits the rate per machine, without touching the other machines', async () => {
    t = await open();
    const s = await fleetTestServer(t.db, { reportRate: { max: 2, windowMs: 60_000 } });
    const a = await s.enrol('Brest', 'A');
    const b = await s.enrol('Brest', 'B');
    const report = await reportFromCapture(FLEET_CAPTURES.win11);
    expect((await s.send(a.machineId, a.secret, report)).statusCode).toBe(201);
    expect((await s.send(a.machineId, a.secret, report)).statusCode).toBe(201);
    const third = await s.send(a.machineId, a.secret, report);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/Rien n’a été perdu/);
    expect((await s.send(b.machineId, b.secret, report)).statusCode).toBe(201);
  });
});
