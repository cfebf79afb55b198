/**
 * Switching automatic updates on FOR REAL on this Debian machine (root, as CI): apt installs
 * unattended-upgrades from Debian's repository, files are written in /etc, the checkup verifies,
 * undo puts everything back byte for byte. Every test holds the machine lock and restores the
 * machine afterwards.
 */
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withMachineLock } from '../../../../tests/support/machine-lock';
import { createLiveHost } from '../exec/live-host';
import { createService } from '../service';
import { inProcessRunner, pkexecRunner, type ElevationRunner } from './elevation';
import { createAutoUpdatesApi } from '.';
import { aptSettings, digest, packageInstalled, purgeUnattendedUpgrades, restoreMachine, snapshotMachine } from './testing/debian-machine';

/** Settings on, but no scheduler runs in this container: what the verification reads after a switch-on. */
const NO_SCHEDULER = 'truth:autoUpdates.noScheduler';

// Tests here may wait for the machine lock while other tests change the machine.
vi.setConfig({ testTimeout: 900_000 });
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** Our own CLI entry, as the elevated program (tsx runs the TypeScript source). */
const CLI_ENTRY = { file: join(REPO, 'node_modules/.bin/tsx'), args: [join(REPO, 'src/main/cli/index.ts')] };
const APT_FILE = '/etc/apt/apt.conf.d/52revision-auto-upgrades';
const DROPIN_DIR = '/etc/systemd/system/apt-daily-upgrade.timer.d';
const DROPIN = `${DROPIN_DIR}/revision-schedule.conf`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'revision-au-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * A fake pkexec: a real executable put first on PATH. One version runs the command it is given (we
 * are root, so that is what pkexec does once the owner typed the password); another exits 126, as
 * pkexec does when the owner closes the dialog.
 */
async function fakePkexec(script: string): Promise<string> {
  const dir = await mkdtemp(join(work, 'bin-'));
  await writeFile(join(dir, 'pkexec'), script);
  await chmod(join(dir, 'pkexec'), 0o755);
  return dir;
}

async function setup(elevation?: ElevationRunner) {
  const home = await mkdtemp(join(work, 'ws-'));
  const host = createLiveHost();
  const service = await createService({ home, host });
  const api = createAutoUpdatesApi(service.context, { elevation: elevation ?? inProcessRunner(host) });
  return { home, host, service, api };
}

/** Runs a test with the machine locked, starting from "unattended-upgrades absent", and restores it. */
async function onMachine(prepare: () => Promise<void>, body: () => Promise<void>): Promise<void> {
  await withMachineLock(async () => {
    const original = await snapshotMachine();
    try {
      await prepare();
      await body();
    } finally {
      await restoreMachine(original);
    }
  });
}

describe('auto-updates on this Debian machine, for real', () => {
  it('from nothing: the plan installs and enables; one elevated step (pkexec → our CLI) applies; the finding turns ok; undo puts back every byte, even after a restart', async () => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      expect(before.packages['unattended-upgrades']).toBe(false);
      const bin = await fakePkexec('#!/bin/sh\nexec "$@"\n');
      const host = createLiveHost();
      const { home, service, api } = await setup(pkexecRunner(host, CLI_ENTRY, 'pkexec', { PATH: `${bin}:${process.env.PATH ?? ''}` }));

      const first = await service.checkupRun({ lang: 'fr' });
      expect(first.findings.find((f) => f.id === 'auto-updates')?.state).toBe('danger');

      const plan = await api.plan({ schedule: 'always', lang: 'fr' });
      expect(plan.empty).toBe(false);
      expect(plan.requiresAdmin).toBe(true);
      expect(plan.changes.map((c) => c.key)).toEqual(['changes.linuxInstall', 'changes.linuxEnable']);
      expect(plan.changes[1]?.text).toBe('Votre ordinateur installera les mises à jour de sécurité tout seul, chaque jour.');
      expect(plan.technical).toHaveLength(2);
      expect(plan.technical[0]).toContain('apt-get -o DPkg::Lock::Timeout=120 install -y -q unattended-upgrades');
      expect(plan.technical[1]).toContain(`write ${APT_FILE}`);

      const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
      expect(result.outcome).toBe('applied');
      expect(result.operations.map((o) => o.status)).toEqual(['done', 'done']);
      // The settings are on; this container runs no systemd, so the verification says that nothing will start them (never « ok »).
      expect(result.verification.map((f) => [f.id, f.state, f.key])).toEqual([['auto-updates', 'attention', NO_SCHEDULER]]);
      expect(result.message).toMatch(/^J’ai appliqué les changements, mais la vérification montre qu’ils ne suffisent pas : /);
      expect(await packageInstalled('unattended-upgrades')).toBe(true);
      expect(await readFile(APT_FILE, 'utf8')).toContain('APT::Periodic::Unattended-Upgrade "1";');
      expect((await stat(APT_FILE)).mode & 0o777).toBe(0o644);

      // The undo record is in the owner's workspace, with who did it; the plan files are cleaned up.
      const ws = await service.workspaceGet();
      expect(ws.changes).toHaveLength(1);
      expect(ws.changes[0]?.id).toBe(result.changeId);
      expect(ws.changes[0]?.by).toBe(service.context.user);
      expect(ws.history.filter((h) => h.kind === 'change').map((h) => h.key)).toEqual(['history.autoUpdatesOn']);

      // A restart: a new service over the same workspace undoes it.
      const again = await createService({ home, host });
      const undoApi = createAutoUpdatesApi(again.context, { elevation: inProcessRunner(host) });
      const undone = await undoApi.undo({ lang: 'fr' });
      expect(undone.outcome).toBe('undone');
      expect(undone.message).toBe('C’est annulé : votre ordinateur est revenu exactement comme avant.');
      expect(undone.verification.map((f) => [f.id, f.state])).toEqual([['auto-updates', 'danger']]);
      const after = await snapshotMachine();
      expect(digest(after)).toEqual(digest(before));
      expect(after.packages['unattended-upgrades']).toBe(false);
      // The app's own files need no backup copy (only the step's answers are kept, in root's folder).
      expect(after.backupDirExisted).toBe(before.backupDirExisted);
      const ws2 = await again.workspaceGet();
      expect(ws2.changes[0]?.undoneAt).toBeTruthy();
      expect(ws2.history.map((h) => h.kind)).toContain('undo');
      // Nothing left to undo.
      expect((await undoApi.undo({ lang: 'fr' })).outcome).toBe('nothing-to-do');
    });
  });

  it.each([
    ['night', 'OnCalendar=*-*-* 03:00'],
    ['weekend', 'OnCalendar=Sat *-*-* 03:00'],
  ] as const)('%s schedule: timer drop-in and automatic restart at 04:00; the reload is skipped (no systemd here), not a failure; undo removes them', async (schedule, onCalendar) => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      const { api } = await setup();
      const plan = await api.plan({ schedule, lang: 'en' });
      expect(plan.schedule).toBe(schedule);
      expect(plan.changes.map((c) => c.key)).toEqual(['changes.linuxInstall', schedule === 'night' ? 'changes.linuxNight' : 'changes.linuxWeekend']);
      const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'en' });
      expect(result.outcome).toBe('applied');
      expect(result.operations.map((o) => o.status)).toEqual(['done', 'done', 'done', 'skipped']);
      expect(result.operations[3]?.message).toBe('the system cannot take the new schedule into account right now; it will apply at the next start');
      expect(result.verification[0]?.key).toBe(NO_SCHEDULER);
      const dropIn = await readFile(DROPIN, 'utf8');
      expect(dropIn.split('\n').slice(1, 4)).toEqual(['[Timer]', 'OnCalendar=', onCalendar]);
      const apt = await aptSettings();
      expect(apt['Unattended-Upgrade::Automatic-Reboot']).toBe('true');
      expect(apt['Unattended-Upgrade::Automatic-Reboot-Time']).toBe('04:00');
      expect(apt['APT::Periodic::Unattended-Upgrade']).toBe('1');

      const undone = await api.undo({ lang: 'en' });
      expect(undone.outcome).toBe('undone');
      expect(digest(await snapshotMachine())).toEqual(digest(before));
      await expect(stat(DROPIN_DIR)).rejects.toThrow();
    });
  });

  it('present but switched off: only the app’s own file is written (no install); undo leaves the package and the owner’s file as they were', async () => {
    await onMachine(
      async () => {
        await purgeUnattendedUpgrades();
        const { aptGet } = await import('./testing/debian-machine');
        await aptGet('install', 'unattended-upgrades');
        await writeFile('/etc/apt/apt.conf.d/20auto-upgrades', 'APT::Periodic::Update-Package-Lists "0";\nAPT::Periodic::Unattended-Upgrade "0";\n');
      },
      async () => {
        const before = await snapshotMachine();
        const { api } = await setup();
        const plan = await api.plan({ schedule: 'always', lang: 'fr' });
        expect(plan.changes.map((c) => c.key)).toEqual(['changes.linuxEnable']);
        expect(plan.technical).toHaveLength(1);
        const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
        expect(result.verification[0]?.key).toBe(NO_SCHEDULER);
        expect((await aptSettings())['APT::Periodic::Unattended-Upgrade']).toBe('1');
        const undone = await api.undo({ lang: 'fr' });
        expect(undone.operations.map((o) => o.status)).toEqual(['done']);
        expect(undone.verification[0]?.state).toBe('danger');
        expect(digest(await snapshotMachine())).toEqual(digest(before));
        expect(await packageInstalled('unattended-upgrades')).toBe(true);
      },
    );
  });
});

describe('auto-updates on this Debian machine: failures leave nothing half-changed', () => {
  it('no network: apt cannot reach its source, nothing changes and the owner is told to check the connection', async () => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      // apt's own configuration points at an unreachable source and empty lists: apt fails for real.
      const apt = await mkdtemp(join(work, 'apt-offline-'));
      await writeFile(join(apt, 'sources.list'), 'deb http://127.0.0.1:9/debian bookworm main\n');
      await writeFile(
        join(apt, 'apt.conf'),
        `Dir::Etc::sourcelist "${apt}/sources.list";\nDir::Etc::sourceparts "${apt}/none";\nDir::State::Lists "${apt}/lists";\nAcquire::Retries "0";\n`,
      );
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(apt, 'lists', 'partial'), { recursive: true });
      const saved = process.env.APT_CONFIG;
      process.env.APT_CONFIG = join(apt, 'apt.conf');
      try {
        const { api } = await setup();
        const plan = await api.plan({ schedule: 'always', lang: 'fr' });
        const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
        expect(result.outcome).toBe('rolled-back');
        expect(result.operations.map((o) => o.status)).toEqual(['failed', 'skipped']);
        expect(result.operations[0]?.message).toMatch(/^pas de connexion pour télécharger le programme/);
        expect(result.message).toMatch(/J’ai tout remis comme avant : rien n’a changé/);
        expect(result.changeId).toBeUndefined();
      } finally {
        if (saved === undefined) delete process.env.APT_CONFIG;
        else process.env.APT_CONFIG = saved;
      }
      expect(digest(await snapshotMachine())).toEqual(digest(before));
      expect(await packageInstalled('unattended-upgrades')).toBe(false);
    });
  });

  it('one operation fails halfway (the timer folder cannot be created): the install and the file already done are rolled back', async () => {
    await onMachine(
      async () => {
        await purgeUnattendedUpgrades();
        // A plain file where the drop-in folder should be: writing the drop-in fails for real.
        await rm(DROPIN_DIR, { recursive: true, force: true });
        await writeFile(DROPIN_DIR, 'not a folder\n');
      },
      async () => {
        const before = await snapshotMachine();
        const { api, service } = await setup();
        const plan = await api.plan({ schedule: 'night', lang: 'fr' });
        const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
        expect(result.outcome).toBe('rolled-back');
        expect(result.operations.map((o) => o.status)).toEqual(['rolled-back', 'rolled-back', 'failed', 'skipped']);
        expect(result.message).toMatch(/^Un changement n’a pas pu être fait/);
        expect(await packageInstalled('unattended-upgrades')).toBe(false);
        expect(digest(await snapshotMachine())).toEqual(digest(before));
        expect((await readFile(DROPIN_DIR, 'utf8'))).toBe('not a folder\n');
        expect((await service.workspaceGet()).changes).toEqual([]);
      },
    );
  });

  it('the undo record cannot be saved (the workspace file is in the way): the change is taken back at once', async () => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      const { api, home, service } = await setup();
      const plan = await api.plan({ schedule: 'always', lang: 'fr' });
      // A folder where workspace.json should be: the atomic rename fails for real.
      await rm(join(home, 'workspace.json'), { force: true });
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(home, 'workspace.json', 'in-the-way'), { recursive: true });
      const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
      expect(result.outcome).toBe('rolled-back');
      expect(result.message).toMatch(/^Je n’ai pas pu enregistrer de quoi annuler ces changements \(.+\) : je les ai donc retirés tout de suite\./);
      expect(await packageInstalled('unattended-upgrades')).toBe(false);
      expect(digest(await snapshotMachine())).toEqual(digest(before));
      expect(service.context.store.read().changes).toEqual([]);
    });
  });

  it('a plan file changed between planning and the elevated step is refused: nothing changes', async () => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      const { api, home } = await setup();
      const plan = await api.plan({ schedule: 'always', lang: 'fr' });
      const path = join(home, 'plans', `${plan.id}.json`);
      const text = await readFile(path, 'utf8');
      // Someone swaps our file's content for their own (still allow-listed!) content.
      await writeFile(path, text.replace('APT::Periodic::Unattended-Upgrade \\"1\\"', 'APT::Periodic::Unattended-Upgrade \\"0\\"'));
      expect(await readFile(path, 'utf8')).not.toBe(text);
      const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
      expect(result.outcome).toBe('refused');
      expect(result.message).toBe('Le plan a été modifié après sa préparation : par sécurité, je l’ai refusé et je n’ai rien changé. Préparez-le à nouveau.');
      expect(digest(await snapshotMachine())).toEqual(digest(before));
      expect(await packageInstalled('unattended-upgrades')).toBe(false);
    });
  });

  it('the owner closes the password dialog (pkexec exits 126, a real process): nothing changes, said kindly', async () => {
    await onMachine(purgeUnattendedUpgrades, async () => {
      const before = await snapshotMachine();
      const bin = await fakePkexec('#!/bin/sh\n# Labelled fake: behaves like pkexec when the owner dismisses the dialog.\nexit 126\n');
      const host = createLiveHost();
      const { api, service } = await setup(pkexecRunner(host, CLI_ENTRY, 'pkexec', { PATH: `${bin}:${process.env.PATH ?? ''}` }));
      const plan = await api.plan({ schedule: 'always', lang: 'fr' });
      const result = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
      expect(result.outcome).toBe('cancelled');
      expect(result.message).toBe('Vous avez annulé la demande de mot de passe : je n’ai rien changé. Vous pourrez recommencer quand vous voudrez.');
      expect(result.operations.every((o) => o.status === 'skipped')).toBe(true);
      expect(digest(await snapshotMachine())).toEqual(digest(before));
      expect((await service.workspaceGet()).changes).toEqual([]);
      // The plan was used up: applying it again asks to prepare it again.
      const again = await api.apply({ planId: plan.id, sha256: plan.sha256, lang: 'fr' });
      expect(again.message).toMatch(/^Ce plan n’est plus valable/);
      // Never shown as a green « nothing to do ».
      expect(again.outcome).toBe('refused');
    });
  });
});
