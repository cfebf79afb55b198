/**
 * When the weekly watch checks the computer. Pure, with the clock passed in: a check every 7
 * days, caught up as soon as the computer wakes or the app starts when one was missed, never
 * during quiet hours (21 h – 8 h, local time), where it waits for the morning.
 */

/** The watch's rhythm. */
export interface WatchRules {
  readonly enabled: boolean;
  readonly intervalDays: number;
  /** Quiet hours, local time: from `quietFrom` h to `quietUntil` h the next morning. */
  readonly quietFrom: number;
  readonly quietUntil: number;
}

/** The default rhythm: weekly, quiet from 21 h to 8 h. */
export const defaultRules: WatchRules = { enabled: true, intervalDays: 7, quietFrom: 21, quietUntil: 8 };

const DAY_MS = 86_400_000;

/** Whether a moment falls in the quiet hours (local time). */
export function isQuiet(at: Date, rules: WatchRules = defaultRules): boolean {
  const h = at.getHours();
  return rules.quietFrom > rules.quietUntil
    ? h >= rules.quietFrom || h < rules.quietUntil
    : h >= rules.quietFrom && h < rules.quietUntil;
}

/** The first moment at or after `at` outside the quiet hours. */
export function afterQuiet(at: Date, rules: WatchRules = defaultRules): Date {
  if (!isQuiet(at, rules)) return at;
  const morning = new Date(at);
  if (at.getHours() >= rules.quietUntil) morning.setDate(morning.getDate() + 1);
  morning.setHours(rules.quietUntil, 0, 0, 0);
  return morning;
}

/** Whether the last check is older than the interval (or there was none). */
export function isLate(lastCheckAt: Date | null, now: Date, rules: WatchRules = defaultRules): boolean {
  return lastCheckAt === null || now.getTime() - lastCheckAt.getTime() >= rules.intervalDays * DAY_MS;
}

/** Whether the watch should check now (at start, on wake-up, or on its hourly tick). */
export function shouldCheckNow(
  lastCheckAt: Date | null,
  now: Date,
  rules: WatchRules = defaultRules,
): boolean {
  return rules.enabled && isLate(lastCheckAt, now, rules) && !isQuiet(now, rules);
}

/** When the next check will run; null when the watch is off. A missed one is due now (or this morning). */
export function nextCheckAt(
  lastCheckAt: Date | null,
  now: Date,
  rules: WatchRules = defaultRules,
): Date | null {
  if (!rules.enabled) return null;
  const due = lastCheckAt ? new Date(lastCheckAt.getTime() + rules.intervalDays * DAY_MS) : now;
  return afterQuiet(due.getTime() < now.getTime() ? now : due, rules);
}
