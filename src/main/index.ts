/** The Electron main process entry (out/main/index.js). */
import { app } from 'electron';
import { startApp } from './app';
import { main, processIo } from './cli/index';
import { elevatedCliArgs } from './elevation-entry';

// pkexec, osascript or UAC start this executable again for the one elevated step
// (`--elevated-apply --plan P --sha256 H`, elevation-entry.ts): it runs the verified plan and
// exits before any window or renderer exists.
const elevated = elevatedCliArgs(process.argv);
if (elevated) {
  main(elevated, processIo()).then(
    (code) => app.exit(code),
    () => app.exit(1),
  );
} else {
  startApp();
}
