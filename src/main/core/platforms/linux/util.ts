/** Small helpers shared by the Linux probes. */
import type { OsFacts } from '../../../../shared/facts';
import type { Host } from '../../exec/host';
import { RunError, isRunError } from '../../exec/host';
import type { ProbeContext } from '../../checkup/probe';

/** The package manager family of the machine: from the identity facts, else from the tools present. */
export async function packageManagerOf(ctx: ProbeContext, probe: string): Promise<PackageManager | null> {
  const known = ctx.facts.os?.packageManager;
  if (known) return known;
  return detectPackageManager(ctx.host, ctx.signal, probe);
}

/** Looks for apt, zypper or dnf/rpm on the machine. */
export async function detectPackageManager(host: Host, signal: AbortSignal, probe: string): Promise<PackageManager | null> {
  if (await host.exists('/usr/bin/apt-config', { signal, probe })) return 'apt';
  if (await host.exists('/usr/bin/zypper', { signal, probe })) return 'zypper';
  if (await host.exists('/usr/bin/rpm', { signal, probe })) return 'dnf';
  return null;
}

/** The package managers the Linux probes read. */
export type PackageManager = 'apt' | 'dnf' | 'zypper';

/** os-release ids (ID or ID_LIKE) of each family; dnf stands for yum too (same rpm database and lists). */
const FAMILY_IDS: readonly (readonly [PackageManager, readonly string[]])[] = [
  ['apt', ['debian', 'ubuntu', 'linuxmint', 'raspbian', 'pop', 'devuan', 'elementary', 'zorin', 'kali']],
  ['zypper', ['suse', 'opensuse', 'opensuse-leap', 'opensuse-tumbleweed', 'sles', 'sled', 'sle-micro']],
  ['dnf', ['fedora', 'rhel', 'centos', 'rocky', 'almalinux', 'ol', 'amzn', 'eurolinux']],
];

/** The package manager a distribution uses, from its os-release ids (ID first, then ID_LIKE in order). */
export function packageManagerFor(os: Pick<OsFacts, 'distroId' | 'distroIdLike'>): PackageManager | null {
  const ids = [os.distroId ?? '', ...(os.distroIdLike ?? [])].map((s) => s.toLowerCase());
  for (const id of ids) {
    const family = FAMILY_IDS.find(([, known]) => known.includes(id));
    if (family) return family[0];
  }
  return null;
}

/** The error a probe gives on a distribution it cannot read: it names the distribution (never « ok »). */
export function unreadDistribution(ctx: Pick<ProbeContext, 'facts'>, what: string): RunError {
  const os = ctx.facts.os;
  const name = os ? `${os.name} ${os.version}`.trim() : 'cette distribution Linux';
  return new RunError('not-found', 'apt/dnf/zypper', `${name} : ni apt, ni dnf/yum, ni zypper — je ne sais pas encore lire ${what} sur cette distribution`);
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

/** Runs `work`; any failure but an abort becomes null (an optional reading). */
export async function optional<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    return null;
  }
}

/** Converts "2026-11-22  23:05:31" (apt/dpkg local time) to "2026-11-22T23:05:31"; null if it does not parse. */
export function localDateTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  return m ? `${m[1]}T${m[2]}` : null;
}
