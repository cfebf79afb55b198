import { describe, expect, it } from 'vitest';
import { aptLastUpdateFacts, lastDpkgUpgrade, parseAptHistory, rpmLastUpdateFacts } from './last-update';
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
