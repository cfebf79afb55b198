import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OsFacts } from '../../../shared/facts';
import { parseOsRelease, buildLinuxOsFacts } from '../platforms/linux/identity';
import { linuxCycle, loadEolData, lookupSupport } from './eol';

const fixtures = join(import.meta.dirname, '../../../../tests/fixtures/linux');
const osFrom = (file: string): OsFacts => buildLinuxOsFacts(parseOsRelease(readFileSync(join(fixtures, file), 'utf8')), null, false)!;

describe('lookupSupport on Linux, from the bundled endoflife.date snapshot', () => {
  it('loads the snapshot once', () => {
    expect(loadEolData()).toBe(loadEolData());
    expect(loadEolData().products.debian?.releases.length).toBeGreaterThan(5);
  });
  it('this machine (Debian 12) is in Debian LTS in November 2026: extended, automatic', () => {
    const os = buildLinuxOsFacts(parseOsRelease(readFileSync('/etc/os-release', 'utf8')), null, false)!;
    const s = lookupSupport(os, new Date('2026-11-22'));
    expect(s).toMatchObject({ product: 'debian', cycle: '12', status: 'extended', extendedAutomatic: true, endOfSupport: '2026-07-11', endOfExtendedSupport: '2028-06-30' });
    expect(lookupSupport(os, new Date('2025-01-01')).status).toBe('supported');
    expect(lookupSupport(os, new Date('2028-07-01')).status).toBe('ended');
  });
  it('Ubuntu 24.04 matches by "24.04"; its ESM needs Ubuntu Pro', () => {
    const os = osFrom('ubuntu/os-release-ubuntu2404.txt');
    expect(linuxCycle(os)).toEqual({ product: 'ubuntu', cycle: '24.04', extendedAutomatic: false });
    expect(lookupSupport(os, new Date('2026-11-22'))).toMatchObject({ status: 'supported', endOfSupport: '2029-05-31' });
    expect(lookupSupport(os, new Date('2030-01-01'))).toMatchObject({ status: 'extended', extendedAutomatic: false });
  });
  it('Fedora 42 ended in May 2026; RHEL 9.6 matches cycle 9', () => {
    expect(lookupSupport(osFrom('fedora/os-release-fedora42.txt'), new Date('2026-11-22'))).toMatchObject({ product: 'fedora', cycle: '42', status: 'ended' });
    expect(lookupSupport(osFrom('fedora/os-release-rhel96.txt'), new Date('2026-11-22'))).toMatchObject({ product: 'rhel', cycle: '9', status: 'supported' });
  });
  it('an unknown distribution or version is unknown', () => {
    const os = osFrom('fedora/os-release-fedora42.txt');
    expect(lookupSupport({ ...os, version: '99' }, new Date()).status).toBe('unknown');
    expect(lookupSupport({ ...os, distroId: 'gentoo' }, new Date()).status).toBe('unknown');
  });
});
