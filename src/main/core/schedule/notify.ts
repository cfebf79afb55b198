/**
 * Whether the watch tells the owner something after a checkup: only when something changed for
 * the worse or needs them (a voyant turned worse, a program to test after an update, a task
 * past its due day), at most one notification a day, never during quiet hours, never the same
 * news twice. Pure.
 */
import type { ToTestItem, WatchNotification, WatchState } from '../../../shared/carnet';
import { localDay } from '../../../shared/carnet';
import { isQuiet, type WatchRules, defaultRules } from './plan';

const severity: Record<string, number> = { ok: 0, unknown: 1, attention: 2, danger: 3 };

/** Findings whose state got worse between two checkups (a new finding counts from ok). */
export function worsened(
  previous: Record<string, string> | undefined,
  current: Record<string, string>,
): string[] {
  if (!previous) return [];
  return Object.keys(current)
    .filter(
      (id) =>
        (severity[current[id]!] ?? 0) >= 2 &&
        (severity[current[id]!] ?? 0) > (severity[previous[id] ?? 'ok'] ?? 0),
    )
    .sort();
}

/** What the decision is made from. */
export interface NotifyInput {
  readonly watch: WatchState;
  readonly toTest: readonly ToTestItem[];
  /** Keys of overdue tasks. */
  readonly overdue: readonly string[];
  readonly now: Date;
  readonly rules?: WatchRules;
}

/** The notification to send now, or null. */
export function chooseNotification(input: NotifyInput): WatchNotification | null {
  const rules = input.rules ?? defaultRules;
  const { watch, now } = input;
  if (!rules.enabled || isQuiet(now, rules)) return null;
  if (watch.lastNotifiedAt && localDay(new Date(watch.lastNotifiedAt)) === localDay(now)) return null;
  const sent = new Set(watch.sentKeys ?? []);
  const worse = worsened(watch.previousStates, watch.lastStates ?? {});
  const candidates: WatchNotification[] = [];
  if (worse.length > 0) {
    const key = `worse:${worse.map((id) => `${id}=${watch.lastStates?.[id]}`).join(',')}@${watch.lastCheckAt ?? ''}`;
    candidates.push({ kind: 'worse', key, screen: 'dashboard', count: worse.length, names: [] });
  }
  // « jamais testé » is shown on the dashboard; a notification is for an update since the last test.
  const updated = input.toTest.filter((x) => x.reason !== 'never');
  if (updated.length > 0) {
    const key = `test:${updated.map((x) => `${x.softwareId}=${x.versionNow ?? ''}/${x.updatedAt ?? ''}`).join(',')}`;
    candidates.push({
      kind: 'test',
      key,
      screen: 'journal',
      count: updated.length,
      names: updated.map((x) => x.name),
    });
  }
  if (input.overdue.length > 0) {
    const key = `overdue:${[...input.overdue].sort().join(',')}`;
    candidates.push({ kind: 'overdue', key, screen: 'journal', count: input.overdue.length, names: [] });
  }
  return candidates.find((c) => !sent.has(c.key)) ?? null;
}

/** Records that a notification was sent (de-duplication and one a day). */
export function markSent(watch: WatchState, notification: WatchNotification, now: Date): WatchState {
  const keys = [...(watch.sentKeys ?? []).filter((k) => k !== notification.key), notification.key].slice(
    -200,
  );
  return { ...watch, lastNotifiedAt: now.toISOString(), sentKeys: keys };
}
