import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldError } from '../register/draft';
import { useT } from '../i18n';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: FieldError | string;
  optional?: boolean;
}

/** A labelled input with its hint and its error (announced through aria-describedby). */
export function TextField({ id, label, value, onChange, hint, error, optional, className, ...rest }: Props) {
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const errorText = typeof error === 'string' ? error : error ? t(error.key, error.params) : undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional">{t('common.optional')}</span>}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        {...rest}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errorText && (
        <p id={errorId} className="field-error">
          {errorText}
        </p>
      )}
    </div>
  );
}
