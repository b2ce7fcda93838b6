import { LIMITS } from '../../../src-preload/contract-rules';

/**
 * 'enter': a PIN that exists, for main to check. 'new': a PIN being chosen, at most the digits a
 * PIN may have, marked as a new password so it is never filled in.
 */
export type PinPurpose = 'enter' | 'new';

/** A PIN input's attributes: masked, the number keypad on touch screens, never remembered. */
export function pinInputProps(purpose: PinPurpose) {
  return {
    type: 'password',
    inputMode: 'numeric',
    autoComplete: purpose === 'new' ? 'new-password' : 'off',
    // As long as main takes a PIN to check: a longer one is cut here, not refused there.
    maxLength: purpose === 'new' ? LIMITS.pinDigits.max : LIMITS.enteredPin,
  } as const;
}
