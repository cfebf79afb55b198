import { describe, expect, it } from 'vitest';
import { elevatedArgv } from './core/actions/elevation';
import { elevatedCliArgs, electronSelfEntry } from './elevation-entry';

const sha = 'a'.repeat(64);

describe('the elevated step started from the Electron app', () => {
  it('on Linux, runs the bundled CLI with Electron as Node, the variable passed through env(1)', () => {
    const entry = electronSelfEntry({
      platform: 'linux',
      execPath: '/opt/Révision/revision',
      mainDir: '/opt/Révision/resources/app.asar/out/main',
      isPackaged: true,
      appPath: '/opt/Révision/resources/app.asar',
    });
    expect(elevatedArgv(entry, { planPath: '/home/eric/.config/Révision/plans/p.json', sha256: sha })).toEqual([
      '/usr/bin/env',
      'ELECTRON_RUN_AS_NODE=1',
      '/opt/Révision/revision',
      '/opt/Révision/resources/app.asar/out/main/cli.js',
      'elevated-apply',
      '--plan',
      '/home/eric/.config/Révision/plans/p.json',
      '--sha256',
      sha,
    ]);
  });

  it('on Windows, starts the app itself, whose main entry hands the command to the CLI', () => {
    const packaged = electronSelfEntry({
      platform: 'win32',
      execPath: 'C:\\Program Files\\Révision\\Révision.exe',
      mainDir: 'C:\\Program Files\\Révision\\resources\\app.asar\\out\\main',
      isPackaged: true,
      appPath: 'C:\\Program Files\\Révision\\resources\\app.asar',
    });
    const argv = elevatedArgv(packaged, { planPath: 'C:\\Users\\eric\\AppData\\Roaming\\Révision\\p.json', sha256: sha });
    expect(argv[0]).toBe('C:\\Program Files\\Révision\\Révision.exe');
    expect(elevatedCliArgs(argv)).toEqual(['elevated-apply', '--plan', 'C:\\Users\\eric\\AppData\\Roaming\\Révision\\p.json', '--sha256', sha]);
    const dev = electronSelfEntry({ platform: 'win32', execPath: 'electron.exe', mainDir: 'x', isPackaged: false, appPath: 'C:\\dev\\revision' });
    expect(dev.args).toEqual(['C:\\dev\\revision']);
  });

  it('a normal start, or any other command line, opens the app and runs nothing elevated', () => {
    expect(elevatedCliArgs(['Révision.exe'])).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', 'elevated-apply', '--plan', 'p'])).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', 'elevated-apply', '--plan', 'p', '--sha256', sha, '--extra', 'x'])).toBeNull();
    expect(elevatedCliArgs(['Révision.exe', 'elevated-apply', '--yes', 'p', '--sha256', sha])).toBeNull();
  });
});
