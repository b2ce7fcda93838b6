import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { VisitPrivateSchema, type VisitPrivate } from '../ledger';

/**
 * The private fields (full phone, document number, photo) of a record in the site database,
 * sealed with the site key (AES-256-GCM). A station's own OS key store cannot serve here: what one
 * station seals with it, no other station could open, and any station may have to retry a create.
 */
export interface SealedPrivate {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  data: string;
}

export function siteKeyOf(secret: string): Buffer {
  return createHash('sha256').update(`k30-kiosk site key\0${secret}`).digest();
}

export function sealText(key: Buffer, text: string): SealedPrivate {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Throws when the key is wrong or the text was changed (GCM checks both). */
export function openText(key: Buffer, sealed: SealedPrivate): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}

export function sealPrivate(key: Buffer, value: VisitPrivate): SealedPrivate {
  return sealText(key, JSON.stringify(value));
}

export function openPrivate(key: Buffer, sealed: SealedPrivate): VisitPrivate {
  return VisitPrivateSchema.parse(JSON.parse(openText(key, sealed)));
}

/**
 * The site's match key (personal-data/match-key.ts), derived from the site key: every station
 * must hash a phone or document number alike, or a deny-list entry made at one station, or a
 * duplicate visit registered at another, would never match.
 */
export function siteMatchKeyHex(secret: string): string {
  return createHmac('sha256', siteKeyOf(secret)).update('k30-kiosk match key').digest('hex');
}

export function isSealed(value: unknown): value is SealedPrivate {
  return typeof value === 'object' && value !== null && (value as { alg?: unknown }).alg === 'A256GCM';
}

/** Seals and opens with the site key: what one station seals (a remembered visitor's numbers), every other opens. */
export function siteBox(secret: string): { seal(plain: string): string; open(sealed: string): string } {
  const key = siteKeyOf(secret);
  return {
    seal: (plain) => JSON.stringify(sealText(key, plain)),
    open: (sealed) => {
      const parsed: unknown = JSON.parse(sealed);
      if (!isSealed(parsed)) throw new Error('not sealed with a site key');
      return openText(key, parsed);
    },
  };
}
