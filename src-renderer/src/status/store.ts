import { create } from 'zustand';
import type { AppStatus, DiskProblem, UnsavedFact } from '../../../src-preload/contract';
import { call } from '../api';

export type LedgerProblem = AppStatus['ledgerProblems'][number];
export type ClockSkew = NonNullable<AppStatus['clockSkew']>;

/** How often the status is asked for again, so a clock report that has run out goes away. */
export const STATUS_REFRESH_MS = 60_000;

interface StatusState {
  /** Problems main found on its own at start (e.g. a corrupt visit ledger set aside): shown until the app restarts. */
  ledgerProblems: LedgerProblem[];
  /** Set while the visit ledger cannot be written. */
  ledgerUnwritable?: DiskProblem;
  ledgerUnwritableSince?: string;
  /** K30 results this PC has not saved yet (held in memory by main, retried). */
  unsaved: UnsavedFact[];
  /** Door confirmations refused lately because the K30 server's clock and ours disagree. */
  clockSkew?: ClockSkew;
  /** Asks main once at start. A failed call leaves the list as it was: nothing to show is better than a guess. */
  load(): Promise<void>;
  /** main's statusChanged event. */
  apply(status: AppStatus): void;
}

export const useStatusStore = create<StatusState>()((set) => ({
  ledgerProblems: [],
  unsaved: [],

  async load() {
    const result = await call('getStatus');
    if (result.ok) set(pick(result.value));
  },

  apply(status) {
    set(pick(status));
  },
}));

function pick(status: AppStatus): Pick<StatusState, 'ledgerProblems' | 'ledgerUnwritable' | 'ledgerUnwritableSince' | 'unsaved' | 'clockSkew'> {
  return {
    ledgerProblems: status.ledgerProblems,
    ledgerUnwritable: status.ledgerUnwritable,
    ledgerUnwritableSince: status.ledgerUnwritableSince,
    unsaved: status.unsaved,
    clockSkew: status.clockSkew,
  };
}
