/**
 * Reboot probe. Debian/Ubuntu: /var/run/reboot-required (and .pkgs for the causes), written by
 * packages that need a restart. Fedora/RHEL: `needs-restarting -r` (exit 1: restart needed).
 */
import type { RebootFacts } from '../../../../shared/facts';
import type { Probe } from '../../checkup/probe';
import { RunError, isRunError } from '../../exec/host';
import { zypperReboot } from './zypper';
import { packageManagerOf, unreadDistribution } from './util';

/** Facts from the reboot-required flag file and its .pkgs list. */
export function aptRebootFacts(flagPresent: boolean, pkgsText: string | null): RebootFacts {
  const causes = (pkgsText ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    required: flagPresent,
    signals: [{ name: '/var/run/reboot-required', present: flagPresent, weak: false }],
    causes: [...new Set(causes)],
  };
}

/** Facts from `needs-restarting -r`: exit 1 means a restart is needed, 0 not; stdout lists the reasons. */
export function dnfRebootFacts(exitCode: number, stdout: string): RebootFacts {
  if (exitCode !== 0 && exitCode !== 1) throw new RunError('non-zero-exit', 'needs-restarting -r', `needs-restarting -r : a échoué (code ${exitCode})`, exitCode);
  const causes = stdout
    .split('\n')
    .map((l) => /^\s+\*\s+(.+)$/.exec(l)?.[1]?.trim())
    .filter((x): x is string => Boolean(x));
  return { required: exitCode === 1, signals: [{ name: 'needs-restarting -r', present: exitCode === 1, weak: false }], causes };
}

/** Reads whether the machine waits for a restart. */
export const rebootProbe: Probe = {
  id: 'reboot',
  labelKey: 'reboot',
  sections: ['reboot'],
  timeoutMs: 15_000,
  after: ['identity'],
  async run(ctx) {
    const probe = 'reboot';
    const pm = await packageManagerOf(ctx, probe);
    if (pm === 'apt') {
      const present = await ctx.host.exists('/var/run/reboot-required', { signal: ctx.signal, probe });
      let pkgs: string | null = null;
      if (present) {
        try {
          pkgs = await ctx.host.readFile('/var/run/reboot-required.pkgs', { signal: ctx.signal, probe });
        } catch (error) {
          if (!isRunError(error) || error.kind !== 'not-found') throw error;
        }
      }
      return { reboot: aptRebootFacts(present, pkgs) };
    }
    if (pm === 'zypper') return { reboot: await zypperReboot(ctx) };
    if (pm === 'dnf') {
      let r;
      try {
        r = await ctx.host.run({ file: 'needs-restarting', args: ['-r'], timeoutMs: 10_000, okExitCodes: [0, 1] }, { signal: ctx.signal, probe });
      } catch (error) {
        // dnf5 moved it into dnf itself.
        if (!isRunError(error) || error.kind !== 'not-found') throw error;
        r = await ctx.host.run({ file: 'dnf', args: ['needs-restarting', '-r'], timeoutMs: 10_000, okExitCodes: [0, 1] }, { signal: ctx.signal, probe });
      }
      return { reboot: dnfRebootFacts(r.exitCode, r.stdout) };
    }
    throw unreadDistribution(ctx, 'si un redémarrage est nécessaire');
  },
};
