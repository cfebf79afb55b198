/** The app's one progress bar (react-aria ProgressBar): a label, « n sur m », and the track. */
import { Label, ProgressBar } from 'react-aria-components';

/** Props of ProgressMeter. */
export interface ProgressMeterProps {
  readonly value: number;
  readonly maxValue: number;
  /** The visible label (also the accessible name). */
  readonly label: string;
  /** The value as words (« 3 sur 8 »). */
  readonly valueLabel: string;
}

/** A labelled progress bar, used by the checkup and by the missions. */
export function ProgressMeter({ value, maxValue, label, valueLabel }: ProgressMeterProps) {
  return (
    <ProgressBar className="progress" value={value} maxValue={Math.max(1, maxValue)} valueLabel={valueLabel}>
      {({ percentage, valueText }) => (
        <>
          <Label className="progress__label">{label}</Label>
          <span className="progress__value">{valueText}</span>
          <div className="progress__track">
            <div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
