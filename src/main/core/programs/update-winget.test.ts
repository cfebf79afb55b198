/** winget's answer for one program, mapped to what the owner reads (tests/fixtures/programs/winget-upgrade-one/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandSpec, Host } from '../exec/host';
import { RunError } from '../exec/host';
import { mapWingetResult, runWingetUpgrade } from './update-winget';

const fixture = (name: string): string =>
  readFileSync(
    join(import.meta.dirname, '../../../../tests/fixtures/programs/winget-upgrade-one', name),
    'utf8',
  );

/** winget's documented codes, as Windows hands them to Node (unsigned) and as PowerShell prints them (signed). */
const SIGNED = (hex: number): number => hex | 0;

describe('mapWingetResult', () => {
  it('success: done', () => {
    expect(mapWingetResult(0, fixture('en-success-assembled.txt'))).toMatchObject({ outcome: 'done' });
  });
  it('nothing newer: « déjà à jour », never « mis à jour » (exit 0 of older winget, or 0x8A15002B)', () => {
    expect(mapWingetResult(0, fixture('en-no-applicable-doc.txt')).outcome).toBe('not-needed');
    expect(mapWingetResult(0x8a15002b, '').outcome).toBe('not-needed');
    expect(mapWingetResult(SIGNED(0x8a15002b), '').outcome).toBe('not-needed');
  });
  it('the program is open: « fermez le logiciel »', () => {
    expect(mapWingetResult(0x8a150101, '')).toMatchObject({ outcome: 'needs-close', code: '0x8A150101' });
    expect(mapWingetResult(SIGNED(0x8a150111), '').outcome).toBe('needs-close');
  });
  it('needs an administrator', () => {
    expect(mapWingetResult(SIGNED(0x8a150019), '').outcome).toBe('needs-admin');
  });
  it('installer failures read from the real outputs: 1618 is « another installation », others fail with the code noted', () => {
    expect(mapWingetResult(0x8a150006, fixture('en-installer-busy-1618-assembled.txt'))).toMatchObject({
      outcome: 'failed',
      reason: 'busy',
    });
    expect(mapWingetResult(0x8a150006, fixture('en-installer-failed-2008-1818.txt'))).toMatchObject({
      outcome: 'failed',
      reason: 'failed',
      code: '0x8A150006',
    });
    expect(mapWingetResult(SIGNED(0x8a150006), fixture('en-installer-failed-1-1028.txt')).outcome).toBe(
      'failed',
    );
  });
  it('restart needed to finish: done, with a restart', () => {
    expect(mapWingetResult(0x8a150109, '')).toMatchObject({ outcome: 'done', reason: 'restart' });
  });
  it('an unknown code is a failure, never done', () => {
    expect(mapWingetResult(0x8a1500ff, 'Successfully installed').outcome).toBe('failed');
  });
});

function hostAnswering(answer: (spec: CommandSpec) => { stdout: string; exitCode: number } | Error): {
  host: Host;
  calls: CommandSpec[];
} {
  const calls: CommandSpec[] = [];
  const host = {
    platform: 'win32',
    mode: 'live',
    async run(spec: CommandSpec) {
      calls.push(spec);
      const a = answer(spec);
      if (a instanceof Error) throw a;
      if (!(spec.okExitCodes ?? [0]).includes(a.exitCode))
        throw new RunError(
          'non-zero-exit',
          'winget',
          `winget : a échoué (code ${a.exitCode})`,
          a.exitCode,
          '',
        );
      return { ...a, stderr: '', durationMs: 1 };
    },
  } as unknown as Host;
  return { host, calls };
}

describe('runWingetUpgrade', () => {
  it('runs winget with the exact argument array, and keeps the output of a documented failure', async () => {
    const { host, calls } = hostAnswering(() => ({
      stdout: fixture('en-installer-busy-1618-assembled.txt'),
      exitCode: 0x8a150006,
    }));
    const v = await runWingetUpgrade(host, 'Microsoft.PowerShell');
    expect(calls[0]).toMatchObject({
      file: 'winget',
      args: [
        'upgrade',
        '--id',
        'Microsoft.PowerShell',
        '--exact',
        '--silent',
        '--accept-package-agreements',
        '--accept-source-agreements',
        '--disable-interactivity',
      ],
    });
    expect(v).toMatchObject({ outcome: 'failed', reason: 'busy' });
  });
  it('an id that could smuggle an option never reaches winget', async () => {
    const { host, calls } = hostAnswering(() => ({ stdout: '', exitCode: 0 }));
    expect(await runWingetUpgrade(host, '--all')).toMatchObject({ outcome: 'failed', reason: 'badId' });
    expect(calls).toEqual([]);
  });
  it('winget missing or silent: failed with the reason, never done', async () => {
    const missing = hostAnswering(
      () => new RunError('not-found', 'winget', 'winget : programme introuvable'),
    );
    expect(await runWingetUpgrade(missing.host, 'Mozilla.Firefox')).toMatchObject({
      outcome: 'failed',
      reason: 'noWinget',
    });
    const slow = hostAnswering(() => new RunError('timeout', 'winget', 'pas de réponse'));
    expect(await runWingetUpgrade(slow.host, 'Mozilla.Firefox')).toMatchObject({
      outcome: 'failed',
      reason: 'timeout',
    });
  });
});
