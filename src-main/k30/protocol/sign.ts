import { hash } from 'node:crypto';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The string K30 hashes: non-empty fields except `sign`, sorted by name in byte order, `k=v` joined by `&`. */
export function signingString(fields: Record<string, unknown>, appSecret: string): string {
  // One pass and one string, not filter/sort/map: this runs twice for every call (request, answer).
  const names = Object.keys(fields).sort(byteOrder);
  let out = '';
  for (const name of names) {
    const value = fields[name];
    if (name === 'sign' || value === undefined || value === null) continue;
    const text = String(value);
    if (text !== '') out += `${name}=${text}&`;
  }
  return `${out}key=${appSecret}`;
}

/** K30's signature: lower-case hex MD5 of the signing string. `data` must be the plaintext JSON. */
export function sign(fields: Record<string, unknown>, appSecret: string): string {
  // One-shot hash: no Hash object per message.
  return hash('md5', signingString(fields, appSecret), 'hex');
}

/** Constant-time comparison, case-insensitive on the hex digits. */
export function signatureMatches(fields: Record<string, unknown>, appSecret: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== 32) return false;
  const expected = sign(fields, appSecret);
  const actual = given.toLowerCase();
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return diff === 0;
}
