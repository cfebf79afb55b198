/**
 * The CISA Known Exploited Vulnerabilities catalogue (assets/data/kev, CC0), loaded once, and
 * an index by exact `vendorProject`/`product` pair. Programs reach it only through the reviewed
 * aliases of program-catalog.ts: no word-in-common matching.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eolDataPath } from './eol';
import { newestCopy } from './cache';

/** One KEV entry, the fields Révision uses. */
export interface KevVulnerability {
  readonly cveID: string;
  readonly vendorProject: string;
  readonly product: string;
  readonly dateAdded: string;
  readonly knownRansomwareCampaignUse?: string;
}

/** The catalogue. */
export interface KevData {
  readonly catalogVersion: string;
  readonly dateReleased: string;
  readonly vulnerabilities: readonly KevVulnerability[];
}

/** What the catalogue says about one product pair. */
export interface KevProductSummary {
  readonly count: number;
  /** Newest `dateAdded`, ISO date. */
  readonly lastAdded: string;
  readonly cves: readonly string[];
  readonly ransomware: boolean;
}

/** Where the bundled catalogue is (beside the end-of-life data). */
export function kevDataPath(): string {
  return join(eolDataPath(), '..', '..', 'kev', 'known_exploited_vulnerabilities.json');
}

let cached: KevData | null = null;

/** The catalogue in use, read once per process: the refreshed copy when newer and valid, else the bundled one. */
export function loadKevData(): KevData {
  if (!cached) cached = newestCopy('kev', JSON.parse(readFileSync(kevDataPath(), 'utf8')) as KevData);
  return cached;
}

/** Forgets the loaded catalogue (after a refresh, or in tests). */
export function forgetKevData(): void {
  cached = null;
}

/** The key of a vendor/product pair (case-insensitive, exact otherwise). */
export function kevKey(vendorProject: string, product: string): string {
  return `${vendorProject.trim().toLowerCase()}\u0000${product.trim().toLowerCase()}`;
}

const indexes = new WeakMap<KevData, Map<string, KevProductSummary>>();

/** The catalogue indexed by exact vendor/product pair (built once per data object). */
export function kevIndex(data: KevData): ReadonlyMap<string, KevProductSummary> {
  const known = indexes.get(data);
  if (known) return known;
  const index = new Map<string, { count: number; lastAdded: string; cves: string[]; ransomware: boolean }>();
  for (const v of data.vulnerabilities) {
    const key = kevKey(v.vendorProject, v.product);
    const entry = index.get(key) ?? { count: 0, lastAdded: '', cves: [], ransomware: false };
    entry.count += 1;
    entry.cves.push(v.cveID);
    if (v.dateAdded > entry.lastAdded) entry.lastAdded = v.dateAdded;
    if (v.knownRansomwareCampaignUse === 'Known') entry.ransomware = true;
    index.set(key, entry);
  }
  indexes.set(data, index);
  return index;
}
