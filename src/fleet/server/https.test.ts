import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestDb, type TestDb } from '../../../tests/support/fleet-db';
import { createAccountsStore } from '../storage/accounts-store';
import { createFleetServer } from './app';

let dir: string;
let t: TestDb;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-fleet-tls-'));
  // A self-signed certificate for 127.0.0.1, made by Debian's openssl.
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  t = await sqliteTestDb();
});
afterAll(async () => {
  await t?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('fleet server over HTTPS (certificate files)', () => {
  it('serves TLS on loopback; the session cookie is Secure and HSTS is sent', async () => {
    const app = createFleetServer({
      db: t.db,
      https: { cert: await readFile(join(dir, 'cert.pem')), key: await readFile(join(dir, 'key.pem')) },
    });
    await createAccountsStore(t.db).setUser('kevin', 'un mot de passe solide');
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const port = (app.server.address() as AddressInfo).port;
      const body = JSON.stringify({ name: 'kevin', password: 'un mot de passe solide' });
      const res = await new Promise<{ status: number; headers: Record<string, unknown> }>(
        (resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/api/web/login',
              method: 'POST',
              ca: undefined,
              rejectUnauthorized: false,
              headers: { 'content-type': 'application/json' },
            },
            (r) => (
              r.resume(),
              r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers }))
            ),
          );
          req.on('error', reject);
          req.end(body);
        },
      );
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await app.close();
    }
  });
});
