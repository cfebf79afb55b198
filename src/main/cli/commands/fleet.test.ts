import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetServer } from '../../../fleet/server/app';
import { openFleetDb } from '../../../fleet/storage/open';
import type { SqlDb } from '../../../fleet/storage/sql';
import { main } from '../index';
import type { CliIo } from '../io';

const FIXTURE = join(
  import.meta.dirname,
  '../../../../tests/fixtures/windows/win10-22h2-home-old-signatures',
);

function captureIo(secret: string | null = null): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    tty: false,
    confirm: async () => false,
    readSecret: async () => secret,
    stdout: () => out,
    stderr: () => err,
  };
}

let tmp: string;
let db: SqlDb;
let app: ReturnType<typeof createFleetServer>;
let url: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'revision-cli-fleet-'));
  db = await openFleetDb({ dataDir: join(tmp, 'server') });
  app = createFleetServer({ db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close().catch(() => undefined);
  await db.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('revision fleet … and checkup --send', () => {
  it('code add, join, checkup --send, machines: the computer appears with its site and voyants; server down: the report waits', async () => {
    const data = ['--data', join(tmp, 'server')];
    const ws = ['--workspace', join(tmp, 'ws')];
    const codeIo = captureIo();
    expect(
      await main(
        ['fleet', 'code', 'add', 'Tabac du Port — Brest', '--contact', '02 98 00 00 00', ...data],
        codeIo,
      ),
    ).toBe(0);
    const code = /: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(codeIo.stdout())![1]!;

    const joinIo = captureIo();
    expect(await main(['fleet', 'join', url, code, ...ws], joinIo)).toBe(0);
    expect(joinIo.stdout()).toContain('site « Tabac du Port — Brest »');

    const sendIo = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--send', ...ws], sendIo)).toBe(0);
    expect(sendIo.stderr()).toContain('Rapport envoyé au serveur de flotte');

    const listIo = captureIo();
    expect(await main(['fleet', 'machines', ...data], listIo)).toBe(0);
    expect(listIo.stdout()).toMatch(
      /^Tabac du Port — Brest · PC-ACCUEIL · dernier rapport : \d{4}-\d\d-\d\d \d\d:\d\d · ✖ ✖ ✖ ▲ ✔ ✖ ✔ ▲ ✔ ▲\n$/,
    );
    const json = captureIo();
    await main(['fleet', 'machines', '--json', ...data], json);
    expect(JSON.parse(json.stdout())[0]).toMatchObject({
      site: 'Tabac du Port — Brest',
      siteContact: '02 98 00 00 00',
    });

    await app.close();
    const downIo = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--send', ...ws], downIo)).toBe(0);
    expect(downIo.stderr()).toMatch(
      /injoignable : le rapport est gardé sur cet ordinateur et sera renvoyé \(1 en attente\)/,
    );
  });

  it('user add reads the password without echo and refuses a short one; bad input is a clear French error', async () => {
    const data = ['--data', join(tmp, 'server')];
    const shortIo = captureIo('court');
    expect(await main(['fleet', 'user', 'add', 'kevin', ...data], shortIo)).toBe(2);
    expect(shortIo.stderr()).toContain('Mot de passe trop court');
    const ok = captureIo('un mot de passe solide');
    expect(await main(['fleet', 'user', 'add', 'kevin', ...data], ok)).toBe(0);
    expect(ok.stdout()).toContain('Compte « kevin » enregistré.');
    const audit = captureIo();
    expect(await main(['fleet', 'audit', ...data], audit)).toBe(0);
    expect(audit.stdout()).toMatch(/user\.add {2}- {2}kevin/);
    const bad = captureIo();
    expect(await main(['fleet', 'machines', '--database', 'mysql://x'], bad)).toBe(1);
    expect(bad.stderr()).toContain('doit commencer par postgres://');
    const notJoined = captureIo();
    expect(
      await main(['checkup', '--replay', FIXTURE, '--send', '--workspace', join(tmp, 'ws2')], notJoined),
    ).toBe(2);
    expect(notJoined.stderr()).toContain('inscrit à aucun serveur de flotte');
    const noUrl = captureIo();
    expect(await main(['fleet', 'join', 'ftp://x', 'AAAA', '--workspace', join(tmp, 'ws3')], noUrl)).toBe(2);
  });
});
