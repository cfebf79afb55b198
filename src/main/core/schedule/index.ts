/**
 * The weekly watch (issue 14): when to check again, and what to tell the owner afterwards. The
 * decisions are pure (plan.ts, notify.ts) over the service's clock; the Electron shell only runs
 * the timer, the checkup and the notification this module chooses.
 */
import type { CarnetOverview, ScheduleStatus, WatchNotification } from '../../../shared/carnet';
import type { ServiceContext } from '../context';
import { chooseNotification, markSent } from './notify';
import { defaultRules, isLate, nextCheckAt, shouldCheckNow, type WatchRules } from './plan';

export { chooseNotification, worsened } from './notify';
export { afterQuiet, isQuiet, nextCheckAt, shouldCheckNow, defaultRules, type WatchRules } from './plan';

/** The schedule part of the service. */
export interface ScheduleApi {
  status(): Promise<ScheduleStatus>;
  /** Whether a background check is due now (start, wake-up, hourly tick). */
  dueNow(): boolean;
  /** After a background checkup: the notification to send (already recorded as sent), or null. */
  afterCheckup(): Promise<WatchNotification | null>;
}

/** Creates the schedule API; `overview` gives the register's programs to test and overdue tasks. */
export function createScheduleApi(
  context: ServiceContext,
  overview: () => Promise<CarnetOverview>,
): ScheduleApi {
  // The watch starts once the owner finished onboarding (where the switch is chosen).
  const rules = (): WatchRules => {
    const ws = context.store.read();
    return { ...defaultRules, enabled: ws.onboarded && ws.settings.weeklyCheck };
  };
  const lastCheck = (): Date | null => {
    const at = context.store.read().watch.lastCheckupAt;
    return at ? new Date(at) : null;
  };
  return {
    async status() {
      const now = context.now();
      const last = lastCheck();
      const next = nextCheckAt(last, now, rules());
      return {
        enabled: rules().enabled,
        lastCheckAt: last?.toISOString() ?? null,
        nextCheckAt: next?.toISOString() ?? null,
        late: isLate(last, now, rules()),
      };
    },
    dueNow: () => shouldCheckNow(lastCheck(), context.now(), rules()),
    async afterCheckup() {
      const now = context.now();
      const view = await overview();
      const ws = context.store.read();
      const notification = chooseNotification({
        watch: ws.watch,
        toTest: view.toTest,
        overdue: view.tasks.filter((x) => x.overdue).map((x) => x.key),
        now,
        rules: rules(),
      });
      if (notification && !context.store.readOnly) {
        await context.store.update((draft) => {
          draft.watch = markSent(draft.watch, notification, now);
        });
      }
      return notification;
    },
  };
}
