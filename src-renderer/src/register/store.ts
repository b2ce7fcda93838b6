import { create } from 'zustand';
import type { DenyHit, Device, Host, KioskError, ReturningPrefill, Visit } from '../../../src-preload/contract';
import { draftWithReturning } from './returning';
import { call } from '../api';
import { addMinutes, endOfDay, parseLocalInput, startOfMinute, toLocalInput } from '../lib/datetime';
import {
  blamedField,
  buildRegistration,
  draftEditActions,
  emptyDraft,
  firstErrorField,
  FORM_STEPS,
  REVIEW_STEP,
  stepOfField,
  setDraftValue,
  validateAll,
  validateStep,
  withoutErrors,
  type CapturedPhoto,
  type Draft,
  type DraftField,
  type FieldErrors,
  type StepId,
  type VisitorPatch,
} from './draft';
import { useHostSearchStore } from './hosts-store';
import { useSettingsStore } from '../settings/store';
import { useVisitsStore } from '../visits/store';

/** Main refused the registration as a duplicate of this visit: staff choose what to do. */
export interface DuplicateChoice {
  visitId: string;
  /** "Extend": the new visit was registered but the earlier one could not be ended. */
  extendFailed?: boolean;
}

export type SubmissionStatus = 'idle' | 'submitting' | 'done' | 'unknown' | 'not-saved' | 'cancelled' | 'abandoned';
export type WindowPreset = '1h' | '2h' | 'half-day' | 'end-of-day';
export type FocusTarget = DraftField | 'alert' | 'heading';

interface Submission {
  status: SubmissionStatus;
  visitId?: string;
  /** A call on the result page is running (send again, cancel, re-push). */
  busy: boolean;
}

interface RegistrationState {
  draft: Draft;
  step: StepId;
  fieldErrors: FieldErrors;
  /** The error shown in the step's alert (a failed call). */
  error: KioskError | null;
  focusRequest: { target: FocusTarget; seq: number } | null;
  submission: Submission;
  /** Came here from the review (the visit step's edit links, a failed submit): "Next" goes straight back. */
  returnToReview: boolean;
  duplicate: DuplicateChoice | null;
  /** The deny list stopped this visitor (main said who matched and why); nothing was sent. */
  denied: DenyHit | null;

  update(patch: VisitorPatch): void;
  /** Validates one field now (on leaving it), showing or clearing its error. */
  checkField(field: DraftField): void;
  setHost(host: Host | null): void;
  /** Called when the visit step is shown: the window follows "now" until staff change it. */
  initWindow(): void;
  setWindow(patch: { begin?: string; end?: string }): void;
  applyPreset(preset: WindowPreset): void;
  startNow(): void;
  setPhoto(photo: CapturedPhoto | null): void;
  /** Called when the devices are known: preselects defaults once. */
  initDevices(devices: Device[]): void;
  setDevices(deviceNos: string[]): void;
  /** One tap on a returning visitor: filled in, then on to the first step still to do (or the review). */
  applyReturning(prefill: ReturningPrefill): void;
  setRemember(patch: { remember?: boolean; rememberPhoto?: boolean }): void;
  /** Jump to a step; `fromReview` makes its primary button return to the review. */
  goTo(step: StepId, fromReview?: boolean): void;
  next(): void;
  back(): void;
  /**
   * `anyway`: after the duplicate warning; `replaces`: the visit an extension replaces (ended after);
   * `override`: an administrator's PIN to register a visitor the deny list stopped (main logs it).
   */
  submit(options?: { anyway?: boolean; replaces?: string; override?: { pin: string } }): Promise<void>;
  sendAgain(): Promise<void>;
  cancelVisit(): Promise<void>;
  repushFailed(): Promise<void>;
  editAgain(): void;
  dismissError(): void;
  reset(): void;
}

let focusSeq = 0;
const focus = (target: FocusTarget) => ({ focusRequest: { target, seq: ++focusSeq } });
const UNKNOWN_CODES = new Set(['timeout', 'outcome-unknown']);

function defaultMinutes(): number {
  return useSettingsStore.getState().settings?.defaultVisitMinutes ?? 120;
}

export const useRegistrationStore = create<RegistrationState>()((set, get) => {
  const clearErrors = (fields: DraftField[]) => withoutErrors(get().fieldErrors, fields);

  /** The call failed for a reason the user must fix: back to the field at fault, or to review. */
  const failBack = (error: KioskError) => {
    const blamed = blamedField(error, get().draft.documentType);
    if (blamed) {
      const step = stepOfField(blamed.field);
      set({
        step,
        returnToReview: step !== REVIEW_STEP,
        error,
        fieldErrors: { ...get().fieldErrors, [blamed.field]: blamed.error },
        submission: { status: 'idle', busy: false },
        ...focus(blamed.field),
      });
    } else {
      set({ step: REVIEW_STEP, error, submission: { status: 'idle', busy: false }, ...focus('alert') });
    }
  };

  const afterVisit = (visit: Visit) => {
    if (visit.state === 'create-unknown' || visit.state === 'intent') {
      set({ submission: { ...get().submission, status: 'unknown', visitId: visit.id, busy: false }, error: null, ...focus('heading') });
    } else if (visit.state === 'create-failed') {
      failBack({ code: 'server-refused', message: visit.lastError ?? '' });
    } else if (visit.state === 'cancelled' || visit.state === 'abandoned') {
      set({ submission: { ...get().submission, status: visit.state, visitId: visit.id, busy: false }, error: null, ...focus('heading') });
    } else {
      set({ submission: { ...get().submission, status: 'done', visitId: visit.id, busy: false }, error: null, ...focus('heading') });
    }
  };

  return {
    draft: emptyDraft(),
    step: 'visitor',
    fieldErrors: {},
    error: null,
    focusRequest: null,
    submission: { status: 'idle', busy: false },
    returnToReview: false,
    duplicate: null,
    denied: null,

    ...draftEditActions(set, get),

    initWindow() {
      const { draft } = get();
      if (draft.windowTouched && draft.begin && draft.end) return;
      const now = startOfMinute(new Date());
      set({ draft: { ...draft, begin: toLocalInput(now), end: toLocalInput(addMinutes(now, defaultMinutes())) } });
    },

    setWindow(patch) {
      set({ draft: { ...get().draft, ...patch, windowTouched: true }, fieldErrors: clearErrors(['begin', 'end']) });
    },

    applyPreset(preset) {
      const { draft } = get();
      const begin = parseLocalInput(draft.begin) ?? startOfMinute(new Date());
      const end =
        preset === '1h' ? addMinutes(begin, 60) : preset === '2h' ? addMinutes(begin, 120) : preset === 'half-day' ? addMinutes(begin, 240) : endOfDay(begin);
      get().setWindow({ begin: toLocalInput(begin), end: toLocalInput(end) });
    },

    startNow() {
      const { draft } = get();
      const now = startOfMinute(new Date());
      const oldBegin = parseLocalInput(draft.begin);
      const oldEnd = parseLocalInput(draft.end);
      const length = oldBegin && oldEnd && oldEnd > oldBegin ? (oldEnd.getTime() - oldBegin.getTime()) / 60_000 : defaultMinutes();
      get().setWindow({ begin: toLocalInput(now), end: toLocalInput(addMinutes(now, length)) });
    },

    setPhoto(photo) {
      set(setDraftValue(get(), 'photo', photo));
    },

    initDevices(devices) {
      const { draft } = get();
      if (draft.deviceNos !== null) return;
      const known = new Set(devices.map((d) => d.no));
      // The administrator's default set only: never "every online door" (that would let a visitor
      // into the 5F lab because nobody chose). Without defaults the step says so and none is ticked.
      const deviceNos = (useSettingsStore.getState().settings?.defaultDeviceNos ?? []).filter((no) => known.has(no));
      set({ draft: { ...draft, deviceNos } });
    },

    setDevices(deviceNos) {
      set({ draft: { ...get().draft, deviceNos: [...new Set(deviceNos)] }, fieldErrors: clearErrors(['devices']) });
    },

    applyReturning(prefill) {
      const before = get().draft;
      let draft = draftWithReturning(before, prefill);
      if (!draft.windowTouched || !draft.begin || !draft.end) {
        const now = startOfMinute(new Date());
        draft = { ...draft, begin: toLocalInput(now), end: toLocalInput(addMinutes(now, defaultMinutes())) };
      }
      if (draft.deviceNos === null && (useSettingsStore.getState().settings?.defaultDeviceNos.length ?? 0) > 0) {
        draft = { ...draft, deviceNos: [...useSettingsStore.getState().settings!.defaultDeviceNos] };
      }
      const field = firstErrorField(validateAll(draft));
      const step = field ? stepOfField(field) : REVIEW_STEP;
      set({ draft, fieldErrors: {}, step, error: null, returnToReview: step !== REVIEW_STEP, ...focus(field ?? 'heading') });
    },

    setRemember(patch) {
      const draft = { ...get().draft, ...patch };
      // The photo is kept only for a visitor who is remembered at all.
      if (!draft.remember) draft.rememberPhoto = false;
      set({ draft });
    },

    goTo(step, fromReview = false) {
      set({ step, error: null, returnToReview: fromReview && step !== REVIEW_STEP, ...focus('heading') });
    },

    next() {
      const { step, draft } = get();
      const errors = validateStep(step, draft);
      const field = firstErrorField(errors);
      if (field) {
        set({ fieldErrors: { ...get().fieldErrors, ...errors }, ...focus(field) });
        return;
      }
      if (get().returnToReview) {
        set({ step: REVIEW_STEP, error: null, returnToReview: false, ...focus('heading') });
        return;
      }
      const index = FORM_STEPS.indexOf(step);
      if (index >= 0 && index < FORM_STEPS.length - 1) set({ step: FORM_STEPS[index + 1], error: null, ...focus('heading') });
    },

    back() {
      const index = FORM_STEPS.indexOf(get().step);
      if (index > 0) set({ step: FORM_STEPS[index - 1], error: null, returnToReview: false, ...focus('heading') });
    },

    async submit(options = {}) {
      const { override } = options;
      if (get().submission.status === 'submitting') return;
      const { draft } = get();
      const errors = validateAll(draft);
      const field = firstErrorField(errors);
      if (field) {
        const step = stepOfField(field);
        set({ step, fieldErrors: errors, returnToReview: step !== REVIEW_STEP, ...focus(field) });
        return;
      }
      const registration = {
        ...buildRegistration(draft),
        ...(options.anyway || options.replaces ? { duplicateAccepted: true as const } : {}),
        ...(options.replaces ? { replacesVisitId: options.replaces } : {}),
        ...(override ? { denyListOverride: override } : {}),
      };
      set({ step: 'result', error: null, duplicate: null, submission: { status: 'submitting', busy: true }, ...focus('heading') });
      const result = await call('registerVisit', registration);
      if (!result.ok && (result.error.code === 'deny-listed' || (override && (result.error.code === 'wrong-pin' || result.error.code === 'not-allowed')))) {
        // Stopped before anything was sent: back to the review, with who matched and why.
        const denied = result.error.denyList ?? get().denied;
        set({
          step: REVIEW_STEP,
          denied,
          error: result.error.code === 'deny-listed' ? null : result.error,
          submission: { status: 'idle', busy: false },
          ...focus('alert'),
        });
        return;
      }
      if (result.ok) {
        set({ denied: null });
        useVisitsStore.getState().upsert(result.value);
        afterVisit(result.value);
        // An extension: the new visit holds, so the earlier one ends now (signed out from K30 and the doors).
        if (options.replaces && result.value.state === 'pushed') {
          const ended = await useVisitsStore.getState().remove(options.replaces);
          if (!ended.ok) set({ duplicate: { visitId: options.replaces, extendFailed: true } });
        }
        return;
      }
      if (result.error.code === 'duplicate-visit' && result.error.visitId) {
        void useVisitsStore.getState().load();
        set({ step: REVIEW_STEP, duplicate: { visitId: result.error.visitId }, submission: { status: 'idle', busy: false }, ...focus('heading') });
        return;
      }
      if (result.error.code === 'not-saved') {
        // K30 has the visitor; only this PC's disk is behind. Going back to the form would invite
        // a second registration: stay on the result, naming the visit (main saves it on its own).
        set({ submission: { ...get().submission, status: 'not-saved', visitId: result.error.visitId, busy: false }, error: result.error, ...focus('heading') });
        return;
      }
      if (UNKNOWN_CODES.has(result.error.code)) {
        // Main names the visit with the error; without an id there is no visit to act on here.
        const visitId = result.error.visitId;
        if (visitId) await useVisitsStore.getState().load();
        set({ submission: { ...get().submission, status: 'unknown', visitId, busy: false }, error: result.error, ...focus('heading') });
        return;
      }
      failBack(result.error);
    },

    async sendAgain() {
      const { submission } = get();
      if (!submission.visitId || submission.busy) return;
      set({ submission: { ...submission, busy: true }, error: null });
      const result = await useVisitsStore.getState().retry(submission.visitId);
      if (result.ok) afterVisit(result.value);
      else set({ submission: { ...get().submission, busy: false }, error: result.error, ...focus('alert') });
    },

    async cancelVisit() {
      const { submission } = get();
      if (!submission.visitId || submission.busy) return;
      set({ submission: { ...submission, busy: true }, error: null });
      const result = await useVisitsStore.getState().cancel(submission.visitId);
      if (result.ok) afterVisit(result.value);
      else set({ submission: { ...get().submission, busy: false }, error: result.error, ...focus('alert') });
    },

    async repushFailed() {
      const { submission } = get();
      if (!submission.visitId || submission.busy) return;
      set({ submission: { ...submission, busy: true }, error: null });
      const result = await useVisitsStore.getState().repush(submission.visitId);
      set({ submission: { ...get().submission, busy: false }, error: result.ok ? null : result.error, ...(result.ok ? {} : focus('alert')) });
    },

    editAgain() {
      set({ step: REVIEW_STEP, error: null, returnToReview: false, submission: { status: 'idle', busy: false }, ...focus('heading') });
    },

    dismissError() {
      set({ error: null });
    },

    reset() {
      useHostSearchStore.getState().reset();
      set({
        draft: emptyDraft(),
        step: 'visitor',
        fieldErrors: {},
        error: null,
        returnToReview: false,
        duplicate: null,
        denied: null,
        submission: { status: 'idle', busy: false },
        ...focus('heading'),
      });
    },
  };
});
