/**
 * The one app window: sandboxed renderer, context isolation, no Node, the preload as the only
 * bridge, and the hardening of src/main/security.ts. Loads the dev server in development
 * (electron-vite sets ELECTRON_RENDERER_URL), else the built out/renderer/index.html.
 */
import { join } from 'node:path';
import { BrowserWindow, type WebPreferences } from 'electron';
import { createAppUrlMatcher, hardenWebContents, type RendererSource } from './security';

/** Where the built parts are, relative to out/main (this module once bundled). */
export interface AppPaths {
  /** out/preload/index.cjs (CommonJS: a sandboxed preload cannot be an ES module). */
  readonly preload: string;
  /** out/renderer/index.html */
  readonly rendererIndex: string;
}

/** The built parts beside out/main. */
export function appPaths(mainDir: string): AppPaths {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex: join(mainDir, '..', 'renderer', 'index.html'),
  };
}

/** The renderer to load: the dev server URL when electron-vite runs in dev (never when packaged). */
export function rendererSource(paths: AppPaths, env: NodeJS.ProcessEnv, isPackaged: boolean): RendererSource {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl) return { kind: 'url', url: devUrl };
  return { kind: 'file', path: paths.rendererIndex };
}

/** The webPreferences of the app window: every Electron security default kept, and made explicit. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** What createMainWindow returns: the window and the check of the app's own URL. */
export interface MainWindow {
  readonly window: BrowserWindow;
  readonly isAppUrl: (url: string) => boolean;
  /** Resolves when the page is loaded; rejects (never throws synchronously) when it failed. */
  readonly loaded: Promise<void>;
}

/** Creates the window, hardens it and loads the renderer. */
export function createMainWindow(options: {
  paths: AppPaths;
  source: RendererSource;
  icon?: string;
}): MainWindow {
  const isAppUrl = createAppUrlMatcher(options.source);
  const window = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 820,
    minHeight: 600,
    show: false,
    title: 'Révision',
    backgroundColor: '#f6f4ef',
    autoHideMenuBar: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.paths.preload),
  });
  hardenWebContents(window.webContents, isAppUrl);
  window.once('ready-to-show', () => window.show());
  const loaded =
    options.source.kind === 'url' ? window.loadURL(options.source.url) : window.loadFile(options.source.path);
  return { window, isAppUrl, loaded };
}

/** Brings the window to the front (second launch of the app). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
