import { LIMITS } from '../../../src-preload/contract';

/** As long as main takes a PIN to check (the contract's `pin: max(16)`): a longer one is cut here, not refused there. */
export const ENTERED_PIN_MAX = 16;

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
    maxLength: purpose === 'new' ? LIMITS.pinDigits.max : ENTERED_PIN_MAX,
  } as const;
}
