import { describe, expect, it } from 'vitest';
import { aptRebootFacts, dnfRebootFacts } from './reboot';
import { fixture } from './test-support';

describe('reboot', () => {
  it('Debian: the flag file and its package list', () => {
    expect(aptRebootFacts(true, 'linux-image-6.1.0-13-amd64\nlibc6\nlibc6\n')).toMatchObject({ required: true, causes: ['linux-image-6.1.0-13-amd64', 'libc6'] });
    expect(aptRebootFacts(false, null).required).toBe(false);
  });
  it('Fedora: needs-restarting -r exit 1 lists what changed', () => {
    expect(dnfRebootFacts(1, fixture('fedora/needs-restarting-r.txt'))).toMatchObject({ required: true, causes: ['kernel', 'systemd'] });
    expect(dnfRebootFacts(0, 'No core libraries or services have been updated since boot-up.\n').required).toBe(false);
    expect(() => dnfRebootFacts(2, '')).toThrow();
  });
});
