import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, mkdir, writeFile, truncate, utimes } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../../../shared/workspace';
import { onSavedLines } from '../../../../tests/support/saved-lines';
import {
  BACKUP_FILE,
  PRODUCT_NAME,
  WORKSPACE_FILE,
  WorkspaceWriteError,
  defaultWorkspaceDir,
  openWorkspace,
  writeFileAtomic,
} from './store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const onDisk = async (name = WORKSPACE_FILE): Promise<Workspace> =>
  JSON.parse(await readFile(join(dir, name), 'utf8')) as Workspace;
const temps = async (): Promise<string[]> => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

describe('atomic writes', () => {
  it('a reader never sees half a file, and no temp file is left', async () => {
    const path = join(dir, 'data.json');
    const a = JSON.stringify({ v: 'a', pad: 'a'.repeat(400_000) });
    const b = JSON.stringify({ v: 'b', pad: 'b'.repeat(600_000) });
    await writeFileAtomic(path, a);
    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (writing) {
        const text = await readFile(path, 'utf8');
        expect(text === a || text === b).toBe(true);
        seen.add((JSON.parse(text) as { v: string }).v);
      }
    })();
    for (let i = 0; i < 60; i += 1) await writeFileAtomic(path, i % 2 ? a : b);
    writing = false;
    await reader;
    expect(seen.size).toBeGreaterThan(0);
    expect(await temps()).toEqual([]);
  });

  it('leaves the old file whole when the write fails', async () => {
    const path = join(dir, 'data.json');
    await writeFileAtomic(path, 'old');
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'data.json'), 'new')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await temps()).toEqual([]);
  });
});

describe('a process killed in the middle of saving', () => {
  const script = resolve(import.meta.dirname, 'kill-writer.script.ts');
  const repoRoot = resolve(import.meta.dirname, '../../../..');

  /** Runs the writer until it has saved at least `after` times, then SIGKILLs it. Returns the last saved n. */
  const runAndKill = (after: number, extraMs: number): Promise<number> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let last = 0;
      let stderr = '';
      let killing = false;
      onSavedLines(child.stdout, (n) => {
        last = Math.max(last, n);
        if (last >= after && !killing) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') done(last);
        else fail(new Error(`writer exited by itself (${code}): ${stderr}`));
      });
    });

  it('loses nothing: every save it reported is there, the file parses, no repair needed', async () => {
    let lastSaved = 0;
    // Kill at different moments after a save: right away, or a few milliseconds into the next one.
    for (const extraMs of [0, 7, 23, 41, 3]) {
      lastSaved = await runAndKill(lastSaved + 2, extraMs);
      const store = await openWorkspace(dir);
      expect(store.notices).toEqual([]);
      const ws = store.read();
      // Either the old data or the new one: the update in flight may or may not have landed.
      expect(ws.history.length === lastSaved || ws.history.length === lastSaved + 1).toBe(true);
      expect(ws.history.map((h) => Number(h.summary.split(' ')[0]))).toEqual(
        Array.from({ length: ws.history.length }, (_, i) => i + 1),
      );
      expect(ws.company.name).toBe(`Entreprise ${ws.history.length}`);
      lastSaved = ws.history.length;
      // The backup is whole too.
      await expect(onDisk(BACKUP_FILE)).resolves.toHaveProperty('schemaVersion', WORKSPACE_SCHEMA_VERSION);
    }
    expect(lastSaved).toBeGreaterThan(5);
  });
});

describe('the app and the command line saving at the same moment', () => {
  it('lose nothing: every entry of both processes is in the carnet', async () => {
    const script = resolve(import.meta.dirname, 'kill-writer.script.ts');
    const repoRoot = resolve(import.meta.dirname, '../../../..');
    await openWorkspace(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, '40', 'cli'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Start writing once the child has begun, so the two really overlap.
    await new Promise<void>((started) => child.stdout.once('data', () => started()));
    const app = await openWorkspace(dir);
    for (let i = 0; i < 40; i += 1) {
      await app.update(
        (ws) =>
          void ws.history.push({
            at: new Date().toISOString(),
            kind: 'tick',
            by: 'app',
            summary: `app ${i}`,
          }),
      );
    }
    expect(await exited, stderr).toBe(0);
    const history = (await onDisk()).history;
    expect(history.filter((h) => h.by === 'app').map((h) => h.summary)).toEqual(
      Array.from({ length: 40 }, (_, i) => `app ${i}`),
    );
    expect(history.filter((h) => h.by === 'cli')).toHaveLength(40);
    expect((await readdir(dir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('a data folder that vanished: a French message, and the carnet in memory is kept', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Avant'));
    // The folder vanished (an unplugged USB disk, a cleaning tool): not even the lock can be created.
    await rm(dir, { recursive: true, force: true });
    await expect(store.update((ws) => void (ws.company.name = 'Après'))).rejects.toThrow(
      /Je n’ai pas pu enregistrer vos données.*Rien n’est perdu/,
    );
    expect(store.read().company.name).toBe('Avant');
    await mkdir(dir, { recursive: true });
  });

  it('a lock left by a killed process does not block the owner', async () => {
    await writeFile(join(dir, 'workspace.lock'), '999999999\n');
    const store = await openWorkspace(dir);
    await expect(store.update((ws) => void (ws.onboarded = true))).resolves.toMatchObject({
      onboarded: true,
    });
  });
});

describe('a damaged file', () => {
  it('is set aside, the last good copy restored, and the owner told in French', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Transports Martin'));
    await store.update((ws) => void (ws.provider.email = 'kevin@example.fr'));
    const good = await readFile(join(dir, WORKSPACE_FILE), 'utf8');
    await truncate(join(dir, WORKSPACE_FILE), Math.floor(good.length / 2));
    const damaged = await readFile(join(dir, WORKSPACE_FILE), 'utf8');

    const reopened = await openWorkspace(dir);
    expect(reopened.notices).toHaveLength(1);
    const notice = reopened.notices[0];
    expect(notice?.kind).toBe('restored-from-backup');
    expect(notice?.message).toMatch(/abîmé.*dernière copie saine/);
    expect(reopened.read().company.name).toBe('Transports Martin');
    expect(await readFile(notice?.setAside ?? '', 'utf8')).toBe(damaged);
    expect((await onDisk()).company.name).toBe('Transports Martin');
    // And the app goes on saving normally.
    await reopened.update((ws) => void (ws.provider.email = 'kevin@example.fr'));
    expect((await onDisk()).provider.email).toBe('kevin@example.fr');
  });

  it('without any good copy: starts an empty carnet but keeps the damaged file for the prestataire', async () => {
    await writeFile(join(dir, WORKSPACE_FILE), '{"schemaVersion":1,"company":{"name":"Boulangerie');
    const store = await openWorkspace(dir);
    expect(store.notices[0]?.kind).toBe('reset-corrupted');
    expect(store.notices[0]?.message).toMatch(/gardé de côté pour votre prestataire/);
    expect(await readFile(store.notices[0]?.setAside ?? '', 'utf8')).toContain('Boulangerie');
    expect(store.read().devices).toEqual([]);
  });

  it('a missing file with a good backup is restored, not replaced by an empty carnet', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Garage Dupuis'));
    await store.update((ws) => void (ws.onboarded = true));
    await rm(join(dir, WORKSPACE_FILE));
    const reopened = await openWorkspace(dir);
    expect(reopened.read().company.name).toBe('Garage Dupuis');
    expect(reopened.notices[0]?.kind).toBe('restored-from-backup');
  });
});

describe('a file from a newer version of Révision', () => {
  const newer = {
    schemaVersion: WORKSPACE_SCHEMA_VERSION + 1,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-02T00:00:00.000Z',
    company: { name: 'Pharmacie du Port', siret: '123' },
    fleetGroups: [{ id: 'g1' }],
  };

  it('is opened read-only: shown, never overwritten, and the owner told', async () => {
    const text = JSON.stringify(newer, null, 2);
    await writeFile(join(dir, WORKSPACE_FILE), text);
    const store = await openWorkspace(dir);
    expect(store.readOnly).toBe(true);
    expect(store.notices.map((n) => n.kind)).toEqual(['newer-version']);
    expect(store.notices[0]?.message).toMatch(/version plus récente.*mettez Révision à jour/);
    expect(store.read().company.name).toBe('Pharmacie du Port');
    await expect(store.update((ws) => void (ws.onboarded = true))).rejects.toBeInstanceOf(
      WorkspaceWriteError,
    );
    await expect(store.update((ws) => void (ws.onboarded = true))).rejects.toThrow(/je ne les modifie pas/);
    await store.saveCheckup({ findings: [] } as never);
    expect(await readFile(join(dir, WORKSPACE_FILE), 'utf8')).toBe(text);
    expect((await readdir(dir)).sort()).toEqual([WORKSPACE_FILE]);
  });

  it('written by a newer app while this one is open: this one stops writing', async () => {
    const store = await openWorkspace(dir);
    const text = JSON.stringify(newer);
    await writeFile(join(dir, WORKSPACE_FILE), text);
    await expect(store.update((ws) => void (ws.onboarded = true))).rejects.toThrow(/version plus récente/);
    expect(store.readOnly).toBe(true);
    expect(await readFile(join(dir, WORKSPACE_FILE), 'utf8')).toBe(text);
  });
});

describe('fields this version does not know', () => {
  it('are kept across a load and an update, at every level', async () => {
    const file = {
      schemaVersion: WORKSPACE_SCHEMA_VERSION,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      company: { name: 'Transports Martin', siret: '12345678900011' },
      settings: { lang: 'fr', theme: 'sombre' },
      devices: [
        { id: 'd1', kind: 'iphone', name: 'iPhone de Éric', addedAt: '2026-01-01', steps: {}, imei: '3569' },
      ],
      history: [{ at: '2026-01-01', kind: 'note', summary: 'x', signature: 'abc' }],
      fleet: { enrolled: true, server: 'flotte.example' },
    };
    await writeFile(join(dir, WORKSPACE_FILE), JSON.stringify(file));
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Transports Martin & Fils'));
    const saved = (await onDisk()) as Workspace & Record<string, unknown>;
    expect(saved.company).toEqual({ name: 'Transports Martin & Fils', siret: '12345678900011' });
    expect(saved.fleet).toEqual({ enrolled: true, server: 'flotte.example' });
    expect(saved.settings).toMatchObject({ theme: 'sombre' });
    expect(saved.devices[0]).toMatchObject({ imei: '3569' });
    expect(saved.history[0]).toMatchObject({ signature: 'abc' });
  });
});

describe('updates', () => {
  it('run one at a time: fifty at once all land', async () => {
    const store = await openWorkspace(dir);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update((ws) => {
          ws.history.push({ at: new Date().toISOString(), kind: 'note', by: 'test', summary: `note ${i}` });
        }),
      ),
    );
    expect(results.map((ws) => ws.history.length)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await onDisk()).history.map((h) => h.summary)).toEqual(
      Array.from({ length: 50 }, (_, i) => `note ${i}`),
    );
  });

  it('a change that fails changes nothing and does not block the next one', async () => {
    const store = await openWorkspace(dir);
    const failing = store.update((ws) => {
      ws.company.name = 'à moitié';
      throw new Error('Cet appareil n’existe plus.');
    });
    const next = store.update((ws) => void (ws.onboarded = true));
    await expect(failing).rejects.toThrow('Cet appareil n’existe plus.');
    await expect(next).resolves.toMatchObject({ onboarded: true, company: { name: '' } });
    expect((await onDisk()).company.name).toBe('');
  });

  it('keep what another process (the command line) saved in the meantime', async () => {
    const app = await openWorkspace(dir);
    const cli = await openWorkspace(dir);
    await cli.update(
      (ws) =>
        void ws.history.push({
          at: '2026-11-20T10:00:00Z',
          kind: 'checkup',
          by: 'kevin',
          summary: 'checkup live',
        }),
    );
    await app.update((ws) => void (ws.company.name = 'Transports Martin'));
    const saved = await onDisk();
    expect(saved.company.name).toBe('Transports Martin');
    expect(saved.history.map((h) => h.by)).toEqual(['kevin']);
  });

  it('a disk that refuses the write: a French message, nothing lost', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Avant'));
    // workspace.json replaced by a folder: the rename over it fails.
    await rm(join(dir, WORKSPACE_FILE));
    await mkdir(join(dir, WORKSPACE_FILE, 'inside'), { recursive: true });
    await expect(store.update((ws) => void (ws.company.name = 'Après'))).rejects.toThrow(
      /Je n’ai pas pu enregistrer vos données.*Rien n’est perdu/,
    );
    expect(store.read().company.name).toBe('Avant');
    expect((await onDisk(BACKUP_FILE)).company.name).toBe('Avant');
  });
});

describe('a file from before versions existed', () => {
  it('is migrated, the old file kept, every field carried over', async () => {
    const old = JSON.stringify({
      createdAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2025-06-01T00:00:00.000Z',
      companyName: 'Cabinet Leroy',
      providerEmail: 'support@prestataire.example',
      devices: [{ id: 'd1', kind: 'android-phone', name: 'Téléphone', addedAt: '2025-06-01', steps: {} }],
      customerNotes: 'garder',
    });
    await writeFile(join(dir, WORKSPACE_FILE), old);
    const store = await openWorkspace(dir);
    expect(store.notices.map((n) => n.kind)).toEqual(['migrated']);
    const ws = store.read() as Workspace & Record<string, unknown>;
    expect(ws.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    expect(ws.company.name).toBe('Cabinet Leroy');
    expect(ws.provider.email).toBe('support@prestataire.example');
    expect(ws.devices).toHaveLength(1);
    expect(ws.customerNotes).toBe('garder');
    expect(ws).not.toHaveProperty('companyName');
    const kept = (await readdir(dir)).find((n) => n.startsWith('workspace.v-old-'));
    expect(await readFile(join(dir, kept ?? 'missing'), 'utf8')).toBe(old);
    expect((await onDisk()).schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
    // Opening again: nothing more to migrate.
    expect((await openWorkspace(dir)).notices).toEqual([]);
  });

  it('without dates, or already holding the new objects, is migrated rather than judged damaged', async () => {
    await writeFile(
      join(dir, WORKSPACE_FILE),
      JSON.stringify({
        company: { name: 'Épicerie Sow' },
        provider: { name: 'Kevin', email: 'k@example.fr' },
      }),
    );
    const store = await openWorkspace(dir);
    expect(store.notices.map((n) => n.kind)).toEqual(['migrated']);
    expect(store.read().company.name).toBe('Épicerie Sow');
    expect(store.read().provider).toMatchObject({ name: 'Kevin', email: 'k@example.fr' });
  });
});

describe('housekeeping', () => {
  it('removes temp files left by a killed process, and only those', async () => {
    const stale = join(dir, `${WORKSPACE_FILE}.999.1.1.tmp`);
    const fresh = join(dir, `${WORKSPACE_FILE}.999.2.1.tmp`);
    const other = join(dir, 'notes.tmp');
    for (const p of [stale, fresh, other]) await writeFile(p, 'x');
    const old = new Date(Date.now() - 3_600_000);
    await utimes(stale, old, old);
    await utimes(other, old, old);
    await openWorkspace(dir);
    const names = await readdir(dir);
    expect(names).not.toContain(`${WORKSPACE_FILE}.999.1.1.tmp`);
    expect(names).toContain(`${WORKSPACE_FILE}.999.2.1.tmp`);
    expect(names).toContain('notes.tmp');
  });
});

describe('where the data lives', () => {
  it('is the folder Electron gives the app (app-data + product name), so the app and the command line share it', async () => {
    const pkg = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../../../../package.json'), 'utf8'),
    ) as { productName: string };
    expect(PRODUCT_NAME).toBe(pkg.productName);
    expect(defaultWorkspaceDir({}, 'linux')).toBe(join(homedir(), '.config', 'Révision'));
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/srv/cfg' }, 'linux')).toBe(join('/srv/cfg', 'Révision'));
    expect(defaultWorkspaceDir({ APPDATA: 'C:\\Users\\eric\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\eric\\AppData\\Roaming', 'Révision'),
    );
    expect(defaultWorkspaceDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Révision'),
    );
    expect(defaultWorkspaceDir({ REVISION_HOME: '/data/rev' }, 'win32')).toBe('/data/rev');
  });
});
