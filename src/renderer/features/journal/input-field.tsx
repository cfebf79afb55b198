/** Labelled native fields of the follow-up screens (text, date, long text, choice), with an optional help line. */
import type { ReactNode } from 'react';

interface Base {
  readonly id: string;
  readonly label: string;
  readonly help?: string;
}

function Frame({ id, label, help, children }: Base & { readonly children: ReactNode }) {
  return (
    <div className="journal-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help && (
        <span id={`${id}-help`} className="hint">
          {help}
        </span>
      )}
    </div>
  );
}

/** A one-line text or a date (YYYY-MM-DD). */
export function InputField(
  props: Base & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly type?: 'text' | 'date';
    readonly maxLength?: number;
    readonly autoComplete?: string;
    readonly multiline?: boolean;
  },
) {
  const common = {
    id: props.id,
    value: props.value,
    maxLength: props.type === 'date' ? undefined : (props.maxLength ?? 200),
    'aria-describedby': props.help ? `${props.id}-help` : undefined,
  };
  return (
    <Frame {...props}>
      {props.multiline ? (
        <textarea {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Frame>
  );
}

/** A choice among a few options. */
export function SelectField<T extends string>(
  props: Base & {
    readonly value: T;
    readonly onChange: (value: T) => void;
    readonly options: readonly { value: T; label: string }[];
  },
) {
  return (
    <Frame {...props}>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
