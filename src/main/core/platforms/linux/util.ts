/** Small helpers shared by the Linux probes. */
import type { OsFacts } from '../../../../shared/facts';
import type { Host } from '../../exec/host';
import { isRunError } from '../../exec/host';
import type { ProbeContext } from '../../checkup/probe';

/** The package manager family of the machine: from the identity facts, else from the tools present. */
export async function packageManagerOf(ctx: ProbeContext, probe: string): Promise<'apt' | 'dnf' | null> {
  const known = ctx.facts.os?.packageManager;
  if (known) return known;
  return detectPackageManager(ctx.host, ctx.signal, probe);
}

/** Looks for apt or dnf/rpm on the machine. */
export async function detectPackageManager(host: Host, signal: AbortSignal, probe: string): Promise<'apt' | 'dnf' | null> {
  if (await host.exists('/usr/bin/apt-config', { signal, probe })) return 'apt';
  if (await host.exists('/usr/bin/rpm', { signal, probe })) return 'dnf';
  return null;
}

/** The package manager a distribution uses, from its os-release ids. */
export function packageManagerFor(os: Pick<OsFacts, 'distroId' | 'distroIdLike'>): 'apt' | 'dnf' | null {
  const ids = [os.distroId ?? '', ...(os.distroIdLike ?? [])].map((s) => s.toLowerCase());
  if (ids.some((id) => ['debian', 'ubuntu', 'linuxmint', 'raspbian'].includes(id))) return 'apt';
  if (ids.some((id) => ['fedora', 'rhel', 'centos', 'rocky', 'almalinux', 'ol'].includes(id))) return 'dnf';
  return null;
}

/** Runs `work`; a RunError of kind not-found becomes `fallback`, everything else propagates. */
export async function orIfMissing<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isRunError(error) && error.kind === 'not-found') return fallback;
    throw error;
  }
}

/** Converts "2026-11-22  23:05:31" (apt/dpkg local time) to "2026-11-22T23:05:31"; null if it does not parse. */
export function localDateTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  return m ? `${m[1]}T${m[2]}` : null;
}
