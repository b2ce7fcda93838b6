import type { InputHTMLAttributes, ReactNode } from 'react';
import type { MessageRef } from '../i18n/translate';
import { useT } from '../i18n';
import { describedBy, Field } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: MessageRef | string;
  optional?: boolean;
}

/** A labelled input with its hint and its error (announced through aria-describedby). */
export function TextField({ id, label, value, onChange, hint, error, optional, className, ...rest }: TextFieldProps) {
  const t = useT();
  const errorText = typeof error === 'string' ? error : error ? t(error.key, error.params) : undefined;
  return (
    <Field id={id} label={label} optional={optional} hint={hint} error={errorText} className={className}>
      <input
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy(id, { hint, error: errorText })}
        {...rest}
      />
    </Field>
  );
}
