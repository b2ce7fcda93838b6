/**
 * A sliding-window rate limiter: at most `perMinute` calls start in any window of `windowMs`
 * (default 60 s). Callers wait their turn, first come first served; nobody is refused. The
 * process-wide sharedListLimiter keeps the vendor's "fewer than 60 a minute" list calls (people,
 * regions, region people) under the limit for every client in the process, with a margin.
 */
export interface RateLimiterOptions {
  perMinute: number;
  /**
   * Starts kept for interactive calls: background calls (a muster, an auto-refresh) start only
   * while the window holds fewer than `perMinute - reserve`, so a long muster never stalls a host
   * search at the desk. Default 0.
   */
  reserve?: number;
  /** Monotonic milliseconds; default performance.now. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Default 60 000. */
  windowMs?: number;
}

/** Interactive calls (someone waits at the screen) go before background ones and may use the reserve. */
export type CallPriority = 'interactive' | 'background';

interface Waiter {
  priority: CallPriority;
  go: () => void;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly reserve: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Start times inside the current window, oldest first. */
  private readonly starts: number[] = [];
  /** Callers waiting their turn, first come first served within a priority. */
  private readonly waiting: Waiter[] = [];
  private pumping = false;

  constructor(options: RateLimiterOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 1) throw new RangeError('perMinute must be at least 1');
    this.perMinute = Math.floor(options.perMinute);
    this.reserve = Math.min(this.perMinute - 1, Math.max(0, Math.floor(options.reserve ?? 0)));
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `fn` as soon as the window allows. `fn`'s own failure is passed on; the limiter never fails a caller. */
  schedule<T>(fn: () => Promise<T>, priority: CallPriority = 'interactive'): Promise<T> {
    // `fn` starts the moment its turn is granted (its start is what the window counts).
    const result = new Promise<T>((resolve, reject) =>
      this.waiting.push({
        priority,
        go: () => {
          try {
            fn().then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        },
      }),
    );
    this.grantReady();
    void this.pump();
    return result;
  }

  /** How many starts the current window holds (for tests and diagnostics). */
  get inWindow(): number {
    this.expire(this.now());
    return this.starts.length;
  }

  private expire(now: number): void {
    while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) this.starts.shift();
  }

  /** Lets every waiter start whose turn it is now: interactive first, background within its share. */
  private grantReady(): void {
    const now = this.now();
    this.expire(now);
    for (;;) {
      const interactive = this.waiting.findIndex((w) => w.priority === 'interactive');
      const index = interactive >= 0 ? (this.starts.length < this.perMinute ? interactive : -1) : this.starts.length < this.perMinute - this.reserve ? 0 : -1;
      if (index < 0 || this.waiting.length === 0) return;
      const [waiter] = this.waiting.splice(index, 1);
      this.starts.push(now);
      waiter.go();
    }
  }

  /** While anyone waits: sleep until the oldest start leaves the window, then grant again. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const now = this.now();
        await this.sleep(Math.max(1, (this.starts[0] ?? now) + this.windowMs - now));
        this.grantReady();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** Kept under the vendor's 60 a minute with a margin for clock and network skew. */
export const SHARED_LIST_LIMIT_PER_MINUTE = 55;

/** Of those, kept for calls someone waits for at the screen (host search, the list on screen). */
export const SHARED_LIST_RESERVE = 15;

/** Process-wide: people/getlist, region/getlist and region/getpeoplelist of every client. */
export const sharedListLimiter = new RateLimiter({ perMinute: SHARED_LIST_LIMIT_PER_MINUTE, reserve: SHARED_LIST_RESERVE });
