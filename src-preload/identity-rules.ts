/**
 * Phone numbers and identity documents: which formats a visit accepts, as one set of checks that
 * the contract's registration schema runs in main and the renderer's draft runs as staff type.
 * Part of the contract (re-exported by contract.ts); imports nothing but the contract's rules.
 *
 * Each check answers with a ValidationCode (or undefined when the value is fine), never words: the
 * renderer words each code in the user's language.
 */
import { isValidChineseId, LIMITS, MOBILE_PATTERN, type ValidationCode } from './contract-rules';

/**
 * The identity documents a visitor may show. Kept here (not in visit-schemas.ts) because the
 * format rules below are keyed by it.
 */
export const DOCUMENT_TYPE_VALUES = [
  'id-card',
  'passport',
  /** 港澳居民来往内地通行证 (回乡证, H/M…) and 往来港澳通行证 (C…). */
  'hk-macau-permit',
  /** 台湾居民来往大陆通行证 (台胞证, 8 digits) and 往来台湾通行证 (L…). */
  'taiwan-permit',
  /** 港澳台居民居住证: 18 digits, 810000/820000/830000…, the resident ID's check digit. */
  'hkmt-residence',
  /** 外国人永久居留身份证 (2023 format): 18 characters starting with 9, the resident ID's check digit. */
  'foreign-permanent-resident',
  'other',
] as const;
export type DocumentTypeValue = (typeof DOCUMENT_TYPE_VALUES)[number];

/** Mainland landlines with their area code: 0 + 2–3 digit area code + 7–8 digits (010-12345678, 0755-1234567). */
export const LANDLINE_PATTERN = /^0\d{2,3}\d{7,8}$/;
/** E.164: "+", a country code that does not start with 0, 6–15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{5,14}$/;
/** The longest phone as typed (spaces and dashes included). */
export const PHONE_MAX_TYPED = 24;

/** What a phone number is compared and sent as: spaces, dashes, dots and brackets go (a leading "+" stays). */
export function normalisePhoneInput(phone: string): string {
  return phone.replace(/[\s\-().]/g, '').replace(/^00(?=[1-9])/, '+');
}

/**
 * An international number is accepted when the visitor's document is not a resident ID (a
 * foreign visitor) or staff turned on "international number" explicitly.
 */
export function internationalAllowed(documentType: DocumentTypeValue, internationalSwitch: boolean | undefined): boolean {
  return internationalSwitch === true || documentType !== 'id-card';
}

/**
 * The phone's problem, if any. `phone` is as typed (normalised here). Empty says 'required'; a
 * number that fits none of the accepted forms names the forms that were open to it.
 */
export function phoneIssue(phone: string, documentType: DocumentTypeValue, internationalSwitch?: boolean): ValidationCode | undefined {
  const value = normalisePhoneInput(phone);
  if (value === '') return 'required';
  if (MOBILE_PATTERN.test(value) || LANDLINE_PATTERN.test(value)) return undefined;
  const international = internationalAllowed(documentType, internationalSwitch);
  if (international && E164_PATTERN.test(value)) return undefined;
  return international ? 'phone-any' : value.startsWith('+') ? 'phone-international-off' : 'phone-mainland';
}

/** What a document number is compared and sent as: no spaces, upper case except for 'other'. */
export function normaliseDocumentInput(documentType: DocumentTypeValue, documentNo: string): string {
  const compact = documentNo.normalize('NFKC').replace(/\s/g, '');
  return documentType === 'other' ? documentNo.trim() : compact.toUpperCase();
}

/**
 * 18 characters laid out like the resident ID: a birth date at 7–14 and the ISO 7064 MOD 11-2
 * check character last (the residence permit and the 2023 permanent residence card both are).
 */
function checkedEighteen(value: string, lead: RegExp): ValidationCode | undefined {
  if (!lead.test(value)) return 'document-format';
  return isValidChineseId(value) ? undefined : 'id-checksum';
}

/** The format of each document type (values already normalised). */
const DOCUMENT_CHECKS: Record<DocumentTypeValue, (value: string) => ValidationCode | undefined> = {
  'id-card': (value) => (!/^\d{17}[\dX]$/.test(value) ? 'id-format' : isValidChineseId(value) ? undefined : 'id-checksum'),
  // ICAO 9303 document numbers: letters and digits, at least one digit (E12345678, EA1234567, 123456789, C01X00T47).
  passport: (value) => (/^[A-Z0-9]{5,17}$/.test(value) && /\d/.test(value) ? undefined : 'document-format'),
  // 回乡证 H/M + 8 digits (older cards + 2 more digits); 往来港澳通行证 C + 8 digits, or C + letter + 7 digits.
  'hk-macau-permit': (value) => (/^[HM]\d{8}(\d{2})?$/.test(value) || /^C[A-Z0-9]\d{7}$/.test(value) ? undefined : 'document-format'),
  // 台胞证 8 digits (older cards 10); 往来台湾通行证 L + 8 digits.
  'taiwan-permit': (value) => (/^\d{8}$/.test(value) || /^\d{10}$/.test(value) || /^L\d{8}$/.test(value) ? undefined : 'document-format'),
  'hkmt-residence': (value) => checkedEighteen(value, /^8[1-3]\d{15}[\dX]$/),
  'foreign-permanent-resident': (value) => checkedEighteen(value, /^9\d{16}[\dX]$/),
  other: (value) => (value.length <= LIMITS.visitText ? undefined : 'too-long'),
};

/** The document number's problem, if any. `documentNo` is as typed (normalised here). */
export function documentIssue(documentType: DocumentTypeValue, documentNo: string): ValidationCode | undefined {
  const value = normaliseDocumentInput(documentType, documentNo);
  if (value === '') return 'required';
  if (value.length > LIMITS.visitText) return 'too-long';
  return DOCUMENT_CHECKS[documentType](value);
}
