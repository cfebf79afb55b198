/**
 * A dashboard warning light, lit in its state's colour AND shape, so colour is never the only cue:
 * ok = round with a tick, attention = triangle with « ! », danger = octagon with a cross,
 * unknown / not yet checked = grey dashed circle with « ? ». Decorative: the button's words say it.
 */
import type { VoyantState } from '../../components/voyant';

const base = { 'aria-hidden': true, focusable: false, viewBox: '0 0 48 48' } as const;

/** The lit shape of one state. */
export function LightShape({
  state,
  className,
}: {
  readonly state: VoyantState;
  readonly className?: string;
}) {
  const cls = `light-shape light-shape--${state} ${className ?? ''}`;
  switch (state) {
    case 'ok':
      return (
        <svg {...base} className={cls}>
          <circle cx="24" cy="24" r="21" fill="currentColor" />
          <path
            d="M14 24.5l7 7 13-15"
            fill="none"
            stroke="#fff"
            strokeWidth="5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'attention':
      return (
        <svg {...base} className={cls}>
          <path
            d="M24 3.5L45.5 42.5H2.5Z"
            fill="currentColor"
            stroke="currentColor"
            strokeWidth="3"
            strokeLinejoin="round"
          />
          <path d="M24 17v13M24 36.5v.5" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
        </svg>
      );
    case 'danger':
      return (
        <svg {...base} className={cls}>
          <path d="M15.3 3h17.4L45 15.3v17.4L32.7 45H15.3L3 32.7V15.3Z" fill="currentColor" />
          <path d="M16 16l16 16M32 16L16 32" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
        </svg>
      );
    default:
      return (
        <svg {...base} className={cls}>
          <circle
            cx="24"
            cy="24"
            r="20"
            fill="#fff"
            stroke="currentColor"
            strokeWidth="4"
            strokeDasharray="7 5"
          />
          <path
            d="M18.5 19a5.5 5.5 0 1 1 7.7 5c-1.4.7-2.2 1.8-2.2 3.4v.8M24 34.5v.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="4"
            strokeLinecap="round"
          />
        </svg>
      );
  }
}
