/**
 * Updates of Révision itself, with electron-updater mocked (the Electron binary cannot be
 * downloaded here) over real resources folders: only a signed build with a feed ever checks;
 * it checks at start and daily, downloads in the background, and asks before restarting.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const autoUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  logger: null as unknown,
  checkForUpdates: vi.fn(async () => null as unknown),
  quitAndInstall: vi.fn(),
});
vi.mock('electron-updater', () => ({ default: { autoUpdater } }));

const { startAppUpdates, CHECK_EVERY_MS } = await import('./updater');
const { updatePolicy } = await import('./policy');

/**
 * app-update.yml as electron-builder writes it for a generic provider (written from
 * electron-builder's documentation of `publish: generic`, not copied from a real build).
 */
const FEED =
  'provider: generic\nurl: https://maj.example.invalid/revision\nupdaterCacheDirName: revision-updater\n';
const WIN_FEED = `${FEED}publisherName:\n  - Transport Dubois SARL\n`;

let resources: string;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
beforeEach(async () => {
  resources = await mkdtemp(join(tmpdir(), 'revision-updates-'));
  autoUpdater.removeAllListeners();
  autoUpdater.checkForUpdates.mockReset().mockResolvedValue(null);
  autoUpdater.quitAndInstall.mockReset();
  log.error.mockReset();
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(resources, { recursive: true, force: true });
});

async function build(feed: string | null, signing: object | null): Promise<void> {
  if (feed) await writeFile(join(resources, 'app-update.yml'), feed);
  if (signing) await writeFile(join(resources, 'signing.json'), JSON.stringify(signing));
}

const start = (platform: NodeJS.Platform, askRestart = vi.fn(async () => false), isPackaged = true) =>
  startAppUpdates({
    isPackaged,
    platform,
    resourcesPath: resources,
    version: '0.1.0',
    log,
    askRestart,
    now: () => new Date('2026-11-28T07:00:00Z'),
  });

describe('updates of Révision itself', () => {
  it('an unsigned build with a feed never looks for updates and says « non signée »', async () => {
    await build(WIN_FEED, { signed: false });
    const updates = start('win32');
    expect(updates.status()).toEqual({ version: '0.1.0', signed: false, state: 'unsigned' });
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('Windows: a signed build whose feed names no publisher is not trusted to update itself', async () => {
    await build(FEED, { signed: true });
    expect(start('win32').status()).toMatchObject({ signed: false, state: 'unsigned' });
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('macOS: signed but not notarised is unsigned; Linux builds are never signed', async () => {
    expect(
      updatePolicy({ isPackaged: true, platform: 'darwin', feed: FEED, signing: { signed: true } }),
    ).toMatchObject({ active: false, state: 'unsigned' });
    expect(
      updatePolicy({
        isPackaged: true,
        platform: 'darwin',
        feed: FEED,
        signing: { signed: true, notarized: true },
      }),
    ).toMatchObject({ active: true, state: 'idle' });
    expect(
      updatePolicy({ isPackaged: true, platform: 'linux', feed: FEED, signing: { signed: true } }),
    ).toMatchObject({ active: false, state: 'unsigned' });
  });

  it('no feed, a plain-HTTP feed, or the development app: nothing is checked', async () => {
    expect(
      updatePolicy({ isPackaged: true, platform: 'win32', feed: null, signing: { signed: true } }).state,
    ).toBe('no-feed');
    expect(
      updatePolicy({
        isPackaged: true,
        platform: 'win32',
        feed: WIN_FEED.replace('https', 'http'),
        signing: { signed: true },
      }).state,
    ).toBe('no-feed');
    expect(start('win32', undefined, false).status().state).toBe('development');
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('a signed Windows build checks at start, then every day, downloading in the background', async () => {
    vi.useFakeTimers();
    await build(WIN_FEED, { signed: true });
    const updates = start('win32');
    expect(autoUpdater.autoDownload).toBe(true);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    autoUpdater.emit('update-not-available', { version: '0.1.0' });
    expect(updates.status()).toEqual({
      version: '0.1.0',
      signed: true,
      state: 'up-to-date',
      checkedAt: '2026-11-28T07:00:00.000Z',
    });
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
    autoUpdater.emit('update-available', { version: '0.2.0' });
    expect(updates.status()).toMatchObject({ state: 'downloading', available: '0.2.0' });
    updates.stop();
  });

  it('asks before restarting: « Plus tard » installs nothing now, « Redémarrer » installs', async () => {
    await build(WIN_FEED, { signed: true });
    const later = vi.fn(async () => false);
    const updates = start('win32', later);
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(later).toHaveBeenCalledWith('0.2.0'));
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(updates.status()).toMatchObject({ state: 'ready', available: '0.2.0' });
    updates.stop();
    autoUpdater.removeAllListeners();
    const now = vi.fn(async () => true);
    start('win32', now).stop();
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1));
  });

  it('a failed check is logged to the technical log and shown as an error, never thrown', async () => {
    await build(WIN_FEED, { signed: true });
    autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const updates = start('win32');
    await vi.waitFor(() =>
      expect(log.error).toHaveBeenCalledWith('app update check failed', expect.any(Error)),
    );
    expect(updates.status().state).toBe('error');
    expect(() => autoUpdater.emit('error', new Error('signature'))).not.toThrow();
    expect(log.error).toHaveBeenCalledWith('app update failed', expect.any(Error));
    updates.stop();
  });
});
