/**
 * A timeout signal that lives as long as the work it guards. `AbortSignal.timeout()` is only
 * weakly held by fetch: once nothing else refers to it, the garbage collector may take it with its
 * timer, and a stalled body read then waits forever (a 3 s photo timeout once ran 40 s). Here the
 * timer holds the controller until it fires or `clear()` is called.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Stops the timer; call when the guarded work is over. */
  clear(): void;
}

export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
