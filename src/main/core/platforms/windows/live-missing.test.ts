import { describe, expect, it } from 'vitest';
import { coreFindingIds } from '../../../../shared/checkup';
import { runCheckup } from '../../checkup/run-checkup';
import { createLiveHost } from '../../exec/live-host';
import { macosProbes } from '../macos';
import { windowsProbes } from './index';

// Real processes on this Debian machine, where neither powershell.exe nor the macOS tools exist:
// the spawn really fails (ENOENT), and every voyant must say "je n'ai pas pu vérifier", none ok.
describe('Windows and macOS probes run for real where their tools are missing', () => {
  it('Windows: powershell.exe is not found, every finding is unknown with the reason', async () => {
    const report = await runCheckup({ host: createLiveHost('win32'), probes: windowsProbes, now: new Date('2026-11-22T10:00:00Z') });
    expect(report.findings).toHaveLength(coreFindingIds.length);
    for (const f of report.findings) {
      expect(f.state, f.id).toBe('unknown');
      expect(f.key, f.id).toBe('unknown.notFound');
      expect(f.reason, f.id).toContain('powershell.exe');
    }
    expect(report.findings.find((f) => f.id === 'antivirus')?.action).toContain('PowerShell (powershell.exe) est introuvable');
  });

  it('macOS: sw_vers, softwareupdate, system_profiler and socketfilterfw are not found, nothing reads as ok', async () => {
    const report = await runCheckup({ host: createLiveHost('darwin'), probes: macosProbes, now: new Date('2026-11-22T10:00:00Z') });
    expect(report.findings).toHaveLength(coreFindingIds.length);
    for (const f of report.findings) expect(f.state, f.id).toBe('unknown');
    expect(report.findings.find((f) => f.id === 'os-support')?.reason).toContain('sw_vers');
    // No Software Update preferences on this machine: unknown, not assumed on.
    expect(report.facts.autoUpdates?.enabled).toBeNull();
    expect(report.inventory.applications).toEqual([]);
  });
});
