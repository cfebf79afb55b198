/** « C'est fait »: a checkbox that records the date in the workspace (and shows it). */
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../hooks';

interface TickProps {
  readonly at: string | null | undefined;
  readonly onChange: (done: boolean) => void;
  readonly label?: string;
  /** Names what is ticked, for screen readers when several ticks are on screen. */
  readonly ariaLabel?: string;
}

/** The tick box. */
export function Tick({ at, onChange, label, ariaLabel }: TickProps) {
  const { t } = useTranslation('ui');
  const formatDate = useFormatDate();
  return (
    <Checkbox className="tick" isSelected={Boolean(at)} onChange={onChange} aria-label={ariaLabel}>
      {({ isSelected }) => (
        <>
          <span className="tick__box" aria-hidden="true">
            {isSelected && (
              <svg viewBox="0 0 18 18" width="18" height="18" focusable="false">
                <path d="M3.5 9.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
              </svg>
            )}
          </span>
          <span className="tick__label">
            {label ?? t('tick.done')}
            {at && <span className="tick__date"> — {t('tick.doneOn', { date: formatDate(at) })}</span>}
          </span>
        </>
      )}
    </Checkbox>
  );
}
