import { create } from 'zustand';
import type { KioskError, RollCall, RollCallSource } from '../../../src-preload/contract';
import { call } from '../api';

interface RollCallState {
  rollCall: RollCall | null;
  loading: boolean;
  error: KioskError | null;
  /** Person no → a mark on its way to main (the button shows it at once, main confirms). */
  marking: Record<string, boolean>;

  /** The roll call under way (main keeps it across restarts). */
  load(): Promise<void>;
  start(scope: string, source: RollCallSource): Promise<boolean>;
  mark(no: string, safe: boolean): Promise<void>;
  end(): Promise<void>;
}

/** The evacuation roll call: main holds the list and the marks; this mirrors them for the screen. */
export const useRollCallStore = create<RollCallState>()((set) => ({
  rollCall: null,
  loading: false,
  error: null,
  marking: {},

  async load() {
    const result = await call('getRollCall', { phones: 'masked' });
    if (result.ok) set({ rollCall: result.value, error: null });
    else set({ error: result.error });
  },

  async start(scope, source) {
    set({ loading: true, error: null });
    const result = await call('startRollCall', { scope, source, phones: 'masked' });
    if (result.ok) set({ rollCall: result.value, loading: false, marking: {} });
    else set({ error: result.error, loading: false });
    return result.ok;
  },

  async mark(no, safe) {
    set((s) => ({ marking: { ...s.marking, [no]: safe }, error: null }));
    const result = await call('markRollCall', { no, safe });
    set((s) => {
      const { [no]: _done, ...marking } = s.marking;
      if (!result.ok) return { marking, error: result.error };
      return { marking, rollCall: s.rollCall && { ...s.rollCall, safe: result.value } };
    });
  },

  async end() {
    const result = await call('endRollCall');
    if (result.ok) set({ rollCall: null, marking: {}, error: null });
    else set({ error: result.error });
  },
}));

/** What a person's button shows: a mark on its way wins over the last confirmed state. */
export const isMarkedSafe = (state: Pick<RollCallState, 'rollCall' | 'marking'>, no: string) => state.marking[no] ?? Boolean(state.rollCall?.safe[no]);
