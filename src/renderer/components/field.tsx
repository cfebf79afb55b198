/** Labelled text fields built on react-aria-components (label, input, description, error). */
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly description?: string;
  readonly type?: 'text' | 'email' | 'search' | 'tel';
  readonly isRequired?: boolean;
  readonly autoFocus?: boolean;
  readonly name?: string;
  readonly errorMessage?: string;
  readonly isInvalid?: boolean;
}

/** A one-line text field. */
export function Field({ label, value, onChange, description, type = 'text', isRequired, autoFocus, name, errorMessage, isInvalid }: FieldProps) {
  return (
    <TextField className="field" value={value} onChange={onChange} type={type} isRequired={isRequired} autoFocus={autoFocus} name={name} isInvalid={isInvalid} validationBehavior="aria">
      <Label className="field__label">{label}</Label>
      <Input className="field__input" dir="auto" />
      {description && <Text slot="description" className="field__description">{description}</Text>}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </TextField>
  );
}

/** A read-only multi-line text (the prepared message). */
export function ReadOnlyArea({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <TextField className="field" value={value} isReadOnly>
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input field__area" rows={8} dir="auto" />
    </TextField>
  );
}
