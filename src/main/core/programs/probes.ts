/**
 * Probes of the programs capability: the package managers that know which programs have an
 * update. Each runs as its own command with its own timeout; when it is missing, times out or
 * answers garbage, its section stays empty and no program is called « à jour » because of it.
 */
import type { ProgramUpdate } from '../../../shared/facts';
import type { Probe, ProbeContext } from '../checkup/probe';
import type { CommandSpec } from '../exec/host';
import { orIfMissing } from '../platforms/linux/util';
import { BREW_OUTDATED, caskToken, MAS_OUTDATED, parseBrewOutdated, parseMasOutdated } from './sources/brew';
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

/** Runs one optional source: null when the tool is not installed. */
function optional(
  ctx: ProbeContext,
  spec: CommandSpec,
  parse: (text: string) => ProgramUpdate[],
): Promise<ProgramUpdate[] | null> {
  return orIfMissing(
    async () =>
      parse((await ctx.host.run(spec, { signal: ctx.signal, probe: 'macos-program-updates' })).stdout),
    null,
  );
}

/** macOS: Homebrew casks and App Store apps, when those tools are installed; neither → nothing is claimed. */
export const macosProgramUpdatesProbe: Probe = {
  id: 'macos-program-updates',
  labelKey: 'programUpdates',
  sections: ['programUpdates'],
  timeoutMs: 120_000,
  async run(ctx) {
    const [brew, mas] = await Promise.all([
      optional(ctx, BREW_OUTDATED, parseBrewOutdated),
      optional(ctx, MAS_OUTDATED, parseMasOutdated),
    ]);
    if (!brew && !mas) return {};
    const apps = ctx.facts.inventory?.applications ?? [];
    // A cask names its app by token: offer it under the app's own name only when the token and the version agree.
    const casks = (brew ?? []).flatMap((u) => {
      const app = apps.find(
        (a) => caskToken(a.name) === u.name && (u.version === null || a.version === u.version),
      );
      return app ? [{ ...u, name: app.name }] : [];
    });
    const sources = [brew ? 'brew outdated' : null, mas ? 'mas outdated' : null].filter(Boolean).join(' + ');
    return { programUpdates: { source: sources, items: [...casks, ...(mas ?? [])] } };
  },
};
