import { describe, expect, it } from 'vitest';
import { createReplayHost } from '../exec/capture';
import type { Probe } from './probe';
import { runCheckup } from './run-checkup';

const host = createReplayHost({
  manifest: { format: 'revision-capture', formatVersion: 1, platform: 'win32', createdAt: '2026-11-22T00:00:00Z', appVersion: 'test' },
  entries: [],
});

describe('runCheckup with a probe whose shared script failed in one section', () => {
  it('keeps the sections that were read and leaves the failed one out, with its reason', async () => {
    const probe: Probe = {
      id: 'shared-script',
      labelKey: 'probes:test',
      sections: ['firewall', 'antivirus'],
      timeoutMs: 5000,
      async run(ctx) {
        ctx.reportSectionFailure?.('antivirus', 'Get-MpComputerStatus : 0x800106ba', 'failed');
        // Even if a probe returns a value for a section it reported failed, the failure wins.
        return {
          firewall: { enabled: true, profiles: [{ name: 'Public', enabled: true }], tool: 'Windows Defender Firewall' },
          antivirus: { products: [] },
        };
      },
    };
    const report = await runCheckup({ host, probes: [probe], now: new Date('2026-11-22T10:00:00Z') });
    expect(report.facts.firewall?.enabled).toBe(true);
    expect(report.facts.antivirus).toBeUndefined();
    const probeReport = report.probes.find((p) => p.id === 'shared-script');
    expect(probeReport?.status).toBe('ok');
    expect(probeReport?.error).toContain('antivirus: Get-MpComputerStatus : 0x800106ba');
  });
});
