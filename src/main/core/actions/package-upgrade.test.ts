/**
 * The package-upgrade operation: only a Debian package name reaches apt-get, and the elevated
 * step refuses a plan file that carries anything else, running nothing (the host records calls).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec, Host } from '../exec/host';
import { elevatedApply } from './elevated-apply';
import { executeOperations } from './executor';
import { createLiveMachineFiles } from './machine-files';
import { operationSchema, technicalLine } from './operations';
import { packageUpgradeLine } from './package-upgrade';
import { sha256Hex } from './plan-file';
import { describeOperation } from './plan-texts';

const SMUGGLED = [
  '-oAPT::Update::Pre-Invoke::=touch /tmp/pwned',
  '--allow-downgrades',
  'a',
  'Firefox',
  'firefox esr',
  'firefox;id',
  '../etc/passwd',
  'firefox\n-y',
  '/tmp/evil.deb',
  'firefox:amd64',
  '',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-pkgup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('package-upgrade', () => {
  it('takes Debian package names and runs apt-get install --only-upgrade with them, last, alone', () => {
    for (const name of [
      'firefox-esr',
      'libreoffice-calc',
      'g++',
      'libstdc++6',
      'revision-test-hello',
      'python3.11',
    ])
      expect(operationSchema.parse({ op: 'package-upgrade', manager: 'apt', package: name })).toBeTruthy();
    const op = operationSchema.parse({ op: 'package-upgrade', manager: 'apt', package: 'firefox-esr' });
    expect(technicalLine(op)).toBe(
      'DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install --only-upgrade -y -q firefox-esr',
    );
    expect(describeOperation('fr', op)).toBe('Mettre à jour le logiciel firefox-esr');
  });

  it.each(SMUGGLED)('refuses %j (no option, path, second word or architecture can be smuggled)', (name) => {
    expect(operationSchema.safeParse({ op: 'package-upgrade', manager: 'apt', package: name }).success).toBe(
      false,
    );
    expect(() => packageUpgradeLine(name)).toThrow(/refusé/);
  });

  it('refuses other managers and extra fields', () => {
    const base = { op: 'package-upgrade', package: 'firefox-esr' };
    expect(operationSchema.safeParse({ ...base, manager: 'dnf' }).success).toBe(false);
    expect(operationSchema.safeParse({ ...base, manager: 'apt', args: ['--allow-downgrades'] }).success).toBe(
      false,
    );
  });

  it('the elevated step refuses a plan file carrying a smuggled name, even with the right hash, and runs nothing', async () => {
    const calls: CommandSpec[] = [];
    const host = {
      platform: 'linux',
      mode: 'live',
      async run(spec: CommandSpec) {
        calls.push(spec);
        return { stdout: '', stderr: '', exitCode: 0, durationMs: 1 };
      },
    } as unknown as Host;
    const text = JSON.stringify({
      format: 'revision-plan',
      formatVersion: 1,
      id: 'smuggle',
      purpose: 'apply',
      kind: 'program-updates',
      platform: 'linux',
      schedule: 'always',
      createdAt: '2026-11-28T07:00:00.000Z',
      operations: [{ op: 'package-upgrade', manager: 'apt', package: '-oAPT::Update::Pre-Invoke::=id' }],
    });
    const path = join(dir, 'smuggle.json');
    await writeFile(path, text);
    const result = await elevatedApply({
      planPath: path,
      sha256: sha256Hex(text),
      host,
      platform: 'linux',
      resultsDir: join(dir, 'results'),
    });
    expect(result).toMatchObject({ outcome: 'refused', refusal: 'invalid' });
    expect(calls).toEqual([]);
  });
});

describe('package-upgrade in a plan', () => {
  it('one program that cannot be updated does not stop the next one; apt runs only for installed packages', async () => {
    const installed: Record<string, string> = { 'firefox-esr': '128.1' };
    const ran: string[][] = [];
    const host = {
      platform: 'linux',
      mode: 'live',
      async run(spec: CommandSpec) {
        if (spec.file === 'dpkg-query') {
          const v = installed[spec.args[2]!];
          return {
            stdout: v ? `install ok installed\t${v}` : '',
            stderr: '',
            exitCode: v ? 0 : 1,
            durationMs: 1,
          };
        }
        ran.push([spec.file, ...spec.args]);
        installed['firefox-esr'] = '128.2';
        return { stdout: '', stderr: '', exitCode: 0, durationMs: 1 };
      },
    } as unknown as Host;
    const ops = ['gone-program', 'firefox-esr'].map((p) =>
      operationSchema.parse({ op: 'package-upgrade', manager: 'apt', package: p }),
    );
    const run = await executeOperations({ host, files: createLiveMachineFiles(dir) }, ops);
    expect(run.operations.map((o) => [o.status, o.reason])).toEqual([
      ['failed', 'package-not-found'],
      ['done', undefined],
    ]);
    expect(ran).toEqual([
      ['apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '--only-upgrade', '-y', '-q', 'firefox-esr'],
    ]);
  });
});
