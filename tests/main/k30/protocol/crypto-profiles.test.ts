/** The crypto profiles: each one round-trips, and the default matches the vendor's example. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CRYPTO_PROFILES, decryptData, encryptData, urlEncodeLower } from '../../../../src-main/k30/protocol/crypto-profiles';

describe('crypto profiles', () => {
  it('every profile has a unique stable name', () => {
    const names = CRYPTO_PROFILES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('aes-cbc');
  });

  it('escapes URL characters in lower case and decodes either case', () => {
    expect(urlEncodeLower('a+b/c=')).toBe('a%2bb%2fc%3d');
    const profile = CRYPTO_PROFILES[0];
    const secrets = { aesKey: 'k', aesIv: 'i' };
    const sealed = encryptData('{"x":"一"}', profile, secrets);
    expect(
      decryptData(
        sealed.replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase()),
        profile,
        secrets,
      ),
    ).toBe('{"x":"一"}');
  });

  it('all profiles round-trip any text with any key and IV (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CRYPTO_PROFILES),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (profile, text, aesKey, aesIv) => {
          const secrets = { aesKey, aesIv };
          expect(decryptData(encryptData(text, profile, secrets), profile, secrets)).toBe(text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a different profile does not read the ciphertext back', () => {
    const secrets = { aesKey: 'company-code-123', aesIv: 'iv-value-0000000' };
    const [cbc, , , , , , , , ecb] = CRYPTO_PROFILES;
    const sealed = encryptData('{"pageindex":1,"pagesize":1}', cbc, secrets);
    let read: string | undefined;
    try {
      read = decryptData(sealed, ecb, secrets);
    } catch {
      read = undefined;
    }
    expect(read).not.toBe('{"pageindex":1,"pagesize":1}');
  });
});
