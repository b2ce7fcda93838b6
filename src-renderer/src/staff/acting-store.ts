import { create } from 'zustand';
import type { Acting, CallName, KioskError } from '../../../src-preload/contract';
import { call, PIN_WITH_CALL } from '../api';

interface Prompt {
  /** 'door': the PIN goes with the call; 'sign-in': main signs the member in first. */
  mode: 'door' | 'sign-in';
  resolve: (pin: string | null) => void;
}

interface ActingState {
  acting: Acting | null;
  prompt: Prompt | null;
  load(): Promise<void>;
  /** Main found who this PIN is; the member acts until their session lapses. */
  signIn(pin: string): Promise<KioskError | null>;
  signOut(): Promise<void>;
  /** For api.ts: ask who is acting before `name` is sent again. */
  ask(name: CallName): Promise<string | null>;
  answer(pin: string | null): void;
}

/** Who acts at this station (main decides; the page shows it and asks for a PIN when told to). */
export const useActingStore = create<ActingState>()((set, get) => ({
  acting: null,
  prompt: null,

  async load() {
    const result = await call('getActing');
    if (result.ok) set({ acting: result.value });
  },

  async signIn(pin) {
    const result = await call('signInStaff', { pin });
    if (!result.ok) return result.error;
    set({ acting: result.value });
    return null;
  },

  async signOut() {
    const result = await call('signOutStaff');
    if (result.ok) set({ acting: result.value });
  },

  ask(name) {
    get().prompt?.resolve(null);
    return new Promise((resolve) => set({ prompt: { mode: PIN_WITH_CALL.has(name) ? 'door' : 'sign-in', resolve } }));
  },

  answer(pin) {
    const prompt = get().prompt;
    set({ prompt: null });
    prompt?.resolve(pin);
  },
}));
