/**
 * A public-looking name that points inside the owner's network is never read: the name is
 * resolved by the system (here through /etc/hosts, as a hostile or mistaken DNS answer would),
 * and a loopback or private answer stops the check before any connection. The server on
 * loopback counts connections: it must see none. /etc/hosts is restored after, under the
 * machine lock, test by test.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withMachineLock } from '../../../../tests/support/machine-lock';
import { createLiveHost } from '../exec/live-host';
import { checkSite } from './check';

const HOSTS = '/etc/hosts';
const INSIDE = 'revision-inside.example.com';
const LAN = 'revision-lan.example.com';

let httpServer: Server;
let tlsPort = 0;
let httpConnections = 0;
let tlsConnections = 0;
const others: { close: (cb: () => void) => void }[] = [];

/**
 * Runs `fn` with the test names in /etc/hosts, under the machine lock (the file is shared by every
 * test on this machine), and puts the file back as it was, whatever happens.
 */
async function withNamesMapped(fn: () => Promise<void>): Promise<void> {
  await withMachineLock(async () => {
    const original = await readFile(HOSTS, 'utf8');
    try {
      await writeFile(HOSTS, `${original.replace(/\n?$/, '\n')}127.0.0.1 ${INSIDE}\n192.168.77.1 ${LAN}\n`);
      await fn();
    } finally {
      await writeFile(HOSTS, original);
    }
  });
}

beforeAll(async () => {
  httpServer = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Box</title><meta name="generator" content="WordPress 6.1.9">');
  });
  httpServer.on('connection', () => (httpConnections += 1));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  // A bare TCP listener stands for the TLS port: any connection to it is counted.
  const tls = createNetServer((socket) => {
    tlsConnections += 1;
    socket.destroy();
  });
  others.push(tls);
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsPort = (tls.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
  await Promise.all(others.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** Long enough to wait for another test holding the machine lock. */
const LOCK_WAIT = 620_000;

const check = (url: string, allowLocal: boolean) =>
  checkSite(url, { host: createLiveHost(), now: new Date(), lang: 'fr', appVersion: '0.1.0', allowLocal });

describe('a site name that leads into the owner’s network', () => {
  it('is not read: no connection is made, and the owner is told why in French', { timeout: LOCK_WAIT }, () =>
    withNamesMapped(async () => {
      const port = (httpServer.address() as AddressInfo).port;
      const before = { http: httpConnections, tls: tlsConnections };
      const report = await check(`http://${INSIDE}:${port}/`, false);
      const responds = report.findings.find((f) => f.id === 'site-responds')!;
      expect(responds.state).toBe('unknown');
      expect(responds.title).toBe("Je n'ai pas lu ce site : il mène à votre réseau");
      expect(responds.detail).toContain(INSIDE);
      expect(report.findings.every((f) => f.state !== 'ok')).toBe(true);
      expect(httpConnections).toBe(before.http);

      const secure = await check(`https://${INSIDE}:${tlsPort}/`, false);
      expect(secure.findings.find((f) => f.id === 'site-responds')!.state).toBe('unknown');
      expect(tlsConnections).toBe(before.tls);
    }),
  );

  it('a private LAN address is refused the same way, without waiting for it', { timeout: LOCK_WAIT }, () =>
    withNamesMapped(async () => {
      const report = await check(`http://${LAN}/`, false);
      const responds = report.findings.find((f) => f.id === 'site-responds')!;
      expect(responds.state).toBe('unknown');
      expect(responds.detail).toContain('adresse privée');
    }),
  );

  it(
    'the same name is read when loopback is explicitly allowed (the mapping is real)',
    { timeout: LOCK_WAIT },
    () =>
      withNamesMapped(async () => {
        const port = (httpServer.address() as AddressInfo).port;
        const before = httpConnections;
        const report = await check(`http://${INSIDE}:${port}/`, true);
        expect(report.findings.find((f) => f.id === 'site-responds')!.title).toBe('Le site répond');
        expect(httpConnections).toBeGreaterThan(before);
      }),
  );
});
