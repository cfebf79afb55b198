/**
 * The « révision » reminder of the dashboard, like a truck's service reminder: « Prochaine révision :
 * dans 12 jours — 10 décembre », or late. Pure, with the clock passed in; the dates come from the
 * weekly watch's status (core/schedule).
 */
import type { ScheduleStatus } from '../../../shared/carnet';

const DAY_MS = 86_400_000;
/** The watch's rhythm (core/schedule/plan.ts `defaultRules.intervalDays`). */
const INTERVAL_DAYS = 7;

/** What the reminder says, and in which style (late: attention, very late: danger). */
export type Reminder =
  | { readonly kind: 'due'; readonly tone: 'neutral'; readonly days: number; readonly date: string }
  | { readonly kind: 'today'; readonly tone: 'neutral'; readonly date: string }
  | {
      readonly kind: 'late';
      readonly tone: 'attention' | 'danger';
      readonly days: number;
      readonly date: string;
    }
  | { readonly kind: 'off'; readonly tone: 'pending'; readonly last: string | null }
  | { readonly kind: 'never'; readonly tone: 'pending' };

/** Whole calendar days from `from` to `to` (local time), negative when `to` is earlier. */
export function calendarDays(from: Date, to: Date): number {
  const a = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  const b = new Date(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** The reminder for a watch status at `now`. */
export function revisionReminder(status: ScheduleStatus | null, now: Date): Reminder {
  if (!status || !status.lastCheckAt) return { kind: 'never', tone: 'pending' };
  const due = new Date(new Date(status.lastCheckAt).getTime() + INTERVAL_DAYS * DAY_MS);
  if (status.late) {
    const days = Math.max(1, calendarDays(due, now));
    return {
      kind: 'late',
      tone: days > INTERVAL_DAYS ? 'danger' : 'attention',
      days,
      date: due.toISOString(),
    };
  }
  if (!status.enabled || !status.nextCheckAt)
    return { kind: 'off', tone: 'pending', last: status.lastCheckAt };
  const next = new Date(status.nextCheckAt);
  const days = calendarDays(now, next);
  return days <= 0
    ? { kind: 'today', tone: 'neutral', date: status.nextCheckAt }
    : { kind: 'due', tone: 'neutral', days, date: status.nextCheckAt };
}
