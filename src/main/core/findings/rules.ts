/**
 * The rules: one per core finding id, each a pure function of the facts.
 * PLACEHOLDER until the checkup-core work fills them in (issue 2).
 */
import type { FactSection } from '../../../shared/facts';
import type { CoreFindingId } from '../../../shared/checkup';
import type { Evaluator } from './evaluate';

/** A rule: the finding id, the fact sections it needs, and its evaluator. */
export interface Rule {
  readonly id: CoreFindingId;
  readonly sections: readonly FactSection[];
  readonly evaluate: Evaluator;
}

export const rules: readonly Rule[] = [];
