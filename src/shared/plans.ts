/**
 * Changes to the machine as typed plans (issue 4). A plan is data: operations a person can read
 * (in French and English) and the elevated side can validate. Nothing typed by the owner ever
 * becomes part of a command.
 */
import { z } from 'zod';
import type { Finding } from './checkup';
import { schedules } from './workspace';

const params = z.record(z.string(), z.union([z.string(), z.number()]));

/** One plain-language line: an i18n key under `plans:` and its parameters. */
export const planLineSchema = z.object({ key: z.string(), params: params.default({}) });
export type PlanLine = z.infer<typeof planLineSchema>;

/** The plan as shown to the owner and the prestataire. Operations stay typed in the core. */
export const planViewSchema = z.object({
  id: z.string(),
  /** The plan's SHA-256 fingerprint: `autoUpdates:apply` must carry it, and the core refuses any other. */
  sha256: z.string(),
  kind: z.literal('auto-updates'),
  platform: z.enum(['linux', 'win32', 'darwin']),
  schedule: z.enum(schedules),
  createdAt: z.string(),
  /** What will change, in plain words (keys + params; texts filled in the requested language). */
  changes: z.array(planLineSchema.extend({ text: z.string() })),
  /** What will not change, and why. */
  notChanged: z.array(planLineSchema.extend({ text: z.string() })),
  /** The technical view for the prestataire: one line per operation. */
  technical: z.array(z.string()),
  requiresAdmin: z.boolean(),
  /** Nothing to do: everything is already as the plan wants it, or the machine is managed. */
  empty: z.boolean(),
  /** Windows Home and similar: the app guides instead of changing (steps as keys + texts). */
  guide: z.array(planLineSchema.extend({ text: z.string() })).default([]),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const operationStatuses = ['done', 'already', 'failed', 'skipped', 'rolled-back'] as const;
export type OperationStatus = (typeof operationStatuses)[number];

/** The outcome of applying or undoing a plan. */
export interface ApplyResult {
  readonly planId: string;
  readonly outcome: 'applied' | 'nothing-to-do' | 'cancelled' | 'rolled-back' | 'failed' | 'refused' | 'undone';
  /** A plain-French (or English) sentence for the owner. */
  readonly message: string;
  readonly operations: readonly { index: number; description: string; status: OperationStatus; message?: string }[];
  /** The findings re-checked after the change (auto-updates and friends). */
  readonly verification: readonly Finding[];
  /** The id of the undo record in the workspace, when something changed. */
  readonly changeId?: string;
}
