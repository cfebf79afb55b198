/** One checkup at a time: a second caller (a reloaded window) joins the running one and can read its progress. */
import type { CheckupProgress, CheckupReport } from '../../../shared/checkup';

/** What a window that just (re)loaded needs to show a running checkup. */
export interface CheckupStatus {
  readonly running: boolean;
  /** The last progress event of the running checkup (null before the first or when idle). */
  readonly progress: CheckupProgress | null;
}

/** The in-flight checkup tracker. */
export interface CheckupInFlight {
  /** Starts `start` unless a checkup is running; either way resolves with the running checkup's report. */
  run(
    start: (onProgress: (e: CheckupProgress) => void) => Promise<CheckupReport>,
    onProgress?: (e: CheckupProgress) => void,
  ): Promise<CheckupReport>;
  status(): CheckupStatus;
}

/** Creates the tracker (one per service). */
export function createCheckupInFlight(): CheckupInFlight {
  let current: Promise<CheckupReport> | null = null;
  let progress: CheckupProgress | null = null;
  const listeners = new Set<(e: CheckupProgress) => void>();
  return {
    run(start, onProgress) {
      if (onProgress) listeners.add(onProgress);
      if (!current) {
        progress = null;
        current = start((e) => {
          progress = e;
          for (const l of listeners) l(e);
        }).finally(() => {
          current = null;
          progress = null;
          listeners.clear();
        });
      }
      return current;
    },
    status: () => ({ running: current !== null, progress }),
  };
}
