/** The macos probes. */
import type { Probe } from '../../checkup/probe';

export const macosProbes: readonly Probe[] = [];
