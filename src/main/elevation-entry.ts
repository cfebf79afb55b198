/**
 * How the one elevated step reaches our own `revision elevated-apply` from the Electron app.
 * Under plain Node the core re-runs its own script (currentSelfEntry); inside Electron the
 * executable is Electron itself, so:
 * - Linux and macOS: `/usr/bin/env ELECTRON_RUN_AS_NODE=1 <electron> <out/main/cli.js>` —
 *   pkexec and `do shell script` clear the environment, so the variable goes in as an argument
 *   of env(1), a fixed system program;
 * - Windows: UAC starts the elevated process with a fresh environment, so Electron is started
 *   as the app itself and its main entry hands `elevated-apply …` to the CLI (elevatedCliArgs).
 */
import { join } from 'node:path';
import type { SelfEntry } from './core/actions/elevation';

/** Where the app runs from. */
export interface ElectronLocation {
  readonly platform: NodeJS.Platform;
  /** process.execPath: the Electron (or packaged app) executable. */
  readonly execPath: string;
  /** The folder of the bundled main process (out/main, inside app.asar when packaged). */
  readonly mainDir: string;
  readonly isPackaged: boolean;
  /** app.getAppPath(): what an unpackaged Electron must be given to start this app. */
  readonly appPath: string;
}

/** The program and leading arguments the elevation runners put before `elevated-apply …`. */
export function electronSelfEntry(where: ElectronLocation): SelfEntry {
  if (where.platform === 'win32') {
    return { file: where.execPath, args: where.isPackaged ? [] : [where.appPath] };
  }
  return { file: '/usr/bin/env', args: ['ELECTRON_RUN_AS_NODE=1', where.execPath, join(where.mainDir, 'cli.js')] };
}

/** The CLI arguments when this Electron process was started for the elevated step, else null. */
export function elevatedCliArgs(argv: readonly string[]): string[] | null {
  const i = argv.indexOf('elevated-apply');
  if (i < 0) return null;
  const rest = argv.slice(i);
  // Only the hidden command with its two options: nothing else is ever accepted this way.
  const allowed = new Set(['elevated-apply', '--plan', '--sha256']);
  for (let k = 0; k < rest.length; k += 1) {
    if (k % 2 === 1 && !allowed.has(rest[k]!)) return null;
  }
  return rest.length === 5 && rest[1] === '--plan' && rest[3] === '--sha256' ? rest : null;
}
