import { createHash } from 'node:crypto';

/** The string K30 hashes: non-empty fields except `sign`, sorted by name in byte order, `k=v` joined by `&`. */
export function signingString(fields: Record<string, unknown>, appSecret: string): string {
  const pairs = Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== undefined && fields[name] !== null && String(fields[name]) !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${String(fields[name])}`);
  return `${pairs.join('&')}&key=${appSecret}`;
}

/** K30's signature: lower-case hex MD5 of the signing string. `data` must be the plaintext JSON. */
export function sign(fields: Record<string, unknown>, appSecret: string): string {
  return createHash('md5').update(signingString(fields, appSecret), 'utf8').digest('hex');
}

/** Constant-time comparison, case-insensitive on the hex digits. */
export function signatureMatches(fields: Record<string, unknown>, appSecret: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== 32) return false;
  const expected = Buffer.from(sign(fields, appSecret), 'utf8');
  const actual = Buffer.from(given.toLowerCase(), 'utf8');
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i] ^ actual[i];
  return diff === 0;
}
