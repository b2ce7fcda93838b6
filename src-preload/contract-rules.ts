/**
 * The rules the contract's schemas enforce, kept apart so the renderer's draft checks and its
 * messages are derived from the same numbers, codes and checks. Part of the contract (re-exported
 * by contract.ts, whose schemas are built from these values). Imports nothing, not even zod: the
 * renderer's first screen checks a draft with these alone and leaves zod to the pages that need it.
 */

/**
 * The limits the contract's schemas enforce, exported so the renderer checks a draft and words its
 * messages ({max}, {min}) from the same numbers instead of repeating them.
 */
export const LIMITS = {
  /** Every free text of a visit: name, document number, car number, reason, host. */
  visitText: 50,
  companyno: 32,
  /** The data controller's name shown on the kiosk's consent screen. */
  companyName: 60,
  defaultVisitMinutes: { min: 5, max: 60 * 24 * 30 },
  maxVisitHours: { min: 1, max: 24 * 30 },
  photoMaxKB: { min: 20, max: 2048 },
  selfServiceIdleSeconds: { min: 15, max: 3600 },
  selfServiceRegistrationsPerMinute: { min: 1, max: 60 },
  retentionDays: { min: 1, max: 365 },
  /** Returning-visitor profiles (kept only with the visitor's consent); 0 = never kept. */
  profileRetentionDays: { min: 0, max: 3650 },
  /** How long a consented profile photo may be reused; 0 = never. */
  profilePhotoDays: { min: 0, max: 365 },
  pinDigits: { min: 4, max: 8 },
  /** A PIN typed for main to check (admin or staff): longer is refused unread. */
  enteredPin: 16,
  stationName: 40,
  staffName: 40,
  denyReason: 200,
  auditRetentionDays: { min: 1, max: 3650 },
} as const;

/**
 * The messages of our own schema checks, as codes (a zod issue's `message`); the renderer maps
 * each to its words. Any other message is zod's own and means "not in the right format".
 */
export const VALIDATION_CODES = [
  'required',
  'too-long',
  /** Phone: not a mainland mobile or landline (international numbers not open: a resident ID and no switch). */
  'phone-mainland',
  /** Phone: starts with "+" but international numbers are not open (resident ID, switch off). */
  'phone-international-off',
  /** Phone: not a mainland mobile, landline or E.164 international number. */
  'phone-any',
  /** Document: not the format of its type (identity-rules.ts). */
  'document-format',
  'id-format',
  'mobile',
  'id-checksum',
  'end-before-begin',
  'duplicate',
  'pin-format',
  'http-url',
  'host-port',
  'jpeg',
  'document-or-phone',
  'postgres-url',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];
export const isValidationCode = (value: unknown): value is ValidationCode => (VALIDATION_CODES as readonly unknown[]).includes(value);
/** A schema's message, checked to be one of the codes. */
export const issueCode = (value: ValidationCode) => value;

/** Photo: bare Base64 of a JPEG (a JPEG's Base64 starts with "/9j/"), at most 2 MB of text. */
export const PHOTO_PATTERN = /^\/9j\/[A-Za-z0-9+/]+={0,2}$/;
export const PHOTO_MAX_CHARS = 2_800_000;
export const isPhotoBase64 = (value: string) => value.length <= PHOTO_MAX_CHARS && PHOTO_PATTERN.test(value);

/** Mainland mobile numbers: 11 digits starting with 1. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** The ISO 7064 MOD 11-2 check digit of a resident ID's first 17 digits. */
export function chineseIdCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11];
}

/** The 18-digit resident ID: its check digit, and a birth date that exists and has passed. */
export function isValidChineseId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (chineseIdCheckDigit(id) !== id[17].toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(y, m - 1, d);
  return y >= 1900 && birth.getFullYear() === y && birth.getMonth() === m - 1 && birth.getDate() === d && birth.getTime() <= Date.now();
}
