import { create } from 'zustand';
import type { KioskError, ReturningOffer } from '../../../src-preload/contract';
import { call } from '../api';
import { queryKey } from './returning';
import { useRegistrationStore } from './store';

interface ReturningState {
  /** The returning visitor the typed numbers belong to, if any. */
  offer: ReturningOffer | null;
  /** The numbers last looked up (the same are not asked again). */
  lastKey: string;
  /** Staff said "not this person" for these numbers. */
  dismissedKey: string;
  /** The profile just filled in: not offered again for this registration. */
  usedId: string;
  busy: boolean;
  error: KioskError | null;
  lookup(query: { phone?: string; documentNo?: string }): Promise<void>;
  /** One tap: the profile's details into the wizard. */
  use(): Promise<void>;
  dismiss(): void;
  reset(): void;
}

/** Reception's returning-visitor offer: looked up as numbers are typed, used with one tap. */
export const useReturningStore = create<ReturningState>()((set, get) => ({
  offer: null,
  lastKey: '',
  dismissedKey: '',
  usedId: '',
  busy: false,
  error: null,

  async lookup(query) {
    const key = queryKey(query);
    if (key === get().lastKey) return;
    set({ lastKey: key });
    const result = await call('findReturningVisitor', query);
    // A newer lookup started meanwhile: its answer counts, not this one.
    if (get().lastKey !== key) return;
    const offer = result.ok && key !== get().dismissedKey && result.value?.profileId !== get().usedId ? result.value : null;
    set({ offer });
  },

  async use() {
    const { offer } = get();
    if (!offer || get().busy) return;
    set({ busy: true, error: null });
    const result = await call('useReturningVisitor', { profileId: offer.profileId });
    if (!result.ok) {
      set({ busy: false, error: result.error });
      return;
    }
    set({ busy: false, offer: null, usedId: offer.profileId });
    useRegistrationStore.getState().applyReturning(result.value);
  },

  dismiss() {
    set({ offer: null, dismissedKey: get().lastKey });
  },

  reset() {
    set({ offer: null, lastKey: '', dismissedKey: '', usedId: '', busy: false, error: null });
  },
}));
