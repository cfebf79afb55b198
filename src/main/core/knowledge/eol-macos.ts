/**
 * macOS matching in the end-of-life data (endoflife.date product `macos`). Cycles are the major
 * version from macOS 11 on ("14"), and "10.x" before. Apple announces no end dates: the data marks a
 * release ended once Apple stops shipping its security updates, so `eol: false` reads as supported.
 */
import type { OsFacts } from '../../../shared/facts';
import { supportFromRelease, unknownSupport, type EolData } from './eol';
import type { SupportInfo } from './support';

/** The endoflife.date cycle of a macOS version ("14.6.1" → "14", "10.15.7" → "10.15"); null when unreadable. */
export function macosCycle(version: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!m?.[1]) return null;
  const major = Number(m[1]);
  if (major === 10) return m[2] !== undefined ? `10.${m[2]}` : null;
  return major >= 11 ? String(major) : null;
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareDotted(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Support status of a macOS release at `now`. */
export function lookupMacos(os: OsFacts, now: Date, data: EolData): SupportInfo {
  const cycle = macosCycle(os.version);
  const release = cycle ? data.products['macos']?.releases.find((r) => r.releaseCycle === cycle) : undefined;
  if (!release) return unknownSupport('macos');
  // Apple's security fixes reach a supported macOS through Software Update: nothing to enrol in.
  // Label: the exact version ("14.6.1"), which reads well after the OS name ("macOS Sonoma 14.6.1").
  return { ...supportFromRelease('macos', release, now, true), label: os.version.trim() || null };
}
