/**
 * Version comparison that understands the version strings programs really write: dotted
 * numbers ("16.0.19231.20156"), Debian versions with epoch, revision and tilde
 * ("1:2.39.5-0+deb12u2", "128.5.0esr-1~deb12u1"), letters ("24.08", "8.2.1a"). The algorithm is
 * dpkg's (deb-version(7)): it orders all of these the way their publishers mean.
 */

/** A version split into dpkg's parts. */
interface DebVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

function split(version: string): DebVersion {
  const v = version.trim();
  const colon = v.indexOf(':');
  const epoch = colon > 0 && /^\d+$/.test(v.slice(0, colon)) ? Number(v.slice(0, colon)) : 0;
  const rest = colon > 0 && epoch >= 0 && /^\d+$/.test(v.slice(0, colon)) ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash > 0
    ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) }
    : { epoch, upstream: rest, revision: '' };
}

// dpkg's character order: '~' before everything (even the end), then the end, letters, then other characters.
function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function compareString(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const ac = i < a.length && !/\d/.test(a[i]!) ? a[i] : undefined;
      const bc = j < b.length && !/\d/.test(b[j]!) ? b[j] : undefined;
      const diff = order(ac) - order(bc);
      if (diff !== 0) return Math.sign(diff);
      if (ac !== undefined) i += 1;
      if (bc !== undefined) j += 1;
    }
    while (a[i] === '0') i += 1;
    while (b[j] === '0') j += 1;
    while (i < a.length && /\d/.test(a[i]!) && j < b.length && /\d/.test(b[j]!)) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i += 1;
      j += 1;
    }
    if (i < a.length && /\d/.test(a[i]!)) return 1;
    if (j < b.length && /\d/.test(b[j]!)) return -1;
    if (first) return Math.sign(first);
  }
  return 0;
}

/** Compares two version strings: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const x = split(a);
  const y = split(b);
  if (x.epoch !== y.epoch) return Math.sign(x.epoch - y.epoch);
  return compareString(x.upstream, y.upstream) || compareString(x.revision, y.revision);
}

/** Whether a string looks like a version at all (has a digit, no spaces): other strings are never compared. */
export function isComparableVersion(version: string | null | undefined): version is string {
  return (
    typeof version === 'string' &&
    /\d/.test(version) &&
    !/\s/.test(version.trim()) &&
    version.trim().length <= 80
  );
}

/** Whether `version` belongs to the release cycle `cycle` ("8.2.1" is in "8.2", "144.0" in "144", not "1440"). */
export function inCycle(version: string, cycle: string): boolean {
  const v = split(version).upstream.toLowerCase();
  const c = cycle.toLowerCase();
  if (!v.startsWith(c)) return false;
  const next = v[c.length];
  return next === undefined || /[.\-+_~a-z ]/.test(next);
}
