/**
 * The site's software and server language against the bundled end-of-life data and the KEV
 * catalogue: pure functions from what was read to voyants (FindingSpec, texts under `site:`).
 */
import type { MessageParams } from '../../../shared/checkup';
import type { EolData, EolRelease } from '../knowledge/eol';
import type { FindingSpec } from '../findings/evaluate';
import { siteSpec as spec } from './judge-reach';
import { PRODUCTS, type Sign } from './detect';
import { kevFlaws } from './kev-fixes';
import { compareVersions } from './versions';

/** Something to ask the web agency: an i18n key under `site:ask.` and its params. */
export interface Ask {
  readonly key: string;
  readonly params: MessageParams;
}

/** A judged voyant and what to ask about it. */
export interface Judged {
  readonly spec: FindingSpec;
  readonly ask: Ask | null;
}

const ATTENTION_DAYS = 90;

/** The release cycle a version belongs to (the longest cycle it starts with). */
export function matchCycle(releases: readonly EolRelease[], version: string): EolRelease | null {
  const hits = releases.filter(
    (r) =>
      version === r.releaseCycle ||
      version.startsWith(`${r.releaseCycle}.`) ||
      version.startsWith(`${r.releaseCycle}-`),
  );
  return hits.sort((a, b) => b.releaseCycle.length - a.releaseCycle.length)[0] ?? null;
}

/** Whether a cycle's security support is over at `now`. */
export function cycleEnded(release: EolRelease, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  const end = release.eoes && typeof release.eoes === 'string' ? release.eoes : release.eol;
  if (end === true) return true;
  if (typeof end === 'string') return end <= today;
  return false;
}

/** The newest maintained release of a product (its latest version). */
export function newestRelease(releases: readonly EolRelease[], now: Date): EolRelease | null {
  const live = releases.filter((r) => !cycleEnded(r, now));
  const pool = live.length > 0 ? live : [...releases];
  return (
    pool.sort((a, b) => String(b.releaseDate ?? '').localeCompare(String(a.releaseDate ?? '')))[0] ?? null
  );
}

/** The most precise version the signs give ("7.57" over the generator's "7"), then the most given. */
export function versionOf(signs: readonly Sign[], product: string): string | null {
  const counts = new Map<string, number>();
  for (const s of signs)
    if (s.product === product && s.version) counts.set(s.version, (counts.get(s.version) ?? 0) + 1);
  const parts = (v: string) => v.split(/[.-]/).length;
  const sorted = [...counts.entries()].sort((a, b) => parts(b[0]) - parts(a[0]) || b[1] - a[1]);
  return sorted[0]?.[0] ?? null;
}

/** The software voyant, once the home page was read and a product recognised. */
export function judgeSoftware(product: string, signs: readonly Sign[], eol: EolData, now: Date): Judged {
  const def = PRODUCTS[product] ?? { id: product, name: product, hosted: false };
  const signText = signs
    .filter((s) => s.product === product)
    .map((s) => s.sign)
    .join(' ; ');
  const base = { name: def.name, signs: signText };
  if (def.hosted) return { spec: spec('site-software', 'ok', 'software.hosted', base), ask: null };
  const version = versionOf(signs, product);
  if (!version)
    return {
      spec: spec('site-software', 'unknown', 'software.hidden', base, 'no public sign gives the version'),
      ask: { key: 'hidden', params: { name: def.name } },
    };
  const releases = eol.products[product]?.releases ?? [];
  const newest = newestRelease(releases, now);
  const params = { ...base, version, latest: newest?.latest ?? '' };
  if (releases.length === 0)
    return {
      spec: spec(
        'site-software',
        'unknown',
        'software.noData',
        params,
        `${product} not in the end-of-life data`,
      ),
      ask: null,
    };
  const upgrade: Ask = {
    key: 'upgrade',
    params: { name: def.name, from: version, to: newest?.latest ?? '' },
  };
  /** « Version incomplète »: the owner asks the version; the reason goes to the prestataire. */
  const partial = (reason: string): Judged => ({
    spec: spec('site-software', 'unknown', 'software.partial', params, reason),
    ask: { key: 'hidden', params: { name: def.name } },
  });
  const cycle = matchCycle(releases, version);
  if (!cycle) {
    const major = version.split('.')[0]!;
    const sameMajor = releases.filter(
      (r) => r.releaseCycle === major || r.releaseCycle.startsWith(`${major}.`),
    );
    if (sameMajor.length > 0 && sameMajor.every((r) => cycleEnded(r, now))) {
      return {
        spec: spec('site-software', 'danger', 'software.ended', {
          ...params,
          cycle: major,
          end: String(sameMajor[0]!.eol ?? ''),
        }),
        ask: upgrade,
      };
    }
    return partial(`version ${version} matches no release cycle`);
  }
  const cycleParams = {
    ...params,
    cycle: cycle.releaseCycle,
    end: typeof cycle.eol === 'string' ? cycle.eol : '',
  };
  // « Drupal 7 » (Drupal's generator gives the major only) names a release line, not a version: its
  // end of life is a fact, anything finer (a flaw fixed in 7.58, an update to 7.103) would be a guess.
  if (!version.includes('.')) {
    if (cycleEnded(cycle, now))
      return { spec: spec('site-software', 'danger', 'software.ended', cycleParams), ask: upgrade };
    return partial(`version ${version} is only a release line`);
  }
  // Only a version precise enough to sit in a release cycle is compared with the exploited flaws.
  const cves = kevFlaws(product, version);
  if (cves.length > 0)
    return {
      spec: spec('site-software', 'danger', 'software.kev', { ...params, cves: cves.join(', ') }),
      ask: upgrade,
    };
  if (cycleEnded(cycle, now))
    return { spec: spec('site-software', 'danger', 'software.ended', cycleParams), ask: upgrade };
  if (cycle.latest && compareVersions(version, cycle.latest) < 0) {
    return {
      spec: spec('site-software', 'attention', 'software.update', { ...cycleParams, latest: cycle.latest }),
      ask: { key: 'upgrade', params: { name: def.name, from: version, to: cycle.latest } },
    };
  }
  return { spec: spec('site-software', 'ok', 'software.ok', cycleParams), ask: null };
}

/** The server-language voyant (PHP), from the header that shows it. */
export function judgeLanguage(
  language: { version: string; sign: string } | null,
  eol: EolData,
  now: Date,
): Judged {
  if (!language)
    return {
      spec: spec(
        'site-language',
        'unknown',
        'language.hidden',
        {},
        'no x-powered-by or server header shows PHP',
      ),
      ask: { key: 'language', params: {} },
    };
  const releases = eol.products.php?.releases ?? [];
  const params = { version: language.version, sign: language.sign };
  const cycle = matchCycle(releases, language.version);
  const newest = newestRelease(releases, now);
  const upgrade: Ask = {
    key: 'upgrade',
    params: { name: 'PHP', from: language.version, to: newest?.releaseCycle ?? '' },
  };
  if (!cycle)
    return {
      spec: spec(
        'site-language',
        'unknown',
        'language.noData',
        params,
        `PHP ${language.version} not in the end-of-life data`,
      ),
      ask: null,
    };
  const end = typeof cycle.eol === 'string' ? cycle.eol : '';
  const days = end ? Math.floor((Date.parse(`${end}T00:00:00Z`) - now.getTime()) / 86_400_000) : Infinity;
  const ended = cycleEnded(cycle, now);
  if (ended || days < ATTENTION_DAYS) {
    const latest = newest?.releaseCycle ?? '';
    const key = ended ? 'language.ended' : 'language.ending';
    return {
      spec: spec('site-language', ended ? 'danger' : 'attention', key, { ...params, end, latest }),
      ask: upgrade,
    };
  }
  return { spec: spec('site-language', 'ok', 'language.ok', { ...params, end }), ask: null };
}
