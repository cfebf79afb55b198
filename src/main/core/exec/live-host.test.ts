import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFailure } from '../../../../tests/support/run-failure';
import { createLiveHost, runCommand } from './live-host';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-live-host-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = runFailure;

describe('runCommand, with real processes', () => {
  it('runs an argument array without a shell (no expansion of $HOME or ;)', async () => {
    const r = await runCommand({ file: 'echo', args: ['$HOME;', 'ok'] });
    expect(r.stdout).toBe('$HOME; ok\n');
    expect(r.exitCode).toBe(0);
  });
  it('fixes the locale to C so outputs parse the same everywhere', async () => {
    expect((await runCommand({ file: 'printenv', args: ['LC_ALL'] })).stdout.trim()).toBe('C');
  });
  it('passes values through the environment', async () => {
    expect((await runCommand({ file: 'printenv', args: ['REVISION_VALUE'], env: { REVISION_VALUE: "l'été ; rm" } })).stdout.trim()).toBe("l'été ; rm");
  });
  it('a missing program is not-found', async () => {
    expect(await failure(runCommand({ file: '/nonexistent/program', args: [] }))).toMatchObject({ kind: 'not-found' });
  });
  it('a file without the execute bit is permission-denied', async () => {
    const file = join(dir, 'script');
    await writeFile(file, '#!/bin/sh\necho hi\n');
    await chmod(file, 0o644);
    expect(await failure(runCommand({ file, args: [] }))).toMatchObject({ kind: 'permission-denied' });
  });
  it('a hang is killed at its timeout', async () => {
    const e = await failure(runCommand({ file: 'sleep', args: ['30'], timeoutMs: 300 }));
    expect(e).toMatchObject({ kind: 'timeout' });
    expect(e.message).toContain('pas de réponse');
  });
  it('an abort signal stops the process', async () => {
    const controller = new AbortController();
    const p = runCommand({ file: 'sleep', args: ['30'] }, { signal: controller.signal });
    controller.abort();
    expect(await failure(p)).toMatchObject({ kind: 'aborted' });
  });
  it('a non-zero exit is an error unless listed as ok, and keeps stderr', async () => {
    const e = await failure(runCommand({ file: 'ls', args: ['/nonexistent-dir'] }));
    expect(e).toMatchObject({ kind: 'non-zero-exit', exitCode: 2 });
    expect(e.stderr).toContain('No such file');
    expect((await runCommand({ file: 'ls', args: ['/nonexistent-dir'], okExitCodes: [0, 2] })).exitCode).toBe(2);
  });
  it('an output over the cap is output-too-large', async () => {
    expect(await failure(runCommand({ file: 'head', args: ['-c', '100000', '/dev/zero'], maxOutputBytes: 1000 }))).toMatchObject({ kind: 'output-too-large' });
  });
  it('writes standard input', async () => {
    expect((await runCommand({ file: 'cat', args: [], input: 'bonjour' })).stdout).toBe('bonjour');
  });
});

describe('the live host’s file access', () => {
  const host = createLiveHost('linux');
  it('reads files and lists folders (sorted)', async () => {
    await writeFile(join(dir, 'b.txt'), 'B');
    await writeFile(join(dir, 'a.txt'), 'é');
    expect(await host.readFile(join(dir, 'a.txt'))).toBe('é');
    expect((await host.readDir(dir)).filter((n) => n.endsWith('.txt'))).toEqual(['a.txt', 'b.txt']);
    expect(await host.exists(join(dir, 'a.txt'))).toBe(true);
    expect(await host.exists(join(dir, 'zz'))).toBe(false);
  });
  it('a missing file or folder is not-found with a French message', async () => {
    const e = await failure(host.readFile(join(dir, 'absent')));
    expect(e).toMatchObject({ kind: 'not-found' });
    expect(e.message).toContain('fichier absent');
    expect(await failure(host.readDir(join(dir, 'absent')))).toMatchObject({ kind: 'not-found' });
  });
});
