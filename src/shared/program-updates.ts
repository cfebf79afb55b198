/**
 * Updating programs (issue 12): « Mettre à jour », « Tout mettre à jour » and « mettre à jour
 * puis tester ». A plan names the programs and what will run; its result says, per program, what
 * happened in plain words and what the fresh check after it saw.
 */
import { z } from 'zod';
import type { ProgramStatus } from './programs';

/** What happened to one program. `needs-admin` / `needs-close`: nothing changed, the owner can act. */
export const programUpdateOutcomes = [
  'done',
  'needs-admin',
  'needs-close',
  'failed',
  'not-needed',
  'cancelled',
] as const;
export type ProgramUpdateOutcome = (typeof programUpdateOutcomes)[number];

/** Arguments of `programUpdates:plan`: the programs (ids of the latest checkup), or all of them. */
export const programUpdatePlanArgsSchema = z
  .object({
    programIds: z.array(z.string().min(1).max(300)).max(500).optional(),
    all: z.boolean().optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

/** One program of a plan. */
export interface ProgramUpdateItem {
  readonly programId: string;
  readonly name: string;
  readonly from: string | null;
  readonly to: string | null;
  /** Critical business software: updated only on its own, then tested (« mettre à jour puis tester »). */
  readonly critical: boolean;
}

/** The plan shown before anything runs. */
export interface ProgramUpdatePlanView {
  readonly id: string;
  readonly sha256: string;
  readonly platform: 'linux' | 'win32' | 'darwin';
  readonly programs: readonly ProgramUpdateItem[];
  /** Critical programs left out of « Tout mettre à jour » (update them one by one, then test). */
  readonly leftOut: readonly ProgramUpdateItem[];
  /** Programs that cannot be updated by the app, and why (plain words). */
  readonly notHandled: readonly { name: string; reason: string }[];
  /** What will happen, in plain words. */
  readonly lines: readonly string[];
  /** The exact commands, for the prestataire. */
  readonly technical: readonly string[];
  readonly requiresAdmin: boolean;
  readonly empty: boolean;
  /** Always said: an update cannot be undone from the app. */
  readonly noUndo: string;
}

/** What happened to one program, with the fresh check's voyant. */
export interface ProgramUpdateResultItem extends ProgramUpdateItem {
  readonly outcome: ProgramUpdateOutcome;
  readonly message: string;
  /** The voyant the fresh check gives (null: the check could not run). */
  readonly statusAfter: ProgramStatus | null;
  readonly versionAfter: string | null;
  /** For critical software that changed: the register entry to test now (`software:test`). */
  readonly testSoftwareId?: string;
}

/** The result of `programUpdates:apply`. */
export interface ProgramUpdateResult {
  readonly planId: string;
  readonly message: string;
  readonly results: readonly ProgramUpdateResultItem[];
}
