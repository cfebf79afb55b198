/**
 * Probes of the programs capability: the package managers that know which programs have an
 * update. Each runs as its own command with its own timeout; when it is missing, times out or
 * answers garbage, its section stays empty and no program is called « à jour » because of it.
 */
import type { Probe } from '../checkup/probe';
import { parseWingetUpgrade, WINGET_UPGRADE } from './sources/winget';

/** Windows: `winget upgrade` (absent on Windows Server and old Windows 10: then nothing is claimed). */
export const wingetProbe: Probe = {
  id: 'winget',
  labelKey: 'programUpdates',
  sections: ['programUpdates'],
  timeoutMs: 150_000,
  async run(ctx) {
    const r = await ctx.host.run(WINGET_UPGRADE, { signal: ctx.signal, probe: 'winget' });
    return { programUpdates: { source: 'winget upgrade', items: parseWingetUpgrade(r.stdout) } };
  },
};
