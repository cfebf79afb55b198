/**
 * A probe collects one area of facts (antivirus, pending updates…) through the Host.
 * Probes never judge: findings do. Each runs with its own timeout, concurrently with the others.
 */
import type { FactSection, MachineFacts, Platform } from '../../../shared/facts';
import type { Host } from '../exec/host';

/** What a probe gets to work with. */
export interface ProbeContext {
  readonly host: Host;
  readonly platform: Platform;
  /** Aborted when the probe's timeout expires: pass it to every Host call. */
  readonly signal: AbortSignal;
  /** "Now" for date arithmetic (fixed in replays and tests). */
  readonly now: Date;
  /** Facts already known from probes this one depends on (`after`). */
  readonly facts: Readonly<MachineFacts>;
  /**
   * Marks one of the probe's sections as failed while the others succeed (a shared script whose
   * antivirus part failed): that section becomes `unknown` with this reason. Optional for callers
   * that build a context by hand; runCheckup always provides it.
   */
  readonly reportSectionFailure?: (section: FactSection, message: string, kind?: string) => void;
}

/** One probe. */
export interface Probe {
  readonly id: string;
  /** i18n key under `probes:` for the progress label (« Je vérifie l'antivirus… »). */
  readonly labelKey: string;
  /** The facts sections this probe fills; on failure they become `unknown` findings. */
  readonly sections: readonly FactSection[];
  readonly timeoutMs: number;
  /** Probes whose facts this one needs first (e.g. the OS identity). */
  readonly after?: readonly string[];
  run(ctx: ProbeContext): Promise<Partial<MachineFacts>>;
}

/** A probe that could not finish, per facts section. */
export interface ProbeFailure {
  readonly probeId: string;
  readonly status: 'failed' | 'timeout';
  /** Technical reason, for the prestataire (French). */
  readonly message: string;
  /** RunError kind when the failure came from the Host. */
  readonly kind?: string;
}
