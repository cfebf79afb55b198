/**
 * Windows matching in the end-of-life data (endoflife.date products `windows` and `windows-server`).
 * Home/Pro cycles end with "-w", Enterprise/Education with "-e", LTSC with "-e-lts"; Windows 10 22H2
 * is a single cycle whose `eoes` is the end of the paid business ESU (3 years). The consumer ESU
 * (one year, free in the EEA with a Microsoft account) is not in the data: its end date comes from
 * Microsoft's announcement (os-facts.md) and is kept here as a constant.
 */
import type { OsFacts } from '../../../shared/facts';
import { supportFromRelease, unknownSupport, type EolData, type EolRelease } from './eol';
import type { ExtendedSupportOption, SupportInfo } from './support';

/** Last day of the Windows 10 consumer ESU (Microsoft, "Windows 10 Consumer Extended Security Updates"). */
export const WINDOWS10_CONSUMER_ESU_END = '2026-10-13';

/** Windows client builds → feature-update version, for machines whose registry lacks DisplayVersion. */
const CLIENT_BUILDS: Readonly<Record<number, string>> = {
  10240: '1507', 10586: '1511', 14393: '1607', 15063: '1703', 16299: '1709', 17134: '1803', 17763: '1809',
  18362: '1903', 18363: '1909', 19041: '2004', 19042: '20H2', 19043: '21H1', 19044: '21H2', 19045: '22H2',
  22000: '21H2', 22621: '22H2', 22631: '23H2', 26100: '24H2', 26200: '25H2', 28000: '26H1',
};

/** Windows Server builds → endoflife.date cycle. */
const SERVER_BUILDS: Readonly<Record<number, string>> = {
  6003: '2008-sp2', 7601: '2008-r2-sp1', 9200: '2012', 9600: '2012-r2', 14393: '2016', 16299: '1709-sac',
  17134: '1803-sac', 17763: '2019', 18362: '1903-sac', 18363: '1909-sac', 19041: '2004-sac', 19042: '20h2-sac',
  20348: '2022', 25398: '23h2-ac', 26100: '2025',
};

/** The build number (e.g. 19045 from "19045.6456"), or null. */
export function windowsBuildNumber(os: Pick<OsFacts, 'build'>): number | null {
  const m = /^(\d{4,6})/.exec(os.build ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/** 10 or 11 from the build (the registry's ProductName still says "Windows 10" on Windows 11). */
export function windowsMajor(build: number | null): 10 | 11 | null {
  if (build === null) return null;
  return build >= 22000 ? 11 : 10;
}

/** Feature-update version ("22H2") from the OS facts, falling back to the build number. */
export function windowsFeatureVersion(os: Pick<OsFacts, 'version' | 'build'>): string | null {
  const v = os.version.trim().toUpperCase();
  if (/^\d{2}H\d$/.test(v) || /^\d{4}$/.test(v)) return v;
  const build = windowsBuildNumber(os);
  return build !== null ? (CLIENT_BUILDS[build] ?? null) : null;
}

/** Which servicing channel suffixes to try for an edition, in order ("-w" Home/Pro, "-e" Enterprise/Education). */
function clientSuffixes(os: OsFacts): string[] {
  const id = (os.editionId ?? '').toLowerCase();
  if (id.startsWith('iotenterprises')) return ['-iot-lts', '-e-lts', ''];
  if (/^enterprises(n)?$/.test(id) || id.includes('ltsc') || id.includes('ltsb')) return ['-e-lts', ''];
  const enterpriseLike = os.edition === 'enterprise' || os.edition === 'education';
  // Pro Education and Pro for Workstations follow the Home/Pro servicing length.
  return enterpriseLike ? ['-e', ''] : ['-w', ''];
}

/** The Windows 10 ESU programmes and whether each can cover this machine at `now`. */
export function windows10EsuOptions(os: OsFacts, release: EolRelease, now: Date): ExtendedSupportOption[] {
  const today = now.toISOString().slice(0, 10);
  const options: ExtendedSupportOption[] = [];
  const edition = os.edition ?? null;
  // Consumer ESU: Home and Pro, personal devices; not for domain-joined or centrally managed PCs.
  const consumerEdition = edition === 'home' || edition === 'pro';
  options.push({
    kind: 'consumer-esu',
    endsOn: WINDOWS10_CONSUMER_ESU_END,
    paid: false,
    open: WINDOWS10_CONSUMER_ESU_END >= today,
    eligible: edition === null ? null : consumerEdition && os.managed !== true ? (os.managed === false ? true : null) : false,
  });
  // Business ESU: Pro, Enterprise, Education; paid per device, renewed yearly, up to three years.
  if (typeof release.eoes === 'string') {
    options.push({
      kind: 'business-esu',
      endsOn: release.eoes,
      paid: true,
      open: release.eoes >= today,
      eligible: edition === null ? null : edition === 'pro' || edition === 'enterprise' || edition === 'education',
    });
  }
  return options;
}

function findCycle(releases: readonly EolRelease[], candidates: readonly string[]): EolRelease | undefined {
  for (const c of candidates) {
    const r = releases.find((x) => x.releaseCycle === c);
    if (r) return r;
  }
  return undefined;
}

/** Support status of a Windows or Windows Server release at `now`. */
export function lookupWindows(os: OsFacts, now: Date, data: EolData): SupportInfo {
  const build = windowsBuildNumber(os);
  if (os.isServer || os.edition === 'server') {
    const cycle = build !== null ? SERVER_BUILDS[build] : undefined;
    const release = cycle ? data.products['windows-server']?.releases.find((r) => r.releaseCycle === cycle) : undefined;
    if (!release) return unknownSupport('windows-server');
    // Server ESU (2012, 2016) is a paid contract: never automatic. The label is left out because the
    // OS name already says "Windows Server 2019 …".
    return { ...supportFromRelease('windows-server', release, now, false), label: null };
  }
  const major = windowsMajor(build);
  const version = windowsFeatureVersion(os);
  if (major === null || version === null) return unknownSupport('windows');
  const base = `${major}-${version.toLowerCase()}`;
  const releases = data.products['windows']?.releases ?? [];
  const release = findCycle(releases, clientSuffixes(os).map((s) => base + s));
  if (!release) return unknownSupport('windows');
  // Label: the feature version ("22H2"), which reads well after the OS name ("Windows 10 Famille 22H2").
  const info = { ...supportFromRelease('windows', release, now, false), label: version };
  if (major !== 10 || release.lts === true || typeof release.eol !== 'string') return info;
  const today = now.toISOString().slice(0, 10);
  if (release.eol > today) return info;
  // Windows 10 after the end of support: the only security updates left are the ESU programmes.
  const options = windows10EsuOptions(os, release, now);
  if (options.length === 0) return info;
  const usable = options.filter((o) => o.open && o.eligible !== false);
  const best = usable[0] ?? null;
  const latestEnd = options.filter((o) => o.eligible !== false).map((o) => o.endsOn).sort().at(-1) ?? null;
  return {
    ...info,
    status: best ? 'extended' : 'ended',
    endOfExtendedSupport: best ? best.endsOn : latestEnd,
    extendedAutomatic: false,
    extendedOptions: options,
  };
}
