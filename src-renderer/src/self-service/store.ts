/**
 * The self-service kiosk's flow: one visitor at a time, nothing kept after they leave. Everything
 * a visitor enters lives here (and in the kiosk's own host search) until it is sent, and `wipe()`
 * forgets it all: on "done", on a declined consent, and when the kiosk is left idle.
 */
import { create } from 'zustand';
import type { Host, KioskError, Language, PhotoCheckCode, PublicSettings, Result } from '../../../src-preload/contract';
import { call } from '../api';
import {
  buildSelfServiceRegistration,
  firstError,
  isSeeReception,
  isUnknownOutcome,
  KIOSK_STEPS,
  noConsent,
  outcomeOfVisit,
  screenOfField,
  validateSelfService,
  validateScreen,
  type Consent,
  type SelfServiceScreen,
  type SelfServiceStep,
  type ReceptionReason,
} from './flow';
import {
  blamedField,
  draftEditActions,
  emptyDraft,
  setDraftValue,
  type CapturedPhoto,
  type Draft,
  type DraftField,
  type FieldErrors,
  type VisitorPatch,
} from '../register/draft';
import { createHostSearchStore } from '../register/hosts-store';
import { useSettingsStore } from '../settings/store';
import { showLanguage } from '../i18n/language-store';

/** Main's rule for a kiosk's host search (directory.ts): shorter queries find nobody. */
export const SELF_SERVICE_HOST_MIN_LENGTH = 2;

/** The kiosk greets every visitor in Chinese; the language button switches for one visitor only. */
export const KIOSK_LANGUAGE: Language = 'zh-CN';

/** Photo tries a visitor gets before being sent to reception (the kiosk cannot accept a failing photo). */
export const PHOTO_TRIES = 3;

export type SelfServiceFocus = DraftField | 'heading' | 'consent';

export interface SelfServiceDone {
  hostName: string;
  number?: string;
  /** What the visitor signs out with ("I'm leaving"). */
  visitCode?: string;
  doorsPending: boolean;
}

interface SelfServiceState {
  screen: SelfServiceScreen;
  draft: Draft;
  fieldErrors: FieldErrors;
  consent: Consent;
  /** The consent screen's "tick both" reminder is showing. */
  consentReminder: boolean;
  /** The failed call (failed screen, or the alert on the screen sent back to). */
  error: KioskError | null;
  reception: ReceptionReason | null;
  /** Sent to reception for the photo: what the last try failed. */
  receptionWhy: PhotoCheckCode[];
  /** Photo tries that failed the face check (at PHOTO_TRIES the visitor is sent to reception). */
  photoFailures: number;
  done: SelfServiceDone | null;
  /** Signed out: the doors' removal done now, or retried by main. */
  left: 'done' | 'pending' | null;
  /** Bumped by every wipe: screens are keyed by it, so no local state survives a visitor. */
  session: number;
  adminOpen: boolean;
  focusRequest: { target: SelfServiceFocus; seq: number } | null;

  start(): void;
  update(patch: VisitorPatch): void;
  checkField(field: DraftField): void;
  setHost(host: Host | null): void;
  setConsent(kind: keyof Consent, value: boolean): void;
  setPhoto(photo: CapturedPhoto | null): void;
  /** A try that failed the face check: counted; the last allowed one sends the visitor to reception. */
  photoFailed(failed: PhotoCheckCode[]): void;
  /** Validates the current screen and moves on (consent: both boxes ticked). */
  next(): void;
  back(): void;
  /** "不同意": nothing is sent, everything entered is forgotten. */
  decline(): void;
  /** "No photo": the kiosk needs one, reception does not; nothing was typed yet. */
  declinePhoto(): void;
  submit(): Promise<void>;
  /** From the failed screen: back to the details, everything kept. */
  edit(): void;
  /** The visitor gives up and goes to reception: forget everything. */
  goToReception(reason?: ReceptionReason): void;
  /** "I'm leaving": the visit code screen, for a new (leaving) visitor. */
  startLeaving(): void;
  /** Main signed the visit out: show "thank you", forget the rest. */
  finishLeaving(removal: 'done' | 'pending'): void;
  setAdminOpen(open: boolean): void;
  /** Leave kiosk mode with the admin PIN: the normal app returns. */
  leave(pin: string): Promise<Result<PublicSettings>>;
  setLanguage(language: Language): void;
  /** Forget the visitor entirely and show the welcome screen, in Chinese again. */
  wipe(): void;
  /** Forget the visitor, leaving the language alone (when the kiosk closes). */
  reset(): void;
}

/** The kiosk's own host search (never the reception's). */
export const useSelfServiceHostSearch = createHostSearchStore(SELF_SERVICE_HOST_MIN_LENGTH);

let focusSeq = 0;
const focus = (target: SelfServiceFocus) => ({ focusRequest: { target, seq: ++focusSeq } });

const defaultDevices = () => useSettingsStore.getState().settings?.defaultDeviceNos ?? [];

const blank = () => ({
  draft: emptyDraft(),
  fieldErrors: {} as FieldErrors,
  consent: noConsent(),
  consentReminder: false,
  error: null,
  reception: null,
  receptionWhy: [] as PhotoCheckCode[],
  photoFailures: 0,
  done: null,
  left: null,
});

export const useSelfServiceStore = create<SelfServiceState>()((set, get) => {
  /** Forget the visitor; `then` is where the kiosk goes next. */
  const forget = (then: Pick<SelfServiceState, 'screen'> & Partial<SelfServiceState>) => {
    useSelfServiceHostSearch.getState().reset();
    // Back at the welcome screen (or a new visitor starting): main stops sending earlier visits' events.
    if (then.screen === 'welcome' || then.screen === KIOSK_STEPS[0] || then.screen === 'leave') void call('resetSelfServiceSession');
    set({ ...blank(), adminOpen: false, session: get().session + 1, ...focus('heading'), ...then });
  };

  return {
    screen: 'welcome',
    ...blank(),
    session: 0,
    adminOpen: false,
    focusRequest: null,

    start() {
      // Without default doors a self-registration could open nothing: say so before anything is typed.
      if (defaultDevices().length === 0) {
        forget({ screen: 'reception', reception: 'no-devices' });
        return;
      }
      forget({ screen: KIOSK_STEPS[0] });
    },

    ...draftEditActions(set, get),

    setConsent(kind, value) {
      const consent = { ...get().consent, [kind]: value };
      set({ consent, consentReminder: get().consentReminder && !(consent.data && consent.photo) });
    },

    setPhoto(photo) {
      set({ ...setDraftValue(get(), 'photo', photo), error: null });
    },

    photoFailed(failed) {
      const photoFailures = get().photoFailures + 1;
      if (photoFailures >= PHOTO_TRIES) forget({ screen: 'reception', reception: 'photo', receptionWhy: failed });
      else set({ photoFailures });
    },

    next() {
      const { screen, draft, consent } = get();
      if (!(KIOSK_STEPS as readonly string[]).includes(screen)) return;
      const step = screen as SelfServiceStep;
      if (step === 'consent' && !(consent.data && consent.photo)) {
        set({ consentReminder: true, ...focus('consent') });
        return;
      }
      const errors = validateScreen(step, draft);
      const field = firstError(errors);
      if (field) {
        set({ fieldErrors: { ...get().fieldErrors, ...errors }, ...focus(field) });
        return;
      }
      if (step === 'photo') {
        void get().submit();
        return;
      }
      set({ screen: KIOSK_STEPS[KIOSK_STEPS.indexOf(step) + 1], error: null, ...focus('heading') });
    },

    back() {
      const index = KIOSK_STEPS.indexOf(get().screen as SelfServiceStep);
      if (index > 0) set({ screen: KIOSK_STEPS[index - 1], error: null, ...focus('heading') });
      else if (index === 0) get().wipe();
    },

    decline() {
      // Nothing was sent, so nothing exists anywhere but here: forgetting it is enough.
      forget({ screen: 'reception', reception: 'declined' });
    },

    declinePhoto() {
      forget({ screen: 'reception', reception: 'no-photo' });
    },

    async submit() {
      const { screen, draft, consent, session } = get();
      if (screen === 'submitting') return;
      const settings = useSettingsStore.getState().settings;
      const deviceNos = settings?.defaultDeviceNos ?? [];
      if (deviceNos.length === 0) {
        forget({ screen: 'reception', reception: 'no-devices' });
        return;
      }
      if (!(consent.data && consent.photo)) {
        set({ screen: 'consent', consentReminder: true, ...focus('consent') });
        return;
      }
      const errors = validateSelfService(draft);
      const field = firstError(errors);
      if (field) {
        set({ screen: screenOfField(field), fieldErrors: errors, ...focus(field) });
        return;
      }

      const registration = buildSelfServiceRegistration(draft, deviceNos, settings?.defaultVisitMinutes ?? 120, new Date());
      set({ screen: 'submitting', error: null, ...focus('heading') });
      const result = await call('registerVisit', registration);
      // The visitor was wiped meanwhile (should not happen: idleness is not watched while sending).
      if (get().session !== session) return;

      if (result.ok) {
        const outcome = outcomeOfVisit(result.value);
        if (outcome.kind === 'done') {
          // Sent: the kiosk forgets the visitor's data and keeps only what the done screen shows.
          forget({
            screen: 'done',
            done: { hostName: draft.host?.name ?? '', number: outcome.number, visitCode: outcome.visitCode, doorsPending: outcome.doorsPending },
          });
        } else if (outcome.kind === 'reception') {
          forget({ screen: 'reception', reception: outcome.reason });
        } else {
          set({ screen: 'failed', error: outcome.error, ...focus('heading') });
        }
        return;
      }

      const error = result.error;
      if (isSeeReception(error)) {
        forget({ screen: 'reception', reception: 'unavailable' });
        return;
      }
      if (isUnknownOutcome(error)) {
        // Sending again could register the visitor twice: only staff may decide.
        forget({ screen: 'reception', reception: 'unknown' });
        return;
      }
      const blamed = blamedField(error, get().draft.documentType);
      if (blamed) {
        set({
          screen: screenOfField(blamed.field),
          error,
          fieldErrors: { ...get().fieldErrors, [blamed.field]: blamed.error },
          draft: blamed.field === 'photo' ? { ...get().draft, photo: null } : get().draft,
          ...focus(blamed.field),
        });
        return;
      }
      set({ screen: 'failed', error, ...focus('heading') });
    },

    edit() {
      set({ screen: 'details', error: null, ...focus('heading') });
    },

    goToReception(reason = 'unavailable') {
      forget({ screen: 'reception', reception: reason });
    },

    startLeaving() {
      forget({ screen: 'leave' });
    },

    finishLeaving(removal) {
      forget({ screen: 'left', left: removal });
    },

    setAdminOpen(open) {
      set({ adminOpen: open });
    },

    async leave(pin) {
      const result = await call('leaveSelfServiceMode', { pin });
      if (result.ok) {
        forget({ screen: 'welcome' });
        // Settings (with their language) apply at once; settingsChanged says the same a moment later.
        useSettingsStore.getState().apply(result.value);
      }
      return result;
    },

    setLanguage(language) {
      // For this visitor only: never saved (the settings' language is the staff's).
      showLanguage(language);
    },

    wipe() {
      showLanguage(KIOSK_LANGUAGE);
      forget({ screen: 'welcome' });
    },

    reset() {
      forget({ screen: 'welcome' });
    },
  };
});
