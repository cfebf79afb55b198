/**
 * Evidence that Linux automatic updates actually run, not only that a setting says so:
 * - Debian/Ubuntu: apt.systemd.daily's stamp files (`/var/lib/apt/periodic/upgrade-stamp` is
 *   touched only after unattended-upgrade succeeded) and unattended-upgrades' own log;
 * - dnf-automatic, os-update, transactional-update: the systemd timer's last trigger;
 * - whether a scheduler runs at all (systemd as init, or cron for apt's cron.daily job).
 * Each reading is optional: a capture made before it still replays (the value is then "not read").
 */
import type { ProbeContext } from '../../checkup/probe';
import { isRunError } from '../../exec/host';
import { APT_LISTS_TIMES, parseFindTimes } from './apt-upgradable';
import { localDateTime, optional } from './util';

/** What the evidence readers return (fields of AutoUpdateFacts). */
export interface RunEvidence {
  readonly lastRunAt?: string | null;
  readonly lastRunSource?: string | null;
  readonly schedulerRunning?: boolean | null;
}

/** unattended-upgrades' log (one line per step, local time, "2024-05-13 06:32:10,123 INFO …"). */
export const UU_LOG = '/var/log/unattended-upgrades/unattended-upgrades.log';

/**
 * Lines that end a successful run (a search that found nothing, or installs done). The log is
 * written in the machine's language: English, German and French as found in real logs.
 */
const UU_SUCCESS =
  /(No packages found that can be upgraded unattended|All upgrades installed|Es wurden keine Pakete gefunden|Alle Upgrades installiert|Toutes les mises à niveau ont été installées|Aucun paquet .* mis à niveau)/;

interface LogLine {
  readonly at: string;
  readonly level: string;
  readonly text: string;
}

function logLines(log: string): LogLine[] {
  const out: LogLine[] = [];
  for (const line of log.split('\n')) {
    const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),\d+ (\w+) (.*)$/.exec(line);
    const at = m?.[1] ? localDateTime(m[1]) : null;
    if (at && m?.[2]) out.push({ at, level: m[2], text: m[3] ?? '' });
  }
  return out;
}

/**
 * Newest successful run in unattended-upgrades' log, as a local ISO date-time; null when none.
 * In a language whose messages are not known, a run (lines less than an hour apart) that logged
 * no ERROR counts as successful.
 */
export function lastUnattendedRun(log: string): string | null {
  const lines = logLines(log);
  const known = lines.filter((l) => UU_SUCCESS.test(l.text)).map((l) => l.at);
  if (known.length > 0) return known.sort().at(-1)!;
  let newest: string | null = null;
  let run: LogLine[] = [];
  const close = (): void => {
    if (run.length > 0 && !run.some((l) => /^(ERROR|CRITICAL)$/.test(l.level))) newest = run.at(-1)!.at;
    run = [];
  };
  for (const line of lines) {
    const last = run.at(-1);
    if (last && Date.parse(line.at) - Date.parse(last.at) > 3_600_000) close();
    run.push(line);
  }
  close();
  return newest;
}

/** Evidence for unattended-upgrades from the stamp times and the log (either may be missing). */
export function aptRunEvidence(times: ReadonlyMap<string, number> | null, log: string | null): RunEvidence {
  if (times === null && log === null) return {};
  const stamp = times?.get('/var/lib/apt/periodic/upgrade-stamp');
  const fromStamp = stamp ? new Date(stamp * 1000).toISOString() : null;
  const fromLog = log ? lastUnattendedRun(log) : null;
  // The stamp is UTC; the log is local time: compare as dates, keep the newer with its source.
  if (fromLog && (!fromStamp || Date.parse(fromLog) > Date.parse(fromStamp)))
    return { lastRunAt: fromLog, lastRunSource: UU_LOG };
  if (fromStamp) return { lastRunAt: fromStamp, lastRunSource: '/var/lib/apt/periodic/upgrade-stamp' };
  return {
    lastRunAt: null,
    lastRunSource: [times ? '/var/lib/apt/periodic' : null, log !== null ? UU_LOG : null]
      .filter(Boolean)
      .join(', '),
  };
}

/** Parses `systemctl show -p LastTriggerUSec --timestamp=unix UNIT`: "LastTriggerUSec=@1715581930"; null when it never ran. */
export function parseLastTrigger(text: string): string | null {
  const value = /^LastTriggerUSec=(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const unix = /^@(\d+)$/.exec(value);
  if (unix?.[1]) return Number(unix[1]) > 0 ? new Date(Number(unix[1]) * 1000).toISOString() : null;
  const m = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?: (UTC))?/.exec(value);
  if (!m?.[1]) return null;
  const local = localDateTime(m[1]);
  return local && m[2] ? `${local}Z` : local;
}

/** The newest last trigger among systemd timers; `{}` when none could be asked (not read). */
export async function timerRunEvidence(
  ctx: ProbeContext,
  timers: readonly string[],
  probe: string,
): Promise<RunEvidence> {
  const answers = await Promise.all(
    timers.map((timer) =>
      optional(async () => {
        const r = await ctx.host.run(
          {
            file: 'systemctl',
            args: ['show', '-p', 'LastTriggerUSec', '--timestamp=unix', timer],
            timeoutMs: 5_000,
          },
          { signal: ctx.signal, probe },
        );
        return { timer, at: parseLastTrigger(r.stdout) };
      }),
    ),
  );
  const read = answers.filter((a): a is { timer: string; at: string | null } => a !== null);
  if (read.length === 0) return {};
  const newest = read.filter((a) => a.at).sort((a, b) => Date.parse(b.at!) - Date.parse(a.at!))[0];
  if (!newest)
    return { lastRunAt: null, lastRunSource: read.map((a) => `systemctl show ${a.timer}`).join(', ') };
  return { lastRunAt: newest.at, lastRunSource: `systemctl show ${newest.timer} (LastTriggerUSec)` };
}

/**
 * Whether a scheduler runs: systemd as init (/run/systemd/system), else, for apt, cron with
 * apt's daily job (Debian's cron writes /run/crond.pid). Null when nothing could be read.
 */
export async function schedulerRunning(
  ctx: ProbeContext,
  probe: string,
  cronJob: string | null,
): Promise<boolean | null> {
  const opts = { signal: ctx.signal, probe };
  const systemd = await optional(() => ctx.host.exists('/run/systemd/system', opts));
  if (systemd === true) return true;
  if (cronJob) {
    const [cron, job] = await Promise.all([
      optional(() => ctx.host.exists('/run/crond.pid', opts)),
      optional(() => ctx.host.exists(cronJob, opts)),
    ]);
    if (cron === true && job === true) return true;
    if (systemd === false && cron === false) return false;
    if (systemd === false && job === false) return false;
    return null;
  }
  return systemd;
}

/** Debian/Ubuntu evidence: stamps, log and scheduler together. */
export async function aptEvidence(ctx: ProbeContext, probe: string): Promise<RunEvidence> {
  const opts = { signal: ctx.signal, probe };
  const [times, log, scheduler] = await Promise.all([
    optional(async () => parseFindTimes((await ctx.host.run(APT_LISTS_TIMES, opts)).stdout)),
    readLog(ctx, probe),
    schedulerRunning(ctx, probe, '/etc/cron.daily/apt-compat'),
  ]);
  return { ...aptRunEvidence(times, log), schedulerRunning: scheduler };
}

/** The log's text, '' when the folder exists without it (never ran), null when it cannot be read. */
async function readLog(ctx: ProbeContext, probe: string): Promise<string | null> {
  try {
    return await ctx.host.readFile(UU_LOG, { signal: ctx.signal, probe });
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    if (isRunError(error) && error.kind === 'not-found') return '';
    return null;
  }
}
