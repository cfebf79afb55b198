import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../core/service';
import { main } from '../index';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-cli-time-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('`revision calendar --ics FILE`', () => {
  it('`revision calendar --ics FILE` writes the same file, and asks for the file in French when it is missing', async () => {
    const service = await createService({ home });
    await service.devicesAdd({ kind: 'server', name: 'Serveur du dépôt', schedule: 'night' });
    const sw = (await service.softwareUpsert({ name: 'Sage 100', category: 'comptabilite' })).software[0]!;
    await service.tasksAssign({ key: `vendor:${sw.id}`, due: '2026-12-15' });
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      env: {},
      tty: false,
      confirm: async () => false,
    };
    const path = join(home, 'cli.ics');
    expect(await main(['calendar', '--ics', path, '--workspace', home], io)).toBe(0);
    expect(out.join('')).toContain('Agenda enregistré');
    expect(
      Object.values(ical.sync.parseICS(await readFile(path, 'utf8'))).filter((c) => c?.type === 'VEVENT'),
    ).toHaveLength(3);
    expect(await main(['calendar', '--workspace', home], io)).toBe(2);
    expect(err.join('')).toContain('Indiquez le fichier à écrire');
  });
});

describe('`revision schedule status`', () => {
  it('says whether the weekly watch is on, the last and the next check', async () => {
    const service = await createService({ home, now: () => new Date('2026-11-28T10:00:00Z') });
    await service.workspaceUpdate({ onboarded: true });
    await service.checkupRun({});
    const out: string[] = [];
    const io = {
      out: (s: string) => out.push(s),
      err: () => undefined,
      env: {},
      tty: false,
      confirm: async () => false,
    };
    expect(await main(['schedule', 'status', '--json', '--workspace', home], io)).toBe(0);
    const status = JSON.parse(out.join('')) as {
      enabled: boolean;
      lastCheckAt: string;
      nextCheckAt: string;
      late: boolean;
    };
    expect(status).toMatchObject({
      enabled: true,
      lastCheckAt: '2026-11-28T10:00:00.000Z',
      nextCheckAt: '2026-12-05T10:00:00.000Z',
    });
    out.length = 0;
    await service.workspaceUpdate({ settings: { weeklyCheck: false } });
    expect(await main(['schedule', 'status', '--workspace', home], io)).toBe(0);
    expect(out.join('')).toContain('Surveillance chaque semaine : désactivée');
  });
});
