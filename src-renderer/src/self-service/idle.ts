/**
 * The self-service kiosk's idle reset, pure (no React, no DOM): after `idleMs` without activity a
 * warning counts down `warnSeconds`; any activity meanwhile goes back to the start; if the
 * countdown reaches 0, `onExpire` runs (the caller wipes the visitor's data). The clock is
 * injected so tests drive it with fake timers.
 */
export interface IdleClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type IdlePhase =
  /** Not watching (e.g. on the welcome screen, or while a call runs). */
  | { phase: 'stopped' }
  /** Watching for idleness. */
  | { phase: 'active' }
  /** "Are you still there?": `secondsLeft` until the wipe. */
  | { phase: 'warning'; secondsLeft: number };

export interface IdleTimerOptions {
  idleMs: number;
  warnSeconds: number;
  clock?: IdleClock;
  /** Every change of phase, and every second of the warning. */
  onChange?: (state: IdlePhase) => void;
  /** The countdown ran out. The timer is stopped by then; `start()` watches again. */
  onExpire: () => void;
}

export interface IdleTimer {
  /** Start (or restart) watching: the idle time begins now. */
  start(): void;
  stop(): void;
  /** A touch, a key, a click: back to the full idle time (ignored while stopped). */
  activity(): void;
  /** A new idle time; a running timer restarts with it. */
  setIdleMs(ms: number): void;
  state(): IdlePhase;
}

export const defaultClock: IdleClock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const clock = options.clock ?? defaultClock;
  const warnSeconds = Math.max(0, Math.floor(options.warnSeconds));
  let idleMs = Math.max(0, options.idleMs);
  let current: IdlePhase = { phase: 'stopped' };
  let handle: unknown;

  const clear = () => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };

  const enter = (next: IdlePhase) => {
    current = next;
    options.onChange?.(next);
  };

  const countdown = (secondsLeft: number) => {
    if (secondsLeft <= 0) {
      clear();
      enter({ phase: 'stopped' });
      options.onExpire();
      return;
    }
    enter({ phase: 'warning', secondsLeft });
    handle = clock.setTimeout(() => {
      handle = undefined;
      countdown(secondsLeft - 1);
    }, 1000);
  };

  const watch = () => {
    clear();
    if (current.phase !== 'active') enter({ phase: 'active' });
    handle = clock.setTimeout(() => {
      handle = undefined;
      countdown(warnSeconds);
    }, idleMs);
  };

  return {
    start() {
      current = { phase: 'stopped' };
      watch();
    },
    stop() {
      clear();
      if (current.phase !== 'stopped') enter({ phase: 'stopped' });
    },
    activity() {
      if (current.phase === 'stopped') return;
      watch();
    },
    setIdleMs(ms) {
      idleMs = Math.max(0, ms);
      if (current.phase !== 'stopped') watch();
    },
    state: () => current,
  };
}

/** The DOM events that count as someone being there. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
