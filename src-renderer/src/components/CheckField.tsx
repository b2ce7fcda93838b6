import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Said under the box (as `${id}-hint`, which describes it); `warn` shows it as a warning. */
  hint?: { text: string; warn?: boolean };
}

/** A labelled checkbox, with its hint when it has one. */
export function CheckField({ id, label, checked, onChange, disabled, hint }: Props) {
  const hintId = `${id}-hint`;
  return (
    <>
      <label className="check-field" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint && (
        <p id={hintId} className={hint.warn ? 'alert alert-warning' : 'field-hint'}>
          {hint.text}
        </p>
      )}
    </>
  );
}
