/** The windows probes. */
import type { Probe } from '../../checkup/probe';

export const windowsProbes: readonly Probe[] = [];
