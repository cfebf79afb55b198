/** Evidence that unattended-upgrades and the timers really ran, read from real logs and systemd's answers. */
import { describe, expect, it } from 'vitest';
import { aptRunEvidence, lastUnattendedRun, parseLastTrigger, UU_LOG } from './auto-update-evidence';
import { fixture } from './test-support';

describe('unattended-upgrades log', () => {
  it('a German Raspbian log (real): the newest « keine Pakete gefunden » is the last successful run', () => {
    expect(lastUnattendedRun(fixture('unattended-upgrades/raspbian-de.log'))).toBe('2017-08-04T06:04:33');
  });
  it('a French log with installs (real): « Toutes les mises à niveau ont été installées »', () => {
    expect(lastUnattendedRun(fixture('unattended-upgrades/fr-upgrade.log'))).toBe('2015-06-28T09:21:23');
  });
  it('a run that ended in ERROR is no evidence; an unknown language counts runs without error', () => {
    const log = [
      '2026-11-01 06:10:00,100 INFO Démarrage',
      '2026-11-01 06:10:05,100 INFO Fin',
      '2026-11-20 06:10:00,100 INFO Démarrage',
      '2026-11-20 06:10:09,100 ERROR Échec',
    ].join('\n');
    expect(lastUnattendedRun(log)).toBe('2026-11-01T06:10:05');
    expect(lastUnattendedRun('')).toBeNull();
  });
  it('the stamp and the log: the newer wins with its source; nothing read → not read; read but empty → null', () => {
    const stamp = new Map([
      ['/var/lib/apt/periodic/upgrade-stamp', Date.parse('2026-11-21T06:30:00Z') / 1000],
    ]);
    expect(aptRunEvidence(stamp, '')).toEqual({
      lastRunAt: '2026-11-21T06:30:00.000Z',
      lastRunSource: '/var/lib/apt/periodic/upgrade-stamp',
    });
    expect(aptRunEvidence(stamp, fixture('unattended-upgrades/raspbian-de.log')).lastRunSource).toBe(
      '/var/lib/apt/periodic/upgrade-stamp',
    );
    expect(aptRunEvidence(new Map(), fixture('unattended-upgrades/raspbian-de.log'))).toEqual({
      lastRunAt: '2017-08-04T06:04:33',
      lastRunSource: UU_LOG,
    });
    expect(aptRunEvidence(null, null)).toEqual({});
    expect(aptRunEvidence(new Map(), '').lastRunAt).toBeNull();
  });
});

describe('systemd timers (systemctl show -p LastTriggerUSec)', () => {
  it('reads unix and UTC timestamps; never triggered → null', () => {
    expect(parseLastTrigger('LastTriggerUSec=@1763700000\n')).toBe(new Date(1763700000 * 1000).toISOString());
    expect(parseLastTrigger('LastTriggerUSec=Mon 2024-05-13 06:32:10 UTC\n')).toBe('2024-05-13T06:32:10Z');
    expect(parseLastTrigger('LastTriggerUSec=n/a\n')).toBeNull();
    expect(parseLastTrigger('LastTriggerUSec=@0\n')).toBeNull();
  });
});
