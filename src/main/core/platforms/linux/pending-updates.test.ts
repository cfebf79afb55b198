import { describe, expect, it } from 'vitest';
import { dnfPendingFacts, parseAptSimulate, parseDnfCheckUpdate, parseDnfSecurityList } from './pending-updates';
import { capturedOutput, fixture } from './test-support';

describe('pending updates', () => {
  it('counts this machine’s real `apt-get -s dist-upgrade`: 121 waiting, 74 from Debian-Security', () => {
    const facts = parseAptSimulate(capturedOutput('exec', 'apt-get -s -q dist-upgrade'));
    expect(facts.total).toBe(121);
    expect(facts.security).toBe(74);
    expect(facts.items.find((i) => i.name === 'base-files')).toMatchObject({ security: false, version: '12.4+deb12u15' });
    expect(facts.items.find((i) => i.name === 'libgcrypt20-dev')).toMatchObject({ security: true });
  });
  it('an up-to-date machine has zero, and garbage is refused', () => {
    expect(parseAptSimulate('Reading package lists...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n').total).toBe(0);
    expect(() => parseAptSimulate('garbage')).toThrow(/illisible/);
  });
  it('dnf: check-update lines (wrapped names, obsoletes ignored) and security advisories', () => {
    const updates = parseDnfCheckUpdate(fixture('fedora/dnf-check-update.txt'));
    expect(updates.map((u) => u.name)).toEqual([
      'curl.x86_64',
      'firefox.x86_64',
      'libcurl.x86_64',
      'openssl-libs.x86_64',
      'NetworkManager-libnm-devel-static-tools.x86_64',
      'tzdata.noarch',
    ]);
    const security = parseDnfSecurityList(fixture('fedora/dnf-updateinfo-security.txt'));
    expect([...security].sort()).toEqual(['curl.x86_64', 'libcurl.x86_64', 'openssl-libs.x86_64']);
    expect(dnfPendingFacts(updates, security)).toMatchObject({ total: 6, security: 3 });
    expect(dnfPendingFacts(updates, null).security).toBeNull();
  });
});
