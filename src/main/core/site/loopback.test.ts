/**
 * The site check against real servers on loopback: HTTPS with openssl-made certificates (valid,
 * expiring in 10 days, expired, wrong name, unknown authority) and the bad answers a site can give
 * (down, 503, not HTML, a 50 MB page, a redirect loop, another site). Never `ok` where it should not be.
 */
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCerts, type Pem, type TestCerts } from '../../../../tests/support/test-certs';
import { createLiveHost } from '../exec/live-host';
import { checkSite } from './check';

const HTML =
  '<!doctype html><html><head><meta name="generator" content="WordPress 6.1.9"><title>Test</title></head><body>Bonjour</body></html>';
const page: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(HTML);
};

let dir: string;
let certs: TestCerts;
const servers: Server[] = [];

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
const https = (pem: Pem, handler: RequestListener = page) =>
  listen(createHttpsServer({ key: pem.key, cert: pem.cert }, handler));
const http = (handler: RequestListener) => listen(createHttpServer(handler));

const check = (url: string, ca: readonly string[] | null = [certs.ca.cert]) =>
  checkSite(url, {
    host: createLiveHost(),
    now: new Date(),
    lang: 'fr',
    appVersion: '0.1.0',
    allowLocal: true,
    ...(ca ? { ca } : {}),
  });
type Report = Awaited<ReturnType<typeof check>>;
const voyant = (r: Report, id: string) => r.findings.find((f) => f.id === id)!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-site-certs-'));
  certs = await makeTestCerts(dir);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

describe('certificates from a real TLS server', () => {
  it('a valid certificate is green, with its issuer and end date', async () => {
    const r = await check(`https://127.0.0.1:${await https(certs.valid)}/`);
    expect(voyant(r, 'site-certificate')).toMatchObject({ state: 'ok', title: 'Certificat valable' });
    expect(voyant(r, 'site-certificate').detail).toContain('Revision Test CA');
    expect(r.certificate).toMatchObject({ trusted: true, nameMatches: true });
    expect(voyant(r, 'site-responds').state).toBe('ok');
    expect(r.software?.version).toBe('6.1.9');
  });

  it('a certificate expiring in 10 days is orange, with the number of days', async () => {
    const r = await check(`https://127.0.0.1:${await https(certs.expiring)}/`);
    const f = voyant(r, 'site-certificate');
    expect(f).toMatchObject({ state: 'attention', title: 'Certificat bientôt expiré' });
    expect(f.detail).toMatch(/dans (9|10) jours/);
  });

  it('an expired certificate is red, and the page is not read as if it were safe', async () => {
    const r = await check(`https://127.0.0.1:${await https(certs.expired)}/`);
    expect(voyant(r, 'site-certificate')).toMatchObject({ state: 'danger', title: 'Certificat expiré' });
    expect(voyant(r, 'site-responds')).toMatchObject({
      state: 'unknown',
      title: "Je n'ai pas pu lire le site en sécurité",
    });
    expect(voyant(r, 'site-software').state).toBe('unknown');
  });

  it('a certificate for another name is red', async () => {
    const r = await check(`https://127.0.0.1:${await https(certs.wrongName)}/`);
    expect(voyant(r, 'site-certificate')).toMatchObject({
      state: 'danger',
      title: 'Certificat au mauvais nom',
    });
    expect(voyant(r, 'site-software').state).toBe('unknown');
  });

  it('a certificate from an authority nobody knows is red', async () => {
    const r = await check(`https://127.0.0.1:${await https(certs.valid)}/`, null);
    expect(voyant(r, 'site-certificate')).toMatchObject({ state: 'danger', title: 'Certificat non reconnu' });
  });

  it('a site without https at all is orange', async () => {
    const r = await check(`http://127.0.0.1:${await http(page)}/`);
    expect(voyant(r, 'site-certificate')).toMatchObject({
      state: 'attention',
      title: "Le site n'est pas sécurisé",
    });
  });
});

describe('bad answers from real servers', () => {
  it('a site that is down is red, « appelez votre hébergeur »', async () => {
    const port = await http(page);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const r = await check(`http://127.0.0.1:${port}/`);
    expect(voyant(r, 'site-responds')).toMatchObject({ state: 'danger', action: 'Appelez votre hébergeur.' });
    expect(r.findings.filter((f) => f.state === 'ok')).toEqual([]);
  });

  it('a 503 answer is red', async () => {
    const r = await check(
      `http://127.0.0.1:${await http((_q, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('Service Unavailable'))}/`,
    );
    expect(voyant(r, 'site-responds')).toMatchObject({ state: 'danger', title: 'Le site ne répond pas' });
    expect(voyant(r, 'site-responds').detail).toContain('HTTP 503');
  });

  it('a non-HTML answer leaves the software unknown', async () => {
    const r = await check(
      `http://127.0.0.1:${await http((_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'))}/`,
    );
    expect(voyant(r, 'site-software')).toMatchObject({
      state: 'unknown',
      title: 'Logiciel du site non vérifié',
    });
    expect(voyant(r, 'site-software').detail).toContain('autre type de fichier');
  });

  it('a 50 MB page is not read: unknown, with a clear reason', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const port = await http((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const push = (): void => {
        while (sent < 50 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      push();
    });
    const r = await check(`http://127.0.0.1:${port}/`);
    expect(voyant(r, 'site-responds')).toMatchObject({
      state: 'unknown',
      title: "Je n'ai pas pu vérifier : page trop lourde",
    });
    expect(voyant(r, 'site-software').state).toBe('unknown');
  });

  it('a server that compresses although asked not to (gzip, br, deflate) is read all the same', async () => {
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      gzip: gzipSync,
      br: brotliCompressSync,
      deflate: deflateSync,
    };
    for (const [encoding, encode] of Object.entries(encoders)) {
      const asked: (string | undefined)[] = [];
      const port = await http((req, res) => {
        asked.push(req.headers['accept-encoding']);
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding });
        res.end(encode(Buffer.from(HTML)));
      });
      const r = await check(`http://127.0.0.1:${port}/`);
      expect(voyant(r, 'site-software').detail, encoding).toContain('WordPress 6.1.9');
      expect(asked[0], 'the check asks for an uncompressed page').toBe('identity');
    }
  });

  it('a small compressed page that inflates past 5 MB is refused like a heavy page', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 'a'));
    const port = await http((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const r = await check(`http://127.0.0.1:${port}/`);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(voyant(r, 'site-responds')).toMatchObject({
      state: 'unknown',
      title: "Je n'ai pas pu vérifier : page trop lourde",
    });
  });

  it('an anti-robot check (Cloudflare challenge, 429) is « le site filtre les robots », never « en panne »', async () => {
    // Header and page shape as Cloudflare documents its challenge (cf-mitigated: challenge).
    const challenge =
      '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>';
    const answers: [number, Record<string, string>][] = [
      [403, { server: 'cloudflare', 'cf-mitigated': 'challenge', 'content-type': 'text/html' }],
      [503, { server: 'cloudflare', 'content-type': 'text/html' }],
      [429, { 'content-type': 'text/html', 'retry-after': '60' }],
    ];
    for (const [status, headers] of answers) {
      const port = await http((_q, res) => res.writeHead(status, headers).end(challenge));
      const r = await check(`http://127.0.0.1:${port}/`);
      expect(voyant(r, 'site-responds'), `HTTP ${status}`).toMatchObject({
        state: 'unknown',
        title: "Je n'ai pas pu vérifier : le site filtre les robots",
      });
    }
    // A plain 503 without any firewall sign is still a site in trouble.
    const port = await http((_q, res) =>
      res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>'),
    );
    expect(voyant(await check(`http://127.0.0.1:${port}/`), 'site-responds').state).toBe('danger');
  });

  it('a redirect loop stops after a few requests: unknown', async () => {
    const port = await http((req, res) =>
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end(),
    );
    const r = await check(`http://127.0.0.1:${port}/`);
    expect(voyant(r, 'site-responds')).toMatchObject({
      state: 'unknown',
      title: "Je n'ai pas pu vérifier : le site tourne en rond",
    });
    expect(r.requests.length).toBeLessThanOrEqual(10);
  });

  it('never follows a redirect to another site, and says where it goes', async () => {
    const port = await http((_q, res) =>
      res.writeHead(301, { location: 'https://autre-site.example/' }).end(),
    );
    const r = await check(`http://127.0.0.1:${port}/`);
    expect(voyant(r, 'site-software')).toMatchObject({ state: 'unknown' });
    expect(voyant(r, 'site-software').detail).toContain('https://autre-site.example/');
    expect(r.requests.map((q) => new URL(q.url).hostname)).not.toContain('autre-site.example');
  });

  it('sends the Révision user agent, no cookie, and only GET requests', async () => {
    const seen: { method?: string; ua?: string; cookie?: string }[] = [];
    const port = await http((req, res) => {
      seen.push({ method: req.method, ua: req.headers['user-agent'], cookie: req.headers.cookie });
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=1' });
      res.end(
        HTML.replace('</head>', '<link rel="alternate" type="application/rss+xml" href="/feed/"></head>'),
      );
    });
    await check(`http://127.0.0.1:${port}/`);
    expect(seen.length).toBeGreaterThan(1);
    for (const s of seen) {
      expect(s.method).toBe('GET');
      expect(Buffer.from(s.ua ?? '', 'latin1').toString('latin1')).toMatch(
        /^R.vision\/0\.1\.0 \(\+ contr.le du site de ses propri.taires\)$/,
      );
      expect(s.cookie).toBeUndefined();
    }
  });
});
