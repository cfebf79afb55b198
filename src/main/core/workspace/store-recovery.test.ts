/** Recovery of the owner's carnet: the backup is never a save behind, a BOM is fine, damaged files never overwrite each other. */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FILE, WORKSPACE_FILE, openWorkspace } from './store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-recovery-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const damage = async (): Promise<string> => {
  const good = await readFile(join(dir, WORKSPACE_FILE), 'utf8');
  await truncate(join(dir, WORKSPACE_FILE), Math.floor(good.length / 2));
  return readFile(join(dir, WORKSPACE_FILE), 'utf8');
};

describe('the last good copy', () => {
  it('holds the last change: restoring it after damage loses nothing', async () => {
    const store = await openWorkspace(dir);
    for (let i = 1; i <= 6; i += 1) {
      await store.update((ws) => void (ws.company.name = `Boulangerie ${i}`));
      await damage();
      const reopened = await openWorkspace(dir);
      expect(reopened.notices[0]?.kind).toBe('restored-from-backup');
      expect(reopened.read().company.name).toBe(`Boulangerie ${i}`);
    }
  });

  it('a backup a save behind (killed between the two writes) is brought up to date when the carnet opens', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Avant'));
    const before = await readFile(join(dir, BACKUP_FILE), 'utf8');
    await store.update((ws) => void (ws.company.name = 'Après'));
    await writeFile(join(dir, BACKUP_FILE), before);
    await openWorkspace(dir);
    await damage();
    expect((await openWorkspace(dir)).read().company.name).toBe('Après');
  });
});

describe('a file saved by a text editor with a byte-order mark', () => {
  it('reads as the good file it is: no notice, nothing set aside', async () => {
    const store = await openWorkspace(dir);
    await store.update((ws) => void (ws.company.name = 'Pâtisserie Léa'));
    const text = await readFile(join(dir, WORKSPACE_FILE), 'utf8');
    await writeFile(join(dir, WORKSPACE_FILE), `\uFEFF${text}`);
    const reopened = await openWorkspace(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.read().company.name).toBe('Pâtisserie Léa');
    expect((await readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
    await reopened.update((ws) => void (ws.onboarded = true));
    expect(reopened.read().company.name).toBe('Pâtisserie Léa');
  });
});

describe('two damaged files in a row', () => {
  it('with a frozen clock (a replay): the second never overwrites the first set-aside copy', async () => {
    const frozen = () => new Date('2026-03-02T10:00:00Z');
    await writeFile(join(dir, WORKSPACE_FILE), '{"first damaged');
    const first = await openWorkspace(dir, frozen);
    await writeFile(join(dir, WORKSPACE_FILE), '{"second damaged');
    await rm(join(dir, BACKUP_FILE));
    const second = await openWorkspace(dir, frozen);
    const a = first.notices[0]?.setAside ?? '';
    const b = second.notices[0]?.setAside ?? '';
    expect(a).not.toBe(b);
    expect(await readFile(a, 'utf8')).toBe('{"first damaged');
    expect(await readFile(b, 'utf8')).toBe('{"second damaged');
  });
});
