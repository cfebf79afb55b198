import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const state = {
  lock: true,
  windows: [] as FakeWindow[],
  handlers: new Map<string, unknown>(),
  errorBoxes: [] as [string, string][],
  messageBoxes: [] as { detail?: string }[],
  menu: null as unknown,
  sessionHardened: false,
  userData: '',
};

class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn(), send: vi.fn() });
  readonly focus = vi.fn();
  readonly show = vi.fn();
  readonly restore = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
  }
  loadFile = vi.fn(async () => undefined);
  loadURL = vi.fn(async () => undefined);
  isDestroyed = () => false;
  isMinimized = () => false;
  isVisible = () => true;
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => state.lock),
  quit: vi.fn(),
  whenReady: vi.fn(async () => undefined),
  getPath: (name: string) => (name === 'userData' ? state.userData : `/home/eric/${name}`),
  getAppPath: () => '/opt/revision/resources/app.asar',
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
});

class FakeTray extends EventEmitter {
  setImage = vi.fn();
  setToolTip = vi.fn();
  setContextMenu = vi.fn();
  destroy = vi.fn();
}

vi.mock('electron', () => ({
  app,
  BrowserWindow: Object.assign(FakeWindow, {
    fromWebContents: (wc: unknown) => state.windows.find((w) => w.webContents === wc) ?? null,
  }),
  ipcMain: {
    handle: (c: string, h: unknown) => state.handlers.set(c, h),
    removeHandler: (c: string) => state.handlers.delete(c),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]),
    showMessageBox: async (_w: unknown, box: { detail?: string }) => {
      state.messageBoxes.push(box);
      return { response: 0 };
    },
    showSaveDialog: vi.fn(),
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => (state.sessionHardened = true),
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
  shell: { openExternal: vi.fn() },
  Tray: FakeTray,
  Notification: Object.assign(class extends EventEmitter {}, { isSupported: () => false }),
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  powerMonitor: new EventEmitter(),
}));
vi.mock('electron-updater', () => ({
  default: { autoUpdater: Object.assign(new EventEmitter(), { checkForUpdatesAndNotify: vi.fn() }) },
}));
// electron-log requires the real electron package (CommonJS): the technical log is replaced here.
vi.mock('./updates/log', () => ({
  setupTechnicalLog: () => ({
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    path: () => '/tmp/revision-test.log',
    reveal: (show: (p: string) => void) => (show('/tmp/revision-test.log'), '/tmp/revision-test.log'),
  }),
}));

const { startApp } = await import('./app');
const { channels } = await import('../shared/ipc');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-app-'));
  state.lock = true;
  state.windows.length = 0;
  state.handlers.clear();
  state.errorBoxes.length = 0;
  state.messageBoxes.length = 0;
  state.menu = null;
  state.sessionHardened = false;
  state.userData = join(home, 'userData');
  app.removeAllListeners();
  app.quit.mockClear();
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe('starting the app', () => {
  it('quits at once when another Révision already runs, opening nothing', async () => {
    state.lock = false;
    const running = startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main' });
    expect(running.primary).toBe(false);
    await running.ready;
    expect(app.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    expect(await readdir(home)).toEqual([]);
  });

  it('opens one hardened window over the data folder and answers every channel', async () => {
    const running = startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main' });
    const { service, window } = await running.ready;
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(state.sessionHardened).toBe(true);
    expect(state.windows).toHaveLength(1);
    expect(window).toBe(state.windows[0]);
    expect((await service?.appInfo())?.dataDir).toBe(home);
    expect(await readdir(home)).toContain('workspace.json');
    expect([...state.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(JSON.stringify(state.menu)).toContain('Fichier');
  });

  it('started at login (--hidden): no window, the app waits in the tray', async () => {
    const running = startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main', argv: ['revision', '--hidden'] });
    const { service, window } = await running.ready;
    expect(service).not.toBeNull();
    expect(window).toBeNull();
    expect(state.windows).toHaveLength(0);
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('keeps the data in Electron’s userData folder unless REVISION_HOME says otherwise', async () => {
    const { service } = await startApp({ env: {}, mainDir: '/app/out/main' }).ready;
    expect((await service?.appInfo())?.dataDir).toBe(state.userData);
    expect(await readdir(state.userData)).toContain('workspace.json');
  });

  it('switches the menu to English when the owner picks English in the app', async () => {
    const { window } = await startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main' }).ready;
    const handler = state.handlers.get('workspace:update') as (
      event: unknown,
      ...args: unknown[]
    ) => Promise<{ ok: boolean }>;
    const event = {
      sender: window?.webContents,
      senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null },
    };
    expect(await handler(event, { settings: { lang: 'en' } })).toMatchObject({ ok: true });
    expect(JSON.stringify(state.menu)).toContain('"File"');
    expect(JSON.stringify(state.menu)).not.toContain('Fichier');
  });

  it('brings the existing window to the front on a second launch', async () => {
    const { window } = await startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main' }).ready;
    app.emit('second-instance');
    expect((window as unknown as FakeWindow).focus).toHaveBeenCalled();
    expect(state.windows).toHaveLength(1);
  });

  it('tells the owner, in French, that a damaged data file was set aside', async () => {
    await writeFile(join(home, 'workspace.json'), '{"schemaVersion": 1, "createdAt": "2026-');
    const { window } = await startApp({ env: { REVISION_HOME: home }, mainDir: '/app/out/main' }).ready;
    window?.emit('ready-to-show');
    await vi.waitFor(() => expect(state.messageBoxes).toHaveLength(1));
    expect(state.messageBoxes[0]?.detail).toMatch(/abîmé/);
  });

  it('says in French that it cannot open the data folder, and quits without deleting anything', async () => {
    const notAFolder = join(home, 'file');
    await writeFile(notAFolder, 'précieux');
    const { window } = await startApp({ env: { REVISION_HOME: notAFolder }, mainDir: '/app/out/main' }).ready;
    expect(window).toBeNull();
    expect(state.errorBoxes[0]?.[0]).toBe('Révision n’a pas pu démarrer');
    expect(state.errorBoxes[0]?.[1]).toContain(notAFolder);
    expect(app.quit).toHaveBeenCalled();
    expect(await readdir(home)).toEqual(['file']);
  });
});
