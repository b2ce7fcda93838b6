import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../src-main/k30/protocol';

describe('describeError (text for logs)', () => {
  it('gives an Error its message, or its stack when asked', () => {
    const error = new TypeError('boom');
    expect(describeError(error)).toBe('boom');
    expect(describeError(error, { stack: true })).toContain('TypeError: boom');
    expect(describeError(error, { stack: true })).toContain('describe-error.test');
  });

  it('turns anything else thrown into text, never throwing itself', () => {
    expect(describeError('plain')).toBe('plain');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError(null)).toBe('null');
    expect(describeError(42)).toBe('42');
    expect(describeError(Object.create(null))).toBe('[object Object]');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeError(hostile)).toBe('[object Object]');
  });
});
