/**
 * Issue 11 on macOS, on replays of public real outputs (tests/fixtures/macos/README.md): each pending
 * update's restart need is read in both `softwareupdate -l` layouts and said, an update whose restart
 * need cannot be read never gives « aucun redémarrage en attente », and the checkup records when
 * Software Update last ran and whether its background schedule is on.
 */
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../exec/capture';
import {
  findingOf as finding,
  loadFixture,
  replayAtCaptureDate as replay,
} from '../../../../../tests/support/replay';
import { macosUpdateRuns, parseSoftwareUpdateList, parseSoftwareUpdateSchedule } from './parse';

const load = (name: string): Promise<Capture> => loadFixture('macos', name);

/** The same capture with `softwareupdate -l`'s output replaced. */
function withList(capture: Capture, stdout: string): Capture {
  return {
    ...capture,
    entries: capture.entries.map((e) => (e.key === 'softwareupdate-list' ? { ...e, stdout, stderr: '' } : e)),
  };
}

describe('macOS pending updates and the restart they need', () => {
  it('Big Sur with an « Action: restart » update: the restart voyant says so, the count says some need a restart', async () => {
    const report = await replay(await load('macos11-bigsur-restart-update'));
    const reboot = finding(report, 'reboot');
    expect(reboot).toMatchObject({ state: 'attention', key: 'reboot.macos.updatesNeedRestart' });
    expect(reboot.detail).toContain('macOS Big Sur 11.1 Beta 2');
    expect(finding(report, 'pending-updates').detail).toContain('redémarrer');
    expect(report.facts.pendingUpdates?.items[0]).toMatchObject({
      name: 'macOS Big Sur 11.1 Beta 2',
      version: '11.1',
      restartRequired: true,
    });
  });

  it('Mojave, older list layout (« [restart] »): read, configuration data not counted, restart said', async () => {
    const report = await replay(await load('macos1014-mojave-old-list-restart'));
    expect(report.facts.pendingUpdates).toMatchObject({
      total: 1,
      items: [{ name: 'macOS 10.14.4 Update', restartRequired: true }],
    });
    expect(finding(report, 'reboot')).toMatchObject({
      state: 'attention',
      key: 'reboot.macos.updatesNeedRestart',
    });
  });

  it('an update whose line says nothing readable about a restart: restart unknown, never « aucun redémarrage »', async () => {
    const list =
      'Software Update Tool\n\nFinding available software\nSoftware Update found the following new or updated software:\n* Label: Safari16.6BigSurAuto-16.6\n';
    const report = await replay(withList(await load('macos11-bigsur-restart-update'), list));
    const reboot = finding(report, 'reboot');
    expect(reboot.state).toBe('unknown');
    expect(reboot.title).not.toBe('Aucun redémarrage en attente');
    expect(finding(report, 'pending-updates').state).toBe('attention');
  });

  it('only Safari waiting, its line read (no « Action: restart »): no restart is needed, and that was read', async () => {
    const list =
      'Software Update Tool\n\nFinding available software\nSoftware Update found the following new or updated software:\n* Label: Safari18.0SonomaAuto-18.0\n\tTitle: Safari, Version: 18.0, Size: 161835KiB, Recommended: YES, \n';
    const report = await replay(withList(await load('macos11-bigsur-restart-update'), list));
    expect(finding(report, 'reboot')).toMatchObject({ state: 'ok', key: 'reboot.none' });
    expect(report.facts.pendingUpdates?.items[0]?.restartRequired).toBe(false);
  });

  it('El Capitan up to date: « No new software available. » on stderr, nothing pending, no restart', async () => {
    const report = await replay(await load('macos1011-fr-up-to-date'));
    expect(finding(report, 'pending-updates')).toMatchObject({ state: 'ok', key: 'pendingUpdates.none' });
    expect(finding(report, 'reboot').state).toBe('ok');
  });

  it('the man page layout (« AirPort Software, 4.1, 13880K [recommended] [restart] », written from documentation)', () => {
    const { pending, reboot } = parseSoftwareUpdateList(
      'Software Update found the following new or updated software:\n   * iSync-1.0\n\tiSync, 1.0, 4840K [recommended]\n   * AirPortSW-4.1\n\tAirPort Software, 4.1, 13880K [recommended] [restart]\n',
    );
    expect(pending.items).toEqual([
      { name: 'iSync', version: '1.0', security: false, restartRequired: false },
      { name: 'AirPort Software', version: '4.1', security: false, restartRequired: true },
    ]);
    expect(reboot).toMatchObject({ required: true, causes: ['AirPort Software'] });
  });
});

describe('Software Update: evidence that it actually runs', () => {
  it('Big Sur: the newest Last…SuccessfulDate and the background schedule on', async () => {
    const report = await replay(await load('macos11-bigsur-restart-update'));
    expect(report.facts.autoUpdates).toMatchObject({
      lastRunAt: '2020-12-04T07:41:09.000Z',
      lastRunSource: '/Library/Preferences/com.apple.SoftwareUpdate LastBackgroundSuccessfulDate',
      schedulerRunning: true,
    });
  });

  it('El Capitan: the real LastSuccessfulDate « 2016-01-27 10:50:35 +0000 »', async () => {
    const report = await replay(await load('macos1011-fr-up-to-date'));
    expect(report.facts.autoUpdates?.lastRunAt).toBe('2016-01-27T10:50:35.000Z');
  });

  it('Mojave: « Automatic check is off » (older wording) → the scheduler is not running', async () => {
    const report = await replay(await load('macos1014-mojave-old-list-restart'));
    expect(report.facts.autoUpdates?.schedulerRunning).toBe(false);
  });

  it('a capture made before the schedule was asked: scheduler state not known, not guessed', async () => {
    const report = await replay(await load('macos14-auto-check-off'));
    expect(report.facts.autoUpdates?.schedulerRunning).toBeNull();
    expect(report.facts.autoUpdates?.lastRunAt).toBe('2024-08-09T14:14:38.000Z');
  });

  it('no success date: « never » only when the file records attempts; no trace at all is « not read »', () => {
    expect(macosUpdateRuns({ LastResultCode: '2', LastSessionSuccessful: '0' }, true)).toEqual({
      lastRunAt: null,
      lastRunSource: null,
      schedulerRunning: true,
    });
    const none = macosUpdateRuns({ AutomaticCheckEnabled: '1' }, null);
    expect(none).toEqual({ schedulerRunning: null });
    expect('lastRunAt' in none).toBe(false);
  });

  it('reads both wordings of `softwareupdate --schedule`, and nothing else', () => {
    expect(parseSoftwareUpdateSchedule('Automatic checking for updates is turned on\n')).toBe(true);
    expect(parseSoftwareUpdateSchedule('Automatic checking for updates is turned off\n')).toBe(false);
    expect(parseSoftwareUpdateSchedule('Automatic check is off\n')).toBe(false);
    expect(parseSoftwareUpdateSchedule('Automatic check is on\n')).toBe(true);
    expect(parseSoftwareUpdateSchedule('Password:\n')).toBeNull();
  });
});
