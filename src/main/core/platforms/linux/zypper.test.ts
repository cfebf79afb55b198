/** openSUSE / SLES through zypper, on real published outputs. */
import { describe, expect, it } from 'vitest';
import {
  parseZypperListUpdates,
  parseZypperSecurityPatches,
  zypperAutoUpdateFacts,
  zypperPendingFacts,
  zypperRebootFacts,
} from './zypper';
import { fixture } from './test-support';

describe('zypper', () => {
  it('list-updates on openSUSE Leap 15.6 (real): one package, with its new version', () => {
    const items = parseZypperListUpdates(fixture('zypper/leap156-list-updates.txt'));
    expect(items).toEqual([{ name: 'git-core', version: '2.43.0-150600.3.3.1', security: false }]);
  });
  it('list-patches on SLES 12 SP2 (real): one needed security patch among two', () => {
    expect(parseZypperSecurityPatches(fixture('zypper/sles12sp2-list-patches.txt'))).toBe(1);
  });
  it('facts: total from packages, security from patches (never more than the total); unread security → null', () => {
    const items = parseZypperListUpdates(fixture('zypper/leap156-list-updates.txt'));
    expect(zypperPendingFacts(items, 1)).toMatchObject({ total: 1, security: 1 });
    expect(zypperPendingFacts(items, null).security).toBeNull();
    expect(() => parseZypperListUpdates('garbage')).toThrow(/illisible/);
    expect(
      parseZypperListUpdates(
        'Loading repository data...\nReading installed packages...\nNo updates found.\n',
      ),
    ).toEqual([]);
  });
  it('needs-rebooting: 102 → restart needed, 0 → not, anything else → an error', () => {
    expect(zypperRebootFacts(102).required).toBe(true);
    expect(zypperRebootFacts(0).required).toBe(false);
    expect(() => zypperRebootFacts(4)).toThrow(/code 4/);
  });
  it('automatic updates: os-update timer on → on; nothing → off; systemctl silent → unknown', () => {
    expect(
      zypperAutoUpdateFacts(
        { 'os-update.timer': 'enabled', 'transactional-update.timer': 'not-found' },
        null,
      ),
    ).toMatchObject({ enabled: true, mechanism: 'os-update' });
    expect(
      zypperAutoUpdateFacts(
        { 'os-update.timer': 'not-found', 'transactional-update.timer': 'disabled' },
        null,
      ).enabled,
    ).toBe(false);
    expect(
      zypperAutoUpdateFacts({ 'os-update.timer': null, 'transactional-update.timer': null }, null).enabled,
    ).toBeNull();
    expect(
      zypperAutoUpdateFacts(
        { 'os-update.timer': 'disabled', 'transactional-update.timer': 'disabled' },
        '/etc/cron.weekly/opensuse.org-online_update',
      ),
    ).toMatchObject({ enabled: true, mechanism: 'yast-online-update' });
  });
});

describe('yum-cron (CentOS 7)', () => {
  it('on only with its service enabled and apply_updates = yes; service unreadable → unknown', async () => {
    const { yumCronFacts } = await import('./yum');
    const apply = { commands: { apply_updates: 'yes' } };
    expect(yumCronFacts(apply, 'enabled')).toMatchObject({ enabled: true, mechanism: 'yum-cron' });
    expect(yumCronFacts({ commands: { apply_updates: 'no' } }, 'enabled').enabled).toBe(false);
    expect(yumCronFacts(apply, 'disabled').enabled).toBe(false);
    expect(yumCronFacts(apply, null)).toMatchObject({ enabled: null, limits: ['timerUnknown'] });
  });
});
