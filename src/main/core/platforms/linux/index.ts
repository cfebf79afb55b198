/** The linux probes. */
import type { Probe } from '../../checkup/probe';

export const linuxProbes: readonly Probe[] = [];
