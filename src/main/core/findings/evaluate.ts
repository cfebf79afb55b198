/**
 * Findings: pure functions from facts to voyants. No I/O here, so every rule is tested
 * on plain objects. Thresholds come from the seeds (see THRESHOLDS).
 *
 * Each finding is a FindingSpec: a stable id, a state, an i18n key under `findings:` whose
 * `.title`, `.detail` and `.action` texts are interpolated with `params`, and the fix kind.
 */
import type { CoreFindingId, FindingState, FixKind, MessageParams } from '../../../shared/checkup';
import type { FactSection, MachineFacts, Platform } from '../../../shared/facts';
import type { ProbeFailure } from '../checkup/probe';
import { rules } from './rules';
import { reconcileFindings } from './consistency';

/** A finding before its texts are written in a language. */
export interface FindingSpec {
  readonly id: CoreFindingId | string;
  readonly state: FindingState;
  /** i18n key under `findings:` (e.g. "autoUpdates.off"). */
  readonly key: string;
  readonly params: MessageParams;
  readonly fix: FixKind;
  /** For unknown findings: the technical reason. */
  readonly reason?: string;
}

/** What evaluation gets. */
export interface EvaluateInput {
  readonly facts: MachineFacts;
  readonly failures: Partial<Record<FactSection, ProbeFailure>>;
  readonly now: Date;
  readonly platform: Platform;
}

/** Thresholds from the seeds. */
export const THRESHOLDS = {
  /** No update installed for more than 30 days: attention. */
  lastUpdateAttentionDays: 30,
  /** More than 90 days ("un correctif disponible depuis plus de 3 mois"): danger. */
  lastUpdateDangerDays: 90,
  /** Antivirus signatures older than 7 days: danger (Bimedia would not restart a till without them). */
  signatureDangerDays: 7,
} as const;

/** The findings of one checkup, in the stable order of the dashboard. */
export type Evaluator = (input: EvaluateInput) => FindingSpec;

/** An `unknown` finding for a section whose probe failed or returned nothing. */
export function unknownFinding(id: string, failure: ProbeFailure | undefined, fallbackKind = 'failed'): FindingSpec {
  const kind = failure?.kind ?? fallbackKind;
  return {
    id,
    state: 'unknown',
    key: `unknown.${kindKey(kind)}`,
    params: { what: id, reason: failure?.message ?? 'aucune donnée lue' },
    fix: 'contact-provider',
    reason: failure ? `${failure.probeId}: ${failure.message}` : 'aucune donnée',
  };
}

function kindKey(kind: string): string {
  switch (kind) {
    case 'not-found':
      return 'notFound';
    case 'timeout':
      return 'timeout';
    case 'permission-denied':
      return 'permission';
    case 'not-captured':
      return 'notCaptured';
    default:
      return 'failed';
  }
}

/** Whole days between an ISO date and now (floored); null when the date does not parse. */
export function daysSince(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.floor((now.getTime() - t) / 86_400_000);
}


/** Turns facts into the findings of the dashboard, one per core id, in order. */
export function evaluateFindings(input: EvaluateInput): FindingSpec[] {
  return reconcileFindings(evaluateAll(input));
}

function evaluateAll(input: EvaluateInput): FindingSpec[] {
  return rules.map(({ id, sections, evaluate }) => {
    const failure = sections.map((s) => input.failures[s]).find(Boolean);
    const missing = sections.some((s) => input.facts[s] === undefined);
    if (missing) return unknownFinding(id, failure);
    try {
      return evaluate(input);
    } catch (error) {
      // A rule that cannot judge (e.g. the bundled end-of-life data is missing) says so; the rest goes on.
      return unknownFinding(id, { probeId: id, status: 'failed', message: (error as Error).message, kind: 'failed' });
    }
  });
}
