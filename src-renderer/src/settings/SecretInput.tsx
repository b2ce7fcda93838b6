import type { InputHTMLAttributes } from 'react';

/** A write-only secret's input: masked, never filled in by the browser, not spell-checked. */
export function SecretInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'spellCheck'>) {
  return <input className="input" type="password" autoComplete="new-password" spellCheck={false} {...props} />;
}

/** What a write-only secret's status says: cleared on save, set, or not set (never its value). */
export function secretStatusKey(isSet: boolean, clear: boolean) {
  return clear ? 'settings.secretWillClear' : isSet ? 'settings.secretSet' : 'settings.secretNotSet';
}
