/**
 * The command line tells the owner the truth about their carnet, stops quietly when its reader
 * goes away (`| head`), and says every error in one sentence of their language.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './index';
import type { CliIo } from './io';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(REPO, 'tests/fixtures/linux/debian-12-capture');

function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    tty: false,
    confirm: async () => false,
    stdout: () => out,
    stderr: () => err,
  };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'revision-cli-hardening-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('a damaged carnet', () => {
  it('without a good copy: the owner is told, the damaged file is named, and nothing says « noté dans le carnet »', async () => {
    const ws = join(tmp, 'reset');
    await main(['checkup', '--replay', FIXTURE, '--workspace', ws], captureIo());
    await writeFile(join(ws, 'workspace.json'), '{"schemaVersion":1,"company":{"name":"Boulang');
    await rm(join(ws, 'workspace.json.bak'));
    const io = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--workspace', ws], io)).toBe(0);
    const aside = (await readdir(ws)).find((n) => n.startsWith('workspace.corrupt-'));
    expect(io.stderr()).toContain(
      'Attention : le fichier de vos données était abîmé et aucune copie saine n’existait',
    );
    expect(io.stderr()).toContain(
      `Le fichier abîmé est gardé pour votre prestataire : ${join(ws, aside ?? '?')}`,
    );
    expect(io.stdout()).not.toContain('noté dans le carnet');
    expect(io.stdout()).toContain('Ce contrôle est noté dans un carnet neuf');
  });

  it('restored from the last good copy: said in English with --lang en, and the last save is all there', async () => {
    const ws = join(tmp, 'restored');
    await main(['checkup', '--replay', FIXTURE, '--workspace', ws], captureIo());
    await main(['checkup', '--replay', FIXTURE, '--workspace', ws], captureIo());
    await writeFile(join(ws, 'workspace.json'), '{ broken');
    const io = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--workspace', ws, '--lang', 'en'], io)).toBe(0);
    expect(io.stderr()).toContain(
      'Warning: your data file was damaged or missing; I restored the last good copy',
    );
    expect(io.stderr()).not.toMatch(/[àâçéèêëîïôûùœ]/);
    const saved = JSON.parse(await readFile(join(ws, 'workspace.json'), 'utf8')) as {
      history: { kind: string }[];
    };
    // Both earlier checkups survived the damage (the copy was not a save behind), plus this one.
    expect(saved.history.filter((h) => h.kind === 'checkup')).toHaveLength(3);
  });
});

describe('errors', () => {
  const run = async (argv: string[]) => {
    const io = captureIo();
    const code = await main(argv, io);
    return { code, err: io.stderr().trim() };
  };

  it('an unknown option: one French sentence, exit 2; in English with --lang en', async () => {
    const fr = await run(['checkup', '--colour']);
    expect(fr).toEqual({
      code: 2,
      err: 'Option non reconnue « --colour » : tapez « revision --help » pour la liste des options.',
    });
    const en = await run(['checkup', '--colour', '--lang', 'en']);
    expect(en).toEqual({
      code: 2,
      err: 'Unknown option “--colour”: type “revision --help” for the list of options.',
    });
  });

  it('an option without its value, a language we do not have', async () => {
    expect(await run(['checkup', '--workspace'])).toEqual({
      code: 2,
      err: 'L’option « --workspace » attend une valeur (par exemple « --workspace DOSSIER ») : tapez « revision --help ».',
    });
    expect(await run(['checkup', '--lang', 'de'])).toEqual({
      code: 2,
      err: 'Langue inconnue « de » : utilisez --lang fr ou --lang en.',
    });
  });

  it('a data folder that cannot be opened: no system English in the sentence, exit 1', async () => {
    const file = join(tmp, 'a-file');
    await writeFile(file, 'not a folder');
    const fr = await run(['checkup', '--replay', FIXTURE, '--workspace', join(file, 'ws')]);
    expect(fr.code).toBe(1);
    expect(fr.err).toBe(
      `Je n’ai pas pu ouvrir le dossier de vos données ${join(file, 'ws')} (ce chemin n’est pas un dossier) : rien n’a été effacé, choisissez un autre dossier avec --workspace.`,
    );
    const en = await run([
      'report',
      '--pdf',
      join(tmp, 'x.pdf'),
      '--workspace',
      join(file, 'ws'),
      '--lang',
      'en',
    ]);
    expect(en).toEqual({
      code: 1,
      err: `I could not open your data folder ${join(file, 'ws')} (this path is not a folder): nothing was deleted, choose another folder with --workspace.`,
    });
  });

  it('a capture that cannot be replayed, in English: no French left in it', async () => {
    const en = await run([
      'report',
      '--pdf',
      join(tmp, 'y.pdf'),
      '--replay',
      join(tmp, 'no-capture'),
      '--lang',
      'en',
    ]);
    expect(en).toEqual({
      code: 2,
      err: `I cannot replay this checkup: the capture ${join(tmp, 'no-capture')} is missing, damaged or not recognised.`,
    });
  });
});

describe('revision checkup --json | head', () => {
  it(
    'stops quietly when the reader closes the pipe: exit 0, no stack trace, the checkup still recorded',
    { timeout: 60_000 },
    async () => {
      const ws = join(tmp, 'pipe');
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/main/cli/index.ts',
          'checkup',
          '--json',
          '--replay',
          FIXTURE,
          '--workspace',
          ws,
        ],
        {
          cwd: REPO,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Like `head -c 100`: read the first bytes, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const saved = JSON.parse(await readFile(join(ws, 'workspace.json'), 'utf8')) as {
        history: { kind: string }[];
      };
      expect(saved.history.some((h) => h.kind === 'checkup')).toBe(true);
    },
  );
});
