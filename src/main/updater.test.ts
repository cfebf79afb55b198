import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const autoUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  checkForUpdatesAndNotify: vi.fn(async () => null as unknown),
});
vi.mock('electron-updater', () => ({ default: { autoUpdater } }));

const { startAutoUpdates } = await import('./updater');

let resources: string;
beforeEach(async () => {
  resources = await mkdtemp(join(tmpdir(), 'revision-updater-'));
  autoUpdater.checkForUpdatesAndNotify.mockReset();
  autoUpdater.removeAllListeners();
});
afterEach(() => rm(resources, { recursive: true, force: true }));

describe('updates of the app itself', () => {
  it('are not looked for outside the packaged app', () => {
    expect(startAutoUpdates({ isPackaged: false, resourcesPath: resources, log: () => undefined })).toBe(
      false,
    );
    expect(autoUpdater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('are not looked for when the build has no update feed', () => {
    const log = vi.fn();
    expect(startAutoUpdates({ isPackaged: true, resourcesPath: resources, log })).toBe(false);
    expect(autoUpdater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('never stop the app when the check fails: the failure is logged', async () => {
    await writeFile(join(resources, 'app-update.yml'), 'provider: generic\nurl: https://updates.invalid/\n');
    autoUpdater.checkForUpdatesAndNotify.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const log = vi.fn();
    expect(startAutoUpdates({ isPackaged: true, resourcesPath: resources, log })).toBe(true);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('auto-update check failed', expect.any(Error)));
    expect(() => autoUpdater.emit('error', new Error('signature'))).not.toThrow();
    expect(log).toHaveBeenCalledWith('auto-update error', expect.any(Error));
  });

  it('never stop the app when electron-updater itself throws', async () => {
    await writeFile(join(resources, 'app-update.yml'), 'provider: generic\n');
    autoUpdater.checkForUpdatesAndNotify.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const log = vi.fn();
    expect(startAutoUpdates({ isPackaged: true, resourcesPath: resources, log })).toBe(false);
    expect(log).toHaveBeenCalledWith('auto-update could not start', expect.any(Error));
  });
});
