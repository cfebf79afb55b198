/**
 * Firewall probe. Asks the firewall managers first (ufw, firewalld), then the kernel's rules
 * (nft, iptables). Reading the rules needs root: a permission error gives "unknown", never "off".
 */
import type { FirewallFacts } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
import { RunError, isRunError, type CommandSpec } from '../../exec/host';

/** `ufw status`: "Status: active" / "Status: inactive"; null when not recognised. */
export function parseUfwStatus(text: string): boolean | null {
  const m = /^Status:\s*(active|inactive)/im.exec(text);
  return m ? m[1]!.toLowerCase() === 'active' : null;
}

/** `firewall-cmd --state`: "running" (exit 0) or "not running" (exit 252). */
export function parseFirewalldState(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'running') return true;
  if (t === 'not running') return false;
  return null;
}

/** `nft list ruleset`: filtering is on when a chain hooked on input drops by policy or has drop/reject rules. */
export function parseNftRuleset(text: string): boolean {
  const chains = text.split(/\n\s*chain /).slice(1);
  return chains.some((chain) => {
    if (!/hook input/.test(chain)) return false;
    if (/policy drop/.test(chain)) return true;
    return /\b(drop|reject)\b/.test(chain.replace(/policy \w+;/, ''));
  });
}

/** `iptables -S`: on when INPUT's policy is DROP, or INPUT has rules that drop, reject or jump to another chain. */
export function parseIptablesRules(text: string): boolean | null {
  if (!/^-P INPUT /m.test(text)) return null;
  if (/^-P INPUT DROP/m.test(text)) return true;
  return /^-A INPUT .*-j (DROP|REJECT|[A-Za-z][\w-]*)/m.test(text);
}

interface Attempt {
  readonly tool: string;
  readonly spec: CommandSpec;
  readonly parse: (stdout: string) => boolean | null;
}

const ATTEMPTS: readonly Attempt[] = [
  { tool: 'ufw', spec: { file: 'ufw', args: ['status'], timeoutMs: 10_000 }, parse: parseUfwStatus },
  { tool: 'firewalld', spec: { file: 'firewall-cmd', args: ['--state'], timeoutMs: 10_000, okExitCodes: [0, 252] }, parse: parseFirewalldState },
  { tool: 'nftables', spec: { file: 'nft', args: ['list', 'ruleset'], timeoutMs: 10_000 }, parse: parseNftRuleset },
  { tool: 'iptables', spec: { file: 'iptables', args: ['-S'], timeoutMs: 10_000 }, parse: parseIptablesRules },
];

/** Facts for a firewall manager (ufw, firewalld) that is installed and switched off. */
function inactiveManager(error: RunError): FirewallFacts {
  const tool = error.target === 'ufw' ? 'ufw' : 'firewalld';
  return { enabled: false, tool, profiles: [{ name: tool, enabled: false }] };
}

/** Tries each tool in turn; the first clear answer wins. */
export async function readLinuxFirewall(ctx: Pick<ProbeContext, 'host' | 'signal'>): Promise<FirewallFacts> {
  const errors: RunError[] = [];
  for (const attempt of ATTEMPTS) {
    try {
      const r = await ctx.host.run(attempt.spec, { signal: ctx.signal, probe: 'firewall' });
      const enabled = attempt.parse(r.stdout);
      if (enabled === null) {
        errors.push(new RunError('failed', attempt.spec.file, `${attempt.spec.file} : réponse illisible`));
        continue;
      }
      // A manager that is off does not mean no rules: keep looking at the kernel's rules.
      if (!enabled && (attempt.tool === 'ufw' || attempt.tool === 'firewalld')) {
        errors.push(new RunError('failed', attempt.spec.file, `${attempt.tool} inactif`));
        continue;
      }
      // No filtering in the kernel and a manager present but switched off: name the manager, the owner's switch.
      const inactive = errors.find((e) => / inactif$/.test(e.message));
      if (!enabled && inactive) return inactiveManager(inactive);
      return { enabled, tool: attempt.tool, profiles: [{ name: attempt.tool, enabled }] };
    } catch (error) {
      if (!isRunError(error)) throw error;
      if (error.kind === 'aborted') throw error;
      errors.push(error);
    }
  }
  const inactive = errors.find((e) => / inactif$/.test(e.message));
  if (inactive) return inactiveManager(inactive);
  if (errors.every((e) => e.kind === 'not-found')) return { enabled: null, tool: null, profiles: [] };
  // Prefer the most telling failure: permission, then timeout, then the first other one.
  throw errors.find((e) => e.kind === 'permission-denied') ?? errors.find((e) => e.kind === 'timeout') ?? errors.find((e) => e.kind !== 'not-found')!;
}

/** Reads whether a firewall filters incoming connections. */
export const firewallProbe: Probe = {
  id: 'firewall',
  labelKey: 'firewall',
  sections: ['firewall'],
  timeoutMs: 30_000,
  async run(ctx) {
    return { firewall: await readLinuxFirewall(ctx) };
  },
};
