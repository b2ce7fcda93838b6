/**
 * A sliding-window rate limiter: at most `perMinute` calls start in any window of `windowMs`
 * (default 60 s). Callers wait their turn, first come first served; nobody is refused. The
 * process-wide sharedListLimiter keeps the vendor's "fewer than 60 a minute" list calls (people,
 * regions, region people) under the limit for every client in the process, with a margin.
 */
export interface RateLimiterOptions {
  perMinute: number;
  /** Monotonic milliseconds; default performance.now. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Default 60 000. */
  windowMs?: number;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Start times inside the current window, oldest first. */
  private readonly starts: number[] = [];
  /** The queue: each caller acquires after the one before it. */
  private tail: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 1) throw new RangeError('perMinute must be at least 1');
    this.perMinute = Math.floor(options.perMinute);
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `fn` as soon as the window allows. `fn`'s own failure is passed on; the limiter never fails a caller. */
  schedule<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(() => this.acquire());
    this.tail = turn.catch(() => undefined);
    return turn.then(fn);
  }

  /** How many starts the current window holds (for tests and diagnostics). */
  get inWindow(): number {
    this.expire(this.now());
    return this.starts.length;
  }

  private expire(now: number): void {
    while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) this.starts.shift();
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.expire(now);
      if (this.starts.length < this.perMinute) {
        this.starts.push(now);
        return;
      }
      await this.sleep(Math.max(1, this.starts[0] + this.windowMs - now));
    }
  }
}

/** Kept under the vendor's 60 a minute with a margin for clock and network skew. */
export const SHARED_LIST_LIMIT_PER_MINUTE = 55;

/** Process-wide: people/getlist, region/getlist and region/getpeoplelist of every client. */
export const sharedListLimiter = new RateLimiter({ perMinute: SHARED_LIST_LIMIT_PER_MINUTE });
