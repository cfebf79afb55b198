/**
 * Starting Révision at login, hidden in the tray / menu bar: Electron's login item on Windows and
 * macOS, a `.desktop` file in ~/.config/autostart on Linux (the XDG autostart specification).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The argument that starts the app hidden in the tray. */
export const HIDDEN_ARG = '--hidden';

/** What autostart needs from Electron's `app`. */
export interface LoginItemHost {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

/** Where and how. */
export interface AutostartOptions {
  readonly platform: NodeJS.Platform;
  readonly execPath: string;
  readonly app: LoginItemHost;
  /** $XDG_CONFIG_HOME (default ~/.config). */
  readonly configHome?: string;
}

/** The Linux autostart file's path. */
export function desktopFilePath(
  configHome = process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
): string {
  return join(configHome, 'autostart', 'revision.desktop');
}

/** The Linux autostart entry (Exec quoted as the Desktop Entry specification asks). */
export function desktopEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Révision',
    'Comment=Vérification hebdomadaire des ordinateurs',
    `Exec=${quoted} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Switches starting at login on or off. */
export async function setAutostart(enabled: boolean, options: AutostartOptions): Promise<void> {
  if (options.platform === 'linux') {
    const path = desktopFilePath(options.configHome);
    if (enabled) {
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, desktopEntry(options.execPath), { mode: 0o644 });
    } else {
      await rm(path, { force: true });
    }
    return;
  }
  // Windows passes the argument; macOS says it opened the app at login (wasOpenedAtLogin).
  options.app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? [HIDDEN_ARG] : [] });
}
