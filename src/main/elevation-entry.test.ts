/**
 * The elevated step started from the Electron app: the exact argument arrays handed to pkexec,
 * osascript and UAC (pinned), the strict parsing of `--elevated-apply`, and the refusal to offer
 * the step from code the owner could change (checked on real files of this machine).
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandSpec, Host } from './core/exec/host';
import { elevatedArgv, osascriptRunner, pkexecRunner, uacRunner } from './core/actions/elevation';
import { codeNotAdminOnly, elevatedCliArgs, electronElevation, electronSelfEntry } from './elevation-entry';

const sha = 'a'.repeat(64);
const deb = {
  platform: 'linux' as const,
  execPath: '/opt/Révision/revision',
  isPackaged: true,
  appPath: '/opt/Révision/resources/app.asar',
};

/** A host that records the one command it is asked to run and answers exit 0. */
function recordingHost(platform: Host['platform']): { host: Host; runs: CommandSpec[] } {
  const runs: CommandSpec[] = [];
  const host = {
    platform,
    mode: 'live',
    run: vi.fn(async (spec: CommandSpec) => {
      runs.push(spec);
      return { stdout: '', stderr: '', exitCode: 0, durationMs: 1 };
    }),
  } as unknown as Host;
  return { host, runs };
}

describe('the elevated step started from the Electron app (argument arrays pinned)', () => {
  it('Linux: pkexec runs the installed executable itself with --no-sandbox, no env(1), no Node mode', async () => {
    const { host, runs } = recordingHost('linux');
    const planPath = '/home/eric/.config/Révision/plans/p.json';
    await pkexecRunner(host, electronSelfEntry(deb)).elevate({ planPath, sha256: sha });
    expect(runs.map((r) => [r.file, ...r.args])).toEqual([
      [
        'pkexec',
        '/opt/Révision/revision',
        '--no-sandbox',
        '--elevated-apply',
        '--plan',
        planPath,
        '--sha256',
        sha,
      ],
    ]);
    expect(JSON.stringify(runs)).not.toMatch(/ELECTRON_RUN_AS_NODE|\/usr\/bin\/env/);
  });

  it('macOS: one osascript statement naming the app executable, without --no-sandbox', async () => {
    const { host, runs } = recordingHost('darwin');
    const mac = {
      platform: 'darwin' as const,
      execPath: '/Applications/Révision.app/Contents/MacOS/Révision',
      isPackaged: true,
      appPath: '/Applications/Révision.app/Contents/Resources/app.asar',
    };
    await osascriptRunner(host, electronSelfEntry(mac)).elevate({
      planPath: '/Users/eric/Library/Application Support/Révision/plans/p.json',
      sha256: sha,
    });
    expect(runs.map((r) => [r.file, ...r.args])).toEqual([
      [
        '/usr/bin/osascript',
        '-e',
        `do shell script "'/Applications/Révision.app/Contents/MacOS/Révision' '--elevated-apply' '--plan' '/Users/eric/Library/Application Support/Révision/plans/p.json' '--sha256' '${sha}'" with administrator privileges`,
      ],
    ]);
  });

  it('Windows: UAC starts the per-machine executable with --elevated-apply and the two options', async () => {
    const { host, runs } = recordingHost('win32');
    const win = {
      platform: 'win32' as const,
      execPath: 'C:\\Program Files\\Révision\\Révision.exe',
      isPackaged: true,
      appPath: 'C:\\Program Files\\Révision\\resources\\app.asar',
    };
    await uacRunner(host, electronSelfEntry(win)).elevate({
      planPath: 'C:\\Users\\Éric Dupont\\AppData\\Roaming\\Révision\\plans\\p.json',
      sha256: sha,
    });
    expect(runs[0]?.env).toEqual({
      REVISION_ELEVATED_FILE: 'C:\\Program Files\\Révision\\Révision.exe',
      REVISION_ELEVATED_ARGS: `--elevated-apply --plan "C:\\Users\\Éric Dupont\\AppData\\Roaming\\Révision\\plans\\p.json" --sha256 ${sha}`,
    });
  });

  it('the main entry recognises exactly that command line, wherever Chromium switches are', () => {
    const argv = elevatedArgv(electronSelfEntry(deb), { planPath: '/home/eric/p.json', sha256: sha });
    expect(elevatedCliArgs(argv)).toEqual(['elevated-apply', '--plan', '/home/eric/p.json', '--sha256', sha]);
    const dev = electronSelfEntry({
      platform: 'win32',
      execPath: 'electron.exe',
      isPackaged: false,
      appPath: 'C:\\dev\\revision',
    });
    expect(dev.args).toEqual(['C:\\dev\\revision']);
  });

  it('a normal start, or any other command line, opens the app and runs nothing elevated', () => {
    expect(elevatedCliArgs(['Révision.exe'])).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', 'elevated-apply', '--plan', 'p', '--sha256', sha])).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', '--elevated-apply', '--plan', 'p'])).toBeNull();
    expect(
      elevatedCliArgs(['Révision.exe', '--elevated-apply', '--plan', 'p', '--sha256', sha, '--extra', 'x']),
    ).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', '--elevated-apply', '--sha256', sha, '--plan', 'p'])).toBeNull();
  });
});

describe('code the owner could change is never offered as the administrator step (real files)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revision-entry-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function install(name: string, owner: number, mode = 0o755) {
    const root = join(dir, name);
    await mkdir(join(root, 'resources'), { recursive: true });
    await writeFile(join(root, 'revision'), '#!/bin/sh\n');
    await writeFile(join(root, 'resources', 'app.asar'), 'asar');
    for (const p of [
      root,
      join(root, 'resources'),
      join(root, 'revision'),
      join(root, 'resources', 'app.asar'),
    ]) {
      const { chown } = await import('node:fs/promises');
      await chown(p, owner, owner);
      await chmod(p, mode);
    }
    return {
      platform: 'linux' as const,
      execPath: join(root, 'revision'),
      isPackaged: true,
      appPath: join(root, 'resources', 'app.asar'),
    };
  }

  it.skipIf(process.getuid?.() !== 0)(
    'a root-owned install is offered; an AppImage-like copy owned by the owner, or writable by others, is not',
    async () => {
      expect(codeNotAdminOnly(await install('system', 0))).toBeNull();
      expect(codeNotAdminOnly(await install('user', 1000))).toMatch(/appartient à un autre compte/);
      expect(codeNotAdminOnly(await install('open', 0, 0o777))).toMatch(/modifiable par d’autres/);
      // The app then says that no administrator step is possible, without prompting at all.
      const options = electronElevation(await install('user2', 1000), false);
      const outcome = await (options.elevation as { elevate: (r: unknown) => Promise<unknown> }).elevate({
        planPath: '/x',
        sha256: sha,
      });
      expect(outcome).toMatchObject({ status: 'unavailable' });
      expect(electronElevation(await install('system2', 0), false).elevation).toBeUndefined();
    },
  );
});
