import type { SelectHTMLAttributes } from 'react';
import { describedBy, Field } from './Field';

interface Props<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
  error?: string;
}

export function SelectField<V extends string>({ id, label, value, options, onChange, hint, error, ...rest }: Props<V>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
