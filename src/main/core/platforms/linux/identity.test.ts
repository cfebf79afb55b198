import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLiveHost } from '../../exec/live-host';
import { buildHardwareFacts, buildLinuxOsFacts, identityProbe, parseOsRelease } from './identity';
import { fixture } from './test-support';

describe('os-release and identity', () => {
  it('parses this machine’s /etc/os-release (Debian 12, apt)', () => {
    const os = buildLinuxOsFacts(parseOsRelease(readFileSync('/etc/os-release', 'utf8')), null, true)!;
    expect(os).toMatchObject({ family: 'linux', name: 'Debian GNU/Linux', version: '12', distroId: 'debian', codename: 'bookworm', packageManager: 'apt' });
  });
  it('parses published Fedora 42, RHEL 9.6 and Ubuntu 24.04 files', () => {
    const fedora = buildLinuxOsFacts(parseOsRelease(fixture('fedora/os-release-fedora42.txt')), null, false)!;
    expect(fedora).toMatchObject({ name: 'Fedora Linux', version: '42', distroId: 'fedora', codename: null, packageManager: 'dnf' });
    const rhel = buildLinuxOsFacts(parseOsRelease(fixture('fedora/os-release-rhel96.txt')), null, false)!;
    expect(rhel).toMatchObject({ version: '9.6', distroId: 'rhel', distroIdLike: ['fedora'], packageManager: 'dnf' });
    const ubuntu = buildLinuxOsFacts(parseOsRelease(fixture('ubuntu/os-release-ubuntu2404.txt')), null, false)!;
    expect(ubuntu).toMatchObject({ version: '24.04', distroId: 'ubuntu', packageManager: 'apt' });
  });
  it('gives no OS facts from garbage', () => {
    expect(buildLinuxOsFacts(parseOsRelease('garbage\n%%%\n'), null, false)).toBeNull();
  });
  it('hardware: "-" and empty values become null, never invented', () => {
    expect(buildHardwareFacts({ manufacturer: '', model: '-' }, null, { total: 0 })).toEqual({ manufacturer: null, model: null, cpu: null, memoryBytes: null });
  });
  it('the probe reads this machine for real, with systeminformation', async () => {
    const facts = await identityProbe.run({ host: createLiveHost('linux'), platform: 'linux', signal: new AbortController().signal, now: new Date(), facts: {} });
    expect(facts.os).toMatchObject({ distroId: 'debian', version: '12', packageManager: 'apt' });
    expect(facts.os?.build).toMatch(/^\d+\.\d+/);
    expect(facts.hardware?.memoryBytes).toBeGreaterThan(0);
  });
});
