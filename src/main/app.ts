/**
 * The app's lifecycle: one instance, sandbox everywhere, hardened session, the core service over
 * the owner's data folder, IPC, menu, the window, the owner told about their data at start, and
 * updates of the app itself when packaged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { startBackground, startedHidden, type Background } from './background';
import { getT } from './core/i18n';
import { createService, type RevisionService } from './core/service';
import { APP_VERSION } from './core/version';
import { electronSelfEntry } from './elevation-entry';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { devPolicy, headerPolicy } from './csp';
import { createAppUrlMatcher, hardenSession, hardenWebContents, type RendererSource } from './security';
import { startAutoUpdates } from './updater';
import { appPaths, createMainWindow, focusWindow, rendererSource, type MainWindow } from './window';

/** Logs a problem of the shell without ever throwing. */
function log(message: string, detail?: unknown): void {
  try {
    console.warn(`[revision] ${message}`, detail ?? '');
  } catch {
    // nothing to do
  }
}

/**
 * The owner's data folder: REVISION_HOME, else Electron's userData folder (which is also the
 * folder the `revision` command line uses by default: defaultWorkspaceDir).
 */
export function dataFolder(env: NodeJS.ProcessEnv, userData: string): string {
  return env.REVISION_HOME || userData;
}

/** The renderer's index.html (built, or its source in development), to read its CSP; null if unreadable. */
function readPage(source: RendererSource, mainDir: string): string | null {
  const path =
    source.kind === 'file' ? source.path : join(mainDir, '..', '..', 'src', 'renderer', 'index.html');
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The tray icons' folder (packaged: resources/assets/icons). */
function iconsDir(mainDir = import.meta.dirname): string {
  return app.isPackaged ? join(process.resourcesPath, 'assets', 'icons') : join(mainDir, '..', '..', 'assets', 'icons');
}

/** Starts the tray and the weekly watch; the window works without them if the system refuses. */
function startWatchSafely(service: RevisionService, dir: string, openScreen: (screen: 'dashboard' | 'journal') => void): Background | null {
  try {
    return startBackground({ service, iconsDir: dir, openScreen, log });
  } catch (error) {
    log('could not start the tray and the weekly watch', error);
    return null;
  }
}

/** Options of startApp (tests pass their own). */
export interface StartOptions {
  /** The command line (default process.argv): `--hidden` starts in the tray only. */
  readonly argv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** The folder of the bundled main (out/main). */
  readonly mainDir?: string;
}

/** What startApp leaves running, for tests. */
export interface RunningApp {
  /** False when another instance already runs (this one quits). */
  readonly primary: boolean;
  /** Resolves once the window is created (or the start failed and the app quits). */
  readonly ready: Promise<{ service: RevisionService | null; window: BrowserWindow | null }>;
}

/** Starts the app. */
export function startApp(options: StartOptions = {}): RunningApp {
  const env = options.env ?? process.env;
  // Every renderer is sandboxed, whatever a window's options say.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve({ service: null, window: null }) };
  }
  if (app.isPackaged && !env.REVISION_ASSETS_DIR)
    env.REVISION_ASSETS_DIR = join(process.resourcesPath, 'assets');

  const paths = appPaths(options.mainDir ?? import.meta.dirname);
  const source = rendererSource(paths, env, app.isPackaged);
  const isAppUrl = createAppUrlMatcher(source);
  let main: MainWindow | null = null;
  // Linux shows the window's own icon (Windows and macOS take the executable's).
  const iconPath = app.isPackaged
    ? join(process.resourcesPath, 'assets', 'icons', 'icon.png')
    : join(options.mainDir ?? import.meta.dirname, '..', '..', 'assets', 'icons', 'icon.png');
  const icon = process.platform === 'linux' && existsSync(iconPath) ? iconPath : undefined;

  app.on('second-instance', () => focusWindow(main?.window ?? null));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
  let background: Background | null = null;
  app.on('window-all-closed', () => {
    // With the weekly watch on, the app stays in the tray / menu bar.
    if (process.platform !== 'darwin' && !background) app.quit();
  });

  const ready = app.whenReady().then(async () => {
    // The built page is strict; the dev server injects CSS as <style> elements (devPolicy).
    const pagePolicy = headerPolicy(readPage(source, options.mainDir ?? import.meta.dirname));
    hardenSession(
      session.defaultSession,
      isAppUrl,
      source.kind === 'url' ? devPolicy(pagePolicy) : pagePolicy,
    );
    const home = dataFolder(env, app.getPath('userData'));
    let service: RevisionService;
    try {
      service = await createService({
        home,
        autoUpdates: {
          entry: electronSelfEntry({
            platform: process.platform,
            execPath: process.execPath,
            mainDir: options.mainDir ?? import.meta.dirname,
            isPackaged: app.isPackaged,
            appPath: app.getAppPath(),
          }),
        },
      });
    } catch (error) {
      const t = getT('fr');
      log('could not open the data folder', error);
      dialog.showErrorBox(
        t('shell.startup.failedTitle'),
        t('shell.startup.failed', { dir: home, detail: (error as Error)?.message ?? String(error) }),
      );
      app.quit();
      return { service: null, window: null };
    }
    let lang = service.context.langOf();
    const setMenu = (): void =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            lang,
            platform: process.platform,
            isPackaged: app.isPackaged,
            onAbout: showAbout,
          }),
        ),
      );
    registerIpc({
      service,
      getWindow: () => main?.window ?? null,
      isAppUrl,
      documentsDir: () => app.getPath('documents'),
      onSettingsChanged: (workspace) => {
        void background?.applySettings(workspace);
        if (workspace.settings.lang === lang) return;
        lang = workspace.settings.lang;
        setMenu();
      },
    });

    const showAbout = (): void => {
      const t = getT(lang);
      const detail = t('shell.menu.aboutDetail', { version: APP_VERSION, dir: home });
      const window = main?.window;
      const box = {
        type: 'info' as const,
        title: t('shell.menu.about'),
        message: 'Révision',
        detail,
        buttons: ['OK'],
      };
      void (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box)).catch((e: unknown) =>
        log('about box failed', e),
      );
    };
    setMenu();

    const open = (): MainWindow => {
      const created = createMainWindow({ paths, source, ...(icon ? { icon } : {}) });
      created.window.on('closed', () => {
        if (main === created) main = null;
      });
      created.loaded.catch((error: unknown) => log('the window could not load the app', error));
      main = created;
      return created;
    };
    // The owner must hear about a restored, reset, migrated or too-new data file: never hidden then.
    const notices = service.context.store.notices;
    const first = startedHidden(options.argv) && notices.length === 0 ? null : open();
    app.on('activate', () => {
      if (!main) open();
    });
    background = startWatchSafely(service, iconsDir(options.mainDir), (screen) => {
      const target = main ?? open();
      focusWindow(target.window);
      void target.loaded.then(() => target.window.webContents.send('app:navigate', { screen }));
    });
    if (background && service.context.store.readOnly === false) void background.applySettings(service.context.store.read());

    if (first && notices.length > 0) {
      first.window.once('ready-to-show', () => {
        const t = getT(lang);
        const box = {
          type: 'warning' as const,
          title: t('shell.startup.noticeTitle'),
          message: t('shell.startup.noticeTitle'),
          detail: notices.map((n) => n.message).join('\n\n'),
          buttons: ['OK'],
        };
        void dialog.showMessageBox(first.window, box).catch((e: unknown) => log('notice box failed', e));
      });
    }

    startAutoUpdates({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, log });
    return { service, window: first?.window ?? null };
  });
  ready.catch((error: unknown) => log('start failed', error));
  return { primary: true, ready };
}
