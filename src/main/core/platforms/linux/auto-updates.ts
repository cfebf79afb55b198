/**
 * Auto-updates probe. Debian/Ubuntu: unattended-upgrades, read from the effective apt settings
 * (`apt-config dump` merges every apt.conf.d file) plus whether the package is installed.
 * Fedora/RHEL: dnf-automatic, from /etc/dnf/automatic.conf and the timers' state.
 */
import type { AutoUpdateFacts, SettingRead } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
import { RunError, isRunError } from '../../exec/host';
import { aptEvidence, schedulerRunning, timerRunEvidence } from './auto-update-evidence';
import { yumCronAutoUpdates, yumCronInstalled } from './yum';
import { zypperAutoUpdates } from './zypper';
import { packageManagerOf, unreadDistribution } from './util';

/** Parses `apt-config dump` into key → value (list items keep their "Key::" form, last value wins). */
export function parseAptConfigDump(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+"(.*)";\s*$/.exec(line.trim());
    if (m?.[1] !== undefined) out.set(m[1], m[2] ?? '');
  }
  return out;
}

/** Whether an APT::Periodic value switches a job on ("1", "always", a number of days ≥ 1). */
export function periodicOn(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === 'always') return true;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0;
}

/** The keys of apt settings that decide automatic updates, kept for the technical annex. */
export const APT_AUTO_KEYS = [
  'APT::Periodic::Enable',
  'APT::Periodic::Update-Package-Lists',
  'APT::Periodic::Unattended-Upgrade',
  'Unattended-Upgrade::Automatic-Reboot',
  'Unattended-Upgrade::Automatic-Reboot-Time',
] as const;

/**
 * Judges Debian/Ubuntu automatic updates from the apt settings, the package state and the
 * timer state (`systemctl is-enabled` answer, null when systemctl could not say).
 */
export function aptAutoUpdateFacts(config: Map<string, string>, packageInstalled: boolean, timerState: string | null, systemdRunning: boolean | null = null): AutoUpdateFacts {
  const settings: SettingRead[] = APT_AUTO_KEYS.map((key) => ({ source: key, value: config.get(key) ?? null }));
  settings.push({ source: 'dpkg: unattended-upgrades', value: packageInstalled ? 'installed' : 'not installed' });
  settings.push({ source: 'systemctl is-enabled apt-daily-upgrade.timer', value: timerState });
  const limits: string[] = [];
  const periodicEnabled = config.get('APT::Periodic::Enable');
  const configOn =
    (periodicEnabled === undefined || periodicOn(periodicEnabled)) &&
    periodicOn(config.get('APT::Periodic::Update-Package-Lists')) &&
    periodicOn(config.get('APT::Periodic::Unattended-Upgrade'));
  let enabled: boolean | null = packageInstalled && configOn;
  if (enabled && timerState !== null && /^(disabled|masked)/.test(timerState)) enabled = false;
  if (enabled && timerState === null) limits.push('timerUnknown');
  // The timer only fires under a running systemd (containers often have none): say so rather than promise.
  if (enabled && systemdRunning === false) limits.push('noSystemd');
  const reboot = config.get('Unattended-Upgrade::Automatic-Reboot');
  return {
    enabled,
    mechanism: 'unattended-upgrades',
    installed: packageInstalled,
    managed: false,
    autoReboot: reboot === undefined ? null : /^(true|1|yes)$/i.test(reboot),
    rebootTime: config.get('Unattended-Upgrade::Automatic-Reboot-Time') ?? null,
    schedule: null,
    settings,
    limits,
  };
}

/** Parses an INI file (dnf's automatic.conf) into section → key → value. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s?.[1]) {
      section = s[1].trim();
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (kv?.[1]) (out[section] ??= {})[kv[1]] = (kv[2] ?? '').trim();
  }
  return out;
}

/** The dnf-automatic timers and what each does. */
export const DNF_TIMERS = ['dnf-automatic.timer', 'dnf-automatic-install.timer', 'dnf5-automatic.timer'] as const;

/**
 * Judges Fedora/RHEL automatic updates. `timers` maps each timer to its `systemctl is-enabled`
 * answer, or null when systemctl could not say (no systemd): then the state is unknown.
 */
export function dnfAutoUpdateFacts(
  conf: Record<string, Record<string, string>> | null,
  packageInstalled: boolean,
  timers: Readonly<Record<string, string | null>>,
): AutoUpdateFacts {
  const apply = conf?.commands?.apply_updates ?? null;
  const settings: SettingRead[] = [
    { source: '/etc/dnf/automatic.conf [commands] apply_updates', value: apply },
    { source: '/etc/dnf/automatic.conf [commands] upgrade_type', value: conf?.commands?.upgrade_type ?? null },
    { source: '/etc/dnf/automatic.conf [commands] reboot', value: conf?.commands?.reboot ?? null },
    { source: 'rpm: dnf-automatic', value: packageInstalled ? 'installed' : 'not installed' },
    ...Object.entries(timers).map(([timer, state]) => ({ source: `systemctl is-enabled ${timer}`, value: state })),
  ];
  const limits: string[] = [];
  const on = (state: string | null | undefined): boolean => state !== null && state !== undefined && /^(enabled|static|alias|indirect)/.test(state);
  const applyOn = apply !== null && /^(yes|true|1|on)$/i.test(apply);
  let enabled: boolean | null;
  if (!packageInstalled) enabled = false;
  else if (Object.values(timers).some((s) => s === null)) {
    const known = on(timers['dnf-automatic-install.timer']) || ((on(timers['dnf-automatic.timer']) || on(timers['dnf5-automatic.timer'])) && applyOn);
    enabled = known ? true : null;
    if (!known) limits.push('timerUnknown');
  } else {
    enabled = on(timers['dnf-automatic-install.timer']) || ((on(timers['dnf-automatic.timer']) || on(timers['dnf5-automatic.timer'])) && applyOn);
  }
  const reboot = conf?.commands?.reboot;
  return {
    enabled,
    mechanism: 'dnf-automatic',
    installed: packageInstalled,
    managed: false,
    autoReboot: reboot === undefined ? null : reboot !== 'never',
    rebootTime: null,
    schedule: null,
    settings,
    limits,
  };
}

/** `systemctl is-enabled UNIT`: its answer ("enabled", "disabled", "masked"…), or null when systemctl cannot say. */
export async function timerState(ctx: ProbeContext, unit: string, probe: string): Promise<string | null> {
  try {
    const r = await ctx.host.run(
      { file: 'systemctl', args: ['is-enabled', unit], timeoutMs: 5_000, okExitCodes: [0, 1] },
      { signal: ctx.signal, probe },
    );
    const answer = r.stdout.trim().split('\n')[0]?.trim() ?? '';
    // "not-found" or an empty answer with exit 1 means the unit does not exist: treat as disabled.
    if (r.exitCode !== 0 && /not-found|No such file/i.test(answer + r.stderr)) return 'not-found';
    return answer || null;
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    return null;
  }
}

/** Whether a Debian package is installed (dpkg-query exits 1 for an unknown package). */
export async function dpkgInstalled(ctx: ProbeContext, pkg: string, probe: string): Promise<boolean> {
  const r = await ctx.host.run(
    { file: 'dpkg-query', args: ['-W', '-f=${Status}', pkg], timeoutMs: 10_000, okExitCodes: [0, 1] },
    { signal: ctx.signal, probe },
  );
  return r.exitCode === 0 && /\binstall ok installed\b/.test(r.stdout);
}

/** Reads the automatic-update configuration. */
export const autoUpdatesProbe: Probe = {
  id: 'auto-updates',
  labelKey: 'autoUpdates',
  sections: ['autoUpdates'],
  timeoutMs: 15_000,
  after: ['identity'],
  async run(ctx) {
    const probe = 'auto-updates';
    const pm = await packageManagerOf(ctx, probe);
    if (pm === 'apt') {
      const [dump, installed, timer, systemd] = await Promise.all([
        ctx.host.run({ file: 'apt-config', args: ['dump'], timeoutMs: 10_000 }, { signal: ctx.signal, probe }),
        dpkgInstalled(ctx, 'unattended-upgrades', probe),
        timerState(ctx, 'apt-daily-upgrade.timer', probe),
        // Optional signal: a capture made before this check was added still replays.
        ctx.host.exists('/run/systemd/system', { signal: ctx.signal, probe }).catch(() => null),
      ]);
      const config = parseAptConfigDump(dump.stdout);
      if (config.size === 0) throw new RunError('failed', 'apt-config dump', 'apt-config dump : réponse illisible (aucun réglage reconnu)');
      const evidence = installed ? await aptEvidence(ctx, probe) : {};
      return { autoUpdates: { ...aptAutoUpdateFacts(config, installed, timer, systemd), ...evidence } };
    }
    if (pm === 'dnf') {
      const rpm = await ctx.host.run(
        { file: 'rpm', args: ['-q', 'dnf-automatic', 'dnf5-plugin-automatic'], timeoutMs: 10_000, okExitCodes: [0, 1, 2] },
        { signal: ctx.signal, probe },
      );
      const installed = rpm.stdout.split('\n').some((l) => /^(dnf-automatic|dnf5-plugin-automatic)-\d/.test(l.trim()));
      // yum systems (CentOS 7): yum-cron, not dnf-automatic.
      if (!installed && (await yumCronInstalled(ctx, probe))) {
        const [facts, scheduler] = await Promise.all([yumCronAutoUpdates(ctx, probe), schedulerRunning(ctx, probe, null)]);
        return { autoUpdates: { ...facts, schedulerRunning: scheduler } };
      }
      let conf: Record<string, Record<string, string>> | null = null;
      for (const path of ['/etc/dnf/automatic.conf', '/etc/dnf/dnf5-plugins/automatic.conf']) {
        try {
          conf = parseIni(await ctx.host.readFile(path, { signal: ctx.signal, probe }));
          break;
        } catch (error) {
          if (!isRunError(error) || error.kind !== 'not-found') throw error;
        }
      }
      const states = await Promise.all(DNF_TIMERS.map((t) => timerState(ctx, t, probe)));
      const timers = Object.fromEntries(DNF_TIMERS.map((t, i) => [t, states[i] ?? null]));
      const on = DNF_TIMERS.filter((t) => /^(enabled|static|alias|indirect)/.test(timers[t] ?? ''));
      const [evidence, scheduler] = await Promise.all([timerRunEvidence(ctx, on, probe), schedulerRunning(ctx, probe, null)]);
      return { autoUpdates: { ...dnfAutoUpdateFacts(conf, installed, timers), ...evidence, schedulerRunning: scheduler } };
    }
    if (pm === 'zypper') return { autoUpdates: await zypperAutoUpdates(ctx, probe) };
    throw unreadDistribution(ctx, 'ses mises à jour automatiques');
  },
};
