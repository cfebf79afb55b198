/** The app's own inline SVG icons (truck metaphor: voyants, flotte, carnet). Decorative: hidden from assistive tech. */
import type { FindingState } from '../../shared/checkup';

interface IconProps {
  readonly className?: string;
}

const base = { 'aria-hidden': true, focusable: false, viewBox: '0 0 24 24', width: 24, height: 24 } as const;

/** A small truck: the app's mark. */
export function TruckIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className} viewBox="0 0 48 32" width={48} height={32}>
      <rect x="2" y="6" width="26" height="16" rx="2" fill="currentColor" />
      <path d="M30 11h8l6 6v5H30z" fill="currentColor" opacity="0.8" />
      <rect x="33" y="13" width="5" height="4" rx="1" fill="#fff" />
      <circle cx="11" cy="25" r="4" fill="#fff" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="37" cy="25" r="4" fill="#fff" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

/** A dashboard warning light, shaped per state so colour is never the only cue. */
export function VoyantIcon({ state, className }: IconProps & { readonly state: FindingState | 'pending' }) {
  return (
    <svg {...base} className={`voyant-icon voyant-icon--${state} ${className ?? ''}`}>
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      {state === 'ok' && <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />}
      {state === 'attention' && <path d="M12 6v7M12 16.5v.5" stroke="#fff" strokeWidth="2.8" strokeLinecap="round" />}
      {state === 'danger' && <path d="M7.5 7.5l9 9M16.5 7.5l-9 9" stroke="#fff" strokeWidth="2.8" strokeLinecap="round" />}
      {state === 'unknown' && (
        <path d="M9.2 9.3a2.9 2.9 0 1 1 4 2.7c-.8.4-1.2 1-1.2 1.9v.4M12 17.3v.3" fill="none" stroke="#fff" strokeWidth="2.3" strokeLinecap="round" />
      )}
      {state === 'pending' && <circle cx="12" cy="12" r="4" fill="#fff" />}
    </svg>
  );
}

/** Several vehicles: the fleet of devices. */
export function FleetIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <rect x="2" y="4" width="9" height="13" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="13" y="8" width="9" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M5.5 14h2M16.5 17h2" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The maintenance logbook. */
export function CarnetIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M5 3h12a2 2 0 0 1 2 2v16H7a2 2 0 0 1-2-2z" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M9 8h6M9 12h6M9 16h3" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** A dial: the contrôle technique. */
export function GaugeIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M3 17a9 9 0 1 1 18 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M12 17l4-6" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="12" cy="17" r="1.8" fill="currentColor" />
    </svg>
  );
}

/** A flag at the finish: missions. */
export function FlagIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M5 21V4M5 4h11l-2 4 2 4H5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

/** A list: the inventory. */
export function ListIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M9 6h11M9 12h11M9 18h11" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <circle cx="4.5" cy="6" r="1.5" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1.5" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1.5" fill="currentColor" />
    </svg>
  );
}

/** A spanner: settings. */
export function SpannerIcon({ className }: IconProps) {
  return (
    <svg {...base} className={className}>
      <path d="M14.5 3.5a5 5 0 0 0-4.8 6.6L3.5 16.3a1.8 1.8 0 0 0 2.5 2.5l6.2-6.2a5 5 0 0 0 6.6-4.8l-3 1.2-2-2 1.2-3z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}
