import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sign, signingString } from '../../../../src-main/k30/protocol/sign';
import { CRYPTO_PROFILES, decryptData, encryptData, urlEncodeLower } from '../../../../src-main/k30/protocol/crypto-profiles';
import { resolveCredentials } from '../../../../src-main/k30/protocol/credentials';
import { openMessage, openRequest, sealRequest, sealResponse } from '../../../../src-main/k30/protocol/envelope';
import { k30Timestamp, parseK30Timestamp } from '../../../../src-main/k30/protocol/timestamp';

describe('signature', () => {
  it('reproduces the vendor test vector from PROTOCOL.md', () => {
    const fields = { timestamp: '20200604140653904', deviceno: 'ae5a94eb3dbe9baf', data: '{"code":"569531"}' };
    expect(signingString(fields, 'ae5a94eb3dbe9baf')).toBe(
      'data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf',
    );
    expect(sign(fields, 'ae5a94eb3dbe9baf')).toBe('7e951684b52a8a1c4a31b9170dc5d76d');
  });

  it('leaves out empty values and the sign field, and sorts case-sensitively', () => {
    expect(signingString({ b: '2', a: '', B: '1', sign: 'x', c: undefined }, 'k')).toBe('B=1&b=2&key=k');
  });
});

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
    expect(decryptData(sealed.replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase()), profile, secrets)).toBe('{"x":"一"}');
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

describe('envelope', () => {
  const credentials = resolveCredentials({ companyno: 'K30DEMO', appSecret: 'secret-code' });

  it('defaults the AES key and IV to the app secret, and the secret to the company number', () => {
    expect(credentials.aesKey).toBe('secret-code');
    expect(credentials.aesIv).toBe('secret-code');
    expect(resolveCredentials({ companyno: 'C1' }).appSecret).toBe('C1');
  });

  it('seals a request the server side opens, and refuses a tampered one', () => {
    const sealed = sealRequest(credentials, { name: '张三', pageindex: 1 });
    expect(sealed.timestamp).toMatch(/^\d{17}$/);
    expect(openRequest(sealed, credentials).data).toEqual({ name: '张三', pageindex: 1 });
    expect(() => openRequest({ ...sealed, timestamp: '20200101000000000' }, credentials)).toThrow(/signature/);
    expect(() => openRequest({ ...sealed, data: '{"a":1}' }, credentials)).toThrow(/not encrypted/);
  });

  it('reads all four shapes of response data, with a valid signature each time', () => {
    const data = { total: 1, totalPage: 1, data: [{ no: '1' }] };
    for (const dataShape of ['encrypted', 'json-string', 'object'] as const) {
      const opened = openMessage(sealResponse(credentials, { resultcode: '1', msg: 'Success', data }, { dataShape }), credentials);
      expect(opened.data).toEqual(data);
      expect(opened.signatureValid).toBe(true);
    }
    const empty = openMessage(sealResponse(credentials, { resultcode: '1', msg: 'Success' }, { idField: 'appid' }), credentials);
    expect(empty.data).toBeUndefined();
    expect(empty.signatureValid).toBe(true);
  });

  it('timestamps are 17 local digits and read back, 16-digit ones too', () => {
    const now = new Date(2025, 4, 14, 15, 16, 47, 740);
    expect(k30Timestamp(now)).toBe('20250514151647740');
    expect(parseK30Timestamp('20250514151647740')?.getTime()).toBe(now.getTime());
    expect(parseK30Timestamp('2025112714555976')).toBeInstanceOf(Date);
    expect(parseK30Timestamp('not a time')).toBeUndefined();
  });
});
