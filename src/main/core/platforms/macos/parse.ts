/**
 * Pure functions from macOS command outputs to facts, tested on captured outputs and reused by
 * the auto-updates work to verify a change from an "after" capture. Structured outputs are
 * preferred (system_profiler -json, ISO dates); text outputs are read by their stable English
 * keywords only, never by localised wording.
 */
import type {
  AntivirusFacts,
  AutoUpdateFacts,
  FirewallFacts,
  InstalledApplication,
  InventoryFacts,
  LastUpdateFacts,
  OsFacts,
  SettingRead,
  UpdateHistoryEntry,
} from '../../../../shared/facts';
import { parseOldStylePlist, plistBool, type OldStyleValue } from './old-style-plist';

export {
  MACOS_RESTART_SIGNAL,
  SoftwareUpdateListError,
  macosUpdateRuns,
  parseSoftwareUpdateList,
  plistDate,
} from './software-update';

/** An output that could not be read. */
export class MacosOutputError extends Error {
  override readonly name = 'MacosOutputError';
}

/** macOS marketing names per major version. */
const CODENAMES: Readonly<Record<string, string>> = {
  '11': 'Big Sur',
  '12': 'Monterey',
  '13': 'Ventura',
  '14': 'Sonoma',
  '15': 'Sequoia',
  '26': 'Tahoe',
  '10.15': 'Catalina',
  '10.14': 'Mojave',
  '10.13': 'High Sierra',
};

/** `sw_vers` → OS identity. Throws MacosOutputError when ProductVersion is missing. */
export function parseSwVers(stdout: string, managed: boolean | null = null): OsFacts {
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:\\s*(.+?)\\s*$`, 'm').exec(stdout);
    return m?.[1] ?? null;
  };
  const version = field('ProductVersion');
  if (!version || !/^\d+(\.\d+)*$/.test(version))
    throw new MacosOutputError('sw_vers : version de macOS illisible');
  const product = field('ProductName') ?? 'macOS';
  const major = /^10\./.test(version)
    ? version.split('.').slice(0, 2).join('.')
    : (version.split('.')[0] ?? '');
  const codename = CODENAMES[major];
  const extra = field('ProductVersionExtra');
  return {
    family: 'macos',
    name: codename ? `${product} ${codename}` : product,
    version: extra ? `${version} ${extra}` : version,
    build: field('BuildVersion'),
    isServer: false,
    arch: null,
    hostname: null,
    managed,
  };
}

/** `profiles status -type enrollment` → enrolled in device management (MDM), or null when unreadable. */
export function parseProfilesEnrollment(stdout: string): boolean | null {
  const m = /^MDM enrollment:\s*(Yes|No)\b/im.exec(stdout);
  if (!m?.[1]) return null;
  return m[1].toLowerCase() === 'yes';
}

/** The five Software Update keys, in the order the owner reads them. */
export const SOFTWARE_UPDATE_KEYS = [
  'AutomaticCheckEnabled',
  'AutomaticDownload',
  'AutomaticallyInstallMacOSUpdates',
  'CriticalUpdateInstall',
  'ConfigDataInstall',
] as const;

/** Local preference file (read with `defaults read`, without the .plist suffix). */
export const SOFTWARE_UPDATE_DOMAIN = '/Library/Preferences/com.apple.SoftwareUpdate';
/** Profile-managed preferences: when present, they override the local values. */
export const MANAGED_SOFTWARE_UPDATE_DOMAIN = '/Library/Managed Preferences/com.apple.SoftwareUpdate';
/** App Store preferences (AutoUpdate). */
export const COMMERCE_DOMAIN = '/Library/Preferences/com.apple.commerce';
/** Profile-managed App Store preferences. */
export const MANAGED_COMMERCE_DOMAIN = '/Library/Managed Preferences/com.apple.commerce';

function dict(value: OldStyleValue | null | undefined): Readonly<Record<string, OldStyleValue>> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, OldStyleValue>)
    : null;
}

/** What was read of each preference domain; null when the domain does not exist on the Mac. */
export interface MacosUpdatePrefs {
  readonly local: OldStyleValue | null;
  readonly managed: OldStyleValue | null;
  readonly commerce: OldStyleValue | null;
  readonly managedCommerce?: OldStyleValue | null;
  /** `softwareupdate --schedule`'s answer (effective automatic-check state), when it was asked. */
  readonly scheduleOn?: boolean | null;
}

/** `softwareupdate --schedule` → on/off in either wording; null otherwise. */
export function parseSoftwareUpdateSchedule(output: string): boolean | null {
  // "Automatic checking for updates is turned on" (macOS 11+); "Automatic check is off" (older macOS).
  const m = /Automatic check(?:ing)?(?: for updates)? is (?:turned )?(on|off)\b/i.exec(output);
  return m?.[1] ? m[1].toLowerCase() === 'on' : null;
}

/**
 * Automatic-update state from the Software Update and App Store preferences. A key absent from both
 * the managed and local files is unknown (Apple documents no default that holds on every macOS).
 * "Enabled" means: checks, downloads, installs macOS updates, security responses and system data
 * files (XProtect) by itself: all five keys on.
 */
export function macosAutoUpdateFacts(prefs: MacosUpdatePrefs): AutoUpdateFacts {
  const local = dict(prefs.local);
  const managedDict = dict(prefs.managed);
  const settings: SettingRead[] = [];
  const limits: string[] = [];
  const effective: Record<string, boolean | null> = {};
  let managedKeys = 0;
  for (const key of SOFTWARE_UPDATE_KEYS) {
    const m = plistBool(managedDict?.[key]);
    const l = plistBool(local?.[key]);
    if (m !== null) managedKeys += 1;
    settings.push({ source: `${MANAGED_SOFTWARE_UPDATE_DOMAIN} ${key}`, value: m });
    settings.push({ source: `${SOFTWARE_UPDATE_DOMAIN} ${key}`, value: l });
    effective[key] = m ?? l;
  }
  // The one key macOS reports itself when the file does not hold it (its effective check state).
  if (effective.AutomaticCheckEnabled === null && typeof prefs.scheduleOn === 'boolean') {
    effective.AutomaticCheckEnabled = prefs.scheduleOn;
    settings.push({ source: 'softwareupdate --schedule', value: prefs.scheduleOn });
  }
  const commerceManaged = plistBool(dict(prefs.managedCommerce ?? null)?.AutoUpdate);
  const commerceLocal = plistBool(dict(prefs.commerce)?.AutoUpdate);
  settings.push({ source: `${COMMERCE_DOMAIN} AutoUpdate`, value: commerceLocal });
  if (commerceManaged !== null)
    settings.push({ source: `${MANAGED_COMMERCE_DOMAIN} AutoUpdate`, value: commerceManaged });

  // ConfigDataInstall counts too: without it XProtect's signatures stop arriving.
  const core = SOFTWARE_UPDATE_KEYS.map((k) => effective[k]);
  let enabled: boolean | null;
  if (core.some((v) => v === false)) enabled = false;
  else if (core.every((v) => v === true)) enabled = true;
  else {
    enabled = null;
    limits.push('macos.keysAbsent');
  }
  const managed = managedDict !== null && managedKeys > 0;
  return {
    enabled,
    mechanism: 'softwareupdate',
    managed,
    autoReboot: null,
    rebootTime: null,
    schedule: null,
    otherProducts: null,
    storeApps: commerceManaged ?? commerceLocal,
    settings,
    limits,
  };
}

/** One entry of `system_profiler SPInstallHistoryDataType -json`. */
interface InstallHistoryItem {
  readonly name: string;
  readonly date: string;
  readonly version: string | null;
  readonly apple: boolean;
}

function parseJsonObject(stdout: string, what: string): Record<string, unknown> {
  const text = stdout.trim();
  if (text === '') throw new MacosOutputError(`${what} : sortie vide`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MacosOutputError(`${what} : JSON invalide ou tronqué`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MacosOutputError(`${what} : réponse inattendue`);
  return value as Record<string, unknown>;
}

/** Reads the install history (ISO dates only). Throws MacosOutputError on garbage. */
export function parseInstallHistory(stdout: string): InstallHistoryItem[] {
  const doc = parseJsonObject(stdout, 'system_profiler SPInstallHistoryDataType');
  const list = doc.SPInstallHistoryDataType;
  if (!Array.isArray(list))
    throw new MacosOutputError('system_profiler SPInstallHistoryDataType : liste absente');
  const out: InstallHistoryItem[] = [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const name = typeof r._name === 'string' ? r._name : null;
    const date =
      typeof r.install_date === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(r.install_date)
        ? r.install_date
        : null;
    if (!name || !date || Number.isNaN(Date.parse(date))) continue;
    out.push({
      name,
      date: new Date(Date.parse(date)).toISOString(),
      version: typeof r.install_version === 'string' ? r.install_version : null,
      apple: r.package_source === 'package_source_apple',
    });
  }
  return out.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** Apple data files (signatures, configuration, app assets) are not "updates installed" for the owner. */
function isDataPackage(name: string): boolean {
  return /ConfigData|Configuration Data|^MAContent10_|AssetPack|^XProtect|^MRT|Gatekeeper/i.test(name);
}

/** Last system update from the install history: Apple packages that are not data files. */
export function macosLastUpdateFacts(items: readonly InstallHistoryItem[]): LastUpdateFacts {
  const updates = items.filter((i) => i.apple && !isDataPackage(i.name));
  const history: UpdateHistoryEntry[] = updates.slice(0, 30).map((i) => ({
    date: i.date,
    title: i.version && !i.name.includes(i.version) ? `${i.name} ${i.version}` : i.name,
    result: 'succeeded',
  }));
  return {
    lastInstalledAt: updates[0]?.date ?? null,
    source: 'system_profiler SPInstallHistoryDataType',
    history,
  };
}

/** XProtect version from `defaults read …/XProtect.bundle/Contents/Info.plist CFBundleShortVersionString`. */
export function parseXprotectBundleVersion(stdout: string): string | null {
  const m = /^\s*(\d{3,6})\s*$/.exec(stdout);
  return m?.[1] ?? null;
}

/** XProtect version from `xprotect version` (macOS 15+), written from documentation: the first 4-6 digit number. */
export function parseXprotectCommandVersion(stdout: string): string | null {
  const m = /\b(\d{4,6})\b/.exec(stdout);
  return m?.[1] ?? null;
}

/**
 * XProtect (built into macOS, cannot be switched off) as the antivirus. The version in use is the
 * higher of the two copies; its date is the install date of that version in the history when listed.
 */
export function macosAntivirusFacts(
  versions: readonly (string | null)[],
  history: readonly InstallHistoryItem[] | null,
): AntivirusFacts {
  const known = versions.filter((v): v is string => v !== null).sort((a, b) => Number(b) - Number(a));
  const version = known[0] ?? null;
  const installs = (history ?? []).filter((i) => /^XProtect(PlistConfigData|PayloadData)?$/i.test(i.name));
  const match = version ? installs.find((i) => i.version === version) : undefined;
  const signatureDate = match?.date ?? (version === null ? (installs[0]?.date ?? null) : null);
  return {
    builtIn: true,
    products: [
      {
        name: 'XProtect',
        enabled: true,
        realTime: true,
        upToDate: null,
        signatureDate,
        signatureVersion: version ?? installs[0]?.version ?? null,
        source: 'XProtect (Info.plist, xprotect version, historique des installations)',
      },
    ],
  };
}

/** `socketfilterfw --getglobalstate` → firewall state ("State = 1" or "2": on; "0": off). */
export function parseSocketFilterFw(stdout: string): FirewallFacts {
  const state = /State\s*=\s*(\d)/.exec(stdout)?.[1];
  let enabled: boolean | null = null;
  if (state !== undefined) enabled = state !== '0';
  else if (/Firewall is enabled/i.test(stdout)) enabled = true;
  else if (/Firewall is disabled/i.test(stdout)) enabled = false;
  if (enabled === null) throw new MacosOutputError('socketfilterfw : état du pare-feu illisible');
  return { enabled, profiles: [{ name: 'Application Firewall', enabled }], tool: 'socketfilterfw' };
}

function publisherOf(app: Record<string, unknown>): string | null {
  const signed = Array.isArray(app.signed_by) ? app.signed_by : [];
  const first = typeof signed[0] === 'string' ? signed[0] : null;
  const dev = first
    ? /^Developer ID Application:\s*(.+?)\s*(\([A-Z0-9]{10}\))?$/.exec(first)?.[1]
    : undefined;
  if (dev) return dev;
  if (app.obtained_from === 'apple') return 'Apple';
  if (first && /^Apple Mac OS Application Signing$/i.test(first)) return null;
  return null;
}

/** `system_profiler SPApplicationsDataType -json` → installed applications (helpers inside bundles and system parts left out). */
export function parseApplications(stdout: string): InventoryFacts {
  const doc = parseJsonObject(stdout, 'system_profiler SPApplicationsDataType');
  const list = doc.SPApplicationsDataType;
  if (!Array.isArray(list))
    throw new MacosOutputError('system_profiler SPApplicationsDataType : liste absente');
  const seen = new Set<string>();
  const applications: InstalledApplication[] = [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const app = raw as Record<string, unknown>;
    const name = typeof app._name === 'string' ? app._name.trim() : '';
    const path = typeof app.path === 'string' ? app.path : '';
    if (!name) continue;
    if (/^\/System\/Library\/|^\/Library\/Apple\/|\.app\/Contents\/|\.framework\//.test(path)) continue;
    const version = typeof app.version === 'string' && app.version.trim() !== '' ? app.version.trim() : null;
    const key = `${name.toLowerCase()}\u0000${version ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const modified =
      typeof app.lastModified === 'string' && /^\d{4}-\d{2}-\d{2}/.test(app.lastModified)
        ? app.lastModified.slice(0, 10)
        : null;
    applications.push({
      name,
      version,
      publisher: publisherOf(app),
      source: 'macos-app',
      installDate: modified,
    });
  }
  return { applications };
}

/**
 * Automatic-update facts straight from captured `defaults read` outputs (an "after" capture of a
 * change); a null text means the domain does not exist. Throws PlistSyntaxError on unreadable text.
 * For the auto-updates work's verification.
 */
export function macosAutoUpdatesFromDefaults(texts: {
  local: string | null;
  managed: string | null;
  commerce: string | null;
  managedCommerce?: string | null;
}): AutoUpdateFacts {
  const read = (t: string | null | undefined): OldStyleValue | null =>
    t === null || t === undefined ? null : parseOldStylePlist(t);
  return macosAutoUpdateFacts({
    local: read(texts.local),
    managed: read(texts.managed),
    commerce: read(texts.commerce),
    managedCommerce: read(texts.managedCommerce),
  });
}
