import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withMachineLock } from '../../../../../tests/support/machine-lock';
import { runCheckup } from '../../checkup/run-checkup';
import { createLiveHost, runCommand } from '../../exec/live-host';
import { aptAutoUpdateFacts, autoUpdatesProbe, dnfAutoUpdateFacts, parseAptConfigDump, parseIni, periodicOn } from './auto-updates';
import { identityProbe } from './identity';
import { fixture } from './test-support';

const TEST_CONF = '/etc/apt/apt.conf.d/99revision-checkup-test';
const PERIODIC = '/var/lib/apt/periodic';
const STAMP = `${PERIODIC}/upgrade-stamp`;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function installed(pkg: string): Promise<boolean> {
  const r = await runCommand({ file: 'dpkg-query', args: ['-W', '-f=${Status}', pkg], okExitCodes: [0, 1] });
  return /install ok installed/.test(r.stdout);
}

async function apt(args: string[]): Promise<void> {
  await runCommand({ file: 'apt-get', args: ['-y', '-q', ...args], timeoutMs: 240_000, env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

async function autoUpdatesFindingNow() {
  const report = await runCheckup({ host: createLiveHost('linux'), probes: [identityProbe, autoUpdatesProbe] });
  return report.findings.find((f) => f.id === 'auto-updates')!;
}

describe('apt settings', () => {
  it('reads the effective settings of this machine with the real apt-config dump', async () => {
    const r = await runCommand({ file: 'apt-config', args: ['dump'] });
    const config = parseAptConfigDump(r.stdout);
    expect(config.get('APT::Architecture')).toBe('amd64');
    expect(config.size).toBeGreaterThan(20);
  });
  it('periodic values: "1", "always" and day counts are on; "0" and absent are off', () => {
    expect(['1', 'always', '7'].map(periodicOn)).toEqual([true, true, true]);
    expect(['0', '', undefined].map(periodicOn)).toEqual([false, false, false]);
  });
  it('APT::Periodic::Enable "0" and a masked timer switch everything off', () => {
    const on = new Map([
      ['APT::Periodic::Update-Package-Lists', '1'],
      ['APT::Periodic::Unattended-Upgrade', '1'],
    ]);
    expect(aptAutoUpdateFacts(on, true, 'enabled').enabled).toBe(true);
    expect(aptAutoUpdateFacts(new Map([...on, ['APT::Periodic::Enable', '0']]), true, 'enabled').enabled).toBe(false);
    expect(aptAutoUpdateFacts(on, true, 'masked').enabled).toBe(false);
    expect(aptAutoUpdateFacts(on, true, null).limits).toEqual(['timerUnknown']);
    expect(aptAutoUpdateFacts(on, true, 'enabled', false).limits).toEqual(['noSystemd']);
  });
});

describe('dnf-automatic (published automatic.conf)', () => {
  const conf = parseIni(fixture('fedora/automatic.conf'));
  it('the shipped file downloads but does not apply updates', () => {
    expect(conf.commands).toMatchObject({ upgrade_type: 'default', download_updates: 'yes', apply_updates: 'no' });
  });
  it('timer on + apply_updates no → off; the install timer → on; no systemd → unknown, never on', () => {
    const timers = { 'dnf-automatic.timer': 'enabled', 'dnf-automatic-install.timer': 'disabled', 'dnf5-automatic.timer': 'not-found' };
    expect(dnfAutoUpdateFacts(conf, true, timers).enabled).toBe(false);
    expect(dnfAutoUpdateFacts(conf, true, { ...timers, 'dnf-automatic-install.timer': 'enabled' }).enabled).toBe(true);
    const noSystemd = dnfAutoUpdateFacts(conf, true, { 'dnf-automatic.timer': null, 'dnf-automatic-install.timer': null, 'dnf5-automatic.timer': null });
    expect(noSystemd.enabled).toBeNull();
    expect(noSystemd.limits).toEqual(['timerUnknown']);
    expect(dnfAutoUpdateFacts(conf, false, timers).enabled).toBe(false);
  });
});

describe('unattended-upgrades on this machine, for real', () => {
  it(
    'not installed → danger; installed but switched off → danger; switched on with no scheduler running → never ok',
    async () => {
      await withMachineLock(async () => {
        const hadPackage = await installed('unattended-upgrades');
        const hadDistroInfo = await installed('python3-distro-info');
        const hadStamp = await exists(STAMP);
        try {
          if (!hadPackage) {
            const absent = await autoUpdatesFindingNow();
            expect(absent).toMatchObject({ state: 'danger', key: 'autoUpdates.notInstalled', fix: 'enable-auto-updates' });
            await apt(['install', 'unattended-upgrades']);
          }
          await writeFile(TEST_CONF, 'APT::Periodic::Update-Package-Lists "0";\nAPT::Periodic::Unattended-Upgrade "0";\n');
          const off = await autoUpdatesFindingNow();
          expect(off).toMatchObject({ state: 'danger', key: 'autoUpdates.off', fix: 'enable-auto-updates' });
          expect(off.title).toBe('Les mises à jour automatiques sont désactivées');

          await writeFile(TEST_CONF, 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n');
          // This container runs no systemd and no cron: switched on is never « ok », even right after a successful run.
          expect(await exists('/run/systemd/system')).toBe(false);
          await mkdir(PERIODIC, { recursive: true });
          await writeFile(STAMP, '');
          const on = await autoUpdatesFindingNow();
          expect(on).toMatchObject({ state: 'attention', key: 'truth:autoUpdates.noScheduler' });
          expect(on.title).toBe('Mises à jour automatiques réglées, mais rien ne les lance');
          expect(on.detail).toContain('le service du système qui les démarre à heure fixe ne tourne pas');
          const facts = (await runCheckup({ host: createLiveHost('linux'), probes: [identityProbe, autoUpdatesProbe] })).facts.autoUpdates;
          expect(facts).toMatchObject({ enabled: true, schedulerRunning: false, lastRunSource: STAMP });
        } finally {
          await rm(TEST_CONF, { force: true });
          if (!hadStamp) await rm(STAMP, { force: true });
          if (!hadPackage) await apt(['purge', 'unattended-upgrades']);
          if (!hadDistroInfo && (await installed('python3-distro-info'))) await apt(['purge', 'python3-distro-info']);
        }
        expect(await installed('unattended-upgrades')).toBe(hadPackage);
      });
    },
    600_000,
  );
});
