/**
 * The firewall voyant on this machine, for real: nftables installed with an empty ruleset reads
 * as "no filtering", a rule that drops reads as "on", and the same command run as an ordinary
 * user (no right to read the rules) reads as « je n'ai pas pu vérifier ». Restored afterwards.
 */
import { describe, expect, it } from 'vitest';
import { withMachineLock } from '../../../../../tests/support/machine-lock';
import { runCheckup } from '../../checkup/run-checkup';
import type { Host } from '../../exec/host';
import { createLiveHost, runCommand } from '../../exec/live-host';
import { firewallProbe } from './firewall';

const TABLE = 'revision_checkup_test';

async function installed(pkg: string): Promise<boolean> {
  const r = await runCommand({ file: 'dpkg-query', args: ['-W', '-f=${Status}', pkg], okExitCodes: [0, 1] });
  return /install ok installed/.test(r.stdout);
}

async function apt(args: string[]): Promise<void> {
  await runCommand({ file: 'apt-get', args: ['-y', '-q', ...args], timeoutMs: 240_000, env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

async function firewallFinding(host: Host = createLiveHost('linux')) {
  const report = await runCheckup({ host, probes: [firewallProbe] });
  return report.findings.find((f) => f.id === 'firewall')!;
}

describe('firewall on this machine, for real', () => {
  it(
    'nftables: empty ruleset → no filtering; a drop rule → on; read as a non-root user → unknown (permission)',
    async () => {
      await withMachineLock(async () => {
        const hadNft = await installed('nftables');
        // nftables pulls these libraries in: remove them too if this test brought them.
        const hadLibs = await Promise.all(['libnftables1', 'libnftnl11'].map(installed));
        try {
          if (!hadNft) await apt(['install', '--no-install-recommends', 'nftables']);
          const before = await runCommand({ file: 'nft', args: ['list', 'ruleset'] });
          if (before.stdout.trim() === '') {
            expect(await firewallFinding()).toMatchObject({ state: 'danger', key: 'firewall.linuxOff', params: { tool: 'nftables' } });
          }
          // A rule that drops only the "discard" port: filtering is on, nobody's network is cut.
          await runCommand({ file: 'nft', args: ['add', 'table', 'inet', TABLE] });
          await runCommand({ file: 'nft', args: ['add', 'chain', 'inet', TABLE, 'input', '{ type filter hook input priority 0 ; policy accept ; }'] });
          await runCommand({ file: 'nft', args: ['add', 'rule', 'inet', TABLE, 'input', 'tcp', 'dport', '9', 'drop'] });
          const on = await firewallFinding();
          expect(on).toMatchObject({ state: 'ok', key: 'firewall.on' });
          expect(on.title).toBe('Le pare-feu est actif');

          const live = createLiveHost('linux');
          const asNobody: Host = {
            ...live,
            run: (spec, options) =>
              live.run(spec.file === 'nft' ? { ...spec, file: 'setpriv', args: ['--reuid=65534', '--regid=65534', '--clear-groups', 'nft', ...spec.args] } : spec, options),
          };
          const denied = await firewallFinding(asNobody);
          expect(denied).toMatchObject({ state: 'unknown', key: 'unknown.permission' });
        } finally {
          await runCommand({ file: 'nft', args: ['delete', 'table', 'inet', TABLE] }).catch(() => undefined);
          if (!hadNft) await apt(['purge', 'nftables', ...['libnftables1', 'libnftnl11'].filter((_, i) => !hadLibs[i])]);
        }
        expect(await installed('nftables')).toBe(hadNft);
      });
    },
    600_000,
  );
});
