/**
 * Returning visitors at reception: when to look one up, and what one tap on the offer fills in.
 * Pure (no React, no store).
 */
import type { ReturningPrefill } from '../../../src-preload/contract';
import { documentIssue, phoneIssue } from '../../../src-preload/identity-rules';
import type { CapturedPhoto, Draft } from './draft';

/** What to look up for the draft as typed: a phone or document number that is complete, else nothing. */
export function returningQuery(draft: Draft): { phone?: string; documentNo?: string } | undefined {
  const phone = phoneIssue(draft.phone, draft.documentType, true) ? undefined : draft.phone;
  const documentNo = draft.documentType !== 'other' && !documentIssue(draft.documentType, draft.documentNo) ? draft.documentNo : undefined;
  if (!phone && !documentNo) return undefined;
  return { ...(phone ? { phone } : {}), ...(documentNo ? { documentNo } : {}) };
}

/** A stable text of the query, so the same numbers are not looked up twice. */
export const queryKey = (query: { phone?: string; documentNo?: string }) => `${query.phone ?? ''}|${query.documentNo ?? ''}`;

/** A remembered photo as the wizard holds a captured one (its size read from the JPEG itself). */
export function photoFromBase64(base64: string): CapturedPhoto {
  const bytes = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  const { width, height } = jpegSize(base64) ?? { width: 0, height: 0 };
  return { base64, bytes, width, height, quality: 0 };
}

/** The draft after one tap: the visitor's details, the usual host, the photo if it may be reused. */
export function draftWithReturning(draft: Draft, prefill: ReturningPrefill): Draft {
  return {
    ...draft,
    name: prefill.name,
    phone: prefill.phone,
    internationalPhone: prefill.phone.startsWith('+') && prefill.documentType === 'id-card',
    documentType: prefill.documentType,
    documentNo: prefill.documentNo,
    carno: prefill.carno,
    host: prefill.host,
    photo: prefill.photo ? photoFromBase64(prefill.photo) : draft.photo,
    // They were remembered with their consent: asked again on the review page (pre-ticked).
    remember: true,
    rememberPhoto: Boolean(prefill.photo),
  };
}

/** Width and height from a JPEG's SOF marker (undefined if none is found in the first bytes). */
function jpegSize(base64: string): { width: number; height: number } | undefined {
  const bin = atob(base64.slice(0, 87_384));
  for (let i = 2; i + 9 < bin.length;) {
    if (bin.charCodeAt(i) !== 0xff) return undefined;
    const marker = bin.charCodeAt(i + 1);
    const length = (bin.charCodeAt(i + 2) << 8) + bin.charCodeAt(i + 3);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: (bin.charCodeAt(i + 5) << 8) + bin.charCodeAt(i + 6), width: (bin.charCodeAt(i + 7) << 8) + bin.charCodeAt(i + 8) };
    i += 2 + length;
  }
  return undefined;
}
