/**
 * Online refresh against a real HTTP server on 127.0.0.1 (ephemeral port): a newer catalogue
 * replaces the copy in use; a truncated file, a wrong schema, a silent server or an oversized
 * answer never replace the good copy.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useKnowledgeCache } from './cache';
import { forgetKevData, loadKevData } from './kev';
import { cachedPath, refreshKnowledge } from './refresh';

function catalogue(dateReleased: string, n = 3) {
  const vulnerabilities = Array.from({ length: n }, (_, i) => ({
    cveID: `CVE-2026-${String(1000 + i)}`,
    vendorProject: 'Mozilla',
    product: 'Firefox',
    vulnerabilityName: 'test',
    dateAdded: '2026-11-01',
    knownRansomwareCampaignUse: 'Unknown',
  }));
  return {
    title: 'CISA Catalog of Known Exploited Vulnerabilities',
    catalogVersion: dateReleased.slice(0, 10).replace(/-/g, '.'),
    dateReleased,
    count: n,
    vulnerabilities,
  };
}

const routes = new Map<string, (res: ServerResponse) => void>();
let server: Server;
let base = '';
let dir = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(async () => {
  useKnowledgeCache(null);
  forgetKevData();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const json = (body: unknown) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function withGoodCopy(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'revision-refresh-'));
  await mkdir(join(dir, 'knowledge'), { recursive: true });
  const good = JSON.stringify(catalogue('2026-10-01T12:00:00.000Z'));
  await writeFile(cachedPath(dir, 'kev'), good);
  return good;
}

async function refresh(path: string, extra: Record<string, unknown> = {}) {
  const outcomes = await refreshKnowledge({
    dataDir: dir,
    urls: { kev: `${base}${path}`, eol: null },
    timeoutMs: 2_000,
    ...extra,
  });
  return outcomes.find((o) => o.set === 'kev')!;
}

describe('refreshing the exploited-flaw catalogue', () => {
  it('a newer, valid catalogue replaces the copy in use, with its date', async () => {
    await withGoodCopy();
    routes.set('/newer', json(catalogue('2026-11-20T12:00:00.000Z', 4)));
    expect(await refresh('/newer')).toMatchObject({ result: 'updated', date: '2026-11-20' });
    useKnowledgeCache(dir);
    forgetKevData();
    expect(loadKevData()).toMatchObject({ dateReleased: '2026-11-20T12:00:00.000Z', count: 4 });
  });

  it('an older catalogue (than the bundled or cached one) changes nothing', async () => {
    const good = await withGoodCopy();
    routes.set('/older', json(catalogue('2025-01-01T00:00:00.000Z')));
    expect(await refresh('/older')).toMatchObject({ result: 'unchanged', date: '2026-10-01' });
    expect(await readFile(cachedPath(dir, 'kev'), 'utf8')).toBe(good);
  });

  it('a truncated download, a wrong schema, a count that does not match, a silent server or an oversized answer never replace the good copy', async () => {
    const good = await withGoodCopy();
    const full = JSON.stringify(catalogue('2026-11-20T12:00:00.000Z'));
    routes.set('/truncated', (res) => res.writeHead(200).end(full.slice(0, full.length / 2)));
    routes.set(
      '/schema',
      json({ catalogVersion: '2026.11.20', dateReleased: '2026-11-20', vulnerabilities: 'none' }),
    );
    routes.set('/count', json({ ...catalogue('2026-11-20T12:00:00.000Z', 3), count: 1404 }));
    routes.set('/silent', () => undefined);
    routes.set('/big', json(catalogue('2026-11-20T12:00:00.000Z', 200)));
    routes.set('/error', (res) => res.writeHead(503).end('busy'));
    const outcomes = {
      truncated: await refresh('/truncated'),
      schema: await refresh('/schema'),
      count: await refresh('/count'),
      silent: await refresh('/silent', { timeoutMs: 300 }),
      big: await refresh('/big', { maxBytes: 4_000 }),
      error: await refresh('/error'),
    };
    expect(outcomes.truncated.reason).toMatch(/incomplet ou illisible/);
    expect(outcomes.schema.reason).toMatch(/non conforme/);
    expect(outcomes.count.reason).toMatch(/nombre annoncé/);
    expect(outcomes.silent.reason).toMatch(/pas de réponse dans le délai/);
    expect(outcomes.big.reason).toMatch(/trop gros/);
    expect(outcomes.error.reason).toMatch(/HTTP 503/);
    for (const o of Object.values(outcomes))
      expect(o).toMatchObject({ result: 'failed', date: '2026-10-01' });
    expect(await readFile(cachedPath(dir, 'kev'), 'utf8')).toBe(good);
  });

  it('a damaged cached copy is ignored: the bundled catalogue is used', async () => {
    dir = await mkdtemp(join(tmpdir(), 'revision-refresh-'));
    await mkdir(join(dir, 'knowledge'), { recursive: true });
    await writeFile(
      cachedPath(dir, 'kev'),
      '{"catalogVersion": "2099.01.01", "dateReleased": "2099-01-01", "count": 5, "vulnerabilities": [',
    );
    useKnowledgeCache(dir);
    forgetKevData();
    expect(loadKevData().catalogVersion).toBe('2025.08.25');
  });
});
