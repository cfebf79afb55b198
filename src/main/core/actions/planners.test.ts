/**
 * Plans computed from captured facts: the real capture of this Debian, the published Fedora files,
 * and the Windows/macOS captures of the checkup (tests/fixtures/windows|macos, see their READMEs).
 * Each test pins the exact operations.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MachineFacts } from '../../../shared/facts';
import { runCheckup } from '../checkup/run-checkup';
import { createReplayHost, loadCapture } from '../exec/capture';
import { getT } from '../i18n';
import { dnfAutoUpdateFacts, parseIni } from '../platforms/linux/auto-updates';
import { buildLinuxOsFacts, parseOsRelease } from '../platforms/linux/identity';
import { commandLineOf, operationSchema } from './operations';
import { aptConfigContent, computePlan, timerDropInContent } from './planners';

const fixture = (rel: string): string => new URL(`../../../../tests/fixtures/${rel}`, import.meta.url).pathname;

async function factsFrom(captureDir: string): Promise<MachineFacts> {
  const capture = await loadCapture(fixture(captureDir));
  const report = await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now ?? capture.manifest.createdAt) });
  return report.facts;
}

const argv = (ops: readonly unknown[]): string[][] =>
  ops.map((op) => {
    const line = commandLineOf(operationSchema.parse(op));
    return line ? [line.file, ...line.args] : [JSON.stringify(op)];
  });

/** The French text of a plan line. */
const say = (line: { key: string; params?: Readonly<Record<string, string | number>> } | undefined): string => getT('fr')(`plans:${line?.key}`, { ...(line?.params ?? {}) });

const AU = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';

describe('Debian (real capture of this machine: unattended-upgrades not installed)', () => {
  it('installs the package and writes the app’s own apt file', async () => {
    const facts = await factsFrom('linux/debian-12-capture');
    const plan = computePlan(facts, 'always', 'linux');
    expect(plan.operations).toEqual([
      { op: 'command', command: 'apt-install-unattended-upgrades' },
      { op: 'file-write', path: '/etc/apt/apt.conf.d/52revision-auto-upgrades', content: aptConfigContent('always'), mode: 0o644 },
    ]);
    expect(aptConfigContent('always')).toBe(
      '// Written by Revision (automatic updates). "revision auto-updates undo" removes it.\nAPT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n',
    );
    expect(plan.notChanged.map((l) => l.key)).toEqual(['notChanged.noAutoReboot']);
  });

  it('at the weekend: restart at 04:00, timer on Saturday 03:00, then a reload that may be skipped', async () => {
    const plan = computePlan(await factsFrom('linux/debian-12-capture'), 'weekend', 'linux');
    expect(plan.operations.slice(1)).toEqual([
      { op: 'file-write', path: '/etc/apt/apt.conf.d/52revision-auto-upgrades', content: aptConfigContent('weekend'), mode: 0o644 },
      { op: 'file-write', path: '/etc/systemd/system/apt-daily-upgrade.timer.d/revision-schedule.conf', content: timerDropInContent('weekend'), mode: 0o644 },
      { op: 'command', command: 'systemctl-daemon-reload', optional: true },
    ]);
    expect(aptConfigContent('weekend')).toContain('Unattended-Upgrade::Automatic-Reboot "true";\nUnattended-Upgrade::Automatic-Reboot-Time "04:00";\n');
    expect(timerDropInContent('weekend').split('\n').slice(1)).toEqual(['[Timer]', 'OnCalendar=', 'OnCalendar=Sat *-*-* 03:00', 'RandomizedDelaySec=15m', '']);
    expect(timerDropInContent('night')).toContain('\nOnCalendar=*-*-* 03:00\n');
    expect(say(plan.changes[1])).toBe(
      'Les mises à jour s’installeront le samedi vers 3 h du matin, et l’ordinateur redémarrera si besoin à 4 h.',
    );
  });
});

describe('Fedora 42 (published os-release and dnf automatic.conf)', () => {
  async function fedoraFacts(installed: boolean): Promise<MachineFacts> {
    const os = buildLinuxOsFacts(parseOsRelease(await readFile(fixture('linux/fedora/os-release-fedora42.txt'), 'utf8')), null, false);
    const conf = installed ? parseIni(await readFile(fixture('linux/fedora/automatic.conf'), 'utf8')) : null;
    const timers = { 'dnf-automatic.timer': 'disabled', 'dnf-automatic-install.timer': 'disabled', 'dnf5-automatic.timer': 'not-found' };
    return { os: os!, autoUpdates: dnfAutoUpdateFacts(conf, installed, timers) };
  }

  it('installs dnf-automatic, sets apply_updates = yes, enables the timer', async () => {
    const plan = computePlan(await fedoraFacts(false), 'always', 'linux');
    expect(argv(plan.operations)).toEqual([
      ['dnf', 'install', '-y', 'dnf-automatic'],
      [JSON.stringify({ op: 'ini-set', path: '/etc/dnf/automatic.conf', section: 'commands', key: 'apply_updates', value: 'yes' })],
      ['systemctl', 'enable', '--now', 'dnf-automatic.timer'],
    ]);
  });

  it('installed but apply_updates = no, at night: no install, reboot when needed, timer drop-in', async () => {
    const plan = computePlan(await fedoraFacts(true), 'night', 'linux');
    expect(plan.operations).toEqual([
      { op: 'ini-set', path: '/etc/dnf/automatic.conf', section: 'commands', key: 'apply_updates', value: 'yes' },
      { op: 'ini-set', path: '/etc/dnf/automatic.conf', section: 'commands', key: 'reboot', value: 'when-needed' },
      { op: 'file-write', path: '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf', content: timerDropInContent('night'), mode: 0o644 },
      { op: 'command', command: 'systemctl-daemon-reload', optional: true },
      { op: 'command', command: 'systemctl-enable-dnf-automatic-timer' },
    ]);
  });
});

describe('Windows (captures of the checkup)', () => {
  it('Windows 11 Pro with NoAutoUpdate=1: the documented policy values, exact reg.exe arrays', async () => {
    const facts = await factsFrom('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender');
    expect(facts.autoUpdates?.enabled).toBe(false);
    const plan = computePlan(facts, 'always', 'win32');
    // Microsoft Update and Store apps are already on in this capture: only the AU policy changes.
    expect(argv(plan.operations)).toEqual([
      ['reg.exe', 'add', AU, '/v', 'NoAutoUpdate', '/t', 'REG_DWORD', '/d', '0', '/f'],
      ['reg.exe', 'add', AU, '/v', 'AUOptions', '/t', 'REG_DWORD', '/d', '4', '/f'],
    ]);
    expect(say(plan.changes[0])).toBe(
      'Windows installera les mises à jour tout seul, pendant sa maintenance automatique (vers 3 h du matin).',
    );
  });

  it('the same PC at night: every day at 03:00 (ScheduledInstallDay 0, ScheduledInstallTime 3)', async () => {
    const plan = computePlan(await factsFrom('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender'), 'night', 'win32');
    expect(argv(plan.operations).map((a) => [a[4], a[8]])).toEqual([
      ['NoAutoUpdate', '0'],
      ['AUOptions', '4'],
      ['ScheduledInstallDay', '0'],
      ['ScheduledInstallTime', '3'],
    ]);
    expect(say(plan.changes[0])).toBe('Windows installera les mises à jour tout seul, la nuit à 3 h, et redémarrera si besoin.');
  });

  it('Windows Server 2019 at the weekend: Saturday (7) at 03:00', async () => {
    const facts = await factsFrom('windows/winserver-2019-datacenter');
    const plan = computePlan(facts, 'weekend', 'win32');
    const values = Object.fromEntries(argv(plan.operations).map((a) => [a[4], a[8]]));
    expect(values).toMatchObject({ NoAutoUpdate: '0', AUOptions: '4', ScheduledInstallDay: '7', ScheduledInstallTime: '3' });
    for (const a of argv(plan.operations)) expect(a.slice(0, 2)).toEqual(['reg.exe', 'add']);
  });

  it('Windows Home: no operation, a guided path through Paramètres instead', async () => {
    const facts = await factsFrom('windows/win10-22h2-home-old-signatures');
    expect(facts.os?.edition).toBe('home');
    const plan = computePlan(facts, 'always', 'win32');
    expect(plan.operations).toEqual([]);
    expect(plan.notChanged.map((l) => l.key)).toEqual(['notChanged.windowsHome']);
    expect(plan.guide.map((l) => getT('fr')(`plans:${l.key}`))).toContain('Activez « Recevoir les mises à jour pour d’autres produits Microsoft ».');
  });
});

describe('macOS (captures of the checkup)', () => {
  it('macOS 14 with automatic checks off: `defaults write … -bool true` for the keys that are off', async () => {
    const facts = await factsFrom('macos/macos14-auto-check-off');
    const plan = computePlan(facts, 'always', 'darwin');
    expect(argv(plan.operations)).toEqual([
      ['defaults', 'write', '/Library/Preferences/com.apple.SoftwareUpdate', 'AutomaticCheckEnabled', '-bool', 'true'],
      ['defaults', 'write', '/Library/Preferences/com.apple.SoftwareUpdate', 'AutomaticDownload', '-bool', 'true'],
      ['defaults', 'write', '/Library/Preferences/com.apple.SoftwareUpdate', 'AutomaticallyInstallMacOSUpdates', '-bool', 'true'],
      ['defaults', 'write', '/Library/Preferences/com.apple.SoftwareUpdate', 'CriticalUpdateInstall', '-bool', 'true'],
      ['defaults', 'write', '/Library/Preferences/com.apple.SoftwareUpdate', 'ConfigDataInstall', '-bool', 'true'],
    ]);
  });

  it('a Mac managed by a profile is left alone, with the reason', async () => {
    const facts = await factsFrom('macos/macos15-managed');
    const plan = computePlan(facts, 'always', 'darwin');
    expect(plan.operations).toEqual([]);
    expect(getT('fr')(`plans:${plan.notChanged[0]?.key}`)).toBe(
      'Cet ordinateur est géré par votre prestataire ou votre organisation : je ne change rien, c’est à eux de régler les mises à jour.',
    );
  });
});

describe('machines the app cannot change', () => {
  it('no identity (the probe failed): nothing is planned, the owner is told it could not check', () => {
    const plan = computePlan({}, 'always', 'linux');
    expect(plan.operations).toEqual([]);
    expect(plan.notChanged[0]?.key).toBe('notChanged.unknownSystem');
  });

  it('a Linux the app does not know (Arch): nothing planned, ask the provider', () => {
    const os = buildLinuxOsFacts({ ID: 'arch', NAME: 'Arch Linux', VERSION_ID: 'rolling' }, null, false)!;
    const plan = computePlan({ os }, 'always', 'linux');
    expect(plan.operations).toEqual([]);
    expect(say(plan.notChanged[0])).toContain('(Arch Linux)');
  });
});
