/**
 * Updates of Révision itself (electron-updater): only in the packaged app, only when the build
 * carries an update feed (app-update.yml), and never fatal: every failure is logged and ignored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';

/** What decides whether to look for updates. */
export interface UpdaterOptions {
  readonly isPackaged: boolean;
  /** process.resourcesPath of the packaged app (where electron-builder writes app-update.yml). */
  readonly resourcesPath: string;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** Starts the update check when it makes sense; returns whether it was started. Never throws. */
export function startAutoUpdates(options: UpdaterOptions): boolean {
  const log =
    options.log ??
    ((message: string, detail?: unknown) => console.warn(`[revision] ${message}`, detail ?? ''));
  if (!options.isPackaged) return false;
  try {
    if (!existsSync(join(options.resourcesPath, 'app-update.yml'))) {
      log('auto-update: no update feed in this build, not checking');
      return false;
    }
    const { autoUpdater } = electronUpdater;
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('error', (error: unknown) => log('auto-update error', error));
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => log('auto-update check failed', error));
    return true;
  } catch (error) {
    log('auto-update could not start', error);
    return false;
  }
}
