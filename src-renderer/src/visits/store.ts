import { create } from 'zustand';
import type { KioskError, Result, RetakePhotoInput, RetakePhotoResult, SweepResult, Visit } from '../../../src-preload/contract';
import { call } from '../api';

interface VisitsState {
  byId: Record<string, Visit>;
  loaded: boolean;
  loading: boolean;
  error: KioskError | null;

  load(): Promise<void>;
  /** A visit from an event or a call's answer. */
  upsert(visit: Visit): void;
  repush(visitId: string, deviceNos?: string[]): Promise<Result<Visit>>;
  remove(visitId: string): Promise<Result<Visit>>;
  /** Sign out (签离): ends the visit now and removes it from K30 and the doors. */
  signOut(visitId: string): Promise<Result<Visit>>;
  removeExpired(): Promise<Result<SweepResult>>;
  retry(visitId: string): Promise<Result<Visit>>;
  cancel(visitId: string): Promise<Result<Visit>>;
  /** A door refused the photo: a new visit with the new photo replaces this one (both kept in the list). */
  retakePhoto(input: RetakePhotoInput): Promise<Result<RetakePhotoResult>>;
  /** The visit the Visits page opens with (e.g. "open that visit" from a duplicate warning). */
  focusId: string | null;
  /** Sets (or, with null, clears) the visit the Visits page opens with. */
  focus(visitId: string | null): void;
}

export const useVisitsStore = create<VisitsState>()((set, get) => {
  const keep = (result: Result<Visit>) => {
    if (result.ok) get().upsert(result.value);
    return result;
  };
  return {
    byId: {},
    loaded: false,
    loading: false,
    error: null,
    focusId: null,
    focus: (visitId) => set({ focusId: visitId }),

    async load() {
      set({ loading: true, error: null });
      const result = await call('listVisits');
      if (result.ok) set({ byId: Object.fromEntries(result.value.map((v) => [v.id, v])), loaded: true, loading: false });
      else set({ error: result.error, loading: false });
    },

    upsert(visit) {
      set((s) => {
        const known = s.byId[visit.id];
        // History only grows: an older copy arriving late (events and answers may cross) is ignored.
        if (known && visit.history.length < known.history.length) return s;
        return { byId: { ...s.byId, [visit.id]: visit } };
      });
    },

    repush: async (visitId, deviceNos) => keep(await call('repushVisit', deviceNos ? { visitId, deviceNos } : { visitId })),
    remove: async (visitId) => keep(await call('removeVisit', { visitId })),
    signOut: async (visitId) => keep(await call('signOutVisit', { visitId })),
    // Called only after staff confirmed the duplicate warning (see the confirm dialogs).
    retry: async (visitId) => keep(await call('retryRegistration', { visitId, duplicateRiskAccepted: true })),
    cancel: async (visitId) => keep(await call('cancelVisit', { visitId })),
    async retakePhoto(input) {
      const result = await call('retakePhoto', input);
      if (result.ok) {
        get().upsert(result.value.replaced);
        get().upsert(result.value.visit);
      }
      return result;
    },

    async removeExpired() {
      const result = await call('removeExpired');
      if (result.ok) await get().load();
      return result;
    },
  };
});

/** One visit by id (undefined while unknown). */
export const useVisit = (visitId: string | undefined) => useVisitsStore((s) => (visitId ? s.byId[visitId] : undefined));
