/** Sealing and opening requests and answers: signature, encryption, timestamps. */
import { describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../../../src-main/k30/protocol/credentials';
import { openMessage, openRequest, sealRequest, sealResponse } from '../../../../src-main/k30/protocol/envelope';
import { k30Timestamp, parseK30Timestamp } from '../../../../src-main/k30/protocol/timestamp';

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
