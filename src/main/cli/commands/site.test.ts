import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingSchema } from '../../../shared/checkup';
import { main } from '../index';
import { captureIo } from '../../../../tests/support/cli-io';

let server: Server;
let url: string;
let tmp: string;
const LOCAL = { REVISION_ALLOW_LOCAL_SITES: '1' };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'revision-cli-site-'));
  // A real server on loopback answering like a Joomla 4.2.7 site (a version the KEV catalogue names).
  server = createServer((req, res) => {
    if (req.url === '/administrator/manifests/files/joomla.xml') {
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end('<extension type="file"><name>files_joomla</name><version>4.2.7</version></extension>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-powered-by': 'PHP/7.4.33' });
    res.end(
      '<html><head><meta name="generator" content="Joomla! - Open Source Content Management"><script type="application/json" class="joomla-script-options new">{}</script></head><body></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

describe('revision site check', () => {
  it('prints the voyants in French, what to ask the web agency, and the technical detail; exit 0', async () => {
    const io = captureIo(LOCAL);
    expect(await main(['site', 'check', url], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('✖ Joomla a une faille exploitée par des pirates');
    expect(text).toContain("✖ PHP n'est plus suivi");
    expect(text).toMatch(
      /À demander à votre agence web : mettre à jour Joomla 4\.2\.7 vers [\d.]+, et mettre à jour PHP 7\.4\.33 vers 8\.\d/,
    );
    expect(text).toContain('/administrator/manifests/files/joomla.xml → <version>4.2.7</version>');
  });

  it('--json gives the checkup finding shape, in English with --lang en', async () => {
    const io = captureIo(LOCAL);
    expect(await main(['site', 'check', url, '--json', '--lang', 'en'], io)).toBe(0);
    const report = JSON.parse(io.stdout());
    for (const f of report.findings) expect(findingSchema.safeParse(f).success).toBe(true);
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual([
      'site-responds',
      'site-certificate',
      'site-software',
      'site-language',
    ]);
    expect(report.findings[2]).toMatchObject({
      state: 'danger',
      title: 'Joomla has a flaw attackers are using',
      params: { cves: 'CVE-2023-23752' },
    });
  });

  it('captures a check and replays it without the server', async () => {
    const dir = join(tmp, 'capture');
    const live = captureIo(LOCAL);
    expect(await main(['site', 'check', url, '--json', '--capture', dir], live)).toBe(0);
    const replayed = captureIo(LOCAL);
    expect(await main(['site', 'check', url, '--json', '--replay', dir], replayed)).toBe(0);
    const a = JSON.parse(live.stdout());
    const b = JSON.parse(replayed.stdout());
    expect(b.mode).toBe('replay');
    expect(b.findings).toEqual(a.findings);
  });

  it('refuses an address without https://, an IP, an internal name and this computer, in plain French; exit 2', async () => {
    const cases: [string, RegExp][] = [
      ['transports-dubois.fr', /avec https:\/\/ au début/],
      ['https://192.168.1.10/', /pas une adresse en chiffres/],
      ['http://serveur-compta/', /réseau de l'entreprise/],
      ['https://localhost/', /cet ordinateur lui-même/],
      ['ftp://transports-dubois.fr/', /https:\/\/ ou http:\/\//],
    ];
    for (const [address, message] of cases) {
      const io = captureIo({});
      expect(await main(['site', 'check', address], io)).toBe(2);
      expect(io.stderr()).toMatch(message);
      expect(io.stdout()).toBe('');
    }
  });
});
