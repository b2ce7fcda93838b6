import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs at rest: salted scrypt, stored as `scrypt$N$r$p$salt$hash` (Base64). Used for the admin PIN
 * and for staff PINs alike; a stored value that does not parse counts as no PIN.
 */
const SCRYPT_KEYLEN = 32;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

export interface PinHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export function hashPin(pin: string, n: number): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, SCRYPT_KEYLEN, { N: n, r: SCRYPT_R, p: SCRYPT_P });
  return ['scrypt', n, SCRYPT_R, SCRYPT_P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function parsePinHash(stored: unknown): PinHash | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  const powerOfTwo = Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
  if (!powerOfTwo || n > 2 ** 17 || !Number.isInteger(r) || r < 1 || r > 16 || !Number.isInteger(p) || p < 1 || p > 16) return undefined;
  if (salt.length < 8 || hash.length !== SCRYPT_KEYLEN) return undefined;
  return { n, r, p, salt, hash };
}

/** Constant-time comparison of a typed PIN with a stored hash. */
export function pinMatches(pin: string, stored: PinHash): boolean {
  if (typeof pin !== 'string' || pin.length === 0 || pin.length > 64) return false;
  const candidate = scryptSync(pin, stored.salt, stored.hash.length, {
    N: stored.n,
    r: stored.r,
    p: stored.p,
    maxmem: 256 * stored.n * stored.r + 1024 * 1024,
  });
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
