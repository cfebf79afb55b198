/**
 * A dashboard warning light, lit in its state's colour AND shape, so colour is never the only cue:
 * ok = round with a tick, attention = triangle with « ! », danger = octagon with a cross,
 * unknown / not yet checked = grey dashed circle with « ? ». Decorative: the button's words say it.
 */
import type { ReactNode } from 'react';
import type { FindingState } from '../../../shared/checkup';
import type { VoyantState } from '../../components/voyant';

const base = { 'aria-hidden': true, focusable: false, viewBox: '0 0 48 48' } as const;

/** The light's outline: what tells the state without colour. */
const outlines: Record<FindingState, ReactNode> = {
  ok: <circle cx="24" cy="24" r="21" fill="currentColor" />,
  attention: (
    <path
      d="M24 3.5L45.5 42.5H2.5Z"
      fill="currentColor"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinejoin="round"
    />
  ),
  danger: <path d="M15.3 3h17.4L45 15.3v17.4L32.7 45H15.3L3 32.7V15.3Z" fill="currentColor" />,
  unknown: (
    <circle cx="24" cy="24" r="20" fill="#fff" stroke="currentColor" strokeWidth="4" strokeDasharray="7 5" />
  ),
};

/** The sign inside: ✓, !, ✕, ?. */
const marks: Record<FindingState, string> = {
  ok: 'M14 24.5l7 7 13-15',
  attention: 'M24 17v13M24 36.5v.5',
  danger: 'M16 16l16 16M32 16L16 32',
  unknown: 'M18.5 19a5.5 5.5 0 1 1 7.7 5c-1.4.7-2.2 1.8-2.2 3.4v.8M24 34.5v.5',
};

/** The lit shape of one state (not yet checked is drawn like unknown: never lit green). */
export function LightShape({
  state,
  className,
}: {
  readonly state: VoyantState;
  readonly className?: string;
}) {
  const shape: FindingState = state === 'pending' ? 'unknown' : state;
  return (
    <svg {...base} className={`light-shape light-shape--${state} ${className ?? ''}`}>
      {outlines[shape]}
      <path
        d={marks[shape]}
        fill="none"
        stroke={shape === 'unknown' ? 'currentColor' : '#fff'}
        strokeWidth={shape === 'unknown' ? 4 : 5}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
