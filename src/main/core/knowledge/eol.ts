/**
 * End-of-life knowledge: the bundled endoflife.date snapshot (assets/data/endoflife/products.json,
 * MIT licence beside it), loaded once, and `lookupSupport` which says where an OS release stands.
 * Linux matching in eol-linux.ts, Windows and macOS in eol-windows.ts and eol-macos.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OsFacts } from '../../../shared/facts';
import { linuxCycle } from './eol-linux';
import { lookupMacos } from './eol-macos';
import { lookupWindows } from './eol-windows';
import { statusFromDates, type SupportInfo } from './support';
import { newestCopy } from './cache';

/** Re-exported: the Linux matching (eol-linux.ts). */
export { linuxCycle };

/** One release cycle as endoflife.date writes it (eol = end of security support). */
export interface EolRelease {
  readonly releaseCycle: string;
  readonly releaseLabel?: string;
  readonly codename?: string;
  readonly releaseDate?: string;
  /** End of active support (bug fixes), when distinct. */
  readonly eoas?: string | boolean;
  /** End of security support: a date, or true/false when no date is given. */
  readonly eol?: string | boolean;
  /** End of extended security support (Debian LTS, Ubuntu ESM, RHEL ELS, Windows ESU). */
  readonly eoes?: string | boolean;
  readonly lts?: string | boolean;
  readonly latest?: string;
  readonly latestReleaseDate?: string;
}

/** One product of the snapshot. */
export interface EolProduct {
  readonly title: string;
  readonly releases: readonly EolRelease[];
}

/** The whole snapshot. */
export interface EolData {
  readonly source: string;
  readonly snapshotCommitDate: string;
  readonly products: Readonly<Record<string, EolProduct>>;
}

const RELATIVE = join('assets', 'data', 'endoflife', 'products.json');

/** Where products.json is: REVISION_ASSETS_DIR, else the first `assets/` found walking up from this module. */
export function eolDataPath(): string {
  const fromEnv = process.env.REVISION_ASSETS_DIR;
  if (fromEnv) return join(fromEnv, 'data', 'endoflife', 'products.json');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(process.cwd(), RELATIVE);
}

let cached: EolData | null = null;

/** The snapshot, read and parsed once per process: a refreshed copy when newer and valid, else the bundled one. */
export function loadEolData(): EolData {
  if (!cached) cached = newestCopy('eol', JSON.parse(readFileSync(eolDataPath(), 'utf8')) as EolData);
  return cached;
}

/** Forgets the loaded snapshot (after a refresh, or in tests). */
export function forgetEolData(): void {
  cached = null;
}

/** An 'unknown' answer for a product (release not matched). */
export function unknownSupport(product: string): SupportInfo {
  return {
    product,
    cycle: null,
    label: null,
    endOfSupport: null,
    endOfExtendedSupport: null,
    extendedAutomatic: false,
    status: 'unknown',
    latest: null,
  };
}

function dateOrNull(value: string | boolean | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** Builds the SupportInfo of a matched release. `extendedAutomatic`: extended support needs nothing from the owner. */
export function supportFromRelease(product: string, release: EolRelease, now: Date, extendedAutomatic: boolean): SupportInfo {
  const endOfExtendedSupport = dateOrNull(release.eoes);
  const label = release.releaseLabel
    ? release.releaseLabel.replace('__RELEASE_CYCLE__', release.releaseCycle).replace('__CODENAME__', release.codename ?? '')
    : release.codename
      ? `${release.releaseCycle} (${release.codename})`
      : release.releaseCycle;
  return {
    product,
    cycle: release.releaseCycle,
    label,
    endOfSupport: dateOrNull(release.eol),
    endOfExtendedSupport,
    extendedAutomatic,
    status: statusFromDates(release.eol === false ? null : (release.eol ?? null), endOfExtendedSupport, now),
    latest: release.latest ?? null,
  };
}

/** Looks a Linux release up in the data. */
export function lookupLinux(os: OsFacts, now: Date, data: EolData): SupportInfo {
  const match = linuxCycle(os);
  if (!match) return unknownSupport(os.distroId ?? 'linux');
  const release = data.products[match.product]?.releases.find((r) => r.releaseCycle === match.cycle);
  if (!release) return unknownSupport(match.product);
  return supportFromRelease(match.product, release, now, match.extendedAutomatic);
}

/** Where an OS release stands at `now`, from the bundled data, dispatching per family. */
export function lookupSupport(os: OsFacts, now: Date, data: EolData = loadEolData()): SupportInfo {
  switch (os.family) {
    case 'linux':
      return lookupLinux(os, now, data);
    case 'windows':
      return lookupWindows(os, now, data);
    case 'macos':
      return lookupMacos(os, now, data);
  }
}
