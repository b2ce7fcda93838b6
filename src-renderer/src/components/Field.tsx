import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface Props {
  /** The control's id: its label points at it; its hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: string;
  error?: string;
  className?: string;
  /** The control itself (described with `describedBy`). */
  children: ReactNode;
}

/** A form field's frame: its label, the control, its hint and its error. */
export function Field({ id, label, optional, hint, error, className, children }: Props) {
  const t = useT();
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional">{t('common.optional')}</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The control's aria-describedby within a Field: its error first, then `more`, then its hint. */
export function describedBy(id: string, { hint, error }: { hint?: string; error?: string }, ...more: string[]): string | undefined {
  return [error ? `${id}-error` : '', ...more, hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}
