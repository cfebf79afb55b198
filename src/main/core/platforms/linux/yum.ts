/**
 * yum-based systems (CentOS 7, RHEL 7, Amazon Linux 2): the same rpm database and list formats
 * as dnf, read with `yum` when `dnf` is absent; automatic updates by yum-cron
 * (`/etc/yum/yum-cron.conf` `[commands] apply_updates`, the `yum-cron` service).
 */
import type { AutoUpdateFacts } from '../../../../shared/facts';
import type { ProbeContext } from '../../checkup/probe';
import { isRunError, type CommandResult, type CommandSpec } from '../../exec/host';
import { parseIni, timerState } from './auto-updates';

/** Runs a dnf command, or the same with yum where dnf is not installed. */
export async function runDnfOrYum(
  ctx: ProbeContext,
  spec: CommandSpec,
  probe: string,
): Promise<CommandResult> {
  try {
    return await ctx.host.run(spec, { signal: ctx.signal, probe });
  } catch (error) {
    if (!isRunError(error) || error.kind !== 'not-found') throw error;
    return ctx.host.run({ ...spec, file: 'yum' }, { signal: ctx.signal, probe });
  }
}

/** Judges yum-cron: installed, its service enabled, and `apply_updates = yes`. */
export function yumCronFacts(
  conf: Record<string, Record<string, string>> | null,
  serviceState: string | null,
): AutoUpdateFacts {
  const apply = conf?.commands?.apply_updates ?? null;
  const on = serviceState !== null && /^(enabled|static|alias|indirect)/.test(serviceState);
  const applyOn = apply !== null && /^(yes|true|1|on)$/i.test(apply);
  return {
    enabled: serviceState === null ? null : on && applyOn,
    mechanism: 'yum-cron',
    installed: true,
    managed: false,
    autoReboot: null,
    rebootTime: null,
    schedule: null,
    settings: [
      { source: '/etc/yum/yum-cron.conf [commands] apply_updates', value: apply },
      { source: 'systemctl is-enabled yum-cron.service', value: serviceState },
    ],
    limits: serviceState === null ? ['timerUnknown'] : [],
  };
}

/** Reads yum-cron's settings (called when yum-cron, not dnf-automatic, is installed). */
export async function yumCronAutoUpdates(ctx: ProbeContext, probe: string): Promise<AutoUpdateFacts> {
  let conf: Record<string, Record<string, string>> | null = null;
  try {
    conf = parseIni(await ctx.host.readFile('/etc/yum/yum-cron.conf', { signal: ctx.signal, probe }));
  } catch (error) {
    if (!isRunError(error) || error.kind !== 'not-found') throw error;
  }
  return yumCronFacts(conf, await timerState(ctx, 'yum-cron.service', probe));
}

/** Whether yum-cron is installed (`rpm -q yum-cron`); false when rpm cannot say (older captures). */
export async function yumCronInstalled(ctx: ProbeContext, probe: string): Promise<boolean> {
  try {
    const r = await ctx.host.run(
      { file: 'rpm', args: ['-q', 'yum-cron'], timeoutMs: 10_000, okExitCodes: [0, 1] },
      { signal: ctx.signal, probe },
    );
    return /^yum-cron-\d/m.test(r.stdout);
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    return false;
  }
}
