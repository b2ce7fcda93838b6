/**
 * At most `limit()` takes in any `windowMs` (a sliding window over the times of the takes that
 * were allowed). The clock is injected; a clock set back forgets nothing it should not: takes
 * "from the future" still count until the window has passed them.
 */
export class RateWindow {
  private taken: number[] = [];

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True (and counted) when another take fits in the window. */
  take(): boolean {
    const now = this.now();
    this.taken = this.taken.filter((at) => Math.abs(now - at) < this.windowMs);
    if (this.taken.length >= this.limit()) return false;
    this.taken.push(now);
    return true;
  }

  /** Seconds until the next take fits (0 = now). */
  waitSeconds(): number {
    const now = this.now();
    const live = this.taken.filter((at) => Math.abs(now - at) < this.windowMs);
    if (live.length < this.limit()) return 0;
    const oldest = Math.min(...live);
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}
