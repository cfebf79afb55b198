/**
 * Elevation: the quoting of our own fixed command for osascript and UAC (round trips through a
 * real shell and Microsoft's documented command-line rules), pkexec's real exit codes with fake
 * pkexec executables (labelled), and the hidden `elevated-apply` command run as a real process,
 * which refuses a tampered or non-allow-listed plan file.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withMachineLock } from '../../../../tests/support/machine-lock';
import { createLiveHost } from '../exec/live-host';
import { elevatedApply } from './elevated-apply';
import {
  UAC_SCRIPT,
  appleScriptString,
  elevatedArgv,
  osascriptStatement,
  pkexecRunner,
  shellQuote,
  windowsQuoteArg,
} from './elevation';
import { savePlanFile, sha256Hex } from './plan-file';

// Tests here may wait for the machine lock while other tests change the machine.
vi.setConfig({ testTimeout: 900_000 });
const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI_ENTRY = { file: join(REPO, 'node_modules/.bin/tsx'), args: [join(REPO, 'src/main/cli/index.ts')] };
const HASH = 'a'.repeat(64);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-elev-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A plan that would write the app's apt file: only ever refused in these tests, never run. */
const validPlan = (id: string) => ({
  format: 'revision-plan' as const,
  formatVersion: 1 as const,
  id,
  purpose: 'apply' as const,
  kind: 'auto-updates' as const,
  platform: 'linux' as const,
  schedule: 'always' as const,
  createdAt: '2026-11-22T23:00:00.000Z',
  operations: [
    {
      op: 'file-write' as const,
      path: '/etc/apt/apt.conf.d/52revision-auto-upgrades' as const,
      content: 'APT::Periodic::Unattended-Upgrade "1";\n',
    },
  ],
});

describe('quoting our own command for the OS prompts', () => {
  const tricky = {
    file: '/Users/Éric O\'Neil/Applications/Révision "test".app/Contents/MacOS/Révision',
    args: ['--flag=$(rm -rf /)', 'back\\slash `tick` & ; | *'],
  };
  const request = {
    planPath: "/Users/Éric O'Neil/Library/Application Support/Revision/plans/p1.json",
    sha256: HASH,
  };

  it('shell words survive a real /bin/sh exactly, whatever the path contains', async () => {
    const argv = elevatedArgv(tricky, request);
    const { stdout } = await run('/bin/sh', ['-c', `printf '%s\\n' ${argv.map(shellQuote).join(' ')}`]);
    expect(stdout.split('\n').slice(0, -1)).toEqual(argv);
  });

  it('the osascript statement is one AppleScript string holding exactly those shell words', async () => {
    const statement = osascriptStatement(tricky, request);
    const m = /^do shell script "((?:[^"\\]|\\.)*)" with administrator privileges$/.exec(statement);
    expect(m).not.toBeNull();
    // AppleScript string literals escape only \ and " (AppleScript Language Guide, "string").
    const script = m![1]!.replace(/\\(.)/g, '$1');
    const words = await run('/bin/sh', ['-c', `printf '%s\\n' ${script}`]);
    expect(words.stdout.split('\n').slice(0, -1)).toEqual(elevatedArgv(tricky, request));
    expect(appleScriptString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('refuses anything but a 64-hex hash, an absolute path and printable arguments', () => {
    expect(() => elevatedArgv(tricky, { ...request, sha256: 'abc' })).toThrow();
    expect(() => elevatedArgv(tricky, { ...request, sha256: `${HASH.slice(1)}'` })).toThrow();
    expect(() => elevatedArgv(tricky, { ...request, planPath: 'plans/p1.json' })).toThrow();
    expect(() => elevatedArgv(tricky, { ...request, planPath: '/tmp/p\n1.json' })).toThrow();
  });

  /** Microsoft's documented rules for parsing a command line (CommandLineToArgvW / the C runtime). */
  function parseWindowsCommandLine(line: string): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < line.length) {
      while (line[i] === ' ' || line[i] === '\t') i += 1;
      if (i >= line.length) break;
      let arg = '';
      let quoted = false;
      for (; i < line.length; i += 1) {
        const c = line[i]!;
        if (c === '\\') {
          let n = 0;
          while (line[i] === '\\') {
            n += 1;
            i += 1;
          }
          if (line[i] === '"') {
            arg += '\\'.repeat(Math.floor(n / 2));
            if (n % 2 === 1) arg += '"';
            else quoted = !quoted;
          } else {
            arg += '\\'.repeat(n);
            i -= 1;
          }
        } else if (c === '"') {
          quoted = !quoted;
        } else if ((c === ' ' || c === '\t') && !quoted) {
          break;
        } else {
          arg += c;
        }
      }
      out.push(arg);
    }
    return out;
  }

  it('Windows arguments quote so that the documented parsing gives them back exactly', () => {
    expect(windowsQuoteArg('simple')).toBe('simple');
    expect(windowsQuoteArg('')).toBe('""');
    expect(windowsQuoteArg('C:\\Program Files\\Révision\\Révision.exe')).toBe(
      '"C:\\Program Files\\Révision\\Révision.exe"',
    );
    expect(windowsQuoteArg('C:\\dossier avec espace\\')).toBe('"C:\\dossier avec espace\\\\"');
    expect(windowsQuoteArg('dit "bonjour"')).toBe('"dit \\"bonjour\\""');
    const args = [
      'C:\\Users\\Éric Dupont\\AppData\\Roaming\\Revision\\plans\\p1.json',
      'a\\\\"b',
      'tab\there',
      'trailing\\',
      '',
      'elevated-apply',
      HASH,
    ];
    expect(parseWindowsCommandLine(args.map(windowsQuoteArg).join(' '))).toEqual(args);
    // The program and its command line reach PowerShell through the environment, never the script.
    expect(UAC_SCRIPT).toContain('$env:REVISION_ELEVATED_FILE');
    expect(UAC_SCRIPT).toContain('-Verb RunAs');
    expect(UAC_SCRIPT).toContain('1223');
  });
});

describe('pkexec, with fake pkexec executables (real processes on PATH)', () => {
  async function fake(script: string): Promise<Record<string, string>> {
    const dir = await mkdtemp(join(work, 'bin-'));
    await writeFile(join(dir, 'pkexec'), script);
    await chmod(join(dir, 'pkexec'), 0o755);
    return { PATH: `${dir}:${process.env.PATH ?? ''}` };
  }

  it('exit 126 (the owner dismissed the dialog) is "cancelled"', async () => {
    const env = await fake(
      '#!/bin/sh\n# Fake pkexec: what pkexec does when the dialog is dismissed.\nexit 126\n',
    );
    const outcome = await pkexecRunner(createLiveHost(), CLI_ENTRY, 'pkexec', env).elevate({
      planPath: join(work, 'p.json'),
      sha256: HASH,
    });
    expect(outcome).toEqual({ status: 'cancelled' });
  });

  it('exit 127 (not authorised) is "denied"; no pkexec at all is "unavailable"', async () => {
    const env = await fake(
      '#!/bin/sh\necho "Error executing command as another user: Not authorized" >&2\nexit 127\n',
    );
    expect(
      (
        await pkexecRunner(createLiveHost(), CLI_ENTRY, 'pkexec', env).elevate({
          planPath: join(work, 'p.json'),
          sha256: HASH,
        })
      ).status,
    ).toBe('denied');
    const missing = await pkexecRunner(createLiveHost(), CLI_ENTRY, join(work, 'no-such-pkexec')).elevate({
      planPath: join(work, 'p.json'),
      sha256: HASH,
    });
    expect(missing.status).toBe('unavailable');
  });

  it('pkexec hands our exact argument array to the program (recorded by a fake that logs its arguments)', async () => {
    const log = join(work, 'argv.log');
    const env = await fake(`#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${log}'\nexit 0\n`);
    const planPath = join(work, 'dossier avec espace', 'p.json');
    const outcome = await pkexecRunner(createLiveHost(), CLI_ENTRY, 'pkexec', env).elevate({
      planPath,
      sha256: HASH,
    });
    expect(outcome).toEqual({ status: 'completed', exitCode: 0 });
    expect((await readFile(log, 'utf8')).split('\n').slice(0, -1)).toEqual([
      CLI_ENTRY.file,
      ...CLI_ENTRY.args,
      'elevated-apply',
      '--plan',
      planPath,
      '--sha256',
      HASH,
    ]);
  });
});

describe('the elevated step refuses what it must not run', () => {
  it('through the real CLI (granted by a fake pkexec): a file whose hash differs is refused with exit 3, nothing runs', async () => {
    const dir = await mkdtemp(join(work, 'ws-'));
    const saved = await savePlanFile(dir, validPlan('tampered-1'));
    const text = await readFile(saved.path, 'utf8');
    const tampered = text.replace('Unattended-Upgrade \\"1\\"', 'Unattended-Upgrade \\"0\\"');
    // The tampering must really have happened: otherwise this test would apply a valid plan.
    expect(tampered).not.toBe(text);
    expect(sha256Hex(tampered)).not.toBe(saved.sha256);
    await writeFile(saved.path, tampered);
    const env = { PATH: `${join(work, 'granted')}:${process.env.PATH ?? ''}` };
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(work, 'granted'), { recursive: true });
    await writeFile(
      join(work, 'granted', 'pkexec'),
      '#!/bin/sh\n# Fake pkexec: the owner typed the password.\nexec "$@"\n',
    );
    await chmod(join(work, 'granted', 'pkexec'), 0o755);
    // Held under the machine lock all the same: were the check broken, this would change /etc.
    const outcome = await withMachineLock(() =>
      pkexecRunner(createLiveHost(), CLI_ENTRY, 'pkexec', env).elevate({
        planPath: saved.path,
        sha256: saved.sha256,
      }),
    );
    expect(outcome).toEqual({ status: 'completed', exitCode: 3, refusal: 'tampered' });
    // Refused before anything is created: nothing appears beside the plan.
    expect(await readdir(dir, { recursive: true })).toEqual(['plans', 'plans/tampered-1.json']);
  });

  it('a file with the right hash but an operation outside the allow-list is refused as invalid', async () => {
    const dir = await mkdtemp(join(work, 'ws-'));
    const path = join(dir, 'evil.json');
    const evil = {
      ...validPlan('evil'),
      operations: [{ op: 'file-write', path: '/etc/sudoers', content: 'ALL ALL=(ALL) NOPASSWD: ALL\n' }],
    };
    const text = JSON.stringify(evil);
    await writeFile(path, text);
    const result = await elevatedApply({ planPath: path, sha256: sha256Hex(text), host: createLiveHost() });
    expect(result.outcome).toBe('refused');
    expect(result.refusal).toBe('invalid');
  });

  it('a plan for another OS is refused', async () => {
    const dir = await mkdtemp(join(work, 'ws-'));
    const saved = await savePlanFile(dir, { ...validPlan('mac-plan'), platform: 'darwin' });
    const result = await withMachineLock(() =>
      elevatedApply({ planPath: saved.path, sha256: saved.sha256, host: createLiveHost() }),
    );
    expect(result).toMatchObject({ outcome: 'refused', refusal: 'wrong-platform' });
  });

  it('the CLI without --plan/--sha256 says what it expects, in French', async () => {
    const { main } = await import('../../cli/index');
    let err = '';
    const code = await main(['elevated-apply'], {
      out: () => undefined,
      err: (t) => void (err += t),
      env: {},
      tty: false,
      confirm: async () => false,
    });
    expect(code).toBe(2);
    expect(err).toBe('Commande interne de Révision : elle attend --plan FICHIER et --sha256 EMPREINTE.\n');
  });
});
