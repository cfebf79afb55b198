/** What the fleet API answers (the server's MachineRow, ProofLine and pages, as JSON). */
import type { FindingState } from '../../shared/checkup';

/** A machine of the list. */
export interface Machine {
  readonly id: string;
  readonly site: string;
  readonly siteContact: string | null;
  readonly hostname: string | null;
  readonly osName: string | null;
  readonly lastReportAt: number | null;
  readonly states: Readonly<Record<string, FindingState>>;
}

/** A page of the machine list. */
export interface FleetPage {
  readonly total: number;
  readonly machines: readonly Machine[];
  readonly sites: readonly string[];
  readonly now: number;
}

/** A line of the proof lists. */
export interface ProofLine {
  readonly id: string;
  readonly site: string;
  readonly siteContact: string | null;
  readonly hostname: string | null;
  readonly lastReportAt: number | null;
  readonly antivirus: string | null;
  readonly signatureAt: number | null;
  readonly reason: string | null;
}

/** The proof view. */
export interface ProofPage {
  readonly proven: readonly ProofLine[];
  readonly notProven: readonly ProofLine[];
}
