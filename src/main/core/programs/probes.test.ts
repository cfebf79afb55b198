import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MachineFacts } from '../../../shared/facts';
import type { ProbeContext } from '../checkup/probe';
import { RunError, type CommandSpec, type Host } from '../exec/host';
import { macosProgramUpdatesProbe, wingetProbe } from './probes';

/** A host whose commands answer from a table; a missing command is « not found », like a tool that is not installed. */
function hostWith(outputs: Record<string, string | RunError>): Host {
  return {
    platform: 'darwin',
    mode: 'replay',
    run: async (spec: CommandSpec) => {
      const out = outputs[spec.id ?? spec.file];
      if (out === undefined) throw new RunError('not-found', spec.file, `${spec.file} introuvable`);
      if (out instanceof RunError) throw out;
      return { stdout: out, stderr: '', exitCode: 0, durationMs: 1 };
    },
    readFile: async () => '',
    exists: async () => false,
    readDir: async () => [],
    call: async (_n, fn) => fn(),
  };
}

function ctx(host: Host, facts: MachineFacts = {}): ProbeContext {
  return { host, platform: host.platform, signal: new AbortController().signal, now: new Date(), facts };
}

describe('program update probes', () => {
  it('winget: the real English table becomes the offered updates', async () => {
    const table = readFileSync(
      join(import.meta.dirname, '../../../../tests/fixtures/programs/winget/en-1869.txt'),
      'utf8',
    );
    const facts = await wingetProbe.run(ctx(hostWith({ 'winget upgrade': table })));
    expect(facts.programUpdates?.items).toHaveLength(6);
  });

  it('winget missing or timing out is a failure (never « à jour »)', async () => {
    await expect(wingetProbe.run(ctx(hostWith({})))).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      wingetProbe.run(
        ctx(hostWith({ 'winget upgrade': new RunError('timeout', 'winget', 'pas de réponse') })),
      ),
    ).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('macOS: a cask is offered under its app only when token and version agree; no brew and no mas → nothing claimed', async () => {
    const brew = JSON.stringify({
      formulae: [],
      casks: [
        { name: 'google-chrome', installed_versions: ['130.0'], current_version: '131.0' },
        { name: 'firefox', installed_versions: ['1.0'], current_version: '2.0' },
      ],
    });
    const apps = {
      inventory: {
        applications: [
          { name: 'Google Chrome', version: '130.0', publisher: 'Google LLC', source: 'macos-app' as const },
          {
            name: 'Firefox',
            version: '133.0',
            publisher: 'Mozilla Corporation',
            source: 'macos-app' as const,
          },
        ],
      },
    };
    const facts = await macosProgramUpdatesProbe.run(ctx(hostWith({ 'brew outdated': brew }), apps));
    expect(facts.programUpdates).toEqual({
      source: 'brew outdated',
      items: [{ name: 'Google Chrome', id: 'google-chrome', version: '130.0', available: '131.0' }],
    });
    expect(await macosProgramUpdatesProbe.run(ctx(hostWith({}), apps))).toEqual({});
  });
});
