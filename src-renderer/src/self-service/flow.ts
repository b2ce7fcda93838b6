/**
 * The self-service flow's rules, pure (no React, no store): its screens, what each asks for, the
 * registration it sends, and what a failed call means for a visitor standing at the kiosk.
 * The field rules are the reception wizard's (register/draft.ts): one set of rules.
 */
import type { ErrorCode, KioskError, Registration, Visit } from '../../../src-preload/contract';
import type { MessageKey } from '../i18n/translate';
import { addMinutes, toLocalInput } from '../lib/datetime';
import { buildRegistration, firstErrorOf, validateFields, type Draft, type DraftField, type FieldErrors } from '../register/draft';

export type SelfServiceScreen =
  | 'welcome'
  | 'details'
  | 'host'
  | 'consent'
  | 'photo'
  | 'submitting'
  | 'done'
  | 'failed'
  /** "Please see reception": declined consent, no default doors, an unknown outcome… */
  | 'reception'
  /** "I'm leaving": the visit code, typed or scanned. */
  | 'leave'
  /** Signed out. */
  | 'left';

/**
 * The screens counted as "step n of 4". Consent comes first: nothing personal is typed before the
 * visitor has read what is collected, by whom and why, and agreed to it.
 */
export const KIOSK_STEPS = ['consent', 'details', 'host', 'photo'] as const;
export type SelfServiceStep = (typeof KIOSK_STEPS)[number];

export const SCREEN_FIELDS: Record<SelfServiceStep, DraftField[]> = {
  consent: [],
  details: ['name', 'phone', 'documentType', 'documentNo', 'carno', 'reason'],
  host: ['host'],
  photo: ['photo'],
};

export function screenOfField(field: DraftField): SelfServiceStep {
  return KIOSK_STEPS.find((s) => SCREEN_FIELDS[s].includes(field)) ?? 'details';
}

/** Every field the kiosk asks for, in screen order. */
const KIOSK_FIELDS: DraftField[] = KIOSK_STEPS.flatMap((s) => SCREEN_FIELDS[s]);

export function validateScreen(screen: SelfServiceStep, draft: Draft): FieldErrors {
  return validateFields(SCREEN_FIELDS[screen], draft);
}

/** Every screen's errors (before sending). */
export function validateSelfService(draft: Draft): FieldErrors {
  return validateFields(KIOSK_FIELDS, draft);
}

export function firstError(errors: FieldErrors): DraftField | undefined {
  return firstErrorOf(KIOSK_FIELDS, errors);
}

export interface Consent {
  data: boolean;
  photo: boolean;
}
export const noConsent = (): Consent => ({ data: false, photo: false });

/** Why the visitor is sent to reception ('no-photo': agreed to the data but not to a face photo; 'photo': three photos failed the face check). */
export type ReceptionReason = 'declined' | 'no-photo' | 'no-devices' | 'unknown' | 'no-number' | 'unavailable' | 'photo';

/**
 * What registerVisit receives from the kiosk: the visitor's own consent, the default doors, from
 * now for the default visit length. Call only when every screen validates.
 */
export function buildSelfServiceRegistration(draft: Draft, deviceNos: string[], visitMinutes: number, now: Date): Registration {
  const begin = new Date(now);
  begin.setSeconds(0, 0);
  return {
    ...buildRegistration({ ...draft, begin: toLocalInput(begin), end: toLocalInput(addMinutes(begin, visitMinutes)), deviceNos }),
    channel: 'kiosk',
    consent: { data: true, photo: true },
  };
}

/** What a returned visit means at the kiosk. */
export type VisitOutcome =
  | { kind: 'done'; number?: string; visitCode?: string; doorsPending: boolean }
  | { kind: 'failed'; error: KioskError }
  | { kind: 'reception'; reason: ReceptionReason };

export function outcomeOfVisit(visit: Visit): VisitOutcome {
  switch (visit.state) {
    case 'created':
    case 'pushed':
    case 'removal-pending':
    case 'removed':
      return { kind: 'done', number: visit.k30No, visitCode: visit.visitCode, doorsPending: visit.devices.some((d) => d.state === 'failed') };
    case 'create-failed':
      return { kind: 'failed', error: { code: 'server-refused', message: visit.lastError ?? '' } };
    case 'created-without-no':
      return { kind: 'reception', reason: 'no-number' };
    case 'intent':
    case 'create-unknown':
    case 'cancelled':
    case 'abandoned':
      return { kind: 'reception', reason: 'unknown' };
  }
}

/** How a failed call is shown to the visitor: a plain sentence, and whether trying again may help. */
export interface SelfServiceErrorView {
  key: MessageKey;
  /** The same call may work a moment later. */
  retry: boolean;
  /** Show the server's own words (e.g. why it refused). */
  detail: boolean;
}

const ERROR_VIEWS: Record<ErrorCode, SelfServiceErrorView> = {
  'invalid-input': { key: 'selfService.error.invalid', retry: false, detail: false },
  'not-configured': { key: 'selfService.error.unavailable', retry: false, detail: false },
  unreachable: { key: 'selfService.error.unreachable', retry: true, detail: false },
  timeout: { key: 'selfService.error.unknown', retry: false, detail: false },
  'outcome-unknown': { key: 'selfService.error.unknown', retry: false, detail: false },
  'http-status': { key: 'selfService.error.server', retry: true, detail: false },
  'bad-signature': { key: 'selfService.error.unavailable', retry: false, detail: false },
  undecryptable: { key: 'selfService.error.unavailable', retry: false, detail: false },
  'server-refused': { key: 'selfService.error.refused', retry: true, detail: true },
  'device-offline': { key: 'selfService.error.deviceOffline', retry: true, detail: false },
  'rate-limited': { key: 'selfService.error.busy', retry: true, detail: false },
  'not-found': { key: 'selfService.error.server', retry: true, detail: false },
  'not-allowed': { key: 'selfService.error.unavailable', retry: false, detail: false },
  // Main never sends it to a kiosk (reception only); if it did, reception sorts it out.
  'duplicate-visit': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'pin-required': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'wrong-pin': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'photo-too-large': { key: 'selfService.error.photo', retry: false, detail: false },
  // K30 has the visitor but this PC could not save it: sending again would register it twice.
  'not-saved': { key: 'selfService.error.unknown', retry: false, detail: false },
  'disk-error': { key: 'selfService.error.internal', retry: true, detail: false },
  'app-secret-required': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'visit-too-long': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'too-many-registrations': { key: 'selfService.error.tooMany', retry: true, detail: false },
  // Never why (the deny list): the store sends the visitor to reception.
  'staff-required': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'deny-listed': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'see-reception': { key: 'selfService.error.unavailable', retry: false, detail: false },
  'deny-list-unavailable': { key: 'selfService.error.unavailable', retry: false, detail: false },
  internal: { key: 'selfService.error.internal', retry: true, detail: false },
};

export function selfServiceErrorView(error: KioskError): SelfServiceErrorView {
  return ERROR_VIEWS[error.code] ?? ERROR_VIEWS.internal;
}

/** Main says only "see reception" (the deny list, unchecked or matched): the visitor is sent there, told no more. */
export const isSeeReception = (error: KioskError) => error.code === 'see-reception' || error.code === 'deny-listed' || error.code === 'deny-list-unavailable';

/** A create whose outcome is unknown must not be sent again from the kiosk (it could register twice). */
export const isUnknownOutcome = (error: KioskError) => error.code === 'timeout' || error.code === 'outcome-unknown' || error.code === 'not-saved';

/** Seconds left of a PIN lockout, from main's 'wrong-pin' message ("… try again in 30 s"). */
export function lockoutSeconds(error: KioskError): number | undefined {
  if (error.code !== 'wrong-pin') return undefined;
  const match = /try again in (\d+)\s*s/i.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/** How long the "see reception" and "done" screens stay before the welcome screen returns. */
export const RECEPTION_RETURN_SECONDS = 8;
/** Long enough to note the visit code (it is needed to sign out). */
export const DONE_RETURN_SECONDS = 20;
/** The "are you still there?" countdown before the wipe. */
export const IDLE_WARNING_SECONDS = 10;
