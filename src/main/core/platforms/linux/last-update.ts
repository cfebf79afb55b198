/**
 * Last-update probe: when updates were last installed. Debian/Ubuntu: /var/log/apt/history.log
 * and /var/log/dpkg.log (rotated .gz copies when the current logs hold none). Fedora/RHEL: the
 * install times in the rpm database.
 */
import type { LastUpdateFacts, UpdateHistoryEntry } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
import { RunError, isRunError } from '../../exec/host';
import { localDateTime, packageManagerOf, unreadDistribution } from './util';

/** One transaction of apt's history.log. */
export interface AptHistoryEntry {
  readonly start: string;
  readonly commandline: string | null;
  readonly installed: number;
  readonly upgraded: number;
  readonly removed: number;
  readonly error: string | null;
}

function countPackages(list: string): number {
  // "a:amd64 (1.0), b:amd64 (2.0, 2.1)": count entries by their closing ")" followed by a comma or the end.
  return (list.match(/\)(,|$)/g) ?? []).length;
}

/** Parses apt's history.log into transactions (oldest first). Blocks without a valid Start-Date are skipped. */
export function parseAptHistory(text: string): AptHistoryEntry[] {
  const out: AptHistoryEntry[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z-]+):\s?(.*)$/.exec(line);
      if (m?.[1]) fields.set(m[1], m[2] ?? '');
    }
    const start = localDateTime(fields.get('Start-Date') ?? '');
    if (!start) continue;
    out.push({
      start,
      commandline: fields.get('Commandline') ?? null,
      installed: countPackages(fields.get('Install') ?? ''),
      upgraded: countPackages(fields.get('Upgrade') ?? ''),
      removed: countPackages(fields.get('Remove') ?? '') + countPackages(fields.get('Purge') ?? ''),
      error: fields.get('Error') ?? null,
    });
  }
  return out;
}

/** Newest date of an "upgrade" line in dpkg.log ("2026-11-22 23:05:12 upgrade perl:amd64 old new"). */
export function lastDpkgUpgrade(text: string): string | null {
  let newest: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) upgrade /.exec(line);
    const at = m?.[1] ? localDateTime(m[1]) : null;
    if (at && (!newest || at > newest)) newest = at;
  }
  return newest;
}

/** Facts from apt's history and dpkg's log: the newest transaction that upgraded packages without error. */
export function aptLastUpdateFacts(historyText: string | null, dpkgText: string | null, source: string): LastUpdateFacts {
  const entries = historyText ? parseAptHistory(historyText) : [];
  const upgrades = entries.filter((e) => e.upgraded > 0 && !e.error);
  let last = upgrades.reduce<string | null>((acc, e) => (!acc || e.start > acc ? e.start : acc), null);
  const fromDpkg = dpkgText ? lastDpkgUpgrade(dpkgText) : null;
  if (fromDpkg && (!last || fromDpkg > last)) last = fromDpkg;
  const history: UpdateHistoryEntry[] = entries
    .filter((e) => e.upgraded > 0 || e.installed > 0)
    .slice(-20)
    .reverse()
    .map((e) => ({
      date: e.start,
      title: `${e.upgraded} mis à jour, ${e.installed} installés${e.commandline ? ` — ${e.commandline.slice(0, 120)}` : ''}`,
      result: e.error ? 'failed' : 'succeeded',
    }));
  return { lastInstalledAt: last, source, history };
}

/** Parses `rpm -qa --qf '%{INSTALLTIME}\t%{NAME}-%{VERSION}-%{RELEASE}\n'` into facts (newest install time). */
export function rpmLastUpdateFacts(text: string): LastUpdateFacts {
  const rows: { at: number; name: string }[] = [];
  for (const line of text.split('\n')) {
    const [time, name] = line.trim().split('\t');
    const at = Number(time);
    if (name && Number.isInteger(at) && at > 0) rows.push({ at, name });
  }
  if (rows.length === 0) throw new RunError('failed', 'rpm -qa', 'rpm -qa : réponse illisible (aucun paquet reconnu)');
  rows.sort((a, b) => b.at - a.at);
  const iso = (s: number): string => new Date(s * 1000).toISOString();
  return {
    lastInstalledAt: iso(rows[0]!.at),
    source: 'rpm -qa (INSTALLTIME)',
    history: rows.slice(0, 20).map((r) => ({ date: iso(r.at), title: r.name, result: 'succeeded' as const })),
  };
}

async function readOptional(ctx: ProbeContext, path: string, probe: string): Promise<string | null> {
  try {
    return await ctx.host.readFile(path, { signal: ctx.signal, probe });
  } catch (error) {
    if (isRunError(error) && error.kind === 'not-found') return null;
    throw error;
  }
}

/** Reads when updates were last installed. */
export const lastUpdateProbe: Probe = {
  id: 'last-update',
  labelKey: 'lastUpdate',
  sections: ['lastUpdate'],
  timeoutMs: 15_000,
  after: ['identity'],
  async run(ctx) {
    const probe = 'last-update';
    const pm = await packageManagerOf(ctx, probe);
    if (pm === 'apt') {
      const [history, dpkg] = await Promise.all([
        readOptional(ctx, '/var/log/apt/history.log', probe),
        readOptional(ctx, '/var/log/dpkg.log', probe),
      ]);
      let facts = aptLastUpdateFacts(history, dpkg, '/var/log/apt/history.log, /var/log/dpkg.log');
      if (!facts.lastInstalledAt) {
        // Logs rotate monthly: look at the previous, compressed one before saying nothing is recorded.
        const names = await ctx.host.readDir('/var/log/apt', { signal: ctx.signal, probe }).catch(() => [] as string[]);
        const rotated = names.filter((n) => /^history\.log\.\d+\.gz$/.test(n)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
        for (const name of rotated.slice(0, 3)) {
          const r = await ctx.host.run({ file: 'gzip', args: ['-dc', `/var/log/apt/${name}`], timeoutMs: 10_000 }, { signal: ctx.signal, probe });
          const older = aptLastUpdateFacts(r.stdout, null, `/var/log/apt/${name}`);
          if (older.lastInstalledAt) {
            facts = { ...older, history: [...facts.history, ...older.history].slice(0, 20) };
            break;
          }
        }
      }
      if (history === null && dpkg === null) throw new RunError('not-found', '/var/log/apt/history.log', "ni /var/log/apt/history.log ni /var/log/dpkg.log : aucun journal des mises à jour");
      return { lastUpdate: facts };
    }
    // zypper distributions keep the same rpm database.
    if (pm === 'dnf' || pm === 'zypper') {
      const r = await ctx.host.run(
        { file: 'rpm', args: ['-qa', '--qf', '%{INSTALLTIME}\\t%{NAME}-%{VERSION}-%{RELEASE}\\n'], timeoutMs: 20_000 },
        { signal: ctx.signal, probe },
      );
      return { lastUpdate: rpmLastUpdateFacts(r.stdout) };
    }
    throw unreadDistribution(ctx, 'la date des dernières mises à jour');
  },
};
