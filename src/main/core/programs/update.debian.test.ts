/**
 * A real program update on this Debian machine (root, as CI): a throwaway package is installed
 * at 1.0 while a local repository offers 1.1; the app shows « mise à jour disponible », plans
 * the update in plain words, applies it through the one elevated step (in-process, as root) and
 * the fresh check shows « à jour ». The machine lock is held; the package and the list are removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { withMachineLock } from '../../../../tests/support/machine-lock';
import { inProcessRunner } from '../actions/elevation';
import { createLiveHost } from '../exec/live-host';
import { createService } from '../service';
import { TEST_PACKAGE, arrangeOutdatedPackage, testPackageVersion } from './testing/local-apt-repo';

vi.setConfig({ testTimeout: 900_000 });

describe('updating a program on this Debian machine, for real', () => {
  it('1.0 installed, 1.1 offered: « mise à jour disponible », one elevated step, then « à jour » from the re-check', async () => {
    await withMachineLock(async () => {
      const machine = await arrangeOutdatedPackage();
      const home = await mkdtemp(join(tmpdir(), 'revision-upd-'));
      try {
        const host = createLiveHost();
        const service = await createService({
          home,
          host,
          autoUpdates: { elevation: inProcessRunner(host) },
        });
        const before = await service.checkupRun({ lang: 'fr' });
        const program = before.programs?.programs.find((p) => p.packages?.includes(TEST_PACKAGE));
        expect(program).toMatchObject({ status: 'outdated', version: '1.0', latestVersion: '1.1' });

        const plan = await service.programUpdatesPlan({ programIds: [program!.id], lang: 'fr' });
        expect(plan.programs).toEqual([
          expect.objectContaining({ programId: program!.id, from: '1.0', to: '1.1' }),
        ]);
        expect(plan.lines[0]).toMatch(/^Mettre à jour .+ \(1\.0 → 1\.1\)$/);
        expect(plan.noUndo).toMatch(/ne peut pas être annulée/);
        expect(plan.technical).toEqual([
          `DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install --only-upgrade -y -q ${TEST_PACKAGE}`,
        ]);

        // A plan shown is the plan applied: another fingerprint is refused and nothing changes.
        const refused = await service.programUpdatesApply({
          planId: plan.id,
          sha256: '0'.repeat(64),
          lang: 'fr',
        });
        expect(refused.results).toEqual([]);
        expect(await testPackageVersion()).toBe('1.0');

        const again = await service.programUpdatesPlan({ programIds: [program!.id], lang: 'fr' });
        const result = await service.programUpdatesApply({
          planId: again.id,
          sha256: again.sha256,
          lang: 'fr',
        });
        expect(await testPackageVersion()).toBe('1.1');
        expect(result.results).toEqual([
          expect.objectContaining({ outcome: 'done', statusAfter: 'current', versionAfter: '1.1' }),
        ]);
        expect(result.results[0]!.message).toBe('La mise à jour est installée.');
        const journal = (await service.workspaceGet()).history.filter(
          (h) => h.key === 'history.programUpdated',
        );
        expect(journal).toEqual([
          expect.objectContaining({
            kind: 'change',
            params: { name: program!.name, from: '1.0', to: '1.1' },
          }),
        ]);
        const latest = await service.checkupLatest();
        expect(latest?.programs?.programs.find((p) => p.id === program!.id)?.status).toBe('current');
      } finally {
        await machine.remove();
        await rm(home, { recursive: true, force: true });
      }
      expect(await testPackageVersion()).toBeNull();
    });
  });
});
