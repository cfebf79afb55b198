/**
 * Pending-updates probe: what is waiting to be installed, and how much of it is security.
 * Debian/Ubuntu: `apt list --upgradable` (apt-upgradable.ts; captures made before it fall back
 * to the slower `apt-get -s dist-upgrade` simulation). openSUSE/SLES: zypper (zypper.ts). Fedora/RHEL: `dnf check-update` and `dnf updateinfo list --security`.
 * Both read the package lists the machine already has: they do not download anything.
 */
import type { PendingUpdate, PendingUpdatesFacts } from '../../../../shared/facts';
import type { Probe } from '../../checkup/probe';
import { RunError, isRunError } from '../../exec/host';
import type { ProbeContext } from '../../checkup/probe';
import { APT_LISTS_TIMES, APT_LIST_UPGRADABLE, ageInDays, aptListsRefreshedAt, parseAptListUpgradable, parseFindTimes } from './apt-upgradable';
import { runDnfOrYum } from './yum';
import { zypperPendingUpdates } from './zypper';
import { packageManagerOf, unreadDistribution } from './util';

const INST = /^Inst (\S+)(?: \[([^\]]*)\])? \((\S+) (.*?)(?: \[[^\]]*\])?\)/;

/** Parses `apt-get -s dist-upgrade`: one PendingUpdate per "Inst" line. Throws on output that is not a simulation. */
export function parseAptSimulate(text: string): PendingUpdatesFacts {
  const items: PendingUpdate[] = [];
  let recognised = false;
  for (const line of text.split('\n')) {
    if (/^(Reading package lists|Building dependency tree|Calculating upgrade|\d+ upgraded, \d+ newly installed)/.test(line)) recognised = true;
    const m = INST.exec(line);
    if (!m?.[1]) continue;
    recognised = true;
    const origins = m[4] ?? '';
    items.push({ name: m[1], version: m[3] ?? null, security: /-security\b|Debian-Security/i.test(origins) });
  }
  if (!recognised) throw new RunError('failed', 'apt-get -s dist-upgrade', 'apt-get -s dist-upgrade : réponse illisible');
  return { total: items.length, security: items.filter((i) => i.security).length, items, source: 'apt-get -s dist-upgrade' };
}

/** Parses `dnf check-update` (exit 100 when updates wait): "name.arch  version  repo" lines. */
export function parseDnfCheckUpdate(text: string): { name: string; version: string }[] {
  const out: { name: string; version: string }[] = [];
  let pending: string | null = null;
  for (const raw of text.split('\n')) {
    if (/^Obsoleting Packages/i.test(raw.trim())) break;
    // A long name.arch wraps onto its own line, the version and repo follow on the next one.
    const line: string = pending ? `${pending} ${raw.trim()}` : raw;
    pending = null;
    const single = line.trim().split(/\s+/);
    if (single.length === 1 && /\.(x86_64|aarch64|noarch|i686|ppc64le|s390x|armv7hl)$/.test(single[0] ?? '')) {
      pending = single[0]!;
      continue;
    }
    const cols = single;
    if (cols.length !== 3) continue;
    const [nameArch, version, repo] = cols as [string, string, string];
    if (!/^[\w.+-]+\.(x86_64|aarch64|noarch|i686|ppc64le|s390x|armv7hl|src)$/.test(nameArch) || !/\d/.test(version) || !repo) continue;
    out.push({ name: nameArch, version });
  }
  return out;
}

/** Names (name.arch) of packages with a security advisory, from `dnf updateinfo list --security` (dnf4 and dnf5). */
export function parseDnfSecurityList(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 3 || !/Sec\.|security/i.test(cols.slice(1, -1).join(' '))) continue;
    const nevra = cols[cols.length - 1]!;
    // name-version-release.arch → name.arch
    const m = /^(.+)-[^-]+-[^-]+\.([^.]+)$/.exec(nevra);
    if (m?.[1] && m[2]) out.add(`${m[1].replace(/^\d+:/, '')}.${m[2]}`);
  }
  return out;
}

/** Combines dnf's lists into facts; `securityNames` null when the advisory list could not be read. */
export function dnfPendingFacts(updates: { name: string; version: string }[], securityNames: Set<string> | null): PendingUpdatesFacts {
  const items = updates.map((u) => ({ name: u.name, version: u.version, security: securityNames?.has(u.name) ?? false }));
  return {
    total: items.length,
    security: securityNames ? items.filter((i) => i.security).length : null,
    items,
    source: 'dnf check-update',
  };
}

/** Reads the updates waiting to be installed. */
export const pendingUpdatesProbe: Probe = {
  id: 'pending-updates',
  labelKey: 'pendingUpdates',
  sections: ['pendingUpdates'],
  timeoutMs: 90_000,
  after: ['identity'],
  async run(ctx) {
    const probe = 'pending-updates';
    const pm = await packageManagerOf(ctx, probe);
    if (pm === 'apt') return { pendingUpdates: await aptPendingUpdates(ctx) };
    if (pm === 'zypper') return { pendingUpdates: await zypperPendingUpdates(ctx) };
    if (pm === 'dnf') {
      const check = await runDnfOrYum(ctx, { file: 'dnf', args: ['-q', 'check-update'], timeoutMs: 80_000, okExitCodes: [0, 100] }, probe);
      let security: Set<string> | null = null;
      try {
        const sec = await runDnfOrYum(ctx, { file: 'dnf', args: ['-q', 'updateinfo', 'list', '--security'], timeoutMs: 60_000 }, probe);
        security = parseDnfSecurityList(sec.stdout);
      } catch (error) {
        if (isRunError(error) && error.kind === 'aborted') throw error;
      }
      return { pendingUpdates: dnfPendingFacts(check.exitCode === 100 ? parseDnfCheckUpdate(check.stdout) : [], security) };
    }
    throw unreadDistribution(ctx, 'les mises à jour en attente');
  },
};

/** How old apt's lists are (null when it cannot be read; never fails the probe). */
async function aptListsAgeDays(ctx: ProbeContext, probe: string): Promise<number | null> {
  try {
    const r = await ctx.host.run(APT_LISTS_TIMES, { signal: ctx.signal, probe });
    return ageInDays(aptListsRefreshedAt(parseFindTimes(r.stdout)), ctx.now);
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    return null;
  }
}

/** Debian/Ubuntu: `apt list --upgradable`, or the simulation when replaying a capture made before it. */
async function aptPendingUpdates(ctx: ProbeContext): Promise<PendingUpdatesFacts> {
  const probe = 'pending-updates';
  const opts = { signal: ctx.signal, probe };
  const [listed, listsAgeDays] = await Promise.all([
    ctx.host.run(APT_LIST_UPGRADABLE, opts).then(
      (r) => parseAptListUpgradable(r.stdout),
      (error: unknown) => {
        if (isRunError(error) && error.kind === 'not-captured') return null;
        throw error;
      },
    ),
    aptListsAgeDays(ctx, probe),
  ]);
  if (listed) return { ...listed, listsAgeDays };
  const r = await ctx.host.run({ file: 'apt-get', args: ['-s', '-q', 'dist-upgrade'], timeoutMs: 60_000 }, opts);
  return { ...parseAptSimulate(r.stdout), listsAgeDays };
}
