/**
 * The weekly watch in the Electron shell, thin over the core's schedule: an hourly tick, a tick at
 * start and when the computer wakes up (powerMonitor « resume »), a checkup when one is due, then
 * the notification the core chose, and the tray's colour set to the worst voyant.
 */
import type { WatchNotification } from '../../shared/carnet';
import type { CheckupReport, FindingState } from '../../shared/checkup';
import type { Lang } from '../../shared/i18n';
import { getT } from '../core/i18n';
import type { RevisionService } from '../core/service';

/** The worst voyant of a checkup; `unknown` when there is none (never green unchecked). */
export function worstOf(report: CheckupReport | null): FindingState {
  const order: FindingState[] = ['ok', 'unknown', 'attention', 'danger'];
  if (!report || report.findings.length === 0) return 'unknown';
  return report.findings.reduce<FindingState>(
    (worst, f) => (order.indexOf(f.state) > order.indexOf(worst) ? f.state : worst),
    'ok',
  );
}

/** A notification's texts, in the owner's language. */
export function notificationText(n: WatchNotification, lang: Lang): { title: string; body: string } {
  const t = getT(lang);
  if (n.kind === 'worse')
    return { title: t('carnet:notify.worse', { count: n.count }), body: t('carnet:notify.worseBody') };
  if (n.kind === 'test') {
    const names = new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { type: 'conjunction' }).format(
      n.names,
    );
    return { title: t('carnet:notify.test', { names }), body: t('carnet:notify.testBody') };
  }
  return { title: t('carnet:notify.overdue', { count: n.count }), body: t('carnet:notify.overdueBody') };
}

/** What the watch drives in the shell. */
export interface WatchDeps {
  readonly service: RevisionService;
  /** Shows a system notification; `onClick` opens the right screen. */
  notify(text: { title: string; body: string }, onClick: () => void): void;
  /** Opens (or focuses) the window on a screen. */
  openScreen(screen: WatchNotification['screen']): void;
  /** Sets the tray's colour and tooltip. */
  setTray(state: FindingState, overdue: number): void;
  log(message: string, detail?: unknown): void;
}

/** The running watch. */
export interface Watch {
  /** Checks when due (start, hourly, wake-up); resolves when done. Never throws. */
  tick(): Promise<void>;
  /** Runs a checkup now (tray menu « Vérifier maintenant »). */
  checkNow(): Promise<void>;
  /** Re-reads the latest checkup and the register for the tray. */
  refreshTray(): Promise<void>;
}

/** Creates the watch over its dependencies. */
export function createWatch(deps: WatchDeps): Watch {
  const { service } = deps;
  let running: Promise<void> | null = null;

  const refreshTray = async (): Promise<void> => {
    const [report, overview] = await Promise.all([service.checkupLatest(), service.carnetOverview()]);
    deps.setTray(worstOf(report), overview.overdue);
  };

  const check = async (withCheckup: boolean): Promise<void> => {
    const lang = service.context.langOf();
    if (withCheckup) await service.context.runAndRecordCheckup(lang);
    // Also without a checkup: a task passing its due day is news (the core sends each news once, one a day).
    const notification = await service.schedule.afterCheckup();
    await refreshTray();
    if (notification)
      deps.notify(notificationText(notification, lang), () => deps.openScreen(notification.screen));
  };

  const guarded = (force: boolean): Promise<void> => {
    // One check at a time: a wake-up during the hourly tick does not start a second one.
    if (running) return running;
    running = check(force || service.schedule.dueNow())
      .catch((error: unknown) => deps.log('background check failed', error))
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    tick: () => guarded(false),
    checkNow: () => guarded(true),
    refreshTray: () => refreshTray().catch((error: unknown) => deps.log('tray refresh failed', error)),
  };
}
