/**
 * The host search's request discipline, kept pure so it can be tested with fake timers:
 * debounced, a minimum length, duplicate queries skipped, at most one request in flight (the
 * newest wanted query runs when the current one finishes; stale answers are dropped).
 */
export interface SearchSchedulerOptions<T> {
  delayMs: number;
  minLength: number;
  search: (query: string) => Promise<T>;
  onStart: (query: string) => void;
  onResult: (query: string, result: T) => void;
  /** The input became too short: show nothing. */
  onClear: () => void;
}

export interface SearchScheduler {
  /** The text in the box changed. */
  input(text: string): void;
  /** Run the current text now, even if it was searched before (e.g. "retry"). */
  flush(text: string, force?: boolean): void;
  dispose(): void;
}

export function createSearchScheduler<T>(options: SearchSchedulerOptions<T>): SearchScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wanted = '';
  let lastIssued = '';
  let inFlight = false;
  let pending: string | null = null;
  let disposed = false;

  const run = async (query: string) => {
    inFlight = true;
    lastIssued = query;
    options.onStart(query);
    let result: T | undefined;
    let failed = false;
    try {
      result = await options.search(query);
    } catch {
      failed = true;
    }
    inFlight = false;
    if (disposed) return;
    if (!failed && query === wanted) options.onResult(query, result as T);
    if (failed) lastIssued = '';
    const next = pending;
    pending = null;
    if (next !== null && next === wanted && next !== lastIssued) void run(next);
  };

  const fire = (query: string, force = false) => {
    wanted = query;
    if (!force && query === lastIssued) return;
    if (force) lastIssued = '';
    if (inFlight) {
      pending = query;
      return;
    }
    void run(query);
  };

  return {
    input(text) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const query = text.trim();
      if (query.length < options.minLength) {
        wanted = '';
        lastIssued = '';
        pending = null;
        options.onClear();
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        fire(query);
      }, options.delayMs);
    },
    flush(text, force = false) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const query = text.trim();
      if (query.length >= options.minLength) fire(query, force);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
