import { afterEach, describe, expect, it } from 'vitest';
import { fleetEngines, type TestDb } from '../../../tests/support/fleet-db';
import { FLEET_CAPTURES, reportFromCapture, withSignatures } from '../../../tests/support/fleet-reports';
import { createAccountsStore } from './accounts-store';
import { createFleetStore } from './fleet-store';

const DAY = 86_400_000;

describe.each(fleetEngines())('fleet storage on %s', (_name, open) => {
  let t: TestDb;
  afterEach(async () => t?.dispose());

  it('enrols with a site code, keeps only the hash of the secret, and stores the latest report with its voyants', async () => {
    t = await open();
    const store = createFleetStore(t.db);
    const { code } = await store.addEnrolmentCode('Tabac du Port — Brest', '02 98 00 00 00');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await store.enrol('WRONG-CODE-0000', 'x')).toBeNull();
    const m = await store.enrol(code.toLowerCase(), 'CAISSE-1');
    expect(m?.site).toBe('Tabac du Port — Brest');
    const stored = await t.db.query('SELECT secret_hash FROM machines');
    expect(JSON.stringify(stored)).not.toContain(m!.secret);
    expect(await store.checkSecret(m!.machineId, m!.secret)).toBe(true);
    expect(await store.checkSecret(m!.machineId, m!.secret + 'x')).toBe(false);

    const report = await reportFromCapture(FLEET_CAPTURES.win10Old);
    const now = Date.parse('2026-11-22T10:05:00Z');
    await store.ingest(m!.machineId, report, JSON.stringify(report), now);
    const row = await store.machine(m!.machineId);
    expect(row).toMatchObject({
      site: 'Tabac du Port — Brest',
      siteContact: '02 98 00 00 00',
      lastReportAt: now,
    });
    expect(row?.states.antivirus).toBe('danger');
    expect(row?.antivirus).toMatchObject({
      name: 'Microsoft Defender Antivirus',
      realTime: true,
      signatureAt: Date.parse('2023-09-04T07:28:08.000Z'),
    });
    expect(JSON.parse((await store.latestReport(m!.machineId))!).machine.hostname).toBe(
      report.machine.hostname,
    );
    expect((await store.history(m!.machineId))[0]).toMatchObject({
      day: '2026-11-22',
      reports: 1,
      states: { antivirus: 'danger' },
    });
  });

  it('filters by site, voyant and silence; keeps 400 days of history and prunes old full reports but never the latest', async () => {
    t = await open();
    const store = createFleetStore(t.db, { historyDays: 400, reportDays: 30 });
    const a = await store.addEnrolmentCode('Brest');
    const b = await store.addEnrolmentCode('Quimper');
    const m1 = (await store.enrol(a.code, 'A1'))!;
    const m2 = (await store.enrol(b.code, 'B1'))!;
    const old = await reportFromCapture(FLEET_CAPTURES.win10Old);
    const fresh = withSignatures(old, '2026-11-22T08:00:00Z');
    const t0 = Date.parse('2025-01-01T12:00:00Z');
    await store.ingest(m1.machineId, old, JSON.stringify(old), t0);
    await store.ingest(m1.machineId, fresh, JSON.stringify(fresh), t0 + 500 * DAY);
    expect((await store.machines({ site: 'Quimper' })).machines.map((m) => m.hostname)).toEqual(['B1']);
    expect((await store.machines({ silentSince: t0 + 499 * DAY })).machines.map((m) => m.hostname)).toEqual([
      'B1',
    ]);
    expect((await store.machines({ state: 'danger' })).total).toBe(1);
    expect(await t.db.query('SELECT id FROM reports')).toHaveLength(1); // the 500-day-old one went at ingest
    const pruned = await store.prune(t0 + 500 * DAY);
    expect(pruned.days).toBe(1);
    expect((await store.history(m1.machineId)).map((d) => d.day)).toEqual(['2026-05-16']);
    expect(await store.latestReport(m1.machineId)).not.toBeNull();
    expect(m2.machineId).not.toBe(m1.machineId);
  });

  it('accounts: scrypt hashes, sessions by hashed cookie, audit log', async () => {
    t = await open();
    const acc = createAccountsStore(t.db);
    await acc.setUser('kevin', 'correct horse battery');
    const [u] = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(u!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await acc.checkPassword('kevin', 'correct horse battery')).toBe(true);
    expect(await acc.checkPassword('kevin', 'wrong')).toBe(false);
    expect(await acc.checkPassword('nobody', 'wrong')).toBe(false);
    const s = await acc.openSession('kevin');
    expect(await acc.session(s.token)).toEqual({ user: 'kevin', csrf: s.csrf });
    expect(await acc.session(s.token, Date.now() + 13 * 3_600_000)).toBeNull();
    await acc.audit('kevin', 'login');
    expect((await acc.auditLog())[0]).toMatchObject({ actor: 'kevin', action: 'login' });
  });
});
