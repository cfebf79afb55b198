import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly loadFile = vi.fn(async (_path: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  visible = true;
  constructor(readonly options: Record<string, unknown>) {
    super();
    created.push(this);
  }
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow, shell: { openExternal: vi.fn() } }));

const { appPaths, createMainWindow, focusWindow, rendererSource } = await import('./window');

const paths = appPaths('/app/out/main');

beforeEach(() => {
  created.length = 0;
});

describe('the app window', () => {
  it('is created with the secure webPreferences and the CommonJS preload', () => {
    createMainWindow({ paths, source: { kind: 'file', path: paths.rendererIndex } });
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: join('/app/out', 'preload', 'index.cjs'),
    });
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(created[0]?.options.show).toBe(false);
  });

  it('loads the built index.html, and the dev server only when not packaged', () => {
    expect(rendererSource(paths, {}, true)).toEqual({
      kind: 'file',
      path: join('/app/out', 'renderer', 'index.html'),
    });
    expect(rendererSource(paths, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true).kind).toBe('file');
    expect(rendererSource(paths, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({
      kind: 'url',
      url: 'http://localhost:5173',
    });
    createMainWindow({ paths, source: { kind: 'file', path: paths.rendererIndex } });
    expect(created[0]?.loadFile).toHaveBeenCalledWith(paths.rendererIndex);
    createMainWindow({ paths, source: { kind: 'url', url: 'http://localhost:5173' } });
    expect(created[1]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('refuses navigation and new windows from the start', () => {
    const { isAppUrl } = createMainWindow({ paths, source: { kind: 'file', path: paths.rendererIndex } });
    const window = created[0];
    let prevented = false;
    window?.webContents.emit(
      'will-navigate',
      { preventDefault: () => (prevented = true) },
      'file:///etc/passwd',
    );
    expect(prevented).toBe(true);
    const handler = window?.webContents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: {
      url: string;
    }) => unknown;
    expect(handler({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(true);
  });

  it('comes to the front on a second launch, even minimised', () => {
    createMainWindow({ paths, source: { kind: 'file', path: paths.rendererIndex } });
    const window = created[0];
    if (!window) throw new Error('no window');
    window.minimized = true;
    focusWindow(window as never);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
