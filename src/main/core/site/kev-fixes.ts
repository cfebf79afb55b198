/**
 * Which versions of site software the exploited flaws of the CISA KEV catalogue affect. The KEV
 * snapshot (assets/data/kev) lists the flaws but not the versions; the fixed versions below are
 * WRITTEN FROM THE VENDORS' SECURITY ADVISORIES (Drupal SA-CORE-2018-002/-004, SA-CORE-2019-003,
 * SA-CORE-2020-012; Joomla 4.2.8 announcement; Adobe APSB22-12, APSB24-40). A flaw counts only
 * when its CVE is in the bundled snapshot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eolDataPath } from '../knowledge/eol';
import { compareVersions } from './versions';

/** A flaw and, per release line, the first fixed version. */
export interface KevFix {
  readonly cve: string;
  readonly product: string;
  /** Release line prefix → first fixed version on that line (versions below are affected). */
  readonly fixedIn: Readonly<Record<string, string>>;
  /** Lines entirely affected (no fix ever published on them). */
  readonly affectedLines?: readonly string[];
}

/** The table (see the module comment for the sources). */
export const KEV_FIXES: readonly KevFix[] = [
  {
    cve: 'CVE-2018-7600',
    product: 'drupal',
    fixedIn: { '7': '7.58', '8.3': '8.3.9', '8.4': '8.4.6', '8.5': '8.5.1' },
    affectedLines: ['6', '8.0', '8.1', '8.2'],
  },
  {
    cve: 'CVE-2018-7602',
    product: 'drupal',
    fixedIn: { '7': '7.59', '8.4': '8.4.8', '8.5': '8.5.3' },
    affectedLines: ['8.0', '8.1', '8.2', '8.3'],
  },
  { cve: 'CVE-2019-6340', product: 'drupal', fixedIn: { '8.5': '8.5.11', '8.6': '8.6.10' } },
  {
    cve: 'CVE-2020-13671',
    product: 'drupal',
    fixedIn: { '7': '7.74', '8.8': '8.8.11', '8.9': '8.9.9', '9.0': '9.0.8' },
  },
  { cve: 'CVE-2023-23752', product: 'joomla', fixedIn: { '4.0': '4.2.8', '4.1': '4.2.8', '4.2': '4.2.8' } },
  { cve: 'CVE-2022-24086', product: 'magento', fixedIn: { '2.3': '2.3.7-p3', '2.4': '2.4.3-p2' } },
  {
    cve: 'CVE-2024-34102',
    product: 'magento',
    fixedIn: { '2.4.4': '2.4.4-p9', '2.4.5': '2.4.5-p8', '2.4.6': '2.4.6-p6', '2.4.7': '2.4.7-p1' },
  },
];

let listed: Set<string> | null = null;

/** CVE ids of the bundled KEV snapshot. */
export function kevCveIds(): Set<string> {
  if (listed) return listed;
  const path = join(dirname(dirname(eolDataPath())), 'kev', 'known_exploited_vulnerabilities.json');
  const ids = new Set<string>();
  if (existsSync(path)) {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { vulnerabilities?: { cveID?: string }[] };
    for (const v of data.vulnerabilities ?? []) if (v.cveID) ids.add(v.cveID);
  }
  listed = ids;
  return ids;
}

function onLine(version: string, line: string): boolean {
  return version === line || version.startsWith(`${line}.`) || version.startsWith(`${line}-`);
}

/** The exploited flaws (listed in the KEV snapshot) a product version is exposed to. */
export function kevFlaws(product: string, version: string, listedIds: Set<string> = kevCveIds()): string[] {
  const out: string[] = [];
  for (const fix of KEV_FIXES) {
    if (fix.product !== product || !listedIds.has(fix.cve)) continue;
    const lines = Object.keys(fix.fixedIn).sort((a, b) => b.length - a.length);
    const line = lines.find((l) => onLine(version, l));
    if (line) {
      if (compareVersions(version, fix.fixedIn[line]!) < 0) out.push(fix.cve);
    } else if (fix.affectedLines?.some((l) => onLine(version, l))) {
      out.push(fix.cve);
    }
  }
  return out;
}
