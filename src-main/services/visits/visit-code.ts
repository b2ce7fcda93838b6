import { randomBytes } from 'node:crypto';

/**
 * The visit code: what the visitor's slip and the kiosk's done screen show, and what the kiosk's
 * "I'm leaving" accepts. 8 characters of Crockford base32 (no I, L, O, U: nothing to misread)
 * from 40 bits of crypto randomness, so it cannot be guessed or derived from the K30 number
 * (about 10^12 codes, and main rate-limits wrong ones).
 */
export const VISIT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VISIT_CODE_LENGTH = 8;

/** A fresh code; `taken` rejects one already in use by an active visit (redrawn). */
export function newVisitCode(taken: (code: string) => boolean = () => false, random: (n: number) => Buffer = randomBytes): string {
  for (;;) {
    const bytes = random(5);
    let bits = 0n;
    for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
    let code = '';
    for (let i = VISIT_CODE_LENGTH - 1; i >= 0; i--) code += VISIT_CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
    if (!taken(code)) return code;
  }
}

/**
 * What a visitor typed (or a QR held), as a code: upper case, spaces and hyphens dropped, and the
 * letters Crockford reads as digits (O → 0, I and L → 1). Undefined when it cannot be a code.
 */
export function normaliseVisitCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== VISIT_CODE_LENGTH) return undefined;
  for (const char of code) if (!VISIT_CODE_ALPHABET.includes(char)) return undefined;
  return code;
}
