import { create, type StateCreator } from 'zustand';
import type { Host, KioskError, Result } from '../../../src-preload/contract';
import { call } from '../api';
import { createSearchScheduler } from './host-search';

export const HOST_SEARCH_DELAY_MS = 300;
export const HOST_SEARCH_MIN_LENGTH = 1;

export interface HostSearchState {
  /** What is typed in the host box (kept with the draft). */
  text: string;
  results: Host[];
  status: 'idle' | 'searching' | 'done' | 'error';
  /** The query the shown results belong to. */
  searchedQuery: string;
  error: KioskError | null;
  setText(text: string): void;
  /** Shows text (the chosen host's name) without searching for it. */
  showText(text: string): void;
  retry(): void;
  reset(): void;
}

const hostSearch =
  (minLength: number): StateCreator<HostSearchState> =>
  (set, get) => {
    const scheduler = createSearchScheduler<Result<Host[]>>({
      delayMs: HOST_SEARCH_DELAY_MS,
      minLength,
      search: (query) => call('searchHosts', { query }),
      onStart: () => set({ status: 'searching', error: null }),
      onResult: (query, result) =>
        set(
          result.ok
            ? { results: result.value, status: 'done', searchedQuery: query, error: null }
            : { results: [], status: 'error', searchedQuery: query, error: result.error },
        ),
      onClear: () => set({ results: [], status: 'idle', searchedQuery: '', error: null }),
    });
    return {
      text: '',
      results: [],
      status: 'idle',
      searchedQuery: '',
      error: null,
      setText(text) {
        set({ text });
        scheduler.input(text);
      },
      showText(text) {
        set({ text });
      },
      retry() {
        scheduler.flush(get().text, true);
      },
      reset() {
        scheduler.input('');
        set({ text: '', results: [], status: 'idle', searchedQuery: '', error: null });
      },
    };
  };

/**
 * A host search of its own (reception and the self-service kiosk each keep theirs). The kiosk's
 * starts at two characters: main answers shorter queries with nobody.
 */
export const createHostSearchStore = (minLength = HOST_SEARCH_MIN_LENGTH) => create<HostSearchState>()(hostSearch(minLength));

/** The reception wizard's host search. */
export const useHostSearchStore = createHostSearchStore();
export type HostSearchStore = typeof useHostSearchStore;
