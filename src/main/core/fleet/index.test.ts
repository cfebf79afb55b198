import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFleetServer } from '../../../fleet/server/app';
import { createFleetStore } from '../../../fleet/storage/fleet-store';
import { sqliteTestDb, type TestDb } from '../../../../tests/support/fleet-db';
import { FLEET_CAPTURES, reportFromCapture, withSignatures } from '../../../../tests/support/fleet-reports';
import { createFleetClientApi } from './index';

describe('fleet client (a real fleet server on loopback)', () => {
  let t: TestDb;
  let home: string;
  const servers: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await t?.dispose();
    if (home) await rm(home, { recursive: true, force: true });
  });

  async function listen(port = 0) {
    const app = createFleetServer({ db: t.db });
    await app.listen({ host: '127.0.0.1', port });
    servers.push(app);
    return { app, port: (app.server.address() as AddressInfo).port };
  }

  it('joins with a site code, sends; when the server is down the reports wait and go later, oldest first', async () => {
    t = await sqliteTestDb();
    home = await mkdtemp(join(tmpdir(), 'revision-fleet-client-'));
    const store = createFleetStore(t.db);
    const { code } = await store.addEnrolmentCode('Tabac du Port — Brest');
    const first = await listen();
    const client = createFleetClientApi({ home });
    await expect(client.join(`http://127.0.0.1:${first.port}`, 'ZZZZ-ZZZZ-ZZZZ')).rejects.toThrow(
      /code d’inscription n’est pas reconnu/,
    );
    const e = await client.join(`http://127.0.0.1:${first.port}`, code, 'CAISSE-1');
    expect((await stat(join(home, 'fleet', 'enrolment.json'))).mode & 0o777).toBe(0o600);

    const report = await reportFromCapture(FLEET_CAPTURES.win10Old);
    expect(await client.send(report)).toMatchObject({ sent: 1, queued: 0, waitingBecause: null });
    expect((await client.status()).lastSentAt).not.toBeNull();

    await first.app.close();
    servers.length = 0;
    const older = { ...report, generatedAt: '2026-11-23T10:00:00.000Z' };
    const newer = withSignatures(
      { ...report, generatedAt: '2026-11-24T10:00:00.000Z' },
      '2026-11-24T09:00:00.000Z',
    );
    const down1 = await client.send(older);
    expect(down1).toMatchObject({ sent: 0, queued: 1 });
    expect(down1.waitingBecause).toMatch(/injoignable/);
    expect((await client.send(newer)).queued).toBe(2);

    await listen(first.port);
    expect(await client.retry()).toMatchObject({ sent: 2, queued: 0 });
    const m = await store.machine(e.machineId);
    expect(m?.lastGeneratedAt).toBe(Date.parse('2026-11-24T10:00:00.000Z')); // the newest arrived last
    expect(await readdir(join(home, 'fleet', 'outbox'))).toEqual([]);
  });

  it('a report the server refuses for good is set aside, not resent; the outbox stays bounded', async () => {
    t = await sqliteTestDb();
    home = await mkdtemp(join(tmpdir(), 'revision-fleet-client-'));
    const { code } = await createFleetStore(t.db).addEnrolmentCode('Brest');
    const { port } = await listen();
    const client = createFleetClientApi({ home, outboxMax: 3 });
    await client.join(`http://127.0.0.1:${port}`, code);
    const report = await reportFromCapture(FLEET_CAPTURES.win11);
    const res = await client.send({ ...report, schemaVersion: 2 as 1 });
    expect(res.refused[0]).toMatch(/version plus récente/);
    expect(await readdir(join(home, 'fleet', 'refused'))).toHaveLength(1);

    const offline = createFleetClientApi({
      home,
      outboxMax: 3,
      fetch: async () => Promise.reject(new Error('connect ECONNREFUSED')),
    });
    for (let i = 0; i < 5; i++) await offline.send(report);
    expect((await offline.status()).queued).toBe(3);
  });
});
