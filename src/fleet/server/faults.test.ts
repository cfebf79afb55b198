import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkupReportSchema } from '../../shared/checkup';
import { fleetEngines, pgRequired, postgresTestDb, type TestDb } from '../../../tests/support/fleet-db';
import { startFleetProcess, type FleetProcess } from '../../../tests/support/fleet-process';
import { FLEET_CAPTURES, reportFromCapture, withHostname } from '../../../tests/support/fleet-reports';
import { createFleetClientApi } from '../../main/core/fleet';
import { createFleetStore } from '../storage/fleet-store';
import { fleetTestServer } from './test-support';
import { createFleetServer } from './app';

describe.each(fleetEngines())('fleet server killed during ingestion, on %s', (_name, open) => {
  let t: TestDb;
  let server: FleetProcess | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    await t?.dispose();
  });

  it('every accepted report is stored whole; none is half-written', async () => {
    t = await open();
    const store = createFleetStore(t.db);
    const { code } = await store.addEnrolmentCode('Brest');
    const machines = await Promise.all(Array.from({ length: 20 }, (_, i) => store.enrol(code, `T${i}`)));
    server = await startFleetProcess({ ...t.options, reportRate: { max: 1000, windowMs: 60_000 } });
    const base = await reportFromCapture(FLEET_CAPTURES.win11);
    const accepted: string[] = [];
    let sentOk = 0;
    // 8 senders in a bounded loop; the server is killed once 30 reports were accepted.
    const sender = async (k: number) => {
      for (let i = 0; i < 40; i++) {
        const m = machines[(k * 40 + i) % machines.length]!;
        try {
          const res = await fetch(`${server!.url}/api/v1/machines/${m.machineId}/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${m.secret}`, 'content-type': 'application/json' },
            body: JSON.stringify(withHostname(base, `T-${k}-${i}`)),
          });
          if (res.status === 201) {
            accepted.push(((await res.json()) as { id: string }).id);
            if (++sentOk === 30) server!.child.kill('SIGKILL');
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, k) => sender(k)));
    expect(accepted.length).toBeGreaterThanOrEqual(30);
    const rows = await t.db.query<{ id: string; body: string }>('SELECT id, body FROM reports');
    const ids = new Set(rows.map((r) => r.id));
    for (const id of accepted) expect(ids.has(id), `accepted report ${id} lost`).toBe(true);
    for (const r of rows) expect(checkupReportSchema.safeParse(JSON.parse(r.body)).success).toBe(true);
    const latest = await t.db.query<{ last_report_id: string }>(
      'SELECT last_report_id FROM machines WHERE last_report_id IS NOT NULL',
    );
    for (const m of latest) expect(ids.has(m.last_report_id)).toBe(true);
  });
});

describe.runIf(pgRequired())('PostgreSQL unreachable', () => {
  let t: TestDb | undefined;
  let home: string | undefined;
  afterEach(async () => {
    await t?.dispose();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('the page says the database does not answer; the computers keep their reports', async () => {
    t = await postgresTestDb();
    const s = await fleetTestServer(t.db);
    const { code } = await s.store.addEnrolmentCode('Brest');
    const { cookie } = await s.login();
    const app = createFleetServer({ db: t.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    home = await mkdtemp(join(tmpdir(), 'revision-fleet-dbdown-'));
    const client = createFleetClientApi({ home });
    await client.join(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, code, 'CAISSE');
    await t.pullPlug!(); // the database goes away under the running server
    const page = await s.app.inject({ method: 'GET', url: '/api/web/fleet', headers: { cookie } });
    expect(page.statusCode).toBe(503);
    expect(page.json().error.message).toMatch(
      /^La base de données de la flotte ne répond pas\. Les ordinateurs gardent leurs rapports/,
    );
    const sent = await client.send(await reportFromCapture(FLEET_CAPTURES.win11));
    expect(sent).toMatchObject({ sent: 0, queued: 1, refused: [] });
    expect(sent.waitingBecause).toMatch(/ne répond pas/);
    await app.close();
  });
});
