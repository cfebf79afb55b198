/**
 * How the one elevated step reaches our own code from the Electron app: the app's executable
 * itself, started as `<exe> [--no-sandbox] --elevated-apply --plan P --sha256 H`. The main entry
 * (index.ts) sees `--elevated-apply` before anything else and runs the verified plan with no
 * window, no renderer and no Node mode (ELECTRON_RUN_AS_NODE is fused off in packaged builds).
 *
 * The prompt names the executable: it must be code that only the administrator can change
 * (the deb's /opt/…, /Applications owned by root, Program Files for a per-machine install).
 * An AppImage or a copy in the owner's folders belongs to the owner, who could then change what
 * runs as administrator: from such a copy the elevated step is not offered (codeNotAdminOnly).
 */
import { lstatSync } from 'node:fs';
import { dirname, parse, resolve, sep } from 'node:path';
import type { AutoUpdatesOptions } from './core/actions';
import { unavailableRunner, type SelfEntry } from './core/actions/elevation';

/** Where the app runs from. */
export interface ElectronLocation {
  readonly platform: NodeJS.Platform;
  /** process.execPath: the Electron (or packaged app) executable. */
  readonly execPath: string;
  readonly isPackaged: boolean;
  /** app.getAppPath(): what an unpackaged Electron must be given to start this app (app.asar when packaged). */
  readonly appPath: string;
}

/** The flag that starts the elevated step (hidden; only with --plan and --sha256). */
export const ELEVATED_FLAG = '--elevated-apply';

/** The program and leading arguments the elevation runners put before `--elevated-apply …`. */
export function electronSelfEntry(where: ElectronLocation): SelfEntry {
  const args = where.isPackaged ? [] : [where.appPath];
  // As root, Chromium refuses to start without --no-sandbox (Linux). The sandbox protects
  // renderers; in this mode no window and no renderer is ever created (index.ts exits first).
  if (where.platform === 'linux') args.push('--no-sandbox');
  return { file: where.execPath, args, command: ELEVATED_FLAG };
}

/** The CLI arguments when this Electron process was started for the elevated step, else null. */
export function elevatedCliArgs(argv: readonly string[]): string[] | null {
  const i = argv.indexOf(ELEVATED_FLAG);
  if (i < 0) return null;
  const rest = argv.slice(i + 1);
  // Only the hidden command with its two options, in this order: nothing else is accepted.
  if (rest.length !== 4 || rest[0] !== '--plan' || rest[2] !== '--sha256') return null;
  return ['elevated-apply', '--plan', rest[1]!, '--sha256', rest[3]!];
}

function ancestors(path: string): string[] {
  const full = resolve(path);
  const root = parse(full).root;
  const parts = full.slice(root.length).split(sep).filter(Boolean);
  return [root, ...parts.map((_, i) => root + parts.slice(0, i + 1).join(sep))];
}

/**
 * Why the code that would run as administrator is not admin-only (a French reason), or null
 * when every file and folder on its path belongs to root and no one else can write it.
 * Windows relies on the per-machine install (Program Files); it is not checked here.
 */
export function codeNotAdminOnly(
  where: ElectronLocation,
  lstat: typeof lstatSync = lstatSync,
): string | null {
  if (where.platform === 'win32') return null;
  if (!where.isPackaged)
    return 'version de développement : l’étape administrateur n’est proposée que par une installation système';
  const paths = new Set([...ancestors(where.execPath), ...ancestors(where.appPath), dirname(where.appPath)]);
  for (const path of paths) {
    try {
      const info = lstat(path);
      const sticky = info.isDirectory() && (info.mode & 0o1000) !== 0;
      if (info.uid !== 0 || ((info.mode & 0o022) !== 0 && !sticky)) {
        return `${path} appartient à un autre compte que l’administrateur ou est modifiable par d’autres : installez Révision avec le paquet système (.deb) ou dans /Applications`;
      }
    } catch {
      return `${path} illisible`;
    }
  }
  return null;
}

/**
 * The auto-updates options of the Electron app: its own executable as the elevated program, or,
 * when that code is not admin-only and the app is not already administrator, no elevated step.
 */
export function electronElevation(
  where: ElectronLocation,
  isRoot = process.getuid?.() === 0,
): AutoUpdatesOptions {
  const entry = electronSelfEntry(where);
  const reason = isRoot ? null : codeNotAdminOnly(where);
  return reason ? { entry, elevation: unavailableRunner(reason) } : { entry };
}
