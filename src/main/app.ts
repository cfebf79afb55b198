/**
 * The app's lifecycle: one instance, sandbox everywhere, hardened session, the core service over
 * the owner's data folder, IPC, menu, the window, the owner told about their data at start, and
 * updates of the app itself when packaged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Menu, session, shell, type BrowserWindow } from 'electron';
import type { Lang } from '../shared/i18n';
import { startBackground, startedHidden, type Background } from './background';
import { getT } from './core/i18n';
import { createService, type RevisionService } from './core/service';
import { APP_VERSION } from './core/version';
import { electronElevation } from './elevation-entry';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { devPolicy, headerPolicy } from './csp';
import { createAppUrlMatcher, hardenSession, hardenWebContents, type RendererSource } from './security';
import { setupTechnicalLog, type TechnicalLog } from './updates/log';
import { startAppUpdates, type AppUpdates } from './updates/updater';
import { appPaths, createMainWindow, focusWindow, rendererSource, type MainWindow } from './window';

let technicalLog: TechnicalLog | null = null;

/** Logs a problem of the shell (to the technical log when it is set up) without ever throwing. */
function log(message: string, detail?: unknown): void {
  try {
    if (technicalLog) technicalLog.logger.warn(`[revision] ${message}`, detail ?? '');
    else console.warn(`[revision] ${message}`, detail ?? '');
  } catch {
    // nothing to do
  }
}

/** Asks the owner whether to restart now for a downloaded update of Révision. */
async function askRestart(lang: Lang, version: string, window: BrowserWindow | null): Promise<boolean> {
  const t = getT(lang);
  const box = {
    type: 'question' as const,
    title: t('appUpdates:restart.title'),
    message: t('appUpdates:restart.message', { version }),
    detail: t('appUpdates:restart.detail'),
    buttons: [t('appUpdates:restart.now'), t('appUpdates:restart.later')],
    defaultId: 0,
    cancelId: 1,
  };
  const answer = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
  return answer.response === 0;
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
function iconsDir(mainDir: string): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'assets', 'icons')
    : join(mainDir, '..', '..', 'assets', 'icons');
}

/** Starts the tray and the weekly watch; the window works without them if the system refuses. */
function startWatchSafely(
  service: RevisionService,
  dir: string,
  openScreen: (screen: 'dashboard' | 'journal') => void,
): Background | null {
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

/** Opens the core service over the owner's data folder; on failure tells the owner and quits. */
async function openService(home: string): Promise<RevisionService | null> {
  try {
    return await createService({
      home,
      autoUpdates: electronElevation({
        platform: process.platform,
        execPath: process.execPath,
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
      }),
    });
  } catch (error) {
    const t = getT('fr');
    log('could not open the data folder', error);
    dialog.showErrorBox(
      t('shell.startup.failedTitle'),
      t('shell.startup.failed', { dir: home, detail: (error as Error)?.message ?? String(error) }),
    );
    app.quit();
    return null;
  }
}

/** The « à propos » box. */
function showAbout(lang: Lang, home: string, window: BrowserWindow | null): void {
  const t = getT(lang);
  const detail = t('shell.menu.aboutDetail', { version: APP_VERSION, dir: home });
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
}

/** The owner must hear about a restored, reset, migrated or too-new data file. */
function showNotices(window: BrowserWindow, service: RevisionService, lang: () => Lang): void {
  const notices = service.context.store.notices;
  if (notices.length === 0) return;
  window.once('ready-to-show', () => {
    const t = getT(lang());
    const box = {
      type: 'warning' as const,
      title: t('shell.startup.noticeTitle'),
      message: t('shell.startup.noticeTitle'),
      detail: notices.map((n) => n.message).join('\n\n'),
      buttons: ['OK'],
    };
    void dialog.showMessageBox(window, box).catch((e: unknown) => log('notice box failed', e));
  });
}

/** What the ready step needs from startApp. */
interface ShellSetup {
  readonly env: NodeJS.ProcessEnv;
  readonly mainDir: string;
  readonly paths: ReturnType<typeof appPaths>;
  readonly source: RendererSource;
  readonly isAppUrl: (url: string) => boolean;
  readonly icon: string | undefined;
  readonly argv: readonly string[] | undefined;
  /** The window and the tray / weekly watch, shared with startApp's handlers. */
  readonly windows: { main: MainWindow | null; background: Background | null };
}

/** Once Electron is ready: hardened session, service, IPC, menu, window, updates of the app. */
async function openApp(
  setup: ShellSetup,
): Promise<{ service: RevisionService | null; window: BrowserWindow | null }> {
  const { source, isAppUrl, windows } = setup;
  // The built page is strict; the dev server injects CSS as <style> elements (devPolicy).
  const pagePolicy = headerPolicy(readPage(source, setup.mainDir));
  hardenSession(session.defaultSession, isAppUrl, source.kind === 'url' ? devPolicy(pagePolicy) : pagePolicy);
  const home = dataFolder(setup.env, app.getPath('userData'));
  const service = await openService(home);
  if (!service) return { service: null, window: null };
  let lang = service.context.langOf();
  const current = (): BrowserWindow | null => windows.main?.window ?? null;
  const setMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          lang,
          platform: process.platform,
          isPackaged: app.isPackaged,
          onAbout: () => showAbout(lang, home, current()),
        }),
      ),
    );
  let updates: AppUpdates | null = null;
  registerIpc({
    service,
    getWindow: current,
    appUpdates: () => updates?.status() ?? { version: APP_VERSION, signed: false, state: 'development' },
    revealLog: () => {
      if (!technicalLog) throw new Error('no technical log');
      technicalLog.reveal((path) => shell.showItemInFolder(path));
    },
    isAppUrl,
    documentsDir: () => app.getPath('documents'),
    onSettingsChanged: (workspace) => {
      void windows.background?.applySettings(workspace);
      if (workspace.settings.lang === lang) return;
      lang = workspace.settings.lang;
      setMenu();
    },
  });
  setMenu();

  const open = (): MainWindow => {
    const created = createMainWindow({
      paths: setup.paths,
      source,
      ...(setup.icon ? { icon: setup.icon } : {}),
    });
    created.window.on('closed', () => {
      if (windows.main === created) windows.main = null;
    });
    created.loaded.catch((error: unknown) => log('the window could not load the app', error));
    windows.main = created;
    return created;
  };
  // The owner must hear about a restored, reset, migrated or too-new data file: never hidden then.
  const hidden = startedHidden(setup.argv) && service.context.store.notices.length === 0;
  const first = hidden ? null : open();
  app.on('activate', () => {
    if (!windows.main) open();
  });
  windows.background = startWatchSafely(service, iconsDir(setup.mainDir), (screen) => {
    const target = windows.main ?? open();
    focusWindow(target.window);
    void target.loaded.then(() => target.window.webContents.send('app:navigate', { screen }));
  });
  if (windows.background && !service.context.store.readOnly)
    void windows.background.applySettings(service.context.store.read());
  if (first) showNotices(first.window, service, () => lang);

  updates = startAppUpdates({
    isPackaged: app.isPackaged,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    version: APP_VERSION,
    log: technicalLog?.logger ?? { info: () => undefined, warn: log, error: log },
    askRestart: (version) => askRestart(lang, version, current()),
  });
  return { service, window: first?.window ?? null };
}

/** Starts the app. */
export function startApp(options: StartOptions = {}): RunningApp {
  const env = options.env ?? process.env;
  try {
    technicalLog ??= setupTechnicalLog();
  } catch (error) {
    console.warn('[revision] the technical log could not be set up', error);
  }
  // Every renderer is sandboxed, whatever a window's options say.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve({ service: null, window: null }) };
  }
  if (app.isPackaged && !env.REVISION_ASSETS_DIR)
    env.REVISION_ASSETS_DIR = join(process.resourcesPath, 'assets');

  const mainDir = options.mainDir ?? import.meta.dirname;
  const paths = appPaths(mainDir);
  const source = rendererSource(paths, env, app.isPackaged);
  const isAppUrl = createAppUrlMatcher(source);
  const windows: ShellSetup['windows'] = { main: null, background: null };
  // Linux shows the window's own icon (Windows and macOS take the executable's).
  const iconPath = app.isPackaged
    ? join(process.resourcesPath, 'assets', 'icons', 'icon.png')
    : join(mainDir, '..', '..', 'assets', 'icons', 'icon.png');
  const icon = process.platform === 'linux' && existsSync(iconPath) ? iconPath : undefined;

  app.on('second-instance', () => focusWindow(windows.main?.window ?? null));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => {
    // With the weekly watch on, the app stays in the tray / menu bar.
    if (process.platform !== 'darwin' && !windows.background) app.quit();
  });

  const ready = app
    .whenReady()
    .then(() => openApp({ env, mainDir, paths, source, isAppUrl, icon, windows, argv: options.argv }));
  ready.catch((error: unknown) => log('start failed', error));
  return { primary: true, ready };
}
