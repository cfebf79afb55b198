/** Identity probe: which Linux this is (/etc/os-release, systeminformation) and the hardware basics. */
import si from 'systeminformation';
import type { HardwareFacts, OsFacts } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
import { optional, packageManagerFor } from './util';

/** Parses an os-release file (KEY=value, values optionally quoted) into a map. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m?.[1]) continue;
    let value = (m[2] ?? '').trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) value = value.slice(1, -1);
    out[m[1]] = value.replace(/\\(["'$`\\])/g, '$1');
  }
  return out;
}

/** The subset of systeminformation's osInfo the probe uses. */
export interface SiOsInfo {
  readonly distro?: string;
  readonly release?: string;
  readonly codename?: string;
  readonly kernel?: string;
  readonly arch?: string;
  readonly hostname?: string;
}

/** Builds OsFacts from os-release (preferred) and systeminformation; null when neither says which Linux it is. */
export function buildLinuxOsFacts(osRelease: Record<string, string> | null, osInfo: SiOsInfo | null, isServer: boolean): OsFacts | null {
  const distroId = osRelease?.ID?.toLowerCase() ?? null;
  const name = osRelease?.NAME ?? osInfo?.distro ?? null;
  const version = osRelease?.VERSION_ID ?? osInfo?.release ?? null;
  if (!name || !version) return null;
  const distroIdLike = (osRelease?.ID_LIKE ?? '').split(/\s+/).filter(Boolean);
  const facts: OsFacts = {
    family: 'linux',
    name,
    version,
    build: osInfo?.kernel || null,
    distroId,
    distroIdLike,
    codename: osRelease?.VERSION_CODENAME || osInfo?.codename || null,
    isServer,
    arch: osInfo?.arch || null,
    hostname: osInfo?.hostname || null,
    packageManager: packageManagerFor({ distroId, distroIdLike }),
    managed: null,
  };
  return facts;
}

/** Hardware facts from systeminformation answers (each may be missing). */
export function buildHardwareFacts(
  system: { manufacturer?: string; model?: string } | null,
  cpu: { manufacturer?: string; brand?: string } | null,
  mem: { total?: number } | null,
): HardwareFacts {
  const nonEmpty = (s: string | undefined): string | null => (s && s.trim() && s.trim() !== '-' ? s.trim() : null);
  const cpuName = [nonEmpty(cpu?.manufacturer), nonEmpty(cpu?.brand)].filter(Boolean).join(' ');
  return {
    manufacturer: nonEmpty(system?.manufacturer),
    model: nonEmpty(system?.model),
    cpu: cpuName || null,
    memoryBytes: typeof mem?.total === 'number' && mem.total > 0 ? mem.total : null,
  };
}

/** Reads the OS identity and hardware. Fails only when neither os-release nor systeminformation answers. */
export const identityProbe: Probe = {
  id: 'identity',
  labelKey: 'identity',
  sections: ['os', 'hardware'],
  timeoutMs: 10_000,
  async run(ctx: ProbeContext) {
    const { host, signal } = ctx;
    const probe = 'identity';
    let firstError: unknown = null;
    let osRelease: Record<string, string> | null = null;
    for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
      try {
        osRelease = parseOsRelease(await host.readFile(path, { signal, probe }));
        break;
      } catch (error) {
        firstError ??= error;
      }
    }
    const [osInfo, system, cpu, mem] = await Promise.all([
      optional(() => host.call('si.osInfo', () => si.osInfo(), { signal, probe })),
      optional(() => host.call('si.system', () => si.system(), { signal, probe })),
      optional(() => host.call('si.cpu', () => si.cpu(), { signal, probe })),
      optional(() => host.call('si.mem', () => si.mem(), { signal, probe })),
    ]);
    // A desktop session directory means a graphical desktop; without one, treat the machine as a server.
    const [x11, wayland] = await Promise.all([
      optional(() => host.exists('/usr/share/xsessions', { signal, probe })),
      optional(() => host.exists('/usr/share/wayland-sessions', { signal, probe })),
    ]);
    const os = buildLinuxOsFacts(osRelease, osInfo, x11 !== true && wayland !== true);
    if (!os) {
      if (firstError) throw firstError;
      throw new Error("ni /etc/os-release ni systeminformation n'ont dit quel Linux tourne ici");
    }
    return { os, hardware: buildHardwareFacts(system, cpu, mem) };
  },
};
