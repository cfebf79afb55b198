/**
 * One voyant per user-facing program, from the facts and the two data sets. Pure.
 * Distribution packages: « mise à jour disponible » when apt/dnf lists one, « à jour » only when
 * the list was read, else « version inconnue ». Other programs: the end-of-life data's release
 * cycles and latest versions; anything that cannot be compared is `unknown`, never `current`.
 */
import type { InstalledApplication, MachineFacts, ProgramUpdate } from '../../../shared/facts';
import type { ProgramStatus, ProgramView, ProgramsReport } from '../../../shared/programs';
import type { EolData, EolRelease } from '../knowledge/eol';
import { kevIndex, kevKey, type KevData } from '../knowledge/kev';
import type { CatalogEntry } from '../knowledge/program-catalog';
import { statusFromDates } from '../knowledge/support';
import { compareVersions, inCycle, isComparableVersion } from '../knowledge/versions';
import { isSystemComponent, publisherName } from './classify';
import { DISTRIBUTION_SOURCES, matchProgram, type ProgramIdentity } from './match';

/** What assessment needs. */
export interface AssessInput {
  readonly facts: MachineFacts;
  readonly now: Date;
  readonly eol: EolData;
  readonly kev: KevData;
}

type Verdict = Pick<ProgramView, 'status' | 'latestVersion' | 'endOfLife' | 'statusSource'>;

// One collator: `localeCompare` with a locale builds one per call (slow on 5,000 names).
const COLLATOR = new Intl.Collator('fr');

const UNKNOWN: Verdict = { status: 'unknown', latestVersion: null, endOfLife: null, statusSource: null };

function cycleOf(
  app: InstalledApplication,
  entry: CatalogEntry | null,
  releases: readonly EolRelease[],
): EolRelease | null {
  if (entry?.eol?.cycleFrom === 'name-year') {
    const year = /\b(20\d\d)\b/.exec(app.name)?.[1];
    const ltsc = /\bltsc\b/i.test(app.name);
    return releases.find((r) => r.releaseCycle === (ltsc ? `${year}-ltsc` : year)) ?? null;
  }
  if (!isComparableVersion(app.version)) return null;
  const hits = releases.filter((r) => inCycle(app.version!, r.releaseCycle));
  return hits.sort((a, b) => b.releaseCycle.length - a.releaseCycle.length)[0] ?? null;
}

const newestCache = new WeakMap<readonly EolRelease[], EolRelease | null>();

/** The newest release cycle of a product (computed once per data set). */
function newest(releases: readonly EolRelease[]): EolRelease | null {
  if (newestCache.has(releases)) return newestCache.get(releases) ?? null;
  const top = [...releases].sort((a, b) => compareVersions(b.releaseCycle, a.releaseCycle))[0] ?? null;
  newestCache.set(releases, top);
  return top;
}

/** The verdict of the end-of-life data for a recognised program installed from its vendor. */
export function eolVerdict(app: InstalledApplication, id: ProgramIdentity, eol: EolData, now: Date): Verdict {
  const product = id.eolProduct ? eol.products[id.eolProduct] : undefined;
  if (!product) return UNKNOWN;
  const release = cycleOf(app, id.catalog, product.releases);
  const top = newest(product.releases);
  if (!release) {
    // Newer than every cycle the data knows: nothing newer exists as of the data's date.
    const fresh =
      isComparableVersion(app.version) &&
      top &&
      id.catalog?.eol?.cycleFrom !== 'name-year' &&
      compareVersions(app.version, top.latest ?? top.releaseCycle) >= 0;
    return fresh ? { ...UNKNOWN, status: 'current', statusSource: 'endoflife' } : UNKNOWN;
  }
  const state = statusFromDates(
    release.eol === false ? null : (release.eol ?? null),
    typeof release.eoes === 'string' ? release.eoes : null,
    now,
  );
  if (state === 'ended') {
    if (!id.rolling)
      return {
        status: 'end-of-life',
        latestVersion: null,
        endOfLife: typeof release.eol === 'string' ? release.eol : null,
        statusSource: 'endoflife',
      };
    return {
      status: 'outdated',
      latestVersion: top?.latest ?? top?.releaseCycle ?? null,
      endOfLife: null,
      statusSource: 'endoflife',
    };
  }
  // Extended (paid) support, or a cycle without a comparable latest version: cannot say « à jour ».
  if (
    state !== 'supported' ||
    !release.latest ||
    id.catalog?.eol?.compareLatest === false ||
    !isComparableVersion(app.version)
  )
    return UNKNOWN;
  if (compareVersions(app.version, release.latest) < 0)
    return { status: 'outdated', latestVersion: release.latest, endOfLife: null, statusSource: 'endoflife' };
  return { ...UNKNOWN, status: 'current', statusSource: 'endoflife' };
}

function exploitedOf(
  entry: CatalogEntry | null,
  version: string | null,
  kev: KevData,
): ProgramView['exploited'] {
  if (!entry || entry.kev.length === 0) return null;
  if (
    entry.kevBelowVersion &&
    !(isComparableVersion(version) && compareVersions(version, entry.kevBelowVersion) < 0)
  )
    return null;
  return kevSummary(entry, kev);
}

const kevSummaries = new WeakMap<KevData, Map<string, ProgramView['exploited']>>();

/** What the catalogue says about one catalogue entry's KEV names (computed once per data set and entry). */
function kevSummary(entry: CatalogEntry, kev: KevData): ProgramView['exploited'] {
  const cache = kevSummaries.get(kev) ?? new Map<string, ProgramView['exploited']>();
  kevSummaries.set(kev, cache);
  if (cache.has(entry.id)) return cache.get(entry.id) ?? null;
  const index = kevIndex(kev);
  const cves = new Set<string>();
  let lastAdded = '';
  let ransomware = false;
  for (const alias of entry.kev) {
    const hit = index.get(kevKey(alias.vendorProject, alias.product));
    if (!hit) continue;
    hit.cves.forEach((c) => cves.add(c));
    if (hit.lastAdded > lastAdded) lastAdded = hit.lastAdded;
    ransomware ||= hit.ransomware;
  }
  const summary = cves.size > 0 ? { count: cves.size, lastAdded, ransomware } : null;
  cache.set(entry.id, summary);
  return summary;
}

/** The program's known name (« Mozilla Firefox », not « Mozilla Firefox (x64 fr) »), except where the name carries the release (Office 2016). */
function displayName(app: InstalledApplication, identity: ProgramIdentity): string {
  if (!identity.label || identity.catalog?.eol?.cycleFrom === 'name-year') return app.name;
  return identity.label;
}

interface Group {
  readonly main: InstalledApplication;
  readonly identity: ProgramIdentity;
  readonly packages: string[];
}

function pendingIndex(facts: MachineFacts): Map<string, string | null> | null {
  if (!facts.pendingUpdates) return null;
  // dnf names carry the architecture ("firefox.x86_64").
  return new Map(
    facts.pendingUpdates.items.map((i) => [
      i.name.replace(/\.(x86_64|aarch64|noarch|i686|ppc64le|s390x|armv7hl)$/, ''),
      i.version ?? null,
    ]),
  );
}

function distributionVerdict(
  group: Group,
  pending: Map<string, string | null> | null,
  source: string,
): Verdict {
  if (!pending) return UNKNOWN;
  const waiting = group.packages.find((p) => pending.has(p));
  if (waiting === undefined) return { ...UNKNOWN, status: 'current', statusSource: source };
  const version = pending.get(group.main.name) ?? pending.get(waiting) ?? null;
  return { status: 'outdated', latestVersion: version, endOfLife: null, statusSource: source };
}

function groupApplications(
  apps: readonly InstalledApplication[],
  eol: EolData,
): { groups: Group[]; system: number } {
  const groups = new Map<string, Group>();
  let system = 0;
  for (const app of apps) {
    const identity = matchProgram(app, eol);
    if (isSystemComponent(app, identity.catalog !== null || identity.eolProduct !== null)) {
      system += 1;
      continue;
    }
    const distribution = DISTRIBUTION_SOURCES.has(app.source);
    const key =
      distribution && identity.catalog
        ? `${app.source}:${identity.catalog.id}`
        : `${app.source}:${app.name}\u0000${app.version ?? ''}`;
    const existing = groups.get(key);
    if (!existing) {
      groups.set(key, { main: app, identity, packages: [app.name] });
      continue;
    }
    existing.packages.push(app.name);
    // The program's own package names the group (libreoffice, not libreoffice-calc).
    if (identity.catalog?.packages?.includes(app.name)) groups.set(key, { ...existing, main: app });
  }
  return { groups: [...groups.values()], system };
}

/** The package manager's offer for a program: same name (or the start of it, when the table cut it with « … »). */
export function offeredUpdate(app: InstalledApplication, facts: MachineFacts): ProgramUpdate | undefined {
  const items = facts.programUpdates?.items ?? [];
  return (
    items.find((u) => !u.truncated && u.name === app.name) ??
    items.find((u) => u.truncated && u.name.length >= 12 && app.name.startsWith(u.name))
  );
}

/** A program installed from its vendor: end of life first (an update inside a dead release does not revive it), then the package manager's offer, then the data. */
function vendorVerdict(
  app: InstalledApplication,
  identity: ProgramIdentity,
  offered: ProgramUpdate | undefined,
  input: AssessInput,
): Verdict {
  const fromData = eolVerdict(app, identity, input.eol, input.now);
  if (fromData.status === 'end-of-life' || !offered) return fromData;
  return {
    status: 'outdated',
    latestVersion: offered.available,
    endOfLife: null,
    statusSource: input.facts.programUpdates?.source ?? null,
  };
}

/** Assesses every installed program: the user-facing ones listed with their voyant, system components counted. */
export function assessPrograms(input: AssessInput): ProgramsReport {
  const apps = input.facts.inventory?.applications ?? [];
  const { groups, system } = groupApplications(apps, input.eol);
  const pending = pendingIndex(input.facts);
  const pendingSource =
    input.facts.os?.packageManager ?? (input.facts.pendingUpdates?.source.startsWith('dnf') ? 'dnf' : 'apt');
  const programs = groups.map((g): ProgramView => {
    const { main, identity } = g;
    const distribution = DISTRIBUTION_SOURCES.has(main.source);
    const offered = distribution ? undefined : offeredUpdate(main, input.facts);
    const verdict = distribution
      ? distributionVerdict(g, pending, pendingSource)
      : vendorVerdict(main, identity, offered, input);
    const view: ProgramView = {
      id: `${main.source}:${main.name}`,
      name: displayName(main, identity),
      version: main.version,
      publisher: publisherName(main.publisher),
      source: main.source,
      ...verdict,
      exploited: exploitedOf(identity.catalog, main.version, input.kev),
      ...(offered?.id ? { updateId: offered.id } : {}),
      knownAs: identity.catalog?.id ?? identity.eolProduct,
    };
    return g.packages.length > 1 || distribution ? { ...view, packages: g.packages } : view;
  });
  programs.sort((a, b) => COLLATOR.compare(a.name, b.name));
  return {
    programs,
    systemComponents: system,
    data: { endOfLife: input.eol.snapshotCommitDate, exploited: input.kev.dateReleased.slice(0, 10) },
  };
}

/** Programs in a state, for findings and summaries. */
export function programsWith(report: ProgramsReport, status: ProgramStatus): ProgramView[] {
  return report.programs.filter((p) => p.status === status);
}
