import { create } from 'zustand';
import type { KioskError, ProfileSummary } from '../../../src-preload/contract';
import { call } from '../api';

interface ProfilesState {
  query: string;
  profiles: ProfileSummary[];
  loaded: boolean;
  error: KioskError | null;
  /** The name of the visitor just forgotten (said once, then cleared by the next search). */
  forgotten: string;
  search(query?: string): Promise<void>;
  forget(profile: ProfileSummary): Promise<void>;
}

/** Settings' list of remembered visitors, for "forget this visitor" (admin PIN session in main). */
export const useProfilesStore = create<ProfilesState>()((set, get) => ({
  query: '',
  profiles: [],
  loaded: false,
  error: null,
  forgotten: '',

  async search(query = get().query) {
    set({ query });
    const result = await call('searchVisitorProfiles', { query });
    if (get().query !== query) return;
    set(result.ok ? { profiles: result.value, loaded: true, error: null } : { error: result.error });
  },

  async forget(profile) {
    const result = await call('forgetVisitor', { profileId: profile.profileId });
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set({ forgotten: profile.name, profiles: get().profiles.filter((p) => p.profileId !== profile.profileId) });
  },
}));
