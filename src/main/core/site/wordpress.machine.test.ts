/**
 * The site check against a real WordPress (Debian's package over MariaDB and PHP, .ci/wordpress.sh),
 * read over loopback through the live Host, then captured and replayed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWordPress, wordpressInstalled, type TestWordPress } from '../../../../tests/support/wordpress';
import { createCapturingHost, createReplayHost, loadCapture } from '../exec/capture';
import { createLiveHost } from '../exec/live-host';
import { loadEolData } from '../knowledge/eol';
import { checkSite } from './check';
import { newestRelease } from './judge-software';

const installed = wordpressInstalled();
let wp: TestWordPress;

beforeAll(async () => {
  if (installed) wp = await startWordPress();
});
afterAll(async () => {
  if (!installed) return;
  await wp.serveVersion(null);
  await wp.stop();
});

const check = (now = new Date(), host = createLiveHost()) =>
  checkSite(wp.url, { host, now, lang: 'fr', appVersion: '0.1.0', allowLocal: true });
const byId = (r: Awaited<ReturnType<typeof check>>, id: string) => r.findings.find((f) => f.id === id)!;

describe.skipIf(!installed)('a real WordPress (Debian package)', () => {
  it('reads the version Debian installed, names its signs, and judges it against the end-of-life data', async () => {
    const installedVersion = /\$wp_version = '([^']+)'/.exec(
      await readFile('/usr/share/wordpress/wp-includes/version.php', 'utf8'),
    )![1]!;
    const report = await check();
    expect(report.software).toMatchObject({
      product: 'wordpress',
      name: 'WordPress',
      version: installedVersion,
      hosted: false,
    });
    expect(report.software!.signs).toEqual(
      expect.arrayContaining([
        `<meta name="generator" content="WordPress ${installedVersion}">`,
        `/feed/ → <generator>https://wordpress.org/?v=${installedVersion}</generator>`,
      ]),
    );
    // Debian 12 ships the 6.1 series, which the end-of-life data marks as no longer maintained.
    const software = byId(report, 'site-software');
    expect(software.state).toBe('danger');
    expect(software.title).toBe("WordPress n'est plus suivi");
    expect(byId(report, 'site-responds').state).toBe('ok');
    expect(report.language?.version).toMatch(/^8\.\d+\.\d+$/);
    expect(report.ask[0]).toMatch(
      new RegExp(`^mettre à jour WordPress ${installedVersion.replace(/\./g, '\\.')} vers \\d`),
    );
    expect(report.requests.length).toBeLessThanOrEqual(10);
    expect(report.findings.every((f) => f.state !== 'ok' || f.id === 'site-responds')).toBe(true);
  });

  it('turns green once the newest WordPress version is served, and orange for an older patch of a maintained series', async () => {
    const releases = loadEolData().products.wordpress!.releases;
    const newest = newestRelease(releases, new Date())!;
    await wp.serveVersion(newest.latest!);
    const fresh = await check();
    expect(fresh.software?.version).toBe(newest.latest);
    expect(byId(fresh, 'site-software')).toMatchObject({ state: 'ok', title: 'WordPress à jour' });
    expect(fresh.ask.some((a) => a.includes('WordPress'))).toBe(false);

    // 7.0.1 on 1 June 2026: the 7.0 series was maintained, and 7.0.4 existed.
    await wp.serveVersion('7.0.1');
    const older = await check(new Date('2026-06-01T10:00:00Z'));
    expect(byId(older, 'site-software')).toMatchObject({
      state: 'attention',
      title: 'Mise à jour de WordPress disponible',
    });
    expect(older.ask).toContain('mettre à jour WordPress 7.0.1 vers 7.0.4');
    await wp.serveVersion(null);
  });

  it('says « version cachée » (unknown, never green) when WordPress hides its version as hardening plugins do', async () => {
    await wp.serveVersion('hidden');
    const report = await check();
    expect(byId(report, 'site-software')).toMatchObject({ state: 'unknown', title: 'Version cachée' });
    expect(byId(report, 'site-software').action).toContain('quelle version de WordPress');
    expect(report.software).toMatchObject({ name: 'WordPress', version: null });
    // It looked in the documented public files (feed, readme.html, REST root) and no further.
    expect(report.requests.map((q) => new URL(q.url).pathname)).toEqual([
      '/',
      '/feed/',
      '/readme.html',
      '/wp-json/',
    ]);
    await wp.serveVersion(null);
  });

  it('replays a captured check of the real site to the same voyants, with no network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revision-site-capture-'));
    try {
      const now = new Date();
      const capturing = createCapturingHost(createLiveHost());
      const live = await check(now, capturing);
      await capturing.save(dir, { createdAt: now.toISOString(), appVersion: '0.1.0', hostname: null });
      const capture = await loadCapture(dir);
      expect(capture.entries.some((e) => e.kind === 'http' && e.key === wp.url + '/')).toBe(true);
      const replayed = await check(now, createReplayHost(capture));
      expect(replayed.mode).toBe('replay');
      expect(replayed.findings).toEqual(live.findings);
      expect(replayed.software).toEqual(live.software);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
