import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/facts';
import { RunError, type CommandSpec, type Host } from '../exec/host';
import { createLiveHost } from '../exec/live-host';
import { createProgramsApi } from './index';

function recordingHost(platform: Platform, fail?: RunError): Host & { calls: CommandSpec[] } {
  const calls: CommandSpec[] = [];
  return {
    calls,
    platform,
    mode: 'live',
    run: async (spec) => {
      calls.push(spec);
      if (fail) throw fail;
      return { stdout: '', stderr: '', exitCode: 0, durationMs: 1 };
    },
    readFile: async () => '',
    exists: async () => false,
    readDir: async () => [],
    call: async (_n, fn) => fn(),
  };
}

describe('opening the OS’s own uninstall page', () => {
  it('Windows: Settings > Apps through explorer.exe with one argument (explorer answers 1 when it worked)', async () => {
    const host = recordingHost('win32');
    expect(await createProgramsApi({ host }).openUninstall()).toEqual({ opened: true });
    expect(host.calls.map((c) => [c.file, c.args, c.okExitCodes])).toEqual([
      ['explorer.exe', ['ms-settings:appsfeatures'], [0, 1]],
    ]);
  });
  it('macOS: System Settings > Storage', async () => {
    const host = recordingHost('darwin');
    await createProgramsApi({ host }).openUninstall();
    expect(host.calls[0]).toMatchObject({
      file: 'open',
      args: ['x-apple.systempreferences:com.apple.settings.Storage'],
    });
  });
  it('this Debian, for real: no GNOME Software, so « no page » rather than a false success', async () => {
    expect(await createProgramsApi({ host: createLiveHost('linux') }).openUninstall()).toEqual({
      opened: false,
    });
  });
  it('another failure is an error, not « opened »', async () => {
    await expect(
      createProgramsApi({
        host: recordingHost('win32', new RunError('timeout', 'explorer.exe', 'pas de réponse')),
      }).openUninstall(),
    ).rejects.toThrow(/pas de réponse/);
  });
});
