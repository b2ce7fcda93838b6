import { create } from 'zustand';
import type { AppStatus } from '../../../src-preload/contract';
import { call } from '../api';

export type LedgerProblem = AppStatus['ledgerProblems'][number];

interface StatusState {
  /** Problems main found on its own at start (e.g. a corrupt visit ledger set aside): shown until the app restarts. */
  ledgerProblems: LedgerProblem[];
  /** Asks main once at start. A failed call leaves the list as it was: nothing to show is better than a guess. */
  load(): Promise<void>;
}

export const useStatusStore = create<StatusState>()((set) => ({
  ledgerProblems: [],

  async load() {
    const result = await call('getStatus');
    if (result.ok) set({ ledgerProblems: result.value.ledgerProblems });
  },
}));
