import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src-preload/contract';
import { pinInputProps } from '../../../src-renderer/src/components/pin-input';

describe('pinInputProps', () => {
  it('masks an entered PIN, asks for the number pad, never remembers it, and takes as much as main checks', () => {
    expect(pinInputProps('enter')).toEqual({ type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: LIMITS.enteredPin });
    expect(LIMITS.enteredPin).toBe(16);
  });

  it('marks a PIN being chosen as a new password, and keeps it to the digits a PIN may have', () => {
    expect(pinInputProps('new')).toEqual({ type: 'password', inputMode: 'numeric', autoComplete: 'new-password', maxLength: LIMITS.pinDigits.max });
  });
});
