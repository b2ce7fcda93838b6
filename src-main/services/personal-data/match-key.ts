import { createHmac, randomBytes } from 'node:crypto';
import type { KeyValueStore, SecretBox } from '../ports';

/**
 * Keyed hashes for matching people without keeping their numbers: returning visitors, duplicate
 * visits and the deny list compare HMAC-SHA256(per-install key, normalised value), never the clear
 * phone or document number. The key is made once per install and kept sealed by the SecretBox, so
 * a copied ledger or deny-list file cannot be matched against a list of numbers elsewhere.
 */
export interface MatchKeys {
  /** The key for a phone number, or undefined when nothing is left after normalising. */
  phone(value: string): string | undefined;
  /** The key for a document number (any document type), or undefined when empty. */
  document(value: string): string | undefined;
}

/** Where the sealed key lives in the app's key-value store. */
export const MATCH_KEY_STORE_KEY = 'personalDataMatchKey';

/**
 * Phones compare by digits: spaces, dashes, brackets and a leading "+" or "00" go, and a
 * mainland mobile written with +86 / 0086 matches the same 11 digits typed without it.
 */
export function normalisePhone(value: string): string {
  let digits = value.replace(/[^\d]/g, '');
  if (value.trim().startsWith('00')) digits = digits.slice(2);
  if (digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  return digits;
}

/** Documents compare without spaces or dashes, in upper case (an ID's final "x" is "X"). */
export function normaliseDocumentNo(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** Matching with a given key (hex). Kept separate from storage so tests can pin the key. */
export function matchKeysWith(keyHex: string): MatchKeys {
  const key = Buffer.from(keyHex, 'hex');
  const digest = (kind: string, normalised: string) =>
    normalised === '' ? undefined : createHmac('sha256', key).update(`${kind}:${normalised}`).digest('hex');
  return {
    phone: (value) => digest('phone', normalisePhone(value)),
    document: (value) => digest('document', normaliseDocumentNo(value)),
  };
}

/** The install's match keys: the sealed key is read, or made and stored on first use. */
export function loadMatchKeys(store: KeyValueStore, box: SecretBox): MatchKeys {
  const sealed = store.get(MATCH_KEY_STORE_KEY);
  if (typeof sealed === 'string' && sealed !== '') return matchKeysWith(box.open(sealed));
  const keyHex = randomBytes(32).toString('hex');
  store.set(MATCH_KEY_STORE_KEY, box.seal(keyHex));
  return matchKeysWith(keyHex);
}

/**
 * The install's match keys, loaded on first use: start-up never fails over the key, and a key
 * that cannot be opened fails the matching call (the caller refuses what needs it) every time.
 */
export function lazyMatchKeys(store: KeyValueStore, box: SecretBox): MatchKeys {
  let keys: MatchKeys | undefined;
  const current = () => (keys ??= loadMatchKeys(store, box));
  return {
    phone: (value) => current().phone(value),
    document: (value) => current().document(value),
  };
}
