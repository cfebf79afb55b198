/** The Electron main process entry (out/main/index.js). */
import { app } from 'electron';
import { startApp } from './app';
import { main, processIo } from './cli/index';
import { elevatedCliArgs } from './elevation-entry';

// On Windows, UAC starts this executable again for the one elevated step (elevation-entry.ts):
// then it runs `revision elevated-apply` and exits, with no window.
const elevated = process.platform === 'win32' ? elevatedCliArgs(process.argv) : null;
if (elevated) {
  main(elevated, processIo()).then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else {
  startApp();
}
