/**
 * `apt list --upgradable` against the old `apt-get -s dist-upgrade`: same counts on real outputs of
 * this Debian (committed, and live), every difference explained (new dependencies, kept back).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../exec/live-host';
import {
  aptListsRefreshedAt,
  compareWithSimulation,
  isSecuritySuite,
  parseAptListUpgradable,
  parseFindTimes,
} from './apt-upgradable';
import { parseAptSimulate } from './pending-updates';
import { fixture } from './test-support';

describe('apt list --upgradable', () => {
  it('reads this Debian 12’s real list: 134 waiting, 79 from the security suite', () => {
    const facts = parseAptListUpgradable(fixture('debian-12-upgradable/apt-list-upgradable.txt'));
    expect(facts).toMatchObject({ total: 134, security: 79, source: 'apt list --upgradable' });
    expect(facts.items.find((i) => i.name === 'apt')).toMatchObject({ version: '2.6.2', security: true });
    expect(facts.items.find((i) => i.name === 'base-files')).toMatchObject({ security: false });
  });
  it('gives the same counts as the simulation on the same machine, package by package', () => {
    const sim = fixture('debian-12-upgradable/apt-get-s-dist-upgrade.txt');
    const diff = compareWithSimulation(
      fixture('debian-12-upgradable/apt-list-upgradable.txt'),
      sim,
      parseAptSimulate(sim),
    );
    expect(diff).toMatchObject({
      listed: 134,
      simulated: 134,
      securityListed: 79,
      securitySimulated: 79,
      unexplained: [],
    });
  });
  it('security suites: Debian and Ubuntu names, several suites on one line', () => {
    expect(
      ['bookworm-security', 'oldstable-security', 'noble-updates,noble-security'].map(isSecuritySuite),
    ).toEqual([true, true, true]);
    expect(['bookworm-updates', 'noble', 'stable'].map(isSecuritySuite)).toEqual([false, false, false]);
  });
  it('an up-to-date machine lists nothing; garbage is refused', () => {
    expect(parseAptListUpgradable('Listing...\n').total).toBe(0);
    expect(() => parseAptListUpgradable('E: something else')).toThrow(/illisible/);
  });
  it('the lists’ age comes from the success stamp or the lists folder, not from the lists’ own (server) dates', () => {
    const times = parseFindTimes(
      '1795845697.78\t/var/lib/apt/lists\n1783764997.0\t/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease\n',
    );
    expect(aptListsRefreshedAt(times)).toBe(new Date(1795845697780).toISOString());
    expect(aptListsRefreshedAt(new Map())).toBeNull();
  });
  it('on this machine, now: the list and the simulation agree, or each difference is a new dependency or a kept-back package', async () => {
    const env = { LC_ALL: 'C.UTF-8' };
    const [list, sim] = await Promise.all([
      runCommand({ file: 'apt', args: ['list', '--upgradable'], env, timeoutMs: 60_000 }),
      runCommand({ file: 'apt-get', args: ['-s', '-q', 'dist-upgrade'], env, timeoutMs: 120_000 }),
    ]);
    const diff = compareWithSimulation(list.stdout, sim.stdout, parseAptSimulate(sim.stdout));
    expect(diff.unexplained).toEqual([]);
    expect(diff.listed - diff.keptBack.length).toBe(diff.simulated - diff.newDependencies.length);
  }, 180_000);
});
