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
});
