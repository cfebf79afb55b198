/**
 * The attacks on the administrator step found by the security review (issue 16), run for real on
 * this machine as root with throwaway paths: the owner's account (the real `nobody` user) races to
 * swap links in its own folder while the step runs; plans and undo records ask for dangerous file
 * modes; a FIFO is given as the plan; refused plans must leave nothing behind. Nothing here touches
 * the machine's own configuration: every file the step writes goes under a throwaway root.
 */
import { execFile, spawn } from 'node:child_process';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveHost } from '../exec/live-host';
import { elevatedApply } from './elevated-apply';
import { executeOperations, inverseOperations } from './executor';
import { createLiveMachineFiles } from './machine-files';
import { savePlanFile, sha256Hex, type PlanFileInput } from './plan-file';
import { aptConfigContent } from './planners';

const run = promisify(execFile);
const NOBODY = 65534;
const APT_FILE = '/etc/apt/apt.conf.d/52revision-auto-upgrades' as const;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'revision-attack-'));
  // Traversable by the owner's account (nobody), writable by root only.
  await chmod(base, 0o755);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A plan writing the app's apt file, with any mode (cast: the schema's type allows only 0644). */
const planOf = (id: string, mode?: number): PlanFileInput => ({
  format: 'revision-plan' as const,
  formatVersion: 1 as const,
  id,
  purpose: 'apply' as const,
  kind: 'auto-updates' as const,
  platform: 'linux' as const,
  schedule: 'always' as const,
  createdAt: '2026-11-28T06:00:00.000Z',
  operations: [
    {
      op: 'file-write' as const,
      path: APT_FILE,
      content: aptConfigContent('always'),
      ...(mode === undefined ? {} : { mode: mode as 0o644 }),
    },
  ],
});

/** A throwaway case: the owner's workspace (owned by nobody), a machine root and a results folder (root's). */
async function scene(name: string) {
  const dir = await mkdtemp(join(base, `${name}-`));
  await chmod(dir, 0o755);
  const ws = join(dir, 'ws');
  await mkdir(ws, { mode: 0o700 });
  const machine = join(dir, 'machine');
  await mkdir(machine);
  return { dir, ws, machine, files: createLiveMachineFiles(machine), results: join(dir, 'results') };
}

/** Writes raw plan text into the owner's plans folder, owned by the owner. */
async function ownerPlan(ws: string, name: string, text: string): Promise<string> {
  await mkdir(join(ws, 'plans'), { recursive: true, mode: 0o700 });
  const path = join(ws, 'plans', name);
  await writeFile(path, text);
  await chown(join(ws, 'plans'), NOBODY, NOBODY);
  await chown(path, NOBODY, NOBODY);
  await chown(ws, NOBODY, NOBODY);
  return path;
}

async function tree(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true }).catch(() => [])) as string[]).sort();
}

describe.skipIf(!isRoot)('the administrator step against the owner account (real root, real nobody)', () => {
  it(
    'a link swapped in the owner folder while the step runs (300 runs) never lets root change another file',
    { timeout: 120_000 },
    async () => {
      const s = await scene('race');
      const saved = await savePlanFile(s.ws, planOf('race-1'));
      await run('chown', ['-R', `${NOBODY}:${NOBODY}`, s.ws]);
      // The file the attacker wants root to open up (think /etc/shadow).
      const victim = join(s.dir, 'victim');
      await writeFile(victim, 'secret\n', { mode: 0o600 });
      await chmod(victim, 0o600);
      // The owner's account, as a real separate process, swaps links in its own plans folder.
      // (perl: a program the unprivileged account can run; the loop is bounded to 100 s.)
      const racer = spawn(
        '/usr/bin/perl',
        [
          '-e',
          `my ($victim, $target) = @ARGV; my $end = time + 100; my $i = 0;
         while (time < $end) { my $tmp = "$target.l" . ($i++ % 2); symlink($victim, $tmp); rename($tmp, $target); }`,
          victim,
          `${saved.path}.result.json`,
        ],
        { uid: NOBODY, gid: NOBODY, stdio: 'ignore' },
      );
      const spawnError = new Promise<Error>((resolve) => racer.once('error', resolve));
      try {
        for (let i = 0; i < 300; i += 1) {
          await elevatedApply({
            planPath: saved.path,
            sha256: saved.sha256,
            host: createLiveHost(),
            files: s.files,
            platform: 'linux',
            resultsDir: s.results,
          });
          expect((await lstat(victim)).mode & 0o7777).toBe(0o600);
        }
        // The attack really ran: the owner's link sits where the old step wrote its answer.
        expect((await lstat(`${saved.path}.result.json`)).isSymbolicLink()).toBe(true);
        expect(await Promise.race([spawnError, Promise.resolve(null)])).toBeNull();
      } finally {
        racer.kill('SIGKILL');
      }
      expect(await readFile(victim, 'utf8')).toBe('secret\n');
      // Root wrote nothing at all in the owner's folder.
      for (const name of await tree(s.ws)) expect((await lstat(join(s.ws, name))).uid).toBe(NOBODY);
      // The answer is in root's own folder, readable by all, writable by root only.
      const answer = await stat(join(s.results, 'race-1.result.json'));
      expect({ uid: answer.uid, mode: answer.mode & 0o7777 }).toEqual({ uid: 0, mode: 0o644 });
    },
  );

  it.each(['0666', '0777', '04777'])(
    'a plan asking for mode %s is refused and changes nothing',
    async (label) => {
      const mode = parseInt(label, 8);
      const s = await scene(`mode-${mode.toString(8)}`);
      const text = JSON.stringify(planOf(`mode-${mode.toString(8)}`, mode));
      const path = await ownerPlan(s.ws, 'm.json', text);
      const result = await elevatedApply({
        planPath: path,
        sha256: sha256Hex(text),
        host: createLiveHost(),
        files: s.files,
        platform: 'linux',
        resultsDir: s.results,
      });
      expect(result).toMatchObject({ outcome: 'refused', refusal: 'invalid' });
      expect(await tree(s.machine)).toEqual([]);
    },
  );

  it.each(['0666', '0777', '04777'])(
    'undo data in the workspace saying mode %s restores the file with 0644 all the same',
    async (label) => {
      const mode = parseInt(label, 8);
      const s = await scene(`undo-${mode.toString(8)}`);
      const previous = {
        kind: 'file' as const,
        path: APT_FILE,
        exists: true,
        contentBase64: Buffer.from(aptConfigContent('night')).toString('base64'),
        mode,
        createdDirs: [],
      };
      const ops = inverseOperations([{ previous }]);
      const run1 = await executeOperations({ host: createLiveHost(), files: s.files }, ops);
      expect(run1.outcome).toBe('applied');
      expect((await stat(join(s.machine, APT_FILE))).mode & 0o7777).toBe(0o644);
    },
  );

  it('a FIFO given as the plan is refused at once, and nothing is created', { timeout: 8_000 }, async () => {
    const s = await scene('fifo');
    await mkdir(join(s.ws, 'plans'));
    const fifo = join(s.ws, 'plans', 'fifo.json');
    await run('mkfifo', [fifo]);
    const result = await elevatedApply({
      planPath: fifo,
      sha256: 'b'.repeat(64),
      host: createLiveHost(),
      files: s.files,
      platform: 'linux',
      resultsDir: s.results,
    });
    expect(result).toMatchObject({ outcome: 'refused', refusal: 'unreadable' });
    expect(await tree(s.ws)).toEqual(['plans', 'plans/fifo.json']);
    await expect(stat(s.results)).rejects.toThrow(/ENOENT/);
  });

  it('a refused plan (tampered, invalid, a link, owned by someone else, too big) creates nothing anywhere', async () => {
    const s = await scene('refused');
    const good = JSON.stringify(planOf('good'));
    const cases: { name: string; make: () => Promise<string>; sha: string; refusal: string }[] = [
      {
        name: 'tampered',
        make: () => ownerPlan(s.ws, 't.json', good.replace('2026', '2025')),
        sha: sha256Hex(good),
        refusal: 'tampered',
      },
      {
        name: 'invalid',
        make: () => ownerPlan(s.ws, 'i.json', '{"format":"x"}'),
        sha: sha256Hex('{"format":"x"}'),
        refusal: 'invalid',
      },
      {
        name: 'link',
        make: async () => {
          const target = await ownerPlan(s.ws, 'target.json', good);
          const link = join(s.ws, 'plans', 'link.json');
          await symlink(target, link);
          return link;
        },
        sha: sha256Hex(good),
        refusal: 'unreadable',
      },
      {
        name: 'stranger',
        make: async () => {
          const path = await ownerPlan(s.ws, 's.json', good);
          await chown(path, 4242, 4242);
          return path;
        },
        sha: sha256Hex(good),
        refusal: 'unreadable',
      },
      {
        name: 'big',
        make: () => ownerPlan(s.ws, 'b.json', good + ' '.repeat(2_000_000)),
        sha: sha256Hex(good + ' '.repeat(2_000_000)),
        refusal: 'unreadable',
      },
    ];
    for (const c of cases) {
      const path = await c.make();
      const before = await tree(s.ws);
      const result = await elevatedApply({
        planPath: path,
        sha256: c.sha,
        host: createLiveHost(),
        files: s.files,
        platform: 'linux',
        resultsDir: s.results,
      });
      expect({ name: c.name, outcome: result.outcome, refusal: result.refusal }).toEqual({
        name: c.name,
        outcome: 'refused',
        refusal: c.refusal,
      });
      expect(await tree(s.ws)).toEqual(before);
    }
    expect(await tree(s.machine)).toEqual([]);
    await expect(stat(s.results)).rejects.toThrow(/ENOENT/);
  });

  it('a results folder that is a link, or under a folder others can change, stops the step before any operation', async () => {
    const s = await scene('unsafe-results');
    const saved = await savePlanFile(s.ws, planOf('unsafe-1'));
    const elsewhere = join(s.dir, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, s.results);
    await expect(
      elevatedApply({
        planPath: saved.path,
        sha256: saved.sha256,
        host: createLiveHost(),
        files: s.files,
        platform: 'linux',
        resultsDir: s.results,
      }),
    ).rejects.toThrow(/lien refusé/);
    const open = join(s.dir, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    await expect(
      elevatedApply({
        planPath: saved.path,
        sha256: saved.sha256,
        host: createLiveHost(),
        files: s.files,
        platform: 'linux',
        resultsDir: join(open, 'results'),
      }),
    ).rejects.toThrow(/modifiable par un autre compte/);
    expect(await tree(s.machine)).toEqual([]);
    expect(await tree(elsewhere)).toEqual([]);
  });
});
