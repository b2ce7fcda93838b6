import { describe, expect, it } from 'vitest';
import { newVisitCode, normaliseVisitCode, VISIT_CODE_ALPHABET } from '../../../../src-main/services/visits/visit-code';

describe('visit code', () => {
  it('is 8 Crockford base32 characters without I, L, O or U', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVisitCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(VISIT_CODE_ALPHABET).toHaveLength(32);
  });

  it('uses all 40 random bits (all-zero and all-one bytes map to the ends of the alphabet)', () => {
    expect(newVisitCode(undefined, (n) => Buffer.alloc(n, 0))).toBe('00000000');
    expect(newVisitCode(undefined, (n) => Buffer.alloc(n, 0xff))).toBe('ZZZZZZZZ');
  });

  it('draws again when a code is in use by an active visit', () => {
    let calls = 0;
    const code = newVisitCode(
      (c) => c === '00000000',
      (n) => Buffer.alloc(n, calls++ === 0 ? 0 : 0xff),
    );
    expect(code).toBe('ZZZZZZZZ');
  });

  it('reads what a visitor types: case, spaces, hyphens, O as 0, I and L as 1; refuses the rest', () => {
    expect(normaliseVisitCode(' ab1c-d2ef ')).toBe('AB1CD2EF');
    expect(normaliseVisitCode('oOiIlL23')).toBe('00111123');
    expect(normaliseVisitCode('ABCDEFGU')).toBeUndefined();
    expect(normaliseVisitCode('ABCDEFG')).toBeUndefined();
    expect(normaliseVisitCode('13812345678')).toBeUndefined();
    expect(normaliseVisitCode('')).toBeUndefined();
  });
});
