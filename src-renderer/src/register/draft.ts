/**
 * The registration draft and its validation: pure (no React, no store), so every rule is
 * unit-testable and the same rules run on "Next" and on submit.
 */
import type { DocumentType, Host, KioskError, Registration } from '../../../src-preload/contract';
// The contract's rules without its zod schemas: this module is on the first screen, zod is not.
import { isPhotoBase64, isValidationCode, LIMITS, type ValidationCode } from '../../../src-preload/contract-rules';
import { DOCUMENT_TYPE_VALUES, documentIssue, normaliseDocumentInput, normalisePhoneInput, phoneIssue } from '../../../src-preload/identity-rules';
import type { MessageKey, MessageRef } from '../i18n/translate';
import { parseLocalInput, toIsoWithOffset } from '../lib/datetime';
import type { CapturedPhoto } from '../photo/captured-photo';

/**
 * Three form steps (issue #10: a new visitor in ≤ 10 interactions): who (the visitor and the host
 * they came for, typed together), the photo (the camera needs the screen), and the visit (time,
 * doors and the review, submitted from the same page).
 */
export const STEPS = ['visitor', 'photo', 'visit', 'result'] as const;
export type StepId = (typeof STEPS)[number];
/** The steps shown in the step indicator and counted as "step n of total". */
export const FORM_STEPS: StepId[] = ['visitor', 'photo', 'visit'];
/** The last form step: it holds the review and submits; edits elsewhere come back to it. */
export const REVIEW_STEP: StepId = 'visit';

/** The contract's document types, in its order (the select offers them as they are). */
export const DOCUMENT_TYPES: readonly DocumentType[] = DOCUMENT_TYPE_VALUES;

export type { CapturedPhoto };

/** Whether the photo failed a face check and no one has accepted it (with a reason). */
export const photoNeedsOverride = (photo: CapturedPhoto) => (photo.check?.failed.length ?? 0) > 0 && !photo.overrideReason?.trim();

export interface Draft {
  name: string;
  phone: string;
  /** Staff ticked "international number" (needed only with a resident ID). */
  internationalPhone: boolean;
  documentType: DocumentType;
  documentNo: string;
  carno: string;
  reason: string;
  host: Host | null;
  /** datetime-local values (local time). */
  begin: string;
  end: string;
  /** Staff changed the window themselves (else it follows "now" when the step is shown). */
  windowTouched: boolean;
  photo: CapturedPhoto | null;
  /** null until the visit step first sets the default doors. */
  deviceNos: string[] | null;
  /** The visitor's own consent to be remembered for next time, and separately to keep the photo. */
  remember: boolean;
  rememberPhoto: boolean;
}

export type DraftField = 'name' | 'phone' | 'documentType' | 'documentNo' | 'carno' | 'reason' | 'host' | 'begin' | 'end' | 'photo' | 'devices';

/** A field's error as a message key with its parameters, translated where it is shown. */
export type FieldError = MessageRef;
export type FieldErrors = Partial<Record<DraftField, FieldError>>;

export const STEP_FIELDS: Record<StepId, DraftField[]> = {
  visitor: ['name', 'phone', 'documentType', 'documentNo', 'carno', 'reason', 'host'],
  photo: ['photo'],
  visit: ['begin', 'end', 'devices'],
  result: [],
};

export function stepOfField(field: DraftField): StepId {
  return FORM_STEPS.find((s) => STEP_FIELDS[s].includes(field)) ?? REVIEW_STEP;
}

/** The DOM id of a field's input, for labels and for moving focus to it. */
export const fieldId = (field: DraftField) => `reg-${field}`;

export function emptyDraft(): Draft {
  return {
    name: '',
    phone: '',
    internationalPhone: false,
    documentType: 'id-card',
    documentNo: '',
    carno: '',
    reason: '',
    host: null,
    begin: '',
    end: '',
    windowTouched: false,
    photo: null,
    deviceNos: null,
    remember: false,
    rememberPhoto: false,
  };
}

/** The contract's normalising (identity-rules.ts): what is checked is what is sent. */
export const normalizePhone = normalisePhoneInput;
export const normalizeDocumentNo = normaliseDocumentInput;

/** Free text of a visit: the contract's limit, and the message says it. */
function tooLong(value: string): FieldError | undefined {
  return value.trim().length > LIMITS.visitText ? { key: 'validation.tooLong', params: { max: LIMITS.visitText } } : undefined;
}

export function validateField(field: DraftField, draft: Draft, now: Date = new Date()): FieldError | undefined {
  switch (field) {
    case 'name':
      return draft.name.trim() ? tooLong(draft.name) : { key: 'validation.nameRequired' };
    case 'phone': {
      const code = phoneIssue(draft.phone, draft.documentType, draft.internationalPhone);
      return code ? { key: PHONE_MESSAGES[code] ?? 'validation.invalid' } : undefined;
    }
    case 'documentType':
      return undefined;
    case 'documentNo': {
      const code = documentIssue(draft.documentType, draft.documentNo);
      return code ? documentMessage(draft.documentType, code) : undefined;
    }
    case 'carno':
      return tooLong(draft.carno);
    case 'reason':
      return tooLong(draft.reason);
    case 'host':
      return draft.host ? undefined : { key: 'validation.hostRequired' };
    case 'begin':
      return parseLocalInput(draft.begin) ? undefined : { key: 'validation.beginInvalid' };
    case 'end': {
      const end = parseLocalInput(draft.end);
      if (!end) return { key: 'validation.endInvalid' };
      const begin = parseLocalInput(draft.begin);
      if (begin && end.getTime() <= begin.getTime()) return { key: 'validation.endBeforeBegin' };
      if (end.getTime() <= now.getTime()) return { key: 'validation.endInPast' };
      return undefined;
    }
    case 'photo':
      if (!draft.photo) return { key: 'validation.photoRequired' };
      if (photoNeedsOverride(draft.photo)) return { key: 'faceCheck.overrideRequired' };
      return isPhotoBase64(draft.photo.base64) ? undefined : { key: 'validation.photoInvalid' };
    case 'devices':
      return draft.deviceNos && draft.deviceNos.length > 0 ? undefined : { key: 'validation.devicesRequired' };
  }
}

/** The errors of the given fields (each flow asks for its own fields, screen by screen). */
export function validateFields(fields: readonly DraftField[], draft: Draft, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const error = validateField(field, draft, now);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The first of `fields` (in the flow's order) with an error. */
export function firstErrorOf(fields: readonly DraftField[], errors: FieldErrors): DraftField | undefined {
  return fields.find((field) => errors[field]);
}

/** The wizard's fields, in form order. */
const FORM_FIELDS: DraftField[] = FORM_STEPS.flatMap((s) => STEP_FIELDS[s]);

export function validateStep(step: StepId, draft: Draft, now: Date = new Date()): FieldErrors {
  return validateFields(STEP_FIELDS[step], draft, now);
}

export function validateAll(draft: Draft, now: Date = new Date()): FieldErrors {
  return validateFields(FORM_FIELDS, draft, now);
}

/** The first field with an error, in form order. */
export function firstErrorField(errors: FieldErrors): DraftField | undefined {
  return firstErrorOf(FORM_FIELDS, errors);
}

// ---------------------------------------------------------------------------------------------
// Editing: the state changes both flows' stores (reception wizard, self-service kiosk) make.

/** The part of a flow's state that holds the draft and its errors. */
export interface DraftForm {
  draft: Draft;
  fieldErrors: FieldErrors;
}

/** What the visitor's own fields change. */
export type VisitorPatch = Partial<Pick<Draft, 'name' | 'phone' | 'internationalPhone' | 'documentType' | 'documentNo' | 'carno' | 'reason'>>;

export function withoutErrors(errors: FieldErrors, fields: readonly DraftField[]): FieldErrors {
  const rest = { ...errors };
  for (const field of fields) delete rest[field];
  return rest;
}

/** Typing in a field clears its error; another document type also clears the number's. */
export function editVisitor(form: DraftForm, patch: VisitorPatch): DraftForm {
  const fields = Object.keys(patch) as DraftField[];
  // Another document type or the international switch changes what the phone and number may be.
  if (patch.documentType) fields.push('documentNo', 'phone');
  if (patch.internationalPhone !== undefined) fields.push('phone');
  return { draft: { ...form.draft, ...patch }, fieldErrors: withoutErrors(form.fieldErrors, fields) };
}

/** One field checked now (on leaving it): its error shown, or cleared. */
export function checkDraftField(form: DraftForm, field: DraftField): Pick<DraftForm, 'fieldErrors'> {
  const error = validateField(field, form.draft);
  return { fieldErrors: error ? { ...form.fieldErrors, [field]: error } : withoutErrors(form.fieldErrors, [field]) };
}

/** A value chosen for one field (the host, the photo…): set, its error cleared. */
export function setDraftValue<K extends 'host' | 'photo'>(form: DraftForm, field: K, value: Draft[K]): DraftForm {
  return { draft: { ...form.draft, [field]: value }, fieldErrors: withoutErrors(form.fieldErrors, [field]) };
}

/** The draft-editing actions both flows' stores have, over the store's own `set` and `get`. */
export function draftEditActions(set: (change: Partial<DraftForm>) => void, get: () => DraftForm) {
  return {
    update(patch: VisitorPatch) {
      set(editVisitor(get(), patch));
    },
    /** Validates one field now (on leaving it), showing or clearing its error. */
    checkField(field: DraftField) {
      set(checkDraftField(get(), field));
    },
    setHost(host: Host | null) {
      set(setDraftValue(get(), 'host', host));
    },
  };
}

/** The field a failed call blames (invalid input, a photo too large), with its error in our words. */
export function blamedField(error: KioskError, documentType?: DocumentType): { field: DraftField; error: FieldError } | undefined {
  const field = error.code === 'invalid-input' ? fieldFromPath(error.field) : error.code === 'photo-too-large' ? 'photo' : undefined;
  return field ? { field, error: fieldErrorFromServer(field, error.message, documentType) } : undefined;
}

/** What registerVisit receives. Call only when validateAll is empty. */
export function buildRegistration(draft: Draft): Registration {
  const begin = parseLocalInput(draft.begin);
  const end = parseLocalInput(draft.end);
  if (!begin || !end || !draft.host || !draft.photo || !draft.deviceNos) throw new Error('draft is incomplete');
  const carno = draft.carno.trim().toUpperCase();
  const reason = draft.reason.trim();
  return {
    name: draft.name.trim(),
    phone: normalizePhone(draft.phone),
    ...(draft.internationalPhone ? { internationalPhone: true } : {}),
    documentType: draft.documentType,
    documentNo: normalizeDocumentNo(draft.documentType, draft.documentNo),
    ...(carno ? { carno } : {}),
    ...(reason ? { reason } : {}),
    hostNo: draft.host.no,
    hostName: draft.host.name,
    // The host's department: routes the host's notification and is kept as the usual host.
    ...(draft.host.deptname ? { hostDept: draft.host.deptname.slice(0, LIMITS.visitText) } : {}),
    ...(draft.remember ? { remember: { photo: draft.rememberPhoto } } : {}),
    begin: toIsoWithOffset(begin),
    end: toIsoWithOffset(end),
    photo: draft.photo.base64,
    ...photoOverrideOf(draft.photo),
    deviceNos: [...new Set(draft.deviceNos)],
    channel: 'reception',
  };
}

/** The registration's record of a failing photo reception accepted (nothing for a passing one). */
export function photoOverrideOf(photo: CapturedPhoto): Pick<Registration, 'photoOverride'> {
  const failed = photo.check?.failed ?? [];
  const reason = photo.overrideReason?.trim();
  return failed.length > 0 && reason ? { photoOverride: { failed, reason } } : {};
}

/** Maps the contract's field path (e.g. 'phone', 'hostNo', 'deviceNos.0') to the draft's field. */
export function fieldFromPath(path: string | undefined): DraftField | undefined {
  if (!path) return undefined;
  const head = path.split('.')[0];
  const map: Record<string, DraftField> = {
    name: 'name',
    phone: 'phone',
    documentType: 'documentType',
    documentNo: 'documentNo',
    carno: 'carno',
    reason: 'reason',
    hostNo: 'host',
    hostName: 'host',
    begin: 'begin',
    end: 'end',
    photo: 'photo',
    deviceNos: 'devices',
  };
  return map[head];
}

/** Our words for the contract's validation codes (the codes a registration's schema can raise). */
const CODE_MESSAGES: Partial<Record<ValidationCode, MessageKey>> = {
  mobile: 'validation.phone',
  'phone-mainland': 'validation.phoneMainland',
  'phone-international-off': 'validation.phoneInternationalOff',
  'phone-any': 'validation.phoneAny',
  'id-format': 'validation.idFormat',
  'id-checksum': 'validation.idChecksum',
  'end-before-begin': 'validation.endBeforeBegin',
  duplicate: 'validation.duplicateDevices',
  jpeg: 'validation.photoInvalid',
};

/** The phone's codes in our words. */
const PHONE_MESSAGES: Partial<Record<ValidationCode, MessageKey>> = { ...CODE_MESSAGES, required: 'validation.phoneRequired' };

/** A document code in our words: the format message names the type's real format. */
function documentMessage(type: DocumentType, code: ValidationCode): FieldError {
  if (code === 'required') return { key: 'validation.documentRequired' };
  if (code === 'too-long') return { key: 'validation.tooLong', params: { max: LIMITS.visitText } };
  if (code === 'document-format') return { key: type === 'id-card' ? 'validation.idFormat' : `validation.doc.${type}` };
  return { key: CODE_MESSAGES[code] ?? 'validation.invalid' };
}

/** Maps main's validation message (a contract ValidationCode, or zod's own words) to ours. */
export function fieldErrorFromServer(field: DraftField, message: string, documentType: DocumentType = 'other'): FieldError {
  const code = isValidationCode(message) ? message : undefined;
  if (code && field === 'documentNo') return documentMessage(documentType, code);
  if (code && field === 'phone') return { key: PHONE_MESSAGES[code] ?? 'validation.invalid' };
  const key = code ? CODE_MESSAGES[code] : undefined;
  if (key) return { key };
  if (field === 'photo') return { key: 'validation.photoInvalid' };
  return { key: 'validation.invalid' };
}
