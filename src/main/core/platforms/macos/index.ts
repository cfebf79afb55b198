/**
 * The macOS probes, one per area, run concurrently. Each command has a stable id so captures
 * replay by key. `softwareupdate -l` needs the network and can take minutes: it has its own probe
 * and timeout, and a search that does not finish gives "je n'ai pas pu vérifier", never "0".
 */
import type { Probe, ProbeContext } from '../../checkup/probe';
import type { CommandSpec } from '../../exec/host';
import { isRunError } from '../../exec/host';
import { parseOldStylePlist, type OldStyleValue } from './old-style-plist';
import { macosProgramUpdatesProbe } from '../../programs/probes';
import {
  COMMERCE_DOMAIN,
  MANAGED_COMMERCE_DOMAIN,
  MANAGED_SOFTWARE_UPDATE_DOMAIN,
  SOFTWARE_UPDATE_DOMAIN,
  macosAntivirusFacts,
  macosAutoUpdateFacts,
  macosLastUpdateFacts,
  macosUpdateRuns,
  parseApplications,
  parseInstallHistory,
  parseProfilesEnrollment,
  parseSocketFilterFw,
  parseSoftwareUpdateList,
  parseSoftwareUpdateSchedule,
  parseSwVers,
  parseXprotectBundleVersion,
  parseXprotectCommandVersion,
} from './parse';

export * from './parse';
export { parseOldStylePlist, plistBool, PlistSyntaxError, type OldStyleValue } from './old-style-plist';

/** The XProtect bundle's Info.plist (read with `defaults read`, without the .plist suffix). */
export const XPROTECT_INFO = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info';

/** Every command the macOS probes run, by capture key. */
export const macosCommands = {
  swVers: { id: 'sw_vers', file: '/usr/bin/sw_vers', args: [] },
  computerName: { id: 'scutil-computername', file: '/usr/sbin/scutil', args: ['--get', 'ComputerName'] },
  arch: { id: 'uname-m', file: '/usr/bin/uname', args: ['-m'] },
  enrollment: {
    id: 'profiles-enrollment',
    file: '/usr/bin/profiles',
    args: ['status', '-type', 'enrollment'],
  },
  defaultsRead: (domain: string): CommandSpec => ({
    id: `defaults-read ${domain}`,
    file: '/usr/bin/defaults',
    args: ['read', domain],
  }),
  installHistory: {
    id: 'system_profiler-install-history',
    file: '/usr/sbin/system_profiler',
    args: ['SPInstallHistoryDataType', '-json'],
    timeoutMs: 60_000,
  },
  xprotectBundle: {
    id: 'xprotect-bundle-version',
    file: '/usr/bin/defaults',
    args: ['read', XPROTECT_INFO, 'CFBundleShortVersionString'],
  },
  xprotectCommand: { id: 'xprotect-version', file: '/usr/bin/xprotect', args: ['version'] },
  softwareUpdateSchedule: {
    id: 'softwareupdate-schedule',
    file: '/usr/sbin/softwareupdate',
    args: ['--schedule'],
  },
  softwareUpdateList: {
    id: 'softwareupdate-list',
    file: '/usr/sbin/softwareupdate',
    args: ['-l'],
    timeoutMs: 150_000,
  },
  firewall: {
    id: 'socketfilterfw-globalstate',
    file: '/usr/libexec/ApplicationFirewall/socketfilterfw',
    args: ['--getglobalstate'],
  },
  applications: {
    id: 'system_profiler-applications',
    file: '/usr/sbin/system_profiler',
    args: ['SPApplicationsDataType', '-json'],
    timeoutMs: 90_000,
    maxOutputBytes: 64 * 1024 * 1024,
  },
} as const satisfies Record<string, CommandSpec | ((d: string) => CommandSpec)>;

async function run(ctx: ProbeContext, probe: string, spec: CommandSpec): Promise<string> {
  return (await ctx.host.run(spec, { signal: ctx.signal, probe })).stdout;
}

/** Reads a preference domain with `defaults read`; null when the file does not exist. */
export async function readDomain(
  ctx: ProbeContext,
  probe: string,
  domain: string,
): Promise<OldStyleValue | null> {
  if (!(await ctx.host.exists(`${domain}.plist`, { signal: ctx.signal, probe }))) return null;
  return parseOldStylePlist(await run(ctx, probe, macosCommands.defaultsRead(domain)));
}

/** Runs a command whose failure is tolerated (a second source); null on failure. */
async function optional(ctx: ProbeContext, probe: string, spec: CommandSpec): Promise<string | null> {
  try {
    return await run(ctx, probe, spec);
  } catch (error) {
    if (isRunError(error) || error instanceof Error) return null;
    throw error;
  }
}

/** macOS identity: sw_vers, and MDM enrolment when `profiles` answers. */
export const macosIdentityProbe: Probe = {
  id: 'macos-identity',
  labelKey: 'probes:identity',
  sections: ['os'],
  timeoutMs: 15_000,
  async run(ctx) {
    const id = 'macos-identity';
    const [swVers, enrollment, name, arch] = await Promise.all([
      run(ctx, id, macosCommands.swVers),
      optional(ctx, id, macosCommands.enrollment),
      optional(ctx, id, macosCommands.computerName),
      optional(ctx, id, macosCommands.arch),
    ]);
    const os = parseSwVers(swVers, enrollment === null ? null : parseProfilesEnrollment(enrollment));
    return { os: { ...os, hostname: name?.trim() || null, arch: arch?.trim() || null } };
  },
};

/** Software Update and App Store settings, local and profile-managed. */
export const macosAutoUpdatesProbe: Probe = {
  id: 'macos-auto-updates',
  labelKey: 'probes:autoUpdates',
  sections: ['autoUpdates'],
  timeoutMs: 20_000,
  async run(ctx) {
    const id = 'macos-auto-updates';
    const [local, managed, commerce, managedCommerce] = await Promise.all([
      readDomain(ctx, id, SOFTWARE_UPDATE_DOMAIN),
      readDomain(ctx, id, MANAGED_SOFTWARE_UPDATE_DOMAIN),
      readDomain(ctx, id, COMMERCE_DOMAIN),
      readDomain(ctx, id, MANAGED_COMMERCE_DOMAIN),
    ]);
    // The background schedule's effective state, asked every time: it says whether Software Update is
    // started at all (and stands in for AutomaticCheckEnabled, often absent on a fresh Mac).
    const out = await optional(ctx, id, macosCommands.softwareUpdateSchedule);
    const scheduleOn = out === null ? null : parseSoftwareUpdateSchedule(out);
    const facts = macosAutoUpdateFacts({ local, managed, commerce, managedCommerce, scheduleOn });
    return { autoUpdates: { ...facts, ...macosUpdateRuns(local, scheduleOn) } };
  },
};

/** Install history (last update) and XProtect (version and date): one history read for both. */
export const macosHistoryProbe: Probe = {
  id: 'macos-history',
  labelKey: 'probes:lastUpdate',
  sections: ['lastUpdate', 'antivirus'],
  timeoutMs: 75_000,
  async run(ctx) {
    const id = 'macos-history';
    const [historyOut, bundle, command] = await Promise.all([
      run(ctx, id, macosCommands.installHistory).then(
        (out) => ({ out }),
        (error: unknown) => ({ error }),
      ),
      optional(ctx, id, macosCommands.xprotectBundle),
      optional(ctx, id, macosCommands.xprotectCommand),
    ]);
    let history: ReturnType<typeof parseInstallHistory> | null = null;
    let historyError: string | null = null;
    if ('out' in historyOut) {
      try {
        history = parseInstallHistory(historyOut.out);
      } catch (error) {
        historyError = (error as Error).message;
      }
    } else {
      historyError = historyOut.error instanceof Error ? historyOut.error.message : String(historyOut.error);
    }
    const versions = [
      bundle === null ? null : parseXprotectBundleVersion(bundle),
      command === null ? null : parseXprotectCommandVersion(command),
    ];
    if (history === null)
      ctx.reportSectionFailure?.('lastUpdate', historyError ?? 'historique illisible', 'failed');
    if (history === null && versions.every((v) => v === null)) {
      ctx.reportSectionFailure?.('antivirus', `XProtect illisible ; ${historyError ?? ''}`, 'failed');
      return {};
    }
    return {
      ...(history ? { lastUpdate: macosLastUpdateFacts(history) } : {}),
      antivirus: macosAntivirusFacts(versions, history),
    };
  },
};

/** `softwareupdate -l`: pending updates and the restart they need (slow, network). */
export const macosPendingProbe: Probe = {
  id: 'macos-pending',
  labelKey: 'probes:pendingUpdates',
  sections: ['pendingUpdates', 'reboot'],
  timeoutMs: 160_000,
  async run(ctx) {
    const result = await ctx.host.run(macosCommands.softwareUpdateList, {
      signal: ctx.signal,
      probe: 'macos-pending',
    });
    // "No new software available." goes to standard error: read both.
    const { pending, reboot } = parseSoftwareUpdateList(`${result.stdout}\n${result.stderr}`);
    if (reboot === null) {
      ctx.reportSectionFailure?.(
        'reboot',
        'softwareupdate -l : besoin de redémarrage illisible pour une mise à jour',
        'failed',
      );
      return { pendingUpdates: pending };
    }
    return { pendingUpdates: pending, reboot };
  },
};

/** The application firewall. */
export const macosFirewallProbe: Probe = {
  id: 'macos-firewall',
  labelKey: 'probes:firewall',
  sections: ['firewall'],
  timeoutMs: 15_000,
  async run(ctx) {
    return { firewall: parseSocketFilterFw(await run(ctx, 'macos-firewall', macosCommands.firewall)) };
  },
};

/** Installed applications (system_profiler, several seconds). */
export const macosInventoryProbe: Probe = {
  id: 'macos-inventory',
  labelKey: 'probes:inventory',
  sections: ['inventory'],
  timeoutMs: 100_000,
  async run(ctx) {
    return { inventory: parseApplications(await run(ctx, 'macos-inventory', macosCommands.applications)) };
  },
};

/** The macOS probes, run concurrently by runCheckup. */
export const macosProbes: readonly Probe[] = [
  macosIdentityProbe,
  macosAutoUpdatesProbe,
  macosHistoryProbe,
  macosPendingProbe,
  macosFirewallProbe,
  macosInventoryProbe,
  { ...macosProgramUpdatesProbe, after: [macosInventoryProbe.id] },
];
