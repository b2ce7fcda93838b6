/**
 * A sliding-window rate limiter: at most `perMinute` calls in any window of `windowMs` (default
 * 60 s). Callers wait their turn, first come first served; nobody is refused. listLimiterFor
 * keeps the vendor's "fewer than 60 a minute" list calls (people, regions, region people) to one
 * server under the limit for every client of it in the process, with a margin.
 *
 * When does a call count? The server counts it when it gets to it, which may be well after we
 * let it go (requests wait for connections, the network, a busy server). Counting it when it was
 * let go let a burst's last calls reach the server after our window had moved on, and the server
 * refused them. So a call holds its slot from when it is let go until it is answered, and only
 * then starts its window: whenever the server counted it, that was no later than the answer.
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

/** One call's slot: in flight until `doneAt` is set. */
interface Slot {
  doneAt?: number;
}

interface Waiter {
  priority: CallPriority;
  go: (slot: Slot) => void;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly reserve: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Calls in flight, and answered calls whose window has not passed. */
  private slots: Slot[] = [];
  /** Wakes the pump when every slot was in flight and one is answered. */
  private wakeOnAnswer?: () => void;
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
    // `fn` starts the moment its turn is granted; its slot is held until it is answered.
    const result = new Promise<T>((resolve, reject) =>
      this.waiting.push({
        priority,
        go: (slot: Slot) => {
          try {
            fn()
              .finally(() => this.answered(slot))
              .then(resolve, reject);
          } catch (error) {
            this.answered(slot);
            reject(error);
          }
        },
      }),
    );
    this.grantReady();
    void this.pump();
    return result;
  }

  /** How many calls the current window holds, those in flight included (tests, diagnostics). */
  get inWindow(): number {
    this.expire(this.now());
    return this.slots.length;
  }

  private expire(now: number): void {
    this.slots = this.slots.filter((slot) => slot.doneAt === undefined || slot.doneAt > now - this.windowMs);
  }

  private answered(slot: Slot): void {
    slot.doneAt = this.now();
    const wake = this.wakeOnAnswer;
    this.wakeOnAnswer = undefined;
    wake?.();
  }

  /** Lets every waiter start whose turn it is now: interactive first, background within its share. */
  private grantReady(): void {
    const now = this.now();
    this.expire(now);
    for (;;) {
      const interactive = this.waiting.findIndex((w) => w.priority === 'interactive');
      const held = this.slots.length;
      const index = interactive >= 0 ? (held < this.perMinute ? interactive : -1) : held < this.perMinute - this.reserve ? 0 : -1;
      if (index < 0 || this.waiting.length === 0) return;
      const [waiter] = this.waiting.splice(index, 1);
      const slot: Slot = {};
      this.slots.push(slot);
      waiter.go(slot);
    }
  }

  /** While anyone waits: sleep until the oldest answer leaves the window (or wait for an answer), then grant again. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const now = this.now();
        const answered = this.slots.filter((slot) => slot.doneAt !== undefined).map((slot) => slot.doneAt!);
        if (answered.length > 0 || this.slots.length === 0)
          await this.sleep(Math.max(1, (answered.length ? Math.min(...answered) : now) + this.windowMs - now));
        else await new Promise<void>((resolve) => (this.wakeOnAnswer = resolve));
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

const listLimiters = new Map<string, RateLimiter>();

/**
 * The limiter of people/getlist, region/getlist and region/getpeoplelist for one K30 server,
 * shared by every client of it in the process: the server counts the calls it gets, whichever
 * client sent them (a client rebuilt after a settings change goes on counting). Another server
 * (a test's own simulator, say) has its own count.
 */
export function listLimiterFor(server: string): RateLimiter {
  let limiter = listLimiters.get(server);
  if (!limiter) listLimiters.set(server, (limiter = new RateLimiter({ perMinute: SHARED_LIST_LIMIT_PER_MINUTE, reserve: SHARED_LIST_RESERVE })));
  return limiter;
}
