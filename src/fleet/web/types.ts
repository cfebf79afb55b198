/** What the fleet API answers (the server's MachineRow, ProofLine and pages, as JSON). */
import type { MachineRow, ProofLine } from '../view-types';

export type { ProofLine };

/** A machine of the list (the server's row, as JSON). */
export type Machine = MachineRow;

/** A page of the machine list. */
export interface FleetPage {
  readonly total: number;
  readonly machines: readonly Machine[];
  readonly sites: readonly string[];
  readonly now: number;
}

/** The proof view. */
export interface ProofPage {
  readonly proven: readonly ProofLine[];
  readonly notProven: readonly ProofLine[];
}
