/**
 * The vendor limits the list calls of people, regions and region people to fewer than 60 a
 * minute. A sliding window over the accepted calls' times, shared by those calls.
 */
export const RATE_LIMITED_CALLS: ReadonlySet<string> = new Set(['people/getlist', 'region/getlist', 'region/getpeoplelist']);

export class SlidingWindowLimiter {
  private times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a call at `now` and answers true, or answers false (not recorded) when over the limit. */
  tryAcquire(now: number): boolean {
    const horizon = now - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop] <= horizon) drop++;
    if (drop) this.times.splice(0, drop);
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }

  reset(): void {
    this.times = [];
  }

  get limitPerWindow(): number {
    return this.limit;
  }
}
