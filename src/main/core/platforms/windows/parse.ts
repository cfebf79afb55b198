/**
 * Pure functions from the Windows scripts' JSON to facts. No I/O: every function here is tested on
 * captured outputs, and the auto-updates work uses them to verify a change from an "after" capture.
 * Only ISO dates, booleans, numbers and invariant enum names are read; localised text (French update
 * titles, French dates) is kept for display and never interpreted.
 */
import type {
  AntivirusFacts,
  AntivirusProduct,
  AutoUpdateFacts,
  FirewallFacts,
  FirewallProfile,
  HardwareFacts,
  InstalledApplication,
  InventoryFacts,
  LastUpdateFacts,
  OsFacts,
  PendingUpdate,
  PendingUpdatesFacts,
  RebootFacts,
  SettingRead,
  UpdateHistoryEntry,
} from '../../../../shared/facts';

/** A JSON object as the scripts print it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The document printed by the checkup script: one entry per section, or `{ error }` for a failed one. */
export interface WindowsCheckupDoc {
  readonly meta?: unknown;
  readonly identity?: unknown;
  readonly autoUpdates?: unknown;
  readonly history?: unknown;
  readonly reboot?: unknown;
  readonly defender?: unknown;
  readonly securityCenter?: unknown;
  readonly firewall?: unknown;
  readonly apps?: unknown;
}

/** The output could not be read as the script's JSON (garbage, truncated, empty). */
export class WindowsOutputError extends Error {
  override readonly name = 'WindowsOutputError';
}

/** Microsoft Update ("other Microsoft products") service id. */
export const MICROSOFT_UPDATE_SERVICE_ID = '7971f918-a847-4430-9279-4a52d1efe18d';
/** Windows Update category "Definition Updates" (antivirus signatures, many a day: not "updates installed"). */
export const DEFINITION_UPDATES_CATEGORY = 'e0789628-ce08-4437-be74-2495b842f43b';
/** Windows Update category "Security Updates". */
export const SECURITY_UPDATES_CATEGORY = '0fa1201d-4330-4fa8-8ae9-b877473b6441';
/** KB articles of Defender signature packages, for history entries without categories. */
const DEFINITION_KBS = /\bKB(2267602|2461484|915597|4052623)\b/i;

const AU_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';
const WU_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate';
const UX_PATH = 'HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings';
const STORE_POLICY_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsStore';
const STORE_LOCAL_PATH = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsStore\\WindowsUpdate';

function obj(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}
function arr(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  // ConvertTo-Json turns a one-element array held in a variable into the element itself.
  return value === null || value === undefined ? [] : [value];
}
function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}
function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
/** An ISO 8601 date-time or null: localised dates ("21/03/2022 04:06:16") are refused, never guessed. */
export function isoDate(value: unknown): string | null {
  const s = str(value);
  if (!s || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The JSON the script printed: the whole output, or else its last line that is a complete JSON object
 * (ConvertTo-Json -Compress prints one line; a module may print a warning line before it).
 */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const last = text.split(/\r?\n/).reverse().find((l) => l.trim().startsWith('{'));
    if (last === undefined) throw new SyntaxError('no JSON line');
    return JSON.parse(last);
  }
}

/** Parses the checkup script's stdout. Throws WindowsOutputError on anything but one JSON object. */
export function parseWindowsCheckupOutput(stdout: string): WindowsCheckupDoc {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new WindowsOutputError('PowerShell n’a rien renvoyé');
  let value: unknown;
  try {
    value = jsonOf(text);
  } catch {
    throw new WindowsOutputError(`réponse de PowerShell illisible (JSON invalide ou tronqué, ${text.length} caractères)`);
  }
  const doc = obj(value);
  if (!doc) throw new WindowsOutputError('réponse de PowerShell inattendue (pas un objet JSON)');
  const known = ['identity', 'autoUpdates', 'history', 'reboot', 'defender', 'securityCenter', 'firewall', 'apps'];
  if (!known.some((k) => k in doc)) throw new WindowsOutputError('réponse de PowerShell inattendue (aucune section connue)');
  return doc as WindowsCheckupDoc;
}

/** A section's content, or the reason it is missing (the script's own error, or absence). */
export function section(doc: WindowsCheckupDoc, name: keyof WindowsCheckupDoc): { value: JsonObject } | { error: string } {
  const value = obj(doc[name]);
  if (!value) return { error: `section ${name} absente de la réponse` };
  const error = str(value.error);
  if (error) return { error: `${name} : ${error}` };
  return { value };
}

/** Windows edition family from the registry's EditionID. */
export function windowsEdition(editionId: string | null, isServer: boolean): OsFacts['edition'] {
  if (isServer) return 'server';
  const id = (editionId ?? '').toLowerCase();
  if (id === '') return null;
  if (id.startsWith('server')) return 'server';
  if (id.startsWith('core')) return 'home';
  if (id.startsWith('professional')) return 'pro';
  if (id.startsWith('education')) return 'education';
  if (id.startsWith('enterprise') || id.startsWith('iotenterprise')) return 'enterprise';
  return null;
}

/** OS identity from the `identity` section. */
export function windowsOsFacts(identity: JsonObject): OsFacts {
  const build = str(identity.currentBuild);
  const ubr = num(identity.ubr);
  const productType = num(identity.productType);
  const installationType = str(identity.installationType);
  const isServer = (productType !== null && productType !== 1) || /^server/i.test(installationType ?? '');
  const editionId = str(identity.editionId);
  const edition = windowsEdition(editionId, isServer);
  const buildNumber = build ? Number(build) : null;
  const caption = str(identity.caption)?.replace(/^Microsoft\s+/i, '') ?? null;
  const major = buildNumber !== null && buildNumber >= 22000 ? '11' : '10';
  const name = caption ?? (isServer ? `Windows Server` : `Windows ${major}${editionId ? ` ${editionId}` : ''}`);
  const mdm = num(identity.mdmEnrollments);
  const domain = bool(identity.partOfDomain);
  const managed = domain === true || (mdm !== null && mdm > 0) ? true : domain === false && mdm !== null ? false : null;
  const arch = str(identity.architecture);
  return {
    family: 'windows',
    name,
    version: str(identity.displayVersion) ?? str(identity.releaseId) ?? '',
    build: build ? (ubr !== null ? `${build}.${ubr}` : build) : null,
    edition,
    editionId,
    isServer,
    arch: arch ? (/^amd64$/i.test(arch) ? 'x64' : arch.toLowerCase()) : null,
    hostname: str(identity.hostname),
    managed,
  };
}

/** Hardware basics from the `identity` section. */
export function windowsHardwareFacts(identity: JsonObject): HardwareFacts {
  return {
    manufacturer: str(identity.manufacturer),
    model: str(identity.model),
    cpu: str(identity.cpu),
    memoryBytes: num(identity.memoryBytes),
  };
}

function settingsOf(path: string, values: JsonObject | null): SettingRead[] {
  if (!values) return [];
  return Object.entries(values)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => ({ source: `${path}\\${k}`, value: v as string | number | boolean }));
}

/** What the AUOptions policy value means for "installs by itself". */
function auOptionsInstallsAlone(value: number | null): boolean | null {
  switch (value) {
    case 4:
      return true;
    case 2: // notify before download
    case 3: // download, notify before install
    case 7: // Server 2016+: download, notify install, notify restart
      return false;
    default:
      return null; // 5 (local admin chooses) or unset: the policy does not decide
  }
}

/**
 * Effective automatic-update state from the `autoUpdates` section. `os` (from the same run) tells the
 * edition and whether the PC is domain-joined or enrolled in device management; without it the state
 * is still read but more is unknown. Limits are i18n keys under `findings:limits.*` (`windows.*`).
 */
export function windowsAutoUpdateFacts(section: JsonObject, os: OsFacts | null, now: Date = new Date()): AutoUpdateFacts {
  const au = obj(section.policyAU);
  const wu = obj(section.policyWU);
  const ux = obj(section.uxSettings);
  const storePolicy = obj(section.storePolicy);
  const storeLocal = obj(section.storeLocal);
  const settings: SettingRead[] = [
    ...settingsOf(AU_PATH, au),
    ...settingsOf(WU_PATH, wu),
    ...settingsOf(UX_PATH, ux).filter((s) => /Pause|Active|Restart/i.test(s.source)),
    ...settingsOf(STORE_POLICY_PATH, storePolicy),
    ...settingsOf(STORE_LOCAL_PATH, storeLocal),
  ];
  const limits: string[] = [];
  const startType = str(section.wuauservStartType);
  if (startType) settings.push({ source: 'Service wuauserv (StartType)', value: startType });
  const mu = bool(section.microsoftUpdateRegistered);
  settings.push({ source: `Microsoft.Update.ServiceManager ${MICROSOFT_UPDATE_SERVICE_ID}`, value: mu });
  const storeSetting = str(section.storeAutoUpdateSetting);
  if (storeSetting) settings.push({ source: 'AppInstallManager.AutoUpdateSetting', value: storeSetting });

  const noAutoUpdate = num(au?.NoAutoUpdate);
  const auOptions = num(au?.AUOptions);
  const useWuServer = num(au?.UseWUServer) === 1 && str(wu?.WUServer) !== null;
  const pausedUntil = isoDate(ux?.PauseUpdatesExpiryTime) ?? isoDate(ux?.PauseQualityUpdatesEndTime);
  const paused = pausedUntil !== null && Date.parse(pausedUntil) > now.getTime();

  let enabled: boolean | null;
  if (startType === 'Disabled') enabled = false;
  else if (noAutoUpdate === 1) enabled = false;
  else if (auOptionsInstallsAlone(auOptions) !== null) enabled = auOptionsInstallsAlone(auOptions);
  else if (paused) enabled = false;
  else if (os?.isServer) {
    // Windows Server without a policy: the default differs between versions and sconfig; do not guess.
    enabled = null;
    limits.push('windows.serverDefault');
  } else if (os) {
    // Windows 10/11 clients install updates by themselves unless a policy or a pause says otherwise.
    enabled = true;
  } else {
    enabled = null;
    limits.push('windows.identityUnknown');
  }
  if (paused && enabled !== false) enabled = false;
  if (paused) limits.push('windows.paused');
  if (os?.edition === 'home' && au && (noAutoUpdate !== null || auOptions !== null)) limits.push('windows.homePolicy');
  // Home has no supported policy switch: the state is read, but changes go through Settings.
  if (os?.edition === 'home') limits.push('windows.homeSettings');

  const schedule =
    auOptions === 4
      ? `ScheduledInstallDay=${num(au?.ScheduledInstallDay) ?? 0}; ScheduledInstallTime=${num(au?.ScheduledInstallTime) ?? 3}`
      : null;

  let otherProducts: boolean | null = mu;
  if (num(au?.AllowMUUpdateService) === 1) otherProducts = true;
  if (otherProducts === null) limits.push('windows.microsoftUpdateUnknown');

  let storeApps: boolean | null = null;
  if (storeSetting === 'Enabled' || storeSetting === 'EnabledByPolicy') storeApps = true;
  else if (storeSetting === 'Disabled' || storeSetting === 'DisabledByPolicy') storeApps = false;
  else if (num(storePolicy?.AutoDownload) === 2) storeApps = false;
  else if (num(storeLocal?.AutoDownload) === 2) storeApps = false;
  else if (num(storeLocal?.AutoDownload) === 4) storeApps = true;

  return {
    enabled,
    mechanism: 'windows-update',
    managed: os?.managed === true || useWuServer,
    autoReboot: null,
    rebootTime: null,
    schedule,
    otherProducts,
    storeApps,
    settings,
    limits,
  };
}

function isDefinitionUpdate(entry: JsonObject): boolean {
  const cats = arr(entry.categoryIds).map((c) => String(c).toLowerCase());
  if (cats.includes(DEFINITION_UPDATES_CATEGORY)) return true;
  return DEFINITION_KBS.test(String(entry.title ?? ''));
}

/** Last installed update and history from the `history` section (Windows Update Agent QueryHistory). */
export function windowsLastUpdateFacts(section: JsonObject): LastUpdateFacts {
  const history: (UpdateHistoryEntry & { t: number })[] = [];
  for (const raw of arr(section.entries)) {
    const e = obj(raw);
    if (!e || isDefinitionUpdate(e)) continue;
    const date = isoDate(e.date);
    if (!date) continue;
    const op = num(e.operation);
    if (op !== null && op !== 1) continue; // 2 = uninstallation
    const code = num(e.resultCode);
    const result: UpdateHistoryEntry['result'] = code === 2 || code === 3 ? 'succeeded' : code === 4 || code === 5 ? 'failed' : 'other';
    history.push({ date, title: str(e.title) ?? '', result, t: Date.parse(date) });
  }
  history.sort((a, b) => b.t - a.t);
  let last = history.find((h) => h.result === 'succeeded')?.date ?? null;
  let source = 'Windows Update Agent (QueryHistory)';
  if (!last) {
    // Fallback only: Get-HotFix misses updates, but a date there is better than none.
    const dates = arr(section.hotfixes)
      .map((h) => isoDate(obj(h)?.installedOn))
      .filter((d): d is string => d !== null)
      .sort();
    if (dates.length > 0) {
      last = dates.at(-1) ?? null;
      source = 'Get-HotFix (Win32_QuickFixEngineering)';
    }
  }
  return {
    lastInstalledAt: last,
    source,
    history: history.slice(0, 30).map(({ t: _t, ...h }) => h),
  };
}

/**
 * Pending restart from the `reboot` section. PendingFileRenameOperations alone is a weak signal (other
 * software sets it): it still marks a restart as required, but only with weak signals, so the finding
 * says "peut-être" and never more than attention.
 */
export function windowsRebootFacts(section: JsonObject): RebootFacts {
  const cbs = bool(section.cbsRebootPending) === true;
  const wu = bool(section.wuRebootRequired) === true;
  const agent = bool(section.agentRebootRequired);
  const pfro = bool(section.pendingFileRenameOperations) === true;
  const signals = [
    { name: 'Component Based Servicing\\RebootPending', present: cbs, weak: false },
    { name: 'WindowsUpdate\\Auto Update\\RebootRequired', present: wu, weak: false },
    { name: 'Microsoft.Update.SystemInfo.RebootRequired', present: agent === true, weak: false },
    { name: 'Session Manager\\PendingFileRenameOperations', present: pfro, weak: true },
  ];
  return { required: cbs || wu || agent === true || pfro, signals };
}

/** Decoded SecurityCenter2 productState (community decoding, not documented by Microsoft). */
export interface ProductState {
  readonly state: 'on' | 'off' | 'snoozed' | 'expired' | 'unknown';
  readonly upToDate: boolean;
  readonly microsoft: boolean;
}

/** Decodes a SecurityCenter2 productState (e.g. 397568 → on, up to date, Windows' own). */
export function decodeProductState(value: number): ProductState {
  const stateBits = (value >> 12) & 0xf;
  const state = stateBits === 1 ? 'on' : stateBits === 0 ? 'off' : stateBits === 2 ? 'snoozed' : stateBits === 3 ? 'expired' : 'unknown';
  return { state, upToDate: ((value >> 4) & 0xf) === 0, microsoft: ((value >> 8) & 0xf) === 1 };
}

/**
 * Antivirus facts from the `defender` and `securityCenter` sections. Returns null when neither could
 * be read (the section then fails). On Windows Server, SecurityCenter2 does not exist: Defender alone.
 */
export function windowsAntivirusFacts(defender: JsonObject | null, securityCenter: JsonObject | null, os: OsFacts | null): AntivirusFacts | null {
  const third: AntivirusProduct[] = [];
  let defenderFromCenter: AntivirusProduct | null = null;
  const byName = new Map<string, AntivirusProduct>();
  for (const raw of arr(securityCenter?.antivirus)) {
    const p = obj(raw);
    const name = str(p?.displayName);
    const state = num(p?.productState);
    if (!p || !name || state === null) continue;
    const d = decodeProductState(state);
    const product: AntivirusProduct = {
      name,
      enabled: d.state === 'on' ? true : d.state === 'unknown' ? null : false,
      realTime: null,
      upToDate: d.upToDate,
      signatureDate: null,
      source: `SecurityCenter2 (productState ${state})`,
    };
    // Defender's own registration (not "Bitdefender", whose name contains "defender").
    if (d.microsoft || /^(windows|microsoft) defender\b/i.test(name)) {
      defenderFromCenter = product;
      continue;
    }
    // The same product is often registered twice after an upgrade: merge, keeping the best state.
    const prev = byName.get(name.toLowerCase());
    if (prev) {
      const merged: AntivirusProduct = {
        ...prev,
        enabled: prev.enabled === true || product.enabled === true ? true : prev.enabled ?? product.enabled,
        upToDate: (prev.enabled === true && prev.upToDate === true) || (product.enabled === true && product.upToDate === true) ? true : (prev.upToDate ?? false) && (product.upToDate ?? false),
      };
      third[third.indexOf(prev)] = merged;
      byName.set(name.toLowerCase(), merged);
    } else {
      third.push(product);
      byName.set(name.toLowerCase(), product);
    }
  }
  const thirdActive = third.some((p) => p.enabled === true);
  const products: AntivirusProduct[] = [];
  if (defender && bool(defender.available) !== false) {
    const mode = str(defender.amRunningMode) ?? '';
    const running = !/not running/i.test(mode);
    const enabled = bool(defender.amServiceEnabled) === true && bool(defender.antivirusEnabled) === true && running;
    const passive = /passive/i.test(mode) || (!running && thirdActive);
    const outOfDate = bool(defender.defenderSignaturesOutOfDate);
    products.push({
      name: 'Microsoft Defender Antivirus',
      enabled: passive ? false : enabled,
      realTime: bool(defender.realTimeProtectionEnabled),
      upToDate: outOfDate === null ? null : !outOfDate,
      signatureDate: isoDate(defender.antivirusSignatureLastUpdated),
      signatureVersion: str(defender.antivirusSignatureVersion),
      passive,
      source: `Get-MpComputerStatus (AMRunningMode ${mode || '?'})`,
    });
  } else if (defenderFromCenter) {
    products.push(defenderFromCenter);
  }
  products.push(...third);
  const haveDefender = defender !== null;
  const haveCenter = securityCenter !== null || os?.isServer === true;
  if (!haveDefender && !haveCenter) return null;
  if (products.length === 0 && !haveCenter) return null;
  return { products };
}

/** Firewall facts from the `firewall` section, plus third-party firewalls registered in SecurityCenter2. */
export function windowsFirewallFacts(section: JsonObject, securityCenter: JsonObject | null = null): FirewallFacts {
  const profiles: FirewallProfile[] = arr(section.profiles).flatMap((raw) => {
    const p = obj(raw);
    const name = str(p?.name);
    if (!p || !name) return [];
    const e = str(p.enabled) ?? (typeof p.enabled === 'boolean' ? String(p.enabled) : null);
    const enabled = e && /^true$/i.test(e) ? true : e && /^false$/i.test(e) ? false : null;
    return [{ name, enabled }];
  });
  const thirdParty: FirewallProfile[] = arr(securityCenter?.firewall).flatMap((raw) => {
    const p = obj(raw);
    const name = str(p?.displayName);
    const state = num(p?.productState);
    if (!name || state === null) return [];
    const d = decodeProductState(state);
    if (d.microsoft) return [];
    return [{ name, enabled: d.state === 'on' ? true : d.state === 'unknown' ? null : false }];
  });
  let enabled: boolean | null;
  if (profiles.length === 0) enabled = null;
  else if (profiles.every((p) => p.enabled === true)) enabled = true;
  else if (profiles.some((p) => p.enabled === false)) enabled = false;
  else enabled = null;
  // A third-party firewall that Windows reports as on takes over from the Windows profiles.
  if (enabled !== true && thirdParty.some((p) => p.enabled === true)) enabled = true;
  return { enabled, profiles: [...profiles, ...thirdParty], tool: 'Windows Defender Firewall' };
}

function installDateOf(raw: string | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw ?? '');
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function publisherFromSubject(subject: string | null): string | null {
  if (!subject) return null;
  const m = /(?:^|,\s*)O=("?)([^,"]+)\1/.exec(subject) ?? /(?:^|,\s*)CN=("?)([^,"]+)\1/.exec(subject);
  return m?.[2]?.trim() ?? null;
}

/**
 * The software inventory from the `apps` section: the three Uninstall views and Store apps, without
 * system components and updates (ParentKeyName), duplicates merged (same name and version).
 */
export function windowsInventoryFacts(section: JsonObject): InventoryFacts {
  const seen = new Set<string>();
  const applications: InstalledApplication[] = [];
  const add = (app: InstalledApplication): void => {
    const key = `${app.name.toLowerCase()}\u0000${app.version ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    applications.push(app);
  };
  const order = { registry: 0, 'registry-32': 1, 'registry-user': 2 } as const;
  const registry = arr(section.registry)
    .map(obj)
    .filter((e): e is JsonObject => e !== null)
    .sort((a, b) => (order[String(a.source) as keyof typeof order] ?? 3) - (order[String(b.source) as keyof typeof order] ?? 3));
  for (const e of registry) {
    const name = str(e.name);
    if (!name) continue;
    if (e.systemComponent === true || str(e.parentKeyName)) continue;
    if (/^(security update|update rollup|hotfix)$/i.test(str(e.releaseType) ?? '')) continue;
    const source = e.source === 'registry-32' ? 'registry-32' : e.source === 'registry-user' ? 'registry-user' : 'registry';
    add({ name, version: str(e.version), publisher: str(e.publisher), source, installDate: installDateOf(str(e.installDate)) });
  }
  const store = obj(section.store);
  if (store && !str(store.error)) {
    for (const raw of arr(store.packages)) {
      const p = obj(raw);
      const pkg = str(p?.name);
      if (!p || !pkg) continue;
      const display = str(p.displayName);
      const name = display && !display.startsWith('ms-resource:') ? display : pkg;
      add({ name, version: str(p.version), publisher: str(p.publisherDisplayName) ?? publisherFromSubject(str(p.publisher)), source: 'store', installDate: null });
    }
  }
  return { applications };
}

/** The WUA search result could not be used (garbage, or the agent reported a failure). */
export class WuaSearchError extends Error {
  override readonly name = 'WuaSearchError';
}

/** Pending updates from the WUA search script's stdout. Never "0 updates" from an output it cannot read. */
export function parseWuaSearchOutput(stdout: string): PendingUpdatesFacts {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new WuaSearchError('la recherche de mises à jour n’a rien renvoyé');
  let value: unknown;
  try {
    value = jsonOf(text);
  } catch {
    throw new WuaSearchError('réponse de la recherche de mises à jour illisible (JSON invalide ou tronqué)');
  }
  const doc = obj(value);
  const code = num(doc?.resultCode);
  if (!doc || code === null) throw new WuaSearchError('réponse de la recherche de mises à jour inattendue');
  // OperationResultCode: 2 succeeded, 3 succeeded with errors; 4 failed, 5 aborted.
  if (code !== 2 && code !== 3) throw new WuaSearchError(`la recherche de mises à jour a échoué (code ${code})`);
  const items: PendingUpdate[] = [];
  for (const raw of arr(doc.updates)) {
    const u = obj(raw);
    if (!u) continue;
    const cats = arr(u.categories).map((c) => String(obj(c)?.id ?? '').toLowerCase());
    if (cats.includes(DEFINITION_UPDATES_CATEGORY)) continue; // signatures: the antivirus line covers them
    const kb = arr(u.kb).map(String).filter(Boolean);
    items.push({
      name: str(u.title) ?? (kb[0] ? `KB${kb[0]}` : 'mise à jour'),
      version: kb[0] ? `KB${kb[0]}` : null,
      security: str(u.msrcSeverity) !== null || cats.includes(SECURITY_UPDATES_CATEGORY),
      restartRequired: (num(u.rebootBehavior) ?? 0) !== 0,
    });
  }
  return { total: items.length, security: items.filter((i) => i.security).length, items, source: 'Windows Update Agent (Search)' };
}

/**
 * Automatic-update facts straight from a captured checkup-script output (an "after" capture of a
 * change): identity and settings from the same run, as the probe reads them. Null when the output
 * or its autoUpdates section cannot be read. For the auto-updates work's verification.
 */
export function windowsAutoUpdatesFromOutput(stdout: string, now: Date): AutoUpdateFacts | null {
  let doc: WindowsCheckupDoc;
  try {
    doc = parseWindowsCheckupOutput(stdout);
  } catch {
    return null;
  }
  const au = section(doc, 'autoUpdates');
  if ('error' in au) return null;
  const id = section(doc, 'identity');
  return windowsAutoUpdateFacts(au.value, 'value' in id ? windowsOsFacts(id.value) : null, now);
}
