/**
 * Per-call deadlines on one timer per duration, not one per call. Every call of a client has the
 * same timeout, so deadlines arrive in the order they end: a queue per duration, whose head alone
 * holds a timer. Starting a deadline is a push, clearing one sets a flag; both cost far less than
 * a Node timer each (the client's per-call budget is a few microseconds). The timer is unref'd:
 * the request it guards keeps the process alive while it waits.
 *
 * Node starts a timer from the event loop's cached time, which lags after a long synchronous
 * stretch, so a timer may fire early: deadlines are kept on performance.now() and the timer is
 * re-armed for the rest instead of cutting a call short.
 */
export class CallDeadline {
  expired = false;
  cleared = false;
  /** What the call does when the deadline passes; set by the phase it is in. */
  onExpire: (() => void) | undefined;

  constructor(readonly endsAt: number) {}

  /** The guarded work is over: the deadline will never fire. */
  clear(): void {
    this.cleared = true;
    // It waits in its queue until its time; what it would have cut off need not wait with it.
    this.onExpire = undefined;
  }
}

class DeadlineQueue {
  private readonly items: CallDeadline[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {}

  start(): CallDeadline {
    const deadline = new CallDeadline(performance.now() + this.ms);
    this.items.push(deadline);
    if (this.timer === undefined) this.arm(this.ms);
    return deadline;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(this.fire, Math.max(1, ms));
    this.timer.unref?.();
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    const now = performance.now();
    while (this.head < this.items.length) {
      const next = this.items[this.head];
      if (!next.cleared && next.endsAt - now > 1) break;
      this.items[this.head++] = undefined as unknown as CallDeadline;
      if (next.cleared) continue;
      next.expired = true;
      next.onExpire?.();
    }
    // Drop the consumed front now and then, so the array does not grow without end.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    if (this.head < this.items.length) this.arm(this.items[this.head].endsAt - now);
    else {
      this.items.length = 0;
      this.head = 0;
    }
  };
}

const queues = new Map<number, DeadlineQueue>();

/** A deadline `ms` from now; `clear()` it when the work is over. */
export function startCallDeadline(ms: number): CallDeadline {
  let queue = queues.get(ms);
  if (!queue) queues.set(ms, (queue = new DeadlineQueue(ms)));
  return queue.start();
}
