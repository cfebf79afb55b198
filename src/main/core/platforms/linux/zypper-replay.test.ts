/** A whole openSUSE Leap 15.6 checkup replayed: zypper is read end to end, nothing reads « ok » by default. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckup } from '../../checkup/run-checkup';
import { createReplayHost, loadCapture } from '../../exec/capture';
import { LINUX_FIXTURES } from './test-support';

describe('openSUSE Leap 15.6 (zypper) replayed', () => {
  it('recognised, its pending update and security patch counted, its firewall off named, no automatic updates', async () => {
    const capture = await loadCapture(join(LINUX_FIXTURES, 'opensuse-leap-156-replay'));
    const report = await runCheckup({
      host: createReplayHost(capture),
      now: new Date(capture.manifest.now!),
    });
    expect(report.machine.os).toMatchObject({ name: 'openSUSE Leap', version: '15.6' });
    expect(report.facts.os?.packageManager).toBe('zypper');
    const byId = Object.fromEntries(report.findings.map((f) => [f.id, f]));
    // Leap 15.6 ends on 30 April 2026: less than 90 days left on 2 February 2026.
    expect(byId['os-support']).toMatchObject({ state: 'attention', key: 'osSupport.endingSoon' });
    expect(byId['auto-updates']).toMatchObject({ state: 'danger', key: 'autoUpdates.off' });
    expect(report.facts.pendingUpdates).toMatchObject({
      total: 1,
      security: 1,
      source: 'zypper list-updates',
    });
    expect(byId['pending-updates']?.state).toBe('attention');
    expect(byId.reboot).toMatchObject({ state: 'ok' });
    expect(byId['last-update']).toMatchObject({ state: 'danger' });
    expect(report.facts.firewall).toMatchObject({ enabled: false, tool: 'firewalld' });
    expect(byId.firewall?.state).not.toBe('ok');
    expect(report.findings.filter((f) => f.state === 'unknown').map((f) => f.id)).toEqual([]);
  });
});
