import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Probe } from '../core/checkup/probe';
import { createReplayHost } from '../core/exec/capture';

const shown: { title: string; body: string; click: () => void }[] = [];
const trays: FakeTray[] = [];

class FakeTray extends EventEmitter {
  image = '';
  tooltip = '';
  menu: { label?: string; click?: () => void }[] = [];
  constructor(image: { path: string }) {
    super();
    this.image = image.path;
    trays.push(this);
  }
  setImage(image: { path: string }) {
    this.image = image.path;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { label?: string; click?: () => void }[]) {
    this.menu = menu;
  }
  destroy = vi.fn();
}

class FakeNotification extends EventEmitter {
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  static isSupported = () => true;
  show() {
    shown.push({ ...this.options, click: () => this.emit('click') });
  }
}

const powerMonitor = new EventEmitter();
const app = {
  quit: vi.fn(),
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
};

vi.mock('electron', () => ({
  app,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (t: unknown) => t },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  powerMonitor,
}));

const { startBackground, startedHidden } = await import('./index');
const { setAutostart, desktopFilePath, desktopEntry } = await import('./autostart');
const { createService } = await import('../core/service');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-bg-'));
  shown.length = 0;
  trays.length = 0;
  powerMonitor.removeAllListeners();
});
afterEach(() => rm(home, { recursive: true, force: true }));

const host = createReplayHost({
  manifest: {
    format: 'revision-capture',
    formatVersion: 1,
    platform: 'linux',
    createdAt: '2026-11-22T00:00:00Z',
    appVersion: 'test',
  },
  entries: [],
});

/** A machine whose firewall the test switches on and off. */
function machine() {
  const m = { firewallOn: true, runs: 0 };
  const probe: Probe = {
    id: 'firewall',
    labelKey: 'probes:firewall',
    sections: ['firewall'],
    timeoutMs: 5000,
    async run() {
      m.runs += 1;
      return { firewall: { enabled: m.firewallOn, profiles: [], tool: 'nftables' } };
    },
  };
  return { m, probes: [probe] };
}

async function setup(start: string) {
  let at = new Date(start).getTime();
  const { m, probes } = machine();
  const service = await createService({ home, host, probes, now: () => new Date(at) });
  await service.workspaceUpdate({ onboarded: true });
  const opened: string[] = [];
  const background = startBackground({
    service,
    iconsDir: '/icons',
    openScreen: (s) => opened.push(s),
    log: () => undefined,
  });
  return {
    service,
    m,
    opened,
    background,
    tray: trays[0]!,
    advance: (hours: number) => (at += hours * 3_600_000),
  };
}

describe('the weekly watch in the shell', () => {
  it('does not check in the background before onboarding', async () => {
    const { m, probes } = machine();
    const service = await createService({ home, host, probes });
    const background = startBackground({
      service,
      iconsDir: '/icons',
      openScreen: () => undefined,
      log: () => undefined,
    });
    await background.watch.tick();
    expect(m.runs).toBe(0);
    expect(trays[0]!.image).toBe('/icons/tray-unknown.png');
    background.stop();
  });

  it('checks at start when no check was ever made, and colours the tray with the worst voyant', async () => {
    const { m, tray, background, service } = await setup('2026-03-02T09:00:00');
    await vi.waitFor(() => expect(m.runs).toBe(1));
    await vi.waitFor(async () => expect(tray.image).toBe(`/icons/tray-${await worst(service)}.png`));
    expect(tray.tooltip).toMatch(/^Révision — /);
    background.stop();
    expect(tray.destroy).toHaveBeenCalled();
  });

  it('says nothing while nothing changed; after a week a voyant got worse: one notification that opens the dashboard', async () => {
    const { m, opened, background, advance } = await setup('2026-03-02T09:00:00');
    await vi.waitFor(() => expect(m.runs).toBe(1));
    advance(1);
    await background.watch.tick();
    expect(m.runs).toBe(1);
    advance(7 * 24);
    await background.watch.tick();
    expect(m.runs).toBe(2);
    expect(shown).toEqual([]);

    m.firewallOn = false;
    advance(7 * 24);
    // The computer wakes up after a week asleep: the missed check runs at once.
    powerMonitor.emit('resume');
    await vi.waitFor(() => expect(m.runs).toBe(3));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]!.title).toBe('1 voyant est passé au rouge ou à l’orange');
    shown[0]!.click();
    expect(opened).toEqual(['dashboard']);
    await background.watch.tick();
    advance(1);
    await background.watch.checkNow();
    expect(m.runs).toBe(4);
    expect(shown).toHaveLength(1);
    background.stop();
  });

  it('« Vérifier maintenant » in the tray menu runs a checkup', async () => {
    const { m, tray, background } = await setup('2026-03-02T09:00:00');
    // The check made at start: « Vérifier maintenant » during it joins it rather than starting a second one.
    await vi.waitFor(() => expect(m.runs).toBe(1));
    await background.watch.tick();
    tray.menu.find((i) => i.label === 'Vérifier maintenant')!.click!();
    await vi.waitFor(() => expect(m.runs).toBe(2));
    background.stop();
  });

  it('starts hidden when launched at login', () => {
    expect(startedHidden(['/opt/Révision/revision', '--hidden'])).toBe(true);
    expect(startedHidden(['/opt/Révision/revision'])).toBe(false);
  });
});

async function worst(service: Awaited<ReturnType<typeof createService>>): Promise<string> {
  const { worstOf } = await import('./watch');
  return worstOf(await service.checkupLatest());
}

describe('starting at login', () => {
  it('Linux: writes an XDG autostart entry that starts hidden, and removes it when switched off', async () => {
    const options = { platform: 'linux' as const, execPath: '/opt/Révision/revision', app, configHome: home };
    await setAutostart(true, options);
    const text = await readFile(desktopFilePath(home), 'utf8');
    expect(text).toContain('Exec="/opt/Révision/revision" --hidden');
    expect(text).toContain('[Desktop Entry]');
    await setAutostart(false, options);
    await expect(stat(desktopFilePath(home))).rejects.toThrow();
  });

  it('Windows and macOS: the login item with the --hidden argument', async () => {
    await setAutostart(true, {
      platform: 'win32',
      execPath: 'C:\\Program Files\\Révision\\Révision.exe',
      app,
    });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
    await setAutostart(false, { platform: 'darwin', execPath: '/Applications/Révision.app', app });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: [] });
  });

  it('quotes the program path as the Desktop Entry specification asks', () => {
    expect(desktopEntry('/opt/a "b"/$x')).toContain('Exec="/opt/a \\"b\\"/\\$x" --hidden');
  });

  it('nothing starts at login before the owner finished onboarding', async () => {
    const { service, background } = await setup('2026-03-02T09:00:00');
    await service.workspaceUpdate({ onboarded: false });
    const previous = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    try {
      await background.applySettings(await service.workspaceGet());
      if (process.platform === 'linux') await expect(stat(desktopFilePath(home))).rejects.toThrow();
      await background.applySettings(await service.workspaceUpdate({ onboarded: true }));
      if (process.platform === 'linux')
        expect(await readFile(desktopFilePath(home), 'utf8')).toContain('--hidden');
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = previous;
      background.stop();
    }
  });
});
