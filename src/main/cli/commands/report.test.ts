/**
 * `revision report` as the prestataire types it: writes the PDF, refuses to overwrite without
 * --force (and says how), explains an impossible path in French, prints the e-mail.
 * Uses the real CLI entry and the real core; the checkup is a real one of this machine, saved
 * first as the workspace's latest checkup.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheckup } from '../../core/checkup/run-checkup';
import { createLiveHost } from '../../core/exec/live-host';
import { createService } from '../../core/service';
import { main } from '../index';
import type { CliIo } from '../io';

let home: string;

function io(): CliIo & { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  return Object.assign(out, {
    out: (text: string) => void (out.stdout += text),
    err: (text: string) => void (out.stderr += text),
    env: {},
    tty: false,
    confirm: async () => false,
  });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-cli-report-'));
  const service = await createService({ home });
  await service.context.store.saveCheckup(await runCheckup({ host: createLiveHost(), lang: 'fr' }));
  await service.workspaceUpdate({
    company: { name: 'Transport Dubois' },
    provider: { name: 'Kevin', email: 'kevin@exemple.fr' },
  });
}, 120_000);

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('revision report', () => {
  it('writes the PDF, refuses to overwrite it without --force, replaces it with --force', async () => {
    const file = join(home, 'carnet.pdf');
    const first = io();
    expect(await main(['report', '--pdf', file, '--workspace', home], first)).toBe(0);
    expect(first.stdout).toMatch(/^Carnet d’entretien enregistré : .*carnet\.pdf \(\d+ pages\)\.\n$/);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    const written = (await stat(file)).mtimeMs;

    const again = io();
    expect(await main(['report', '--pdf', file, '--workspace', home], again)).toBe(4);
    expect(again.stderr).toContain('existe déjà');
    expect(again.stderr).toContain('ajoutez --force');
    expect((await stat(file)).mtimeMs).toBe(written);

    const forced = io();
    expect(
      await main(['report', '--pdf', file, '--workspace', home, '--force', '--lang', 'en'], forced),
    ).toBe(0);
    expect(forced.stdout).toMatch(/^Maintenance logbook saved: /);
  });

  it('explains in French why a path cannot be written, without running anything', async () => {
    const run = io();
    expect(await main(['report', '--pdf', '/etc/hostname/carnet.pdf', '--workspace', home], run)).toBe(1);
    expect(run.stderr).toContain('une partie du chemin n’est pas un dossier');
    expect(run.stderr).not.toContain('je le fais d’abord');
  });

  it('without --pdf, says what to type', async () => {
    const run = io();
    expect(await main(['report', '--workspace', home], run)).toBe(2);
    expect(run.stderr).toContain('revision report --pdf FICHIER.pdf');
  });

  it('`report email` prints the message to the prestataire', async () => {
    const run = io();
    expect(await main(['report', 'email', '--workspace', home], run)).toBe(0);
    expect(run.stdout).toMatch(
      /^À : kevin@exemple\.fr\nObjet : Carnet d’entretien informatique — Transport Dubois — /,
    );
    expect(run.stdout).toContain('Le PDF est en pièce jointe');
  });
});
