import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../exec/host';
import { createLiveHost } from '../../exec/live-host';
import { aptLastUpdateFacts, lastDpkgUpgrade, lastUpdateProbe, parseAptHistory, rpmLastUpdateFacts } from './last-update';
import { capturedOutput, fixture } from './test-support';

describe('last update', () => {
  const history = capturedOutput('file', '/var/log/apt/history.log');
  const dpkg = capturedOutput('file', '/var/log/dpkg.log');
  it('reads this machine’s real apt history: the newest transaction that upgraded packages', () => {
    const entries = parseAptHistory(history);
    expect(entries.length).toBeGreaterThan(3);
    const facts = aptLastUpdateFacts(history, null, 'history.log');
    // The 22 November 2026 install of chromium upgraded 15 packages (perl, systemd…).
    expect(facts.lastInstalledAt).toBe('2026-11-22T23:04:41');
    expect(facts.history[0]!.result).toBe('succeeded');
  });
  it('takes the newer of history.log and dpkg.log', () => {
    expect(lastDpkgUpgrade(dpkg)).toMatch(/^2026-11-22T23:05:/);
    expect(aptLastUpdateFacts(history, dpkg, 'both').lastInstalledAt).toBe(lastDpkgUpgrade(dpkg));
  });
  it('an install-only history has no update date (never a made-up one)', () => {
    const text = 'Start-Date: 2026-05-20  16:49:19\nCommandline: apt-get install -y nodejs\nInstall: nodejs:amd64 (20.20.2-1nodesource1)\nEnd-Date: 2026-05-20  16:49:21\n';
    expect(aptLastUpdateFacts(text, null, 'h').lastInstalledAt).toBeNull();
    expect(aptLastUpdateFacts('garbage', 'garbage', 'h').lastInstalledAt).toBeNull();
  });
  it('Fedora: the newest rpm install time', () => {
    expect(rpmLastUpdateFacts(fixture('fedora/rpm-qa-installtime.txt')).lastInstalledAt).toBe('2024-08-12T07:00:00.000Z');
    expect(() => rpmLastUpdateFacts('garbage')).toThrow(/illisible/);
  });
});

describe('rotated apt logs, for real', () => {
  it('when the current logs hold no update, reads the previous compressed history.log.1.gz with the real gzip', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revision-aptlogs-'));
    try {
      // This month's log: only an install. Last month's (rotated, gzip): this machine's real history.
      await writeFile(join(dir, 'history.log'), 'Start-Date: 2026-12-02  10:00:00\nCommandline: apt-get install -y zip\nInstall: zip:amd64 (3.0-13)\nEnd-Date: 2026-12-02  10:00:01\n');
      await writeFile(join(dir, 'history.log.1.gz'), gzipSync(capturedOutput('file', '/var/log/apt/history.log')));
      const live = createLiveHost('linux');
      const moved = (p: string) => p.replace(/^\/var\/log\/apt/, dir).replace(/^\/var\/log\/dpkg\.log$/, join(dir, 'dpkg.log'));
      const host: Host = {
        ...live,
        readFile: (p, o) => live.readFile(moved(p), o),
        readDir: (p, o) => live.readDir(moved(p), o),
        run: (spec, o) => live.run({ ...spec, args: spec.args.map(moved) }, o),
      };
      const facts = await lastUpdateProbe.run({ host, platform: 'linux', signal: new AbortController().signal, now: new Date('2026-12-03'), facts: { os: { family: 'linux', name: 'Debian', version: '12', build: null, isServer: true, arch: null, hostname: null, packageManager: 'apt' } } });
      expect(facts.lastUpdate?.lastInstalledAt).toBe('2026-11-22T23:04:41');
      expect(facts.lastUpdate?.source).toBe('/var/log/apt/history.log.1.gz');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
