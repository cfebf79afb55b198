import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError, createCapturingHost, createReplayHost, loadCapture } from './capture';
import { runFailure } from '../../../../tests/support/run-failure';
import { createLiveHost } from './live-host';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-capture-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = runFailure;

describe('capture then replay', () => {
  it('records real calls (results and errors, large outputs in side files) and replays them by key', async () => {
    const capturing = createCapturingHost(createLiveHost('linux'));
    const big = await capturing.run({ id: 'big', file: 'seq', args: ['1', '2000'] });
    await capturing.run({ file: 'echo', args: ['bonjour'] });
    await failure(capturing.run({ file: '/nonexistent/tool', args: ['-x'] }));
    await capturing.readFile('/etc/os-release');
    await failure(capturing.readFile('/nonexistent/file'));
    await capturing.exists('/etc');
    await capturing.readDir('/etc/apt');
    await capturing.call('lib.answer', async () => ({ n: 42 }));
    const out = join(dir, 'cap1');
    await capturing.save(out, { createdAt: '2026-11-22T00:00:00Z', appVersion: 'test', description: 'test' });

    const entries = JSON.parse(await readFile(join(out, 'entries.json'), 'utf8')) as { key: string; stdoutFile?: string }[];
    expect(entries.find((e) => e.key === 'big')?.stdoutFile).toMatch(/^outputs\//);

    const replay = createReplayHost(await loadCapture(out));
    expect(replay.mode).toBe('replay');
    expect((await replay.run({ id: 'big', file: 'anything', args: [] })).stdout).toBe(big.stdout);
    expect((await replay.run({ file: 'echo', args: ['bonjour'] })).stdout).toBe('bonjour\n');
    expect(await failure(replay.run({ file: '/nonexistent/tool', args: ['-x'] }))).toMatchObject({ kind: 'not-found' });
    expect(await replay.readFile('/etc/os-release')).toContain('debian');
    expect(await failure(replay.readFile('/nonexistent/file'))).toMatchObject({ kind: 'not-found' });
    expect(await replay.exists('/etc')).toBe(true);
    expect(await replay.readDir('/etc/apt')).toContain('apt.conf.d');
    expect(await replay.call('lib.answer', async () => ({ n: 0 }))).toEqual({ n: 42 });
    expect(await failure(replay.run({ file: 'echo', args: ['never captured'] }))).toMatchObject({ kind: 'not-captured' });
  });

  it('refuses a folder that is not a capture, with a French message', async () => {
    await expect(loadCapture(join(dir, 'nope'))).rejects.toThrow(/Capture illisible/);
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'manifest.json'), '{"format":"other"}');
    await expect(loadCapture(bad)).rejects.toBeInstanceOf(CaptureError);
  });

  it('refuses side files outside the folder', async () => {
    const evil = join(dir, 'evil');
    const capturing = createCapturingHost(createLiveHost('linux'));
    await capturing.run({ file: 'echo', args: ['x'] });
    await capturing.save(evil, { createdAt: '2026-11-22T00:00:00Z', appVersion: 'test' });
    await writeFile(join(evil, 'entries.json'), JSON.stringify([{ kind: 'exec', key: 'echo x', stdoutFile: '../../etc/passwd' }]));
    await expect(loadCapture(evil)).rejects.toThrow(/hors du dossier/);
  });
});
