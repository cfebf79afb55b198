/** Automatic-update state from the `autoUpdates` section: policies, service, pause, Store, evidence of runs. */
import type { AutoUpdateFacts, OsFacts, SettingRead } from '../../../../shared/facts';
import {
  MICROSOFT_UPDATE_SERVICE_ID,
  bool,
  isoDate,
  num,
  obj,
  parseWindowsCheckupOutput,
  section,
  str,
  type JsonObject,
  type WindowsCheckupDoc,
} from './common';
import { windowsOsFacts } from './identity';

const AU_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';
const WU_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate';
const UX_PATH = 'HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings';
const STORE_POLICY_PATH = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsStore';
const STORE_LOCAL_PATH = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsStore\\WindowsUpdate';

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
export function windowsAutoUpdateFacts(
  section: JsonObject,
  os: OsFacts | null,
  now: Date = new Date(),
): AutoUpdateFacts {
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
  if (os?.edition === 'home' && au && (noAutoUpdate !== null || auOptions !== null))
    limits.push('windows.homePolicy');
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
