import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetKevData } from '../../core/knowledge/kev';
import { main } from '../index';
import type { CliIo } from '../io';

const WIN11 = join(
  import.meta.dirname,
  '../../../../tests/fixtures/windows/win11-25h2-pro-fr-policy-off-restart-bitdefender',
);

function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: () => string } {
  let out = '';
  return {
    out: (t) => void (out += t),
    err: () => undefined,
    env,
    tty: false,
    errTty: false,
    confirm: async () => false,
    stdout: () => out,
  };
}

let tmp = '';
let server: Server;
let base = '';
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'revision-cli-programs-'));
  server = createServer((req, res) => {
    if (req.url === '/kev.json')
      res.writeHead(200).end(
        JSON.stringify({
          catalogVersion: '2026.11.27',
          dateReleased: '2026-11-27T10:00:00.000Z',
          count: 0,
          vulnerabilities: [],
        }),
      );
    else res.writeHead(200).end('{"catalogVersion": "2026.11.27", "dateReleased": "2026-11-');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  forgetKevData();
  await rm(tmp, { recursive: true, force: true });
});

describe('revision programs', () => {
  it('lists the programs of the last checkup with their voyant, in French', async () => {
    const ws = join(tmp, 'ws');
    expect(await main(['checkup', '--replay', WIN11, '--workspace', ws], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(['programs', '--workspace', ws], io)).toBe(0);
    expect(io.stdout()).toContain(
      'Mozilla Firefox 144.0 — mise à jour disponible : 154.0 · visé par des attaques',
    );
    expect(io.stdout()).toContain('2 composants du système');
  });

  it('refresh-data: a newer catalogue is saved with its date; a truncated one is refused and the copy kept', async () => {
    const ws = join(tmp, 'ws-refresh');
    const good = captureIo({ REVISION_KEV_URL: `${base}/kev.json` });
    expect(await main(['programs', 'refresh-data', '--workspace', ws], good)).toBe(0);
    expect(good.stdout()).toContain(
      'Liste des failles exploitées : mises à jour (données du 27 novembre 2026)',
    );
    const saved = await readFile(join(ws, 'knowledge', 'kev.json'), 'utf8');
    const bad = captureIo({ REVISION_KEV_URL: `${base}/truncated.json` });
    expect(await main(['programs', 'refresh-data', '--workspace', ws], bad)).toBe(0);
    expect(bad.stdout()).toContain(
      'Liste des failles exploitées : pas mises à jour (fichier incomplet ou illisible (JSON invalide)) ; données du 27 novembre 2026 gardées.',
    );
    expect(await readFile(join(ws, 'knowledge', 'kev.json'), 'utf8')).toBe(saved);
  });
});
