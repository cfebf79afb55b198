/**
 * Debian/Ubuntu pending updates from `apt list --upgradable`: it reads the same package lists as
 * `apt-get -s dist-upgrade` in a fraction of the time (no upgrade is solved) and names the suite
 * of each candidate, so security updates are the ones from a "*-security" suite.
 *
 * Differences with the old simulation, by construction: `dist-upgrade` also counts NEW packages
 * it would install as dependencies (e.g. a new kernel image) and leaves out packages it would keep
 * back (phased updates on Ubuntu, conflicts); `apt list` lists every installed package that has a
 * newer candidate. Both are installed packages waiting for a fix, which is what the owner needs.
 */
import type { PendingUpdate, PendingUpdatesFacts } from '../../../../shared/facts';
import { RunError } from '../../exec/host';

/** The command, as data (also the capture/replay key). */
export const APT_LIST_UPGRADABLE = {
  file: 'apt',
  args: ['list', '--upgradable'],
  timeoutMs: 60_000,
} as const;

const ROW = /^([^\s/]+)\/(\S+) (\S+) (\S+) \[upgradable from: ([^\]]+)\]/;

/** Whether one of apt's suite names ("bookworm-security", "oldstable-security", "noble-security") is a security suite. */
export function isSecuritySuite(suites: string): boolean {
  return suites.split(',').some((s) => /-security$/i.test(s.trim()));
}

/** Parses `apt list --upgradable`. Throws on output that is not such a list (no "Listing..." and no row). */
export function parseAptListUpgradable(text: string): PendingUpdatesFacts {
  const items: PendingUpdate[] = [];
  let recognised = false;
  for (const line of text.split('\n')) {
    if (/^(Listing|En train de lister|Auflistung)/.test(line)) recognised = true;
    const m = ROW.exec(line.trim());
    if (!m?.[1]) continue;
    recognised = true;
    items.push({ name: m[1], version: m[3] ?? null, security: isSecuritySuite(m[2] ?? '') });
  }
  if (!recognised)
    throw new RunError('failed', 'apt list --upgradable', 'apt list --upgradable : réponse illisible');
  return {
    total: items.length,
    security: items.filter((i) => i.security).length,
    items,
    source: 'apt list --upgradable',
  };
}

/** The command that gives the age of the package lists: modification times of apt's list and stamp folders. */
export const APT_LISTS_TIMES = {
  file: 'find',
  args: ['/var/lib/apt/lists', '/var/lib/apt/periodic', '-maxdepth', '1', '-printf', '%T@\\t%p\\n'],
  timeoutMs: 10_000,
  okExitCodes: [0, 1],
} as const;

/** Parses `find … -printf '%T@\t%p\n'` into path → epoch seconds. */
export function parseFindTimes(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [time, path] = line.split('\t');
    const t = Number(time);
    if (path && Number.isFinite(t) && t > 0) out.set(path.trim(), t);
  }
  return out;
}

/**
 * When apt's lists were last refreshed: the success stamp apt writes after `apt update` when
 * present, else the lists folder (apt renames fresh lists into it). The lists' own mtimes are the
 * server's Last-Modified dates, not the download date, so they are not used. Null when unknown.
 */
export function aptListsRefreshedAt(times: ReadonlyMap<string, number>): string | null {
  const stamp = times.get('/var/lib/apt/periodic/update-success-stamp');
  const folder = times.get('/var/lib/apt/lists');
  const newest = Math.max(stamp ?? 0, folder ?? 0);
  return newest > 0 ? new Date(newest * 1000).toISOString() : null;
}

/** Whole days between an ISO date and now; null when unknown. */
export function ageInDays(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000));
}

/** How `apt list --upgradable` and `apt-get -s dist-upgrade` differ, each difference with its reason. */
export interface ListVersusSimulation {
  readonly listed: number;
  readonly simulated: number;
  readonly securityListed: number;
  readonly securitySimulated: number;
  /** In the simulation only, as NEW packages it would install (dependencies): not updates of installed ones. */
  readonly newDependencies: readonly string[];
  /** Listed only, and named by the simulation as kept back (phasing, conflicts). */
  readonly keptBack: readonly string[];
  /** Differences with no known reason (a test expects none). */
  readonly unexplained: readonly string[];
}

/** Compares the two methods on outputs of the same machine at the same moment. */
export function compareWithSimulation(
  listText: string,
  simText: string,
  simulated: PendingUpdatesFacts,
): ListVersusSimulation {
  const listed = parseAptListUpgradable(listText);
  const listNames = new Set(listed.items.map((i) => i.name));
  const simNames = new Set(simulated.items.map((i) => i.name));
  // "Inst name (ver …)" without "[old version]" installs a package that is not there yet.
  const fresh = new Set([...simText.matchAll(/^Inst (\S+) \(/gm)].map((m) => m[1]!));
  const keptBlock = /kept back:\n((?: {2}.*\n?)+)/.exec(simText)?.[1] ?? '';
  const kept = new Set(keptBlock.split(/\s+/).filter(Boolean));
  const onlySim = [...simNames].filter((n) => !listNames.has(n));
  const onlyList = [...listNames].filter((n) => !simNames.has(n));
  return {
    listed: listed.total,
    simulated: simulated.total,
    securityListed: listed.security ?? 0,
    securitySimulated: simulated.security ?? 0,
    newDependencies: onlySim.filter((n) => fresh.has(n)),
    keptBack: onlyList.filter((n) => kept.has(n)),
    unexplained: [...onlySim.filter((n) => !fresh.has(n)), ...onlyList.filter((n) => !kept.has(n))],
  };
}
