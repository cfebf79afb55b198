/**
 * openSUSE Leap / Tumbleweed and SLES (zypper): pending updates (`zypper list-updates`, security
 * patches from `list-patches --category security`), restart needed (`zypper needs-rebooting`,
 * exit 102) and automatic updates (os-update or transactional-update timers, or YaST's online
 * update cron job). zypper reads its cached repository data with `--no-refresh`: nothing is downloaded.
 */
import type {
  AutoUpdateFacts,
  PendingUpdate,
  PendingUpdatesFacts,
  RebootFacts,
} from '../../../../shared/facts';
import type { ProbeContext } from '../../checkup/probe';
import { RunError, isRunError } from '../../exec/host';
import { schedulerRunning, timerRunEvidence } from './auto-update-evidence';
import { timerState } from './auto-updates';

const ZYPPER = ['--non-interactive', '--no-refresh'] as const;

/** Splits zypper's table rows ("v | repo | name | current | available | arch") into trimmed cells; header and rule lines skipped. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.includes('|') && !/^-+\+/.test(l.trim()))
    .map((l) => l.split('|').map((c) => c.trim()));
}

/** Parses `zypper list-updates`: one PendingUpdate per "v |" row. Throws on output that is not such a table. */
export function parseZypperListUpdates(text: string): PendingUpdate[] {
  const rows = tableRows(text);
  const header = rows.findIndex((r) => r.includes('Name') && r.some((c) => /Available Version/i.test(c)));
  const noUpdates = /No updates found/i.test(text);
  if (header < 0 && !noUpdates)
    throw new RunError('failed', 'zypper list-updates', 'zypper list-updates : réponse illisible');
  if (header < 0) return [];
  const cols = rows[header]!;
  const name = cols.indexOf('Name');
  const available = cols.findIndex((c) => /Available Version/i.test(c));
  return rows
    .slice(header + 1)
    .map((r) => ({ name: r[name] ?? '', version: r[available] ?? null, security: false }));
}

/** Counts the needed security patches in `zypper list-patches --category security`. */
export function parseZypperSecurityPatches(text: string): number {
  const rows = tableRows(text);
  const header = rows.findIndex((r) => r.includes('Category') && r.includes('Name'));
  if (header < 0) {
    if (/No updates found|Found 0 applicable patches/i.test(text)) return 0;
    throw new RunError('failed', 'zypper list-patches', 'zypper list-patches : réponse illisible');
  }
  const status = rows[header]!.indexOf('Status');
  const category = rows[header]!.indexOf('Category');
  // Other tables (« The following updates are also available ») repeat the header: skip header rows.
  return rows
    .slice(header + 1)
    .filter((r) => r[category] !== 'Category')
    .filter((r) => /security/i.test(r[category] ?? '') && (status < 0 || /needed/i.test(r[status] ?? '')))
    .length;
}

/** Pending updates: packages from list-updates; `security` counts needed security PATCHES (zypper's unit), null when unread. */
export function zypperPendingFacts(
  items: readonly PendingUpdate[],
  securityPatches: number | null,
): PendingUpdatesFacts {
  return {
    total: items.length,
    security: securityPatches === null ? null : Math.min(securityPatches, items.length),
    items,
    source: 'zypper list-updates',
  };
}

/** Reads zypper's pending updates. */
export async function zypperPendingUpdates(ctx: ProbeContext): Promise<PendingUpdatesFacts> {
  const opts = { signal: ctx.signal, probe: 'pending-updates' };
  const list = await ctx.host.run(
    { file: 'zypper', args: [...ZYPPER, 'list-updates'], timeoutMs: 60_000 },
    opts,
  );
  let security: number | null = null;
  try {
    const sec = await ctx.host.run(
      { file: 'zypper', args: [...ZYPPER, 'list-patches', '--category', 'security'], timeoutMs: 60_000 },
      opts,
    );
    security = parseZypperSecurityPatches(sec.stdout);
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
  }
  return zypperPendingFacts(parseZypperListUpdates(list.stdout), security);
}

/** `zypper needs-rebooting`: exit 102 means a restart is needed, 0 not. */
export function zypperRebootFacts(exitCode: number): RebootFacts {
  if (exitCode !== 0 && exitCode !== 102) {
    throw new RunError(
      'non-zero-exit',
      'zypper needs-rebooting',
      `zypper needs-rebooting : a échoué (code ${exitCode})`,
      exitCode,
    );
  }
  return {
    required: exitCode === 102,
    signals: [{ name: 'zypper needs-rebooting', present: exitCode === 102, weak: false }],
    causes: [],
  };
}

/** Reads whether zypper says a restart is needed. */
export async function zypperReboot(ctx: ProbeContext): Promise<RebootFacts> {
  const r = await ctx.host.run(
    {
      file: 'zypper',
      args: ['--non-interactive', 'needs-rebooting'],
      timeoutMs: 15_000,
      okExitCodes: [0, 102],
    },
    { signal: ctx.signal, probe: 'reboot' },
  );
  return zypperRebootFacts(r.exitCode);
}

/** The timers that update openSUSE/SLES by themselves. */
export const ZYPPER_TIMERS = ['os-update.timer', 'transactional-update.timer'] as const;

/** YaST's « Online Update Configuration » cron job (one of the cron folders holds it when on). */
export const YAST_CRON_JOBS = ['daily', 'weekly', 'monthly'].map(
  (p) => `/etc/cron.${p}/opensuse.org-online_update`,
);

/** Judges zypper automatic updates from the timers' `is-enabled` answers and the YaST cron job. */
export function zypperAutoUpdateFacts(
  timers: Readonly<Record<string, string | null>>,
  cronJob: string | null,
): AutoUpdateFacts {
  const on = Object.entries(timers).filter(
    ([, s]) => s !== null && /^(enabled|static|alias|indirect)/.test(s),
  );
  const unknown = Object.values(timers).some((s) => s === null);
  const enabled = on.length > 0 || cronJob !== null ? true : unknown ? null : false;
  const mechanism = on[0]?.[0].replace(/\.timer$/, '') ?? (cronJob ? 'yast-online-update' : 'zypper');
  return {
    enabled,
    mechanism,
    installed: on.length > 0 || cronJob !== null ? true : null,
    managed: false,
    autoReboot: null,
    rebootTime: null,
    schedule: null,
    settings: [
      ...Object.entries(timers).map(([t, s]) => ({ source: `systemctl is-enabled ${t}`, value: s })),
      { source: 'cron: opensuse.org-online_update', value: cronJob },
    ],
    limits: enabled === null ? ['timerUnknown'] : [],
  };
}

/** Reads zypper's automatic-update state and the evidence that it runs. */
export async function zypperAutoUpdates(ctx: ProbeContext, probe: string): Promise<AutoUpdateFacts> {
  const states = await Promise.all(ZYPPER_TIMERS.map((t) => timerState(ctx, t, probe)));
  const timers = Object.fromEntries(ZYPPER_TIMERS.map((t, i) => [t, states[i] ?? null]));
  const jobs = await Promise.all(
    YAST_CRON_JOBS.map((p) => ctx.host.exists(p, { signal: ctx.signal, probe }).catch(() => false)),
  );
  const cronJob = YAST_CRON_JOBS.find((_, i) => jobs[i]) ?? null;
  const facts = zypperAutoUpdateFacts(timers, cronJob);
  const onTimers = ZYPPER_TIMERS.filter((t) => /^(enabled|static|alias|indirect)/.test(timers[t] ?? ''));
  const [evidence, scheduler] = await Promise.all([
    timerRunEvidence(ctx, onTimers, probe),
    schedulerRunning(ctx, probe, cronJob),
  ]);
  return { ...facts, ...evidence, schedulerRunning: scheduler };
}
