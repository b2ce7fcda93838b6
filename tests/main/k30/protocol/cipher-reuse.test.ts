import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptData, encryptData, requireProfile } from '../../../../src-main/k30/protocol';

describe('derived AES key and IV are reused, never stale', () => {
  it('a changed key, IV or profile on the same secrets object is derived afresh', () => {
    const secrets = { aesKey: 'first-key-16byte', aesIv: 'first-iv-16bytes' };
    const cbc = requireProfile('aes-cbc');
    const first = encryptData('{"a":1}', cbc, secrets);
    expect(encryptData('{"a":1}', cbc, secrets)).toBe(first);

    secrets.aesKey = 'other-key-16byte';
    const second = encryptData('{"a":1}', cbc, secrets);
    expect(second).not.toBe(first);
    expect(decryptData(second, cbc, { aesKey: 'other-key-16byte', aesIv: 'first-iv-16bytes' })).toBe('{"a":1}');

    secrets.aesIv = 'other-iv-16bytes';
    expect(decryptData(encryptData('{"a":1}', cbc, secrets), cbc, { aesKey: 'other-key-16byte', aesIv: 'other-iv-16bytes' })).toBe('{"a":1}');

    const ecb = requireProfile('aes-ecb');
    expect(decryptData(encryptData('{"a":1}', ecb, secrets), ecb, { ...secrets })).toBe('{"a":1}');
    expect(() => decryptData(encryptData('{"a":1}', ecb, secrets), cbc, { ...secrets })).toThrow();
  });

  it('escapes Base64 as the vendor does: + / = in lower-case escapes', () => {
    const text = encryptData('x'.repeat(100), requireProfile('aes-cbc'), { aesKey: 'k', aesIv: 'i' });
    expect(text).not.toMatch(/[+/=]|%[0-9A-F]{2}/);
    expect(decodeURIComponent(text)).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('the kept block decipher decrypts and refuses exactly as a fresh OpenSSL decipher', () => {
    const text = new TextDecoder('utf-8', { fatal: true });
    const openssl = (bytes: Buffer, algorithm: string, key: Buffer, iv: Buffer | null) => {
      try {
        const decipher = createDecipheriv(algorithm, key, iv);
        return text.decode(Buffer.concat([decipher.update(bytes), decipher.final()]));
      } catch {
        return 'refused';
      }
    };
    const ours = (bytes: Buffer, profile: string, secrets: { aesKey: string; aesIv: string }) => {
      try {
        return decryptData(encodeURIComponent(bytes.toString('base64')), requireProfile(profile), secrets);
      } catch {
        return 'refused';
      }
    };
    const secret = fc.string({ minLength: 16, maxLength: 16, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789') });
    const cases = fc.record({
      // The UTF-8 profiles: their key and IV are the secrets' own bytes, so OpenSSL can be given the same.
      profile: fc.constantFrom('aes-cbc', 'aes-ecb', 'aes-128-cbc', 'aes-128-ecb'),
      key: secret,
      iv: secret,
      // Plaintext blocks whose end looks like PKCS#7 padding, rightly or not: the last byte `pad`
      // (0 to 17), and `fill` bytes before it equal to it.
      plain: fc.uint8Array({ minLength: 16, maxLength: 64 }).map((a) => Buffer.from(a.subarray(0, a.length - (a.length % 16)))),
      pad: fc.integer({ min: 0, max: 17 }),
      fill: fc.integer({ min: 0, max: 16 }),
    });
    fc.assert(
      fc.property(cases, ({ profile, key, iv, plain, pad, fill }) => {
        const mode = requireProfile(profile).mode;
        const keyBytes = Buffer.from(key, 'utf8');
        const ivBytes = mode === 'ecb' ? null : Buffer.from(iv, 'utf8');
        plain.fill(pad, Math.max(0, plain.length - 1 - fill));
        const cipher = createCipheriv(`aes-128-${mode}`, keyBytes, ivBytes).setAutoPadding(false);
        const bytes = Buffer.concat([cipher.update(plain), cipher.final()]);
        expect(ours(bytes, profile, { aesKey: key, aesIv: iv })).toBe(openssl(bytes, `aes-128-${mode}`, keyBytes, ivBytes));
      }),
      { numRuns: 500 },
    );
  });
});
