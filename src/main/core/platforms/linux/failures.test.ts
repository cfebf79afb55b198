/**
 * Every failure path of the Linux checkup, with real processes: a missing program, garbage
 * output, a program that hangs past the probe's timeout, and a file that is not executable
 * (EACCES). Each gives "unknown" with a reason, never "ok", and the rest of the checkup completes.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../../shared/checkup';
import { runCheckup } from '../../checkup/run-checkup';
import { RunError, type CommandSpec, type Host } from '../../exec/host';
import { createLiveHost } from '../../exec/live-host';
import { linuxProbes } from '.';

/** The live host, with some programs swapped for others (still run for real). */
function redirecting(map: Readonly<Record<string, Pick<CommandSpec, 'file' | 'args'>>>): Host {
  const live = createLiveHost('linux');
  return { ...live, run: (spec, options) => live.run(map[spec.file] ? { ...spec, ...map[spec.file] } : spec, options) };
}

const finding = (report: CheckupReport, id: string) => report.findings.find((f) => f.id === id)!;

let dir: string;
let notExecutable: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-failures-'));
  notExecutable = join(dir, 'not-a-program');
  await writeFile(notExecutable, '#!/bin/sh\necho should never run\n');
  await chmod(notExecutable, 0o644);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Linux checkup failure paths', () => {
  it('a missing program: unknown « je n’ai pas pu vérifier », says the tool is absent', async () => {
    const report = await runCheckup({ host: redirecting({ apt: { file: '/nonexistent/apt', args: ['list'] } }) });
    const f = finding(report, 'pending-updates');
    expect(f).toMatchObject({ state: 'unknown', key: 'unknown.notFound' });
    expect(f.title).toBe('Je n’ai pas pu vérifier les mises à jour en attente');
    expect(f.reason).toContain('introuvable');
    expect(finding(report, 'auto-updates').state).not.toBe('unknown');
  });

  it('garbage output: unknown, never ok', async () => {
    const report = await runCheckup({ host: redirecting({ 'apt-config': { file: 'echo', args: ['garbage', 'output'] } }) });
    const f = finding(report, 'auto-updates');
    expect(f).toMatchObject({ state: 'unknown', key: 'unknown.failed' });
    expect(f.reason).toContain('illisible');
  });

  it('a program that hangs past the probe timeout: unknown « timeout », the rest completes', async () => {
    // Only the hanging probe gets a short timeout: the others keep theirs, so a loaded machine
    // cannot make them time out too.
    const probes = linuxProbes.map((p) => (p.id === 'pending-updates' ? { ...p, timeoutMs: 2_000 } : p));
    const report = await runCheckup({ host: redirecting({ apt: { file: 'sleep', args: ['30'] } }), probes });
    const f = finding(report, 'pending-updates');
    expect(f).toMatchObject({ state: 'unknown', key: 'unknown.timeout' });
    expect(report.probes.find((p) => p.id === 'pending-updates')?.status).toBe('timeout');
    expect(finding(report, 'last-update').state).not.toBe('unknown');
    expect(report.probes.filter((p) => p.status === 'ok').length).toBe(report.probes.length - 1);
  });

  it('a file that is not executable (EACCES): unknown « permission »', async () => {
    const report = await runCheckup({ host: redirecting({ 'dpkg-query': { file: notExecutable, args: [] } }) });
    const f = finding(report, 'auto-updates');
    expect(f).toMatchObject({ state: 'unknown', key: 'unknown.permission' });
    expect(f.detail).toContain('droits d’administrateur');
    expect(report.probes.find((p) => p.id === 'inventory')?.status).toBe('failed');
  });

  it('nothing readable at all: every voyant is unknown, none is ok', async () => {
    const map = Object.fromEntries(['apt-config', 'apt-get', 'dpkg-query', 'systemctl', 'head'].map((p) => [p, { file: '/nonexistent/x', args: [] }]));
    const live = redirecting(map);
    const host: Host = {
      ...live,
      readFile: async (path) => {
        throw new RunError('permission-denied', path, `${path}: accès refusé`);
      },
      exists: async () => false,
      readDir: async (path) => {
        throw new RunError('permission-denied', path, `${path}: accès refusé`);
      },
      call: async (name) => {
        throw new RunError('failed', name, `${name}: échec`);
      },
    };
    const report = await runCheckup({ host, probes: linuxProbes });
    expect(report.summary.ok).toBe(0);
    expect(report.findings.filter((f) => f.state === 'unknown').map((f) => f.id)).toEqual(expect.arrayContaining(['os-support', 'auto-updates', 'last-update', 'pending-updates', 'antivirus']));
  });
});
