/**
 * The technical log (« Journal technique »): main-process errors and the updater's messages,
 * written by electron-log to a file in the app's data folder, which the owner can reveal from
 * Paramètres and send to the prestataire.
 */
import { existsSync } from 'node:fs';
import log from 'electron-log/main';

/** The log and its file. */
export interface TechnicalLog {
  readonly logger: { info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
  /** The log file's path. */
  path(): string;
  /** Shows the file in the system's file manager (written first if it does not exist yet). */
  reveal(show: (path: string) => void): string;
}

/** Sets up the technical log: errors of the main process are caught and written to it. */
export function setupTechnicalLog(): TechnicalLog {
  log.transports.file.level = 'info';
  // Nothing is shown to the owner from here: the app's own screens say what went wrong.
  log.transports.console.level = 'warn';
  log.errorHandler.startCatching({ showDialog: false });
  return {
    logger: log,
    path: () => log.transports.file.getFile().path,
    reveal(show) {
      const path = log.transports.file.getFile().path;
      if (!existsSync(path)) log.info('technical log opened');
      show(path);
      return path;
    },
  };
}
