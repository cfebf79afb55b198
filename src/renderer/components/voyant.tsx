/** A voyant with its words: the icon's shape and the label say the state, not the colour alone. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingState } from '../../shared/checkup';
import { VoyantIcon } from './icons';

/** States a voyant can show; `pending` is « pas encore vérifié ». */
export type VoyantState = FindingState | 'pending';

/** The voyant badge. */
export function Voyant({ state, label }: { readonly state: VoyantState; readonly label?: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <span className={`voyant voyant--${state}`}>
      <VoyantIcon state={state} />
      <span className="voyant__label">{label ?? t(`state.${state}`)}</span>
    </span>
  );
}

/** « 2 points à corriger vite », « 1 point à surveiller »…: the checkup's counts, worst first, zeros left out. */
export function VoyantCounts({ summary }: { readonly summary: Readonly<Record<FindingState, number>> }) {
  const { t } = useTranslation('ui');
  return (
    <ul className="counts">
      {(['danger', 'attention', 'unknown', 'ok'] as const)
        .filter((state) => summary[state] > 0)
        .map((state) => (
          <li key={state}>
            <Voyant state={state} label={t(`counts.${state}`, { count: summary[state] })} />
          </li>
        ))}
    </ul>
  );
}

const rank: Record<VoyantState, number> = { ok: 0, pending: 1, unknown: 2, attention: 3, danger: 4 };

/** The worst of several states; never ok when one of them is unknown or when there are none. */
export function worstState(states: readonly FindingState[]): FindingState {
  if (states.length === 0) return 'unknown';
  return states.reduce<FindingState>((worst, s) => (rank[s] > rank[worst] ? s : worst), 'ok');
}
