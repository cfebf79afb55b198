/**
 * Voyants that must tell the truth, on this machine for real, with Debian's own packages:
 * ufw installed and switched off is a firewall that is off (named), and ClamAV whose databases
 * are not in /var/lib/clamav is still found (its configuration says where), and said to scan only
 * on demand when neither clamd nor on-access scanning runs. Each test installs what it needs
 * under the machine lock and puts the machine back as it was.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMachineLock } from '../../../../../tests/support/machine-lock';
import { runCheckup } from '../../checkup/run-checkup';
import { createLiveHost, runCommand } from '../../exec/live-host';
import { antivirusProbe } from './antivirus';
import { firewallProbe } from './firewall';
import { fixture } from './test-support';

async function installed(pkg: string): Promise<boolean> {
  const r = await runCommand({ file: 'dpkg-query', args: ['-W', '-f=${Status}', pkg], okExitCodes: [0, 1] });
  return /install ok installed/.test(r.stdout);
}

const apt = (args: string[]) =>
  runCommand({
    file: 'apt-get',
    args: ['-o', 'DPkg::Lock::Timeout=900', '-y', '-q', ...args],
    timeoutMs: 960_000,
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });

/** Installs packages and returns those that were not there before (to purge afterwards). */
async function installMissing(packages: readonly string[], withDeps: readonly string[]): Promise<string[]> {
  const before = await Promise.all([...packages, ...withDeps].map(installed));
  const missing = [...packages, ...withDeps].filter((_, i) => !before[i]);
  if (packages.some((_, i) => !before[i])) await apt(['install', '--no-install-recommends', ...packages]);
  return missing;
}

async function checkup(probe: typeof firewallProbe) {
  return runCheckup({ host: createLiveHost('linux'), probes: [probe] });
}

describe('voyants that tell the truth on this machine', () => {
  it('ufw installed and switched off: the firewall is off, and the voyant names ufw (never ok)', async () => {
    await withMachineLock(async () => {
      const deps = ['iptables', 'libip6tc2', 'libnfnetlink0', 'libnetfilter-conntrack3', 'libnftnl11'];
      const added = await installMissing(['ufw'], deps);
      try {
        const status = await runCommand({ file: 'ufw', args: ['status'] });
        expect(status.stdout).toMatch(/Status: inactive/);
        const report = await checkup(firewallProbe);
        expect(report.facts.firewall).toEqual({
          enabled: false,
          tool: 'ufw',
          profiles: [{ name: 'ufw', enabled: false }],
        });
        const f = report.findings.find((x) => x.id === 'firewall')!;
        // The rule (firewallFinding, issue 11's other half) makes this `danger`; here: off, named, never ok.
        expect(f.state).not.toBe('ok');
        expect(f.state).not.toBe('unknown');
        expect(f.params.tool).toBe('ufw');
      } finally {
        if (added.length > 0) await apt(['purge', ...added]);
      }
      expect(await installed('ufw')).toBe(!added.includes('ufw'));
    });
  }, 1_200_000);

  it('ClamAV with its databases in another folder: found through DatabaseDirectory, dated, on demand only', async () => {
    await withMachineLock(async () => {
      const deps = ['clamav-base', 'clamav-freshclam', 'libclamav12', 'libmspack0', 'logrotate'];
      const added = await installMissing(['clamav'], deps);
      const conf = '/etc/clamav/freshclam.conf';
      const dir = await mkdtemp(join(tmpdir(), 'revision-clamdb-'));
      const saved = join(dir, 'freshclam.conf.saved');
      await copyFile(conf, saved);
      try {
        // The real header of daily.cvd 25784 (16 April 2020), padded like a database file.
        await writeFile(
          join(dir, 'daily.cvd'),
          fixture('clamav/daily-25784-header.txt').padEnd(512, ' ') + 'binary',
        );
        const original = await readFile(conf, 'utf8');
        await writeFile(
          conf,
          `${original.replace(/^DatabaseDirectory .*$/m, '')}\nDatabaseDirectory ${dir}\n`,
        );
        const report = await checkup(antivirusProbe);
        expect(report.facts.antivirus?.products).toEqual([
          expect.objectContaining({
            name: 'ClamAV',
            signatureDate: '2020-04-16T11:58:59.000Z',
            source: `${dir}/daily.cvd (en-tête)`,
            realTime: false,
            onDemandOnly: true,
          }),
        ]);
        const f = report.findings.find((x) => x.id === 'antivirus')!;
        expect(f.key).not.toBe('antivirus.none');
        // Signatures from 2020: stale whatever the real-time state.
        expect(f.state).toBe('danger');
      } finally {
        await copyFile(saved, conf);
        await rm(dir, { recursive: true, force: true });
        if (added.length > 0) await apt(['purge', ...added]);
      }
      expect(await installed('clamav')).toBe(!added.includes('clamav'));
    });
  }, 1_200_000);
});
