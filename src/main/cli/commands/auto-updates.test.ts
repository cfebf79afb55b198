/**
 * `revision auto-updates` as a user types it: plans replayed from captures, refusals without a
 * terminal, and apply + undo for real on this Debian machine (root, under the machine lock).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withMachineLock } from '../../../../tests/support/machine-lock';
import { digest, packageInstalled, purgeUnattendedUpgrades, restoreMachine, snapshotMachine } from '../../core/actions/testing/debian-machine';
import type { CliIo } from '../io';
import { main } from '../index';

vi.setConfig({ testTimeout: 900_000 });

const fixture = (rel: string): string => new URL(`../../../../tests/fixtures/${rel}`, import.meta.url).pathname;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-cli-au-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function io(options: { tty?: boolean; answer?: boolean } = {}): CliIo & { stdout: () => string; stderr: () => string; asked: string[] } {
  let out = '';
  let err = '';
  const asked: string[] = [];
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    tty: options.tty ?? false,
    async confirm(question) {
      asked.push(question);
      return options.answer ?? false;
    },
    stdout: () => out,
    stderr: () => err,
    asked,
  };
}

describe('revision auto-updates (replayed captures: nothing runs on this computer)', () => {
  it('plan for the Windows 11 Pro capture: what changes in plain French, then the exact reg.exe lines for the prestataire', async () => {
    const term = io();
    const ws = await mkdtemp(join(work, 'ws-'));
    const code = await main(['auto-updates', 'plan', '--replay', fixture('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender'), '--workspace', ws], term);
    expect(code).toBe(0);
    expect(term.stdout()).toBe(
      [
        'Mises à jour automatiques — ce que je propose (dès qu’elles sont prêtes)',
        '',
        'Ce que je vais changer :',
        '  • Windows installera les mises à jour tout seul, pendant sa maintenance automatique (vers 3 h du matin).',
        '',
        'Détail technique (pour votre prestataire) :',
        '  $ reg.exe add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU /v NoAutoUpdate /t REG_DWORD /d 0 /f',
        '  $ reg.exe add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU /v AUOptions /t REG_DWORD /d 4 /f',
        '',
        'Votre ordinateur vous demandera une seule fois le mot de passe d’administrateur.',
        '',
      ].join('\n'),
    );
  });

  it('plan --json --lang en for the managed Mac: nothing to change, and why', async () => {
    const term = io();
    const ws = await mkdtemp(join(work, 'ws-'));
    const code = await main(['auto-updates', 'plan', '--json', '--lang', 'en', '--replay', fixture('macos/macos15-managed'), '--workspace', ws], term);
    expect(code).toBe(0);
    const plan = JSON.parse(term.stdout());
    expect(plan).toMatchObject({ kind: 'auto-updates', platform: 'darwin', empty: true, requiresAdmin: false, technical: [] });
    expect(plan.notChanged[0].text).toBe('This computer is managed by your IT provider or your organisation: I change nothing, updates are theirs to set.');
  });

  it('apply without --yes and without a terminal: refused in French before anything runs', async () => {
    const term = io();
    const code = await main(['auto-updates', 'apply', '--workspace', join(work, 'never-created')], term);
    expect(code).toBe(2);
    expect(term.stderr()).toBe(
      'Je ne peux pas vous demander de confirmer ici (pas de terminal). Pour « apply » sans question, ajoutez --yes après avoir lu le plan (« revision auto-updates plan »). Rien n’a été changé.\n',
    );
    expect(term.stdout()).toBe('');
  });

  it('a replayed capture cannot be applied; an unknown schedule or action is explained', async () => {
    const replay = io();
    expect(await main(['auto-updates', 'apply', '--yes', '--replay', fixture('macos/macos15-managed')], replay)).toBe(2);
    expect(replay.stderr()).toMatch(/^Une capture rejouée sert seulement à montrer le plan/);
    const bad = io();
    expect(await main(['auto-updates', 'plan', '--schedule', 'dimanche'], bad)).toBe(2);
    expect(bad.stderr()).toBe('Horaire inconnu « dimanche » : utilisez --schedule always, night ou weekend.\n');
    const none = io();
    expect(await main(['auto-updates'], none)).toBe(2);
    expect(none.stderr()).toMatch(/^Utilisation : revision auto-updates plan\|apply\|undo/);
  });
});

describe('revision auto-updates on this Debian machine, for real', () => {
  it('at a terminal, saying no changes nothing; apply --yes switches updates on, undo --yes puts every byte back', async () => {
    await withMachineLock(async () => {
      const original = await snapshotMachine();
      try {
        await purgeUnattendedUpgrades();
        const before = await snapshotMachine();
        const ws = await mkdtemp(join(work, 'ws-'));

        const declined = io({ tty: true, answer: false });
        expect(await main(['auto-updates', 'apply', '--workspace', ws], declined)).toBe(1);
        expect(declined.asked).toEqual(['Appliquer ces changements ?']);
        expect(declined.stdout()).toMatch(/Rien n’a été changé\.\n$/);
        expect(digest(await snapshotMachine())).toEqual(digest(before));

        const applied = io();
        expect(await main(['auto-updates', 'apply', '--yes', '--workspace', ws], applied)).toBe(0);
        expect(applied.stdout()).toContain('  ✔ fait — Installer le programme de mises à jour automatiques\n');
        // This container runs no systemd: the settings are applied, and the verification says that nothing will start them.
        expect(applied.stdout()).toMatch(/Vérification — .+ : Mises à jour automatiques réglées, mais rien ne les lance/);
        expect(applied.stdout()).toMatch(/J’ai appliqué les changements, mais la vérification montre qu’ils ne suffisent pas : /);
        expect(await packageInstalled('unattended-upgrades')).toBe(true);

        const undone = io();
        expect(await main(['auto-updates', 'undo', '--yes', '--workspace', ws], undone)).toBe(0);
        expect(undone.stdout()).toMatch(/C’est annulé : votre ordinateur est revenu exactement comme avant\.\n$/);
        expect(digest(await snapshotMachine())).toEqual(digest(before));
        expect(await packageInstalled('unattended-upgrades')).toBe(false);
      } finally {
        await restoreMachine(original);
      }
    });
  });
});
