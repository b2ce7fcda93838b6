/** Request signing: the vendor's test vector and the signing string's rules. */
import { describe, expect, it } from 'vitest';
import { sign, signingString } from '../../../../src-main/k30/protocol/sign';

describe('signature', () => {
  it('reproduces the vendor test vector from PROTOCOL.md', () => {
    const fields = { timestamp: '20200604140653904', deviceno: 'ae5a94eb3dbe9baf', data: '{"code":"569531"}' };
    expect(signingString(fields, 'ae5a94eb3dbe9baf')).toBe('data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(sign(fields, 'ae5a94eb3dbe9baf')).toBe('7e951684b52a8a1c4a31b9170dc5d76d');
  });

  it('leaves out empty values and the sign field, and sorts case-sensitively', () => {
    expect(signingString({ b: '2', a: '', B: '1', sign: 'x', c: undefined }, 'k')).toBe('B=1&b=2&key=k');
  });
});
