/** Every apt, dnf/yum and zypper distribution of the bundled end-of-life data is recognised from its real os-release. */
import { describe, expect, it } from 'vitest';
import { buildLinuxOsFacts, parseOsRelease } from '../platforms/linux/identity';
import { fixture } from '../platforms/linux/test-support';
import { lookupSupport } from './eol';
import { linuxCycle } from './eol-linux';

const now = new Date('2026-11-22T12:00:00Z');
const osFrom = (file: string) => buildLinuxOsFacts(parseOsRelease(fixture(file)), null, true)!;

describe('Linux distributions of the end-of-life data', () => {
  const cases: [string, string, string, string, string][] = [
    // file, package manager, product, cycle, status on 22 Nov 2026
    ['distros/os-release-centos7.txt', 'dnf', 'centos', '7', 'ended'],
    ['distros/os-release-centos-stream9.txt', 'dnf', 'centos-stream', '9', 'supported'],
    ['distros/os-release-rocky9.txt', 'dnf', 'rocky-linux', '9', 'supported'],
    ['distros/os-release-almalinux10.txt', 'dnf', 'almalinux', '10', 'supported'],
    ['distros/os-release-amazon2023.txt', 'dnf', 'amazon-linux', '2023', 'supported'],
    ['distros/os-release-opensuse-leap156.txt', 'zypper', 'opensuse', '15.6', 'ended'],
    ['distros/os-release-raspbian12.txt', 'apt', 'debian', '12', 'extended'],
    ['distros/os-release-linuxmint201.txt', 'apt', 'linuxmint', '20.1', 'ended'],
    ['fedora/os-release-rhel96.txt', 'dnf', 'rhel', '9', 'supported'],
    ['ubuntu/os-release-ubuntu2404.txt', 'apt', 'ubuntu', '24.04', 'supported'],
  ];
  for (const [file, pm, product, cycle, status] of cases) {
    it(`${file}: ${pm}, ${product} ${cycle}, ${status}`, () => {
      const os = osFrom(file);
      expect(os.packageManager).toBe(pm);
      expect(lookupSupport(os, now)).toMatchObject({ product, cycle, status });
    });
  }
  it('os-release ids without a file at hand: SLES, Oracle Linux, Pop!_OS, LMDE', () => {
    const base = { name: 'x', codename: null };
    expect(linuxCycle({ ...base, distroId: 'sles', version: '15.6' })).toMatchObject({
      product: 'sles',
      cycle: '15.6',
    });
    expect(linuxCycle({ ...base, distroId: 'ol', version: '8.9' })).toMatchObject({
      product: 'oracle-linux',
      cycle: '8',
    });
    expect(linuxCycle({ ...base, distroId: 'pop', version: '22.04' })).toMatchObject({
      product: 'pop-os',
      cycle: '22.04',
    });
    expect(linuxCycle({ ...base, name: 'LMDE', distroId: 'linuxmint', version: '6' })).toMatchObject({
      product: 'linuxmint',
      cycle: 'lmde6',
    });
    expect(linuxCycle({ ...base, distroId: 'amzn', version: '2' })).toMatchObject({
      product: 'amazon-linux',
      cycle: '2',
    });
  });
  it('a distribution not in the data says so by name, unknown (never supported)', () => {
    const arch = buildLinuxOsFacts({ NAME: 'Arch Linux', ID: 'arch', VERSION_ID: 'rolling' }, null, false)!;
    expect(arch.packageManager).toBeNull();
    expect(lookupSupport(arch, now)).toMatchObject({ status: 'unknown', product: 'arch' });
  });
});
