import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type IpcEnvelope } from '../shared/ipc';
import type { Workspace } from '../shared/workspace';
import type { CheckupReport } from '../shared/checkup';
import { createLiveHost } from './core/exec/live-host';
import { osReleaseProbe } from '../../tests/support/probes';

type Handler = (event: unknown, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>;
const handlers = new Map<string, Handler>();
const windowsByContents = new Map<unknown, unknown>();
const showSaveDialog = vi.fn();
const openExternal = vi.fn(async (_url: string, _options?: unknown) => undefined);

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: { fromWebContents: (contents: unknown) => windowsByContents.get(contents) ?? null },
  dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) },
  shell: { openExternal },
}));

const { registerIpc, defaultPdfName, toErrorPayload } = await import('./ipc');
const { createService } = await import('./core/service');
const { createAppUrlMatcher } = await import('./security');

const APP_URL = 'http://localhost:5173/';
const isAppUrl = createAppUrlMatcher({ kind: 'url', url: APP_URL });

/** Our window: its web contents, whose main frame shows our page. */
function makeWindow() {
  const sent: { channel: string; payload: unknown }[] = [];
  const mainFrame = { url: APP_URL, parent: null };
  const webContents = {
    mainFrame,
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
  };
  const window = { webContents, isDestroyed: () => false };
  windowsByContents.set(webContents, window);
  return { window, webContents, mainFrame, sent };
}

let home: string;
let ours: ReturnType<typeof makeWindow>;
let service: Awaited<ReturnType<typeof createService>>;
let unregister: () => void;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-ipc-'));
  service = await createService({ home, host: createLiveHost(), probes: [osReleaseProbe] });
  ours = makeWindow();
  unregister = registerIpc({
    service,
    getWindow: () => ours.window as never,
    isAppUrl,
    documentsDir: () => '/home/eric/Documents',
  });
});

afterEach(async () => {
  unregister();
  windowsByContents.clear();
  showSaveDialog.mockReset();
  openExternal.mockClear();
  await rm(home, { recursive: true, force: true });
});

const eventFrom = (sender: unknown, frame: unknown) => ({ sender, senderFrame: frame });
const call = (channel: string, event: unknown, ...args: unknown[]) => {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
};
const fromApp = (channel: string, ...args: unknown[]) =>
  call(channel, eventFrom(ours.webContents, ours.mainFrame), ...args);

describe('registration', () => {
  it('registers every channel of the contract, once, and removes them all', () => {
    expect([...handlers.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(handlers.size).toBe(0);
    unregister = () => undefined;
  });
});

describe('the sender check', () => {
  it('refuses another window, and the service is never reached', async () => {
    const other = makeWindow();
    const spy = vi.spyOn(service, 'workspaceUpdate');
    const answer = await call('workspace:update', eventFrom(other.webContents, other.mainFrame), {
      company: { name: 'Pirate' },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: expect.stringMatching(/refusée/) },
    });
    expect(spy).not.toHaveBeenCalled();
    expect((await service.workspaceGet()).company.name).toBe('');
  });

  it('refuses a web contents that is no window of ours', async () => {
    const stray = { mainFrame: { url: APP_URL, parent: null } };
    const answer = await call('workspace:get', eventFrom(stray, stray.mainFrame));
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('forbidden-sender');
  });

  it('refuses an iframe inside our window', async () => {
    const iframe = { url: APP_URL, parent: ours.mainFrame };
    const answer = await call('workspace:get', eventFrom(ours.webContents, iframe));
    expect(!answer.ok && answer.error.code).toBe('forbidden-sender');
  });

  it('refuses our window once it shows another page', async () => {
    const answer = await call(
      'workspace:get',
      eventFrom(ours.webContents, { url: 'https://evil.example/', parent: null }),
    );
    expect(!answer.ok && answer.error.code).toBe('forbidden-sender');
  });

  it('refuses when the frame is gone', async () => {
    const answer = await call('workspace:get', eventFrom(ours.webContents, null));
    expect(!answer.ok && answer.error.code).toBe('forbidden-sender');
  });
});

describe('argument validation', () => {
  it.each([
    ['workspace:update', [{ company: { name: 'X' }, admin: true }]],
    ['workspace:update', ['{"company":{}}']],
    ['workspace:update', []],
    ['devices:add', [{ kind: 'toaster', name: 'Grille-pain' }]],
    ['devices:remove', ['']],
    ['devices:remove', ['a', 'b']],
    ['checkup:run', [{ lang: 'de' }]],
    ['shell:openExternal', ['file:///etc/passwd']],
    ['shell:openExternal', ['javascript:alert(1)']],
  ])('%s with %j is refused with invalid-args and the service is never called', async (channel, args) => {
    const spies = [
      vi.spyOn(service, 'workspaceUpdate'),
      vi.spyOn(service, 'devicesAdd'),
      vi.spyOn(service, 'devicesRemove'),
      vi.spyOn(service, 'checkupRun'),
    ];
    const answer = await fromApp(channel, ...args);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-args', message: expect.stringMatching(/rien n’a été fait/) },
    });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['an object whose prototype is a typed array', () => Object.create(new Uint8Array(2)) as unknown],
    [
      'an object with a throwing getter',
      () =>
        Object.defineProperty({}, 'lang', {
          get: () => {
            throw new Error('boom');
          },
          enumerable: true,
        }),
    ],
  ])('%s is refused as invalid, never a crash of the handler', async (_name, make) => {
    const spy = vi.spyOn(service, 'devicesRemove');
    await expect(fromApp('devices:remove', make())).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    await expect(fromApp('report:email', make())).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('the envelope', () => {
  it('carries the result of the core, and the change is really saved', async () => {
    const answer = (await fromApp('workspace:update', {
      company: { name: 'Transports Martin' },
    })) as IpcEnvelope<Workspace>;
    expect(answer.ok).toBe(true);
    expect(answer.ok && answer.result.company.name).toBe('Transports Martin');
    const onDisk = JSON.parse(await readFile(join(home, 'workspace.json'), 'utf8')) as Workspace;
    expect(onDisk.company.name).toBe('Transports Martin');
    const again = (await fromApp('workspace:get')) as IpcEnvelope<Workspace>;
    expect(again.ok && again.result.company.name).toBe('Transports Martin');
  });

  it('turns an error of the core into its French message, nothing changed', async () => {
    const answer = await fromApp('devices:update', 'no-such-device', { name: 'Téléphone' });
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'Cet appareil n’existe plus.' } });
  });

  it('keeps a code the core sets on purpose', async () => {
    vi.spyOn(service, 'autoUpdatesApply').mockRejectedValueOnce(
      Object.assign(new Error('Il faut l’accord d’un administrateur.'), { code: 'not-elevated' }),
    );
    const answer = await fromApp('autoUpdates:apply', { planId: 'p1', sha256: 'a'.repeat(64) });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'not-elevated', message: 'Il faut l’accord d’un administrateur.' },
    });
  });

  it('never shows a programming error or a raw system error to the owner', async () => {
    vi.spyOn(service, 'workspaceGet').mockRejectedValueOnce(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    const answer = await fromApp('workspace:get');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/erreur inattendue/);
    expect(!answer.ok && answer.error.message).not.toMatch(/undefined/);
    const sys = Object.assign(new Error('EACCES: permission denied, open'), {
      code: 'EACCES',
      errno: -13,
      syscall: 'open',
    });
    expect(toErrorPayload(sys, 'fr')).toEqual({
      code: 'failed',
      message: expect.stringMatching(/erreur inattendue/),
    });
    expect(toErrorPayload('a string', 'en').message).toMatch(/unexpected error/);
  });

  it('runs a real checkup, records it and sends the progress to the window', async () => {
    const answer = (await fromApp('checkup:run', {})) as IpcEnvelope<CheckupReport>;
    expect(answer.ok).toBe(true);
    const progress = ours.sent
      .filter((m) => m.channel === 'checkup:progress')
      .map((m) => m.payload as { probeId: string; phase: string });
    expect(progress).toEqual([
      expect.objectContaining({ probeId: 'os-release', phase: 'start' }),
      expect.objectContaining({ probeId: 'os-release', phase: 'end' }),
    ]);
    const history = (await service.workspaceGet()).history.filter((h) => h.kind === 'checkup');
    expect(history).toHaveLength(1);
  });
});

describe('exporting the PDF', () => {
  it('offers carnet-entretien-<company>-<date>.pdf in Documents, and a cancel loses nothing', async () => {
    await service.workspaceUpdate({ company: { name: 'Transports Martin & Fils' } });
    const write = vi.spyOn(service, 'reportWritePdf');
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const answer = await fromApp('report:exportPdf', {});
    expect(answer).toEqual({ ok: true, result: { status: 'cancelled' } });
    expect(write).not.toHaveBeenCalled();
    const [parent, options] = showSaveDialog.mock.calls[0] as [
      unknown,
      { defaultPath: string; filters: unknown; properties: string[] },
    ];
    expect(parent).toBe(ours.window);
    const today = service.context.now();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(options.defaultPath).toBe(
      join('/home/eric/Documents', `carnet-entretien-transports-martin-fils-${date}.pdf`),
    );
    expect(options.filters).toEqual([{ name: 'Document PDF', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('writes where the owner chose, overwriting only what the dialog confirmed', async () => {
    const write = vi
      .spyOn(service, 'reportWritePdf')
      .mockImplementation(async ({ path }) => ({ path, pages: 3 }));
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/eric/Bureau/carnet.pdf' });
    expect(await fromApp('report:exportPdf', { lang: 'fr' })).toEqual({
      ok: true,
      result: { status: 'saved', path: '/home/eric/Bureau/carnet.pdf', pages: 3 },
    });
    expect(write).toHaveBeenLastCalledWith({
      path: '/home/eric/Bureau/carnet.pdf',
      lang: 'fr',
      overwrite: true,
    });
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/eric/Bureau/carnet' });
    await fromApp('report:exportPdf', {});
    expect(write).toHaveBeenLastCalledWith({
      path: '/home/eric/Bureau/carnet.pdf',
      lang: 'fr',
      overwrite: false,
    });
  });

  it('reports a failed write in French', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/eric/carnet.pdf' });
    vi.spyOn(service, 'reportWritePdf').mockRejectedValueOnce(
      new Error('Je n’ai pas pu écrire le PDF : le disque est plein.'),
    );
    expect(await fromApp('report:exportPdf', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Je n’ai pas pu écrire le PDF : le disque est plein.' },
    });
  });

  it('names the file without accents or odd characters, and without a company when there is none', () => {
    const d = new Date(2026, 10, 3);
    expect(defaultPdfName('carnet-entretien', 'Boulangerie Émile / Zoé', d)).toBe(
      'carnet-entretien-boulangerie-emile-zoe-2026-11-03.pdf',
    );
    expect(defaultPdfName('carnet-entretien', '  ', d)).toBe('carnet-entretien-2026-11-03.pdf');
    expect(defaultPdfName('carnet-entretien', '../../etc/passwd', d)).toBe(
      'carnet-entretien-etc-passwd-2026-11-03.pdf',
    );
  });
});

describe('opening a link', () => {
  it('opens https and mailto in the OS', async () => {
    expect(await fromApp('shell:openExternal', 'https://www.cybermalveillance.gouv.fr/')).toEqual({
      ok: true,
      result: undefined,
    });
    expect(await fromApp('shell:openExternal', 'mailto:kevin@example.fr')).toEqual({
      ok: true,
      result: undefined,
    });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://www.cybermalveillance.gouv.fr/',
      'mailto:kevin@example.fr',
    ]);
  });

  it('refuses a link carrying credentials even though it is https', async () => {
    const answer = await fromApp('shell:openExternal', 'https://admin:secret@example.fr/');
    expect(answer.ok).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});
