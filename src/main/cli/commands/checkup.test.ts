import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkupReportSchema, coreFindingIds } from '../../../shared/checkup';
import { main } from '../index';
import { captureIo } from '../../../../tests/support/cli-io';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/linux/debian-12-capture');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'revision-cli-checkup-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('revision checkup', () => {
  it('prints the contrôle technique in French, voyant by voyant, and records it in the logbook', async () => {
    const ws = join(tmp, 'ws1');
    const io = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--workspace', ws], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('Contrôle technique de vm');
    expect(text).toContain('Système : Debian GNU/Linux 12');
    expect(text).toContain('✖ Danger — Les mises à jour automatiques ne sont pas en place');
    expect(text).toContain('    → Activez les mises à jour automatiques');
    expect(text).toContain('? Non vérifié — Je n’ai pas pu vérifier le pare-feu');
    expect(text).toContain('▲ À surveiller — 121 mises à jour en attente, dont 74 de sécurité');
    expect(text).toMatch(/^Bilan : 5 OK · 3 à surveiller · 1 danger · 1 non vérifié$/m);
    expect(text).toContain('Logiciels installés : 836');
    expect(io.stderr()).toBe('');
    const workspace = JSON.parse(await readFile(join(ws, 'workspace.json'), 'utf8')) as { history: { kind: string; counts?: Record<string, number> }[] };
    expect(workspace.history.at(-1)).toMatchObject({ kind: 'checkup', counts: { ok: 5, attention: 3, danger: 1, unknown: 1 } });
  });

  it('--json prints the documented structure with every installed program', async () => {
    const io = captureIo();
    expect(await main(['checkup', '--json', '--replay', FIXTURE, '--workspace', join(tmp, 'ws2')], io)).toBe(0);
    const report = checkupReportSchema.parse(JSON.parse(io.stdout()));
    expect(report.findings.map((f) => f.id)).toEqual([...coreFindingIds]);
    expect(report.inventory.applications).toHaveLength(836);
    expect(report.mode).toBe('replay');
  });

  it('--lang en speaks English; the workspace defaults to REVISION_HOME', async () => {
    const home = join(tmp, 'home');
    const io = captureIo({ REVISION_HOME: home });
    expect(await main(['checkup', '--lang', 'en', '--replay', FIXTURE], io)).toBe(0);
    expect(io.stdout()).toContain('✖ Danger — Automatic updates are not set up');
    expect(io.stdout()).toContain('Summary: 5 OK · 3 attention · 1 danger · 1 not checked');
    expect(JSON.parse(await readFile(join(home, 'workspace.json'), 'utf8'))).toHaveProperty('history');
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const io = captureIo({}, true);
    expect(await main(['checkup', '--replay', FIXTURE, '--workspace', join(tmp, 'ws3')], io)).toBe(0);
    expect(io.stderr()).toContain('Je vérifie l’antivirus…');
    expect(io.stdout()).not.toContain('Je vérifie');
  });

  it('--capture on this machine writes a folder that --replay reads back to the same voyants', async () => {
    const cap = join(tmp, 'capture');
    const live = captureIo();
    expect(await main(['checkup', '--capture', cap, '--workspace', join(tmp, 'ws4')], live)).toBe(0);
    expect(live.stdout()).toContain(`Capture enregistrée dans ${cap}`);
    const replay = captureIo();
    expect(await main(['checkup', '--replay', cap, '--workspace', join(tmp, 'ws4')], replay)).toBe(0);
    const voyants = (text: string) => text.split('\n').filter((l) => /^[✔▲✖?] /.test(l));
    expect(voyants(replay.stdout())).toEqual(voyants(live.stdout()));
    expect(voyants(live.stdout())).toHaveLength(coreFindingIds.length);
  });

  it('--help prints the usage without running anything', async () => {
    const io = captureIo();
    expect(await main(['checkup', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('revision checkup [--json]');
  });

  it('cannot run: a non-zero exit with a French message, nothing else', async () => {
    const missing = captureIo();
    expect(await main(['checkup', '--replay', join(tmp, 'no-such-capture'), '--workspace', join(tmp, 'ws5')], missing)).toBe(2);
    expect(missing.stderr()).toMatch(/^Je ne peux pas rejouer ce contrôle\. Capture illisible/);
    expect(missing.stdout()).toBe('');

    const both = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--capture', join(tmp, 'x')], both)).toBe(2);
    expect(both.stderr()).toContain('Choisissez --capture ou --replay, pas les deux.');

    const file = join(tmp, 'a-file');
    await writeFile(file, 'not a folder');
    const badWorkspace = captureIo();
    expect(await main(['checkup', '--replay', FIXTURE, '--workspace', file], badWorkspace)).toBe(1);
    expect(badWorkspace.stderr()).toContain('Je n’ai pas pu ouvrir le dossier de vos données');
  });
});
