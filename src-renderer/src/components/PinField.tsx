import type { KeyboardEventHandler } from 'react';
import { LIMITS } from '../../../src-preload/contract';
import { TextField } from './TextField';

/** As long as main takes a PIN to check (the contract's `pin: max(16)`): a longer one is cut here, not refused there. */
const ENTERED_PIN_MAX = 16;

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * 'enter' (the default): a PIN that exists, for main to check. 'new': a PIN being chosen, at most
   * the digits a PIN may have, marked as a new password so it is never filled in.
   */
  purpose?: 'enter' | 'new';
  /** Shown under the field and announced with it (aria-invalid, aria-describedby). */
  error?: string;
  autoFocus?: boolean;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
}

/** A PIN: masked, the number keypad on touch screens, never remembered. Every PIN input is this one. */
export function PinField({ purpose = 'enter', ...field }: Props) {
  return (
    <TextField
      {...field}
      type="password"
      inputMode="numeric"
      autoComplete={purpose === 'new' ? 'new-password' : 'off'}
      maxLength={purpose === 'new' ? LIMITS.pinDigits.max : ENTERED_PIN_MAX}
    />
  );
}
