/**
 * The Windows probes. `windows-main` starts PowerShell once for everything that answers quickly
 * (identity, update settings and history, restart, antivirus, firewall, installed software);
 * `windows-pending` runs the slow Windows Update search on its own, with its own timeout, so that a
 * search that does not finish gives "je n'ai pas pu vérifier", never "0 mise à jour".
 */
import type { FactSection, MachineFacts, OsFacts } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
import { WINDOWS_CHECKUP_SCRIPT } from './checkup-script';
import {
  parseWindowsCheckupOutput,
  parseWuaSearchOutput,
  section,
  windowsAntivirusFacts,
  windowsAutoUpdateFacts,
  windowsFirewallFacts,
  windowsHardwareFacts,
  windowsInventoryFacts,
  windowsLastUpdateFacts,
  windowsOsFacts,
  windowsRebootFacts,
  type JsonObject,
  type WindowsCheckupDoc,
} from './parse';
import { explainPowerShellFailure, powershellSpec } from './powershell';
import { windowsUpdateRuns, type UpdateRunFacts } from './update-runs';
import { WINDOWS_WUA_SEARCH_SCRIPT } from './wua-search-script';
import { wingetProbe } from '../../programs/probes';

export * from './parse';
export { WINDOWS_CHECKUP_SCRIPT } from './checkup-script';
export { WINDOWS_WUA_SEARCH_SCRIPT } from './wua-search-script';
export { powershellSpec, POWERSHELL_BOOTSTRAP, isScriptBlocked } from './powershell';

/** Capture/replay key of the main script run. */
export const WINDOWS_CHECKUP_ID = 'windows-checkup.ps1';
/** Capture/replay key of the Windows Update search. */
export const WINDOWS_WUA_SEARCH_ID = 'windows-wua-search.ps1';

/** The command that runs the checkup script (constant text; history size through the environment). */
export const windowsCheckupCommand = powershellSpec(WINDOWS_CHECKUP_ID, WINDOWS_CHECKUP_SCRIPT, 80_000, {
  REVISION_HISTORY_MAX: '200',
});
/** The command that runs the Windows Update search. */
export const windowsWuaSearchCommand = powershellSpec(
  WINDOWS_WUA_SEARCH_ID,
  WINDOWS_WUA_SEARCH_SCRIPT,
  110_000,
);

/** Every facts section the main script fills, from the script's JSON. Pure: failures are returned, not thrown. */
export function windowsFactsFromDoc(
  doc: WindowsCheckupDoc,
  now: Date,
): { facts: Partial<MachineFacts>; failures: Partial<Record<FactSection, string>> } {
  const facts: Partial<MachineFacts> = {};
  const failures: Partial<Record<FactSection, string>> = {};
  const read = <T>(
    target: FactSection,
    name: keyof WindowsCheckupDoc,
    build: (value: JsonObject) => T,
  ): T | null => {
    const s = section(doc, name);
    if ('error' in s) {
      failures[target] = s.error;
      return null;
    }
    try {
      return build(s.value);
    } catch (error) {
      failures[target] = `${name} : ${(error as Error).message}`;
      return null;
    }
  };
  const os: OsFacts | null = read('os', 'identity', windowsOsFacts);
  if (os) facts.os = os;
  const hardware = read('hardware', 'identity', windowsHardwareFacts);
  if (hardware) facts.hardware = hardware;
  const autoUpdates = read('autoUpdates', 'autoUpdates', (v) => windowsAutoUpdateFacts(v, os, now));
  if (autoUpdates) facts.autoUpdates = { ...autoUpdates, ...updateRuns(doc) };
  const lastUpdate = read('lastUpdate', 'history', windowsLastUpdateFacts);
  if (lastUpdate) facts.lastUpdate = lastUpdate;
  const reboot = read('reboot', 'reboot', windowsRebootFacts);
  if (reboot) facts.reboot = reboot;

  const defender = section(doc, 'defender');
  const center = section(doc, 'securityCenter');
  const antivirus = windowsAntivirusFacts(
    'value' in defender ? defender.value : null,
    'value' in center ? center.value : null,
    os,
  );
  if (antivirus) facts.antivirus = antivirus;
  else
    failures.antivirus =
      ['error' in defender ? defender.error : '', 'error' in center ? center.error : '']
        .filter(Boolean)
        .join(' ; ') || 'aucun antivirus lisible';

  const firewall = read('firewall', 'firewall', (v) =>
    windowsFirewallFacts(v, 'value' in center ? center.value : null),
  );
  if (firewall) facts.firewall = firewall;
  const inventory = read('inventory', 'apps', windowsInventoryFacts);
  if (inventory) facts.inventory = inventory;
  return { facts, failures };
}

/** Evidence that Windows Update ran, from the autoUpdates and history sections (either may be missing). */
function updateRuns(doc: WindowsCheckupDoc): UpdateRunFacts {
  const au = section(doc, 'autoUpdates');
  const history = section(doc, 'history');
  return windowsUpdateRuns('value' in au ? au.value : null, 'value' in history ? history.value : null);
}

async function runScript(
  ctx: ProbeContext,
  probeId: string,
  spec: typeof windowsCheckupCommand,
): Promise<string> {
  try {
    const result = await ctx.host.run(spec, { signal: ctx.signal, probe: probeId });
    return result.stdout;
  } catch (error) {
    throw explainPowerShellFailure(error, spec.id ?? probeId);
  }
}

const MAIN_SECTIONS: readonly FactSection[] = [
  'os',
  'hardware',
  'autoUpdates',
  'lastUpdate',
  'reboot',
  'antivirus',
  'firewall',
  'inventory',
];

/** One PowerShell run for the quick facts; a failed part fails only its own section. */
export const windowsMainProbe: Probe = {
  id: 'windows-main',
  labelKey: 'probes:windowsMain',
  sections: MAIN_SECTIONS,
  timeoutMs: 90_000,
  async run(ctx) {
    const doc = parseWindowsCheckupOutput(await runScript(ctx, 'windows-main', windowsCheckupCommand));
    const { facts, failures } = windowsFactsFromDoc(doc, ctx.now);
    for (const [name, message] of Object.entries(failures) as [FactSection, string][]) {
      ctx.reportSectionFailure?.(name, message, 'failed');
    }
    return facts;
  },
};

/** The Windows Update search for updates not yet installed (slow, its own timeout). */
export const windowsPendingProbe: Probe = {
  id: 'windows-pending',
  labelKey: 'probes:windowsPending',
  sections: ['pendingUpdates'],
  timeoutMs: 120_000,
  async run(ctx) {
    return {
      pendingUpdates: parseWuaSearchOutput(await runScript(ctx, 'windows-pending', windowsWuaSearchCommand)),
    };
  },
};

/** The Windows probes, run concurrently by runCheckup. */
export const windowsProbes: readonly Probe[] = [windowsMainProbe, windowsPendingProbe, wingetProbe];
