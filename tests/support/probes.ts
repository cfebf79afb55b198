/** Small real probes for tests that need a checkup in milliseconds. */
import type { Probe } from '../../src/main/core/checkup/probe';

/** A real probe: reads this machine's /etc/os-release through the live Host. */
export const osReleaseProbe: Probe = {
  id: 'os-release',
  labelKey: 'os',
  sections: [],
  timeoutMs: 10_000,
  async run({ host, signal }) {
    await host.readFile('/etc/os-release', { signal, probe: 'os-release' });
    return {};
  },
};
