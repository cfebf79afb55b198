/**
 * Updates of Révision itself (electron-updater, generic provider): checked at start and then
 * daily, downloaded in the background, installed only after the owner agreed to restart (or at
 * the next quit). Staged rollouts are the feed's `stagingPercentage`, honoured by electron-updater.
 * Never fatal: every failure is logged to the technical log and shown as « error ».
 */
import electronUpdater from 'electron-updater';
import type { AppUpdateStatus } from '../../shared/app-updates';
import { readBuildFacts, updatePolicy } from './policy';

/** How often the feed is read again while the app stays open. */
export const CHECK_EVERY_MS = 24 * 3600_000;

/** What the updater needs from the shell. */
export interface AppUpdatesOptions {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** process.resourcesPath (app-update.yml and signing.json). */
  readonly resourcesPath: string;
  readonly version: string;
  /** Where problems are written (electron-log in the app). */
  readonly log: {
    info(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
  };
  /** Asks the owner whether to restart now to install `version`; true = yes. */
  readonly askRestart: (version: string) => Promise<boolean>;
  readonly now?: () => Date;
}

/** The running updater. */
export interface AppUpdates {
  status(): AppUpdateStatus;
  /** Stops the daily check. */
  stop(): void;
}

/** Starts the app's own updates when this build may update itself. Never throws. */
export function startAppUpdates(options: AppUpdatesOptions): AppUpdates {
  const now = options.now ?? (() => new Date());
  const facts = options.isPackaged ? readBuildFacts(options.resourcesPath) : { feed: null, signing: null };
  const policy = updatePolicy({ isPackaged: options.isPackaged, platform: options.platform, ...facts });
  let status: AppUpdateStatus = { version: options.version, signed: policy.signed, state: policy.state };
  const set = (patch: Partial<AppUpdateStatus>): void => {
    status = { ...status, ...patch };
  };
  const idle: AppUpdates = { status: () => status, stop: () => undefined };
  if (!policy.active) {
    options.log.info(`app updates: ${policy.state}, not checking`);
    return idle;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const { autoUpdater } = electronUpdater;
    autoUpdater.logger = options.log;
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('checking-for-update', () => set({ state: 'checking' }));
    autoUpdater.on('update-not-available', () =>
      set({ state: 'up-to-date', checkedAt: now().toISOString() }),
    );
    autoUpdater.on('update-available', (info: { version: string }) =>
      set({ state: 'downloading', available: info.version, checkedAt: now().toISOString() }),
    );
    autoUpdater.on('error', (error: unknown) => {
      options.log.error('app update failed', error);
      set({ state: 'error' });
    });
    autoUpdater.on('update-downloaded', (info: { version: string }) => {
      set({ state: 'ready', available: info.version });
      options.askRestart(info.version).then(
        (yes) => {
          if (yes) autoUpdater.quitAndInstall();
        },
        (error: unknown) => options.log.error('could not ask to restart for the update', error),
      );
    });
    const check = (): void => {
      // A downloaded update waits for the restart: no need to read the feed again.
      if (status.state === 'ready') return;
      autoUpdater.checkForUpdates().catch((error: unknown) => {
        options.log.error('app update check failed', error);
        set({ state: 'error' });
      });
    };
    check();
    timer = setInterval(check, CHECK_EVERY_MS);
    timer.unref?.();
  } catch (error) {
    options.log.error('app updates could not start', error);
    set({ state: 'error' });
  }
  return { status: () => status, stop: () => clearInterval(timer) };
}
