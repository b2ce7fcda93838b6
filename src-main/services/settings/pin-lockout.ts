import type { KeyValueStore } from '../ports';
import { PIN_LOCKOUT_KEY } from './settings-schema';

export interface PinLockoutOptions {
  now: () => number;
  /** Wrong PINs allowed before a lockout. */
  maxAttempts: number;
  /** The first lockout; each further one in a row doubles, up to `maxLockoutMs`. */
  lockoutMs: number;
  maxLockoutMs: number;
}

interface LockoutState {
  wrongPins: number;
  lockouts: number;
  lockedUntil: number;
}

const CLEAR: LockoutState = { wrongPins: 0, lockouts: 0, lockedUntil: 0 };

function readState(raw: unknown): LockoutState {
  if (!raw || typeof raw !== 'object') return { ...CLEAR };
  const { wrongPins, lockouts, lockedUntil } = raw as Record<string, unknown>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1_000 ? n : 0);
  return {
    wrongPins: count(wrongPins),
    lockouts: count(lockouts),
    lockedUntil: typeof lockedUntil === 'number' && Number.isFinite(lockedUntil) ? lockedUntil : 0,
  };
}

/**
 * The admin PIN's wrong-attempt counter and lockout, kept in the settings store: quitting the app
 * (or pulling the plug) in the middle of a lockout neither ends it nor resets the count. A clock
 * set back cannot stretch a lockout: what remains is never more than the longest lockout.
 */
export class PinLockout {
  constructor(
    private readonly store: KeyValueStore,
    private readonly opts: PinLockoutOptions,
  ) {}

  private get state(): LockoutState {
    return readState(this.store.get(PIN_LOCKOUT_KEY));
  }

  private set state(next: LockoutState) {
    this.store.set(PIN_LOCKOUT_KEY, next);
  }

  /** Milliseconds until PINs are tried again (0 = not locked). */
  remainingMs(): number {
    const state = this.state;
    const now = this.opts.now();
    const remaining = state.lockedUntil - now;
    if (remaining > this.opts.maxLockoutMs) {
      // The clock went back: the lockout ends the longest lockout from now, not a year from now.
      this.state = { ...state, lockedUntil: now + this.opts.maxLockoutMs };
      return this.opts.maxLockoutMs;
    }
    return Math.max(0, remaining);
  }

  /** The right PIN: the count starts again. */
  succeeded(): void {
    const state = this.state;
    if (state.wrongPins !== 0 || state.lockouts !== 0 || state.lockedUntil !== 0) this.state = { ...CLEAR };
  }

  /** A wrong PIN: counted; returns the lockout it started in ms (0 = none yet) and the count. */
  failed(): { wrongPins: number; lockoutMs: number } {
    const state = this.state;
    const wrongPins = state.wrongPins + 1;
    if (wrongPins < this.opts.maxAttempts) {
      this.state = { ...state, wrongPins };
      return { wrongPins, lockoutMs: 0 };
    }
    const lockoutMs = Math.min(this.opts.maxLockoutMs, this.opts.lockoutMs * 2 ** state.lockouts);
    this.state = { wrongPins: 0, lockouts: state.lockouts + 1, lockedUntil: this.opts.now() + lockoutMs };
    return { wrongPins, lockoutMs };
  }
}
