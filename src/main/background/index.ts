/**
 * The background part of the Electron shell (issue 14): the tray icon (colour of the worst
 * voyant), the login item, notifications that open the right screen, the hourly tick and the
 * wake-up catch-up. Everything it decides comes from the core (schedule, register).
 */
import { join } from 'node:path';
import { app, Menu, Notification, nativeImage, powerMonitor, Tray } from 'electron';
import type { FindingState } from '../../shared/checkup';
import type { Workspace } from '../../shared/workspace';
import { getT } from '../core/i18n';
import type { RevisionService } from '../core/service';
import { HIDDEN_ARG, setAutostart } from './autostart';
import { createWatch, type Watch } from './watch';

export { HIDDEN_ARG } from './autostart';

const HOUR = 3_600_000;

/** What the background needs from the rest of the shell. */
export interface BackgroundOptions {
  readonly service: RevisionService;
  /** Folder holding tray-<state>.png. */
  readonly iconsDir: string;
  /** Opens or focuses the window on a screen. */
  openScreen(screen: 'dashboard' | 'journal'): void;
  log(message: string, detail?: unknown): void;
}

/** The running background part. */
export interface Background {
  readonly watch: Watch;
  /** Follows the settings (weekly check on/off: login item; language: tray menu). */
  applySettings(workspace: Workspace): Promise<void>;
  stop(): void;
}

/** Whether the app was started at login, to stay hidden in the tray. */
export function startedHidden(argv: readonly string[] = process.argv): boolean {
  return (
    argv.includes(HIDDEN_ARG) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
  );
}

/** Starts the tray, the login item, the timer and the wake-up listener. */
export function startBackground(options: BackgroundOptions): Background {
  const { service } = options;
  const icon = (state: FindingState) =>
    nativeImage.createFromPath(join(options.iconsDir, `tray-${state}.png`));
  const tray = new Tray(icon('unknown'));
  let state: FindingState = 'unknown';
  let overdue = 0;

  const setMenu = (): void => {
    const t = getT(service.context.langOf());
    const count = overdue > 0 ? ` · ${t('carnet:dashboard.overdue', { count: overdue })}` : '';
    tray.setToolTip(t('carnet:tray.tooltip', { state: t(`carnet:tray.states.${state}`) }) + count);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: t('carnet:tray.open'), click: () => options.openScreen('dashboard') },
        { label: t('carnet:tray.checkNow'), click: () => void watch.checkNow() },
        { type: 'separator' },
        { label: t('carnet:tray.quit'), click: () => app.quit() },
      ]),
    );
  };

  const watch: Watch = createWatch({
    service,
    log: options.log,
    openScreen: (screen) => options.openScreen(screen),
    setTray(next, late) {
      state = next;
      overdue = late;
      tray.setImage(icon(state));
      setMenu();
    },
    notify(text, onClick) {
      if (!Notification.isSupported()) return;
      const n = new Notification({
        title: text.title,
        body: text.body,
        icon: join(options.iconsDir, `tray-${state}@2x.png`),
      });
      n.on('click', onClick);
      n.show();
    },
  });
  tray.on('click', () => options.openScreen('dashboard'));
  setMenu();

  const onResume = (): void => void watch.tick();
  powerMonitor.on('resume', onResume);
  const timer = setInterval(() => void watch.tick(), HOUR);
  void watch.refreshTray().then(() => watch.tick());

  return {
    watch,
    async applySettings(workspace) {
      setMenu();
      // Chosen at the end of onboarding: nothing starts at login before the owner said so.
      await setAutostart(workspace.onboarded && workspace.settings.weeklyCheck, {
        platform: process.platform,
        execPath: process.execPath,
        app,
      }).catch((error: unknown) => options.log('could not change the login item', error));
    },
    stop() {
      clearInterval(timer);
      powerMonitor.removeListener('resume', onResume);
      tray.destroy();
    },
  };
}
