/**
 * A public-looking name that points inside the owner's network is never read: the name is
 * resolved by the system (here through /etc/hosts, as a hostile or mistaken DNS answer would),
 * and a loopback or private answer stops the check before any connection. The server on
 * loopback counts connections: it must see none. /etc/hosts is restored after, under the
 * machine lock.
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

let original: string | null = null;
let release: (() => void) | null = null;
let httpServer: Server;
let tlsPort = 0;
let httpConnections = 0;
let tlsConnections = 0;
const others: { close: (cb: () => void) => void }[] = [];

beforeAll(async () => {
  // Hold the machine lock for the whole file: /etc/hosts is shared by every test on this machine.
  await new Promise<void>((ready) => {
    void withMachineLock(
      () =>
        new Promise<void>((done) => {
          release = done;
          ready();
        }),
    );
  });
  original = await readFile(HOSTS, 'utf8');
  await writeFile(HOSTS, `${original.replace(/\n?$/, '\n')}127.0.0.1 ${INSIDE}\n192.168.77.1 ${LAN}\n`);
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
  try {
    if (original !== null) await writeFile(HOSTS, original);
    await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
    await Promise.all(others.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  } finally {
    release?.();
  }
});

const check = (url: string, allowLocal: boolean) =>
  checkSite(url, { host: createLiveHost(), now: new Date(), lang: 'fr', appVersion: '0.1.0', allowLocal });

describe('a site name that leads into the owner’s network', () => {
  it('is not read: no connection is made, and the owner is told why in French', async () => {
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
  });

  it('a private LAN address is refused the same way, without waiting for it', async () => {
    const report = await check(`http://${LAN}/`, false);
    const responds = report.findings.find((f) => f.id === 'site-responds')!;
    expect(responds.state).toBe('unknown');
    expect(responds.detail).toContain('adresse privée');
  });

  it('the same name is read when loopback is explicitly allowed (the mapping is real)', async () => {
    const port = (httpServer.address() as AddressInfo).port;
    const before = httpConnections;
    const report = await check(`http://${INSIDE}:${port}/`, true);
    expect(report.findings.find((f) => f.id === 'site-responds')!.title).toBe('Le site répond');
    expect(httpConnections).toBeGreaterThan(before);
  });
});
