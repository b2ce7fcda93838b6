/**
 * Callbacks that were genuine (signed with our secret) but fell outside the freshness window.
 * They are still refused, since a replay could look the same, but they are counted: when the K30
 * server's clock and ours disagree, door confirmations would otherwise vanish without a trace.
 */
export interface ClockSkewReport {
  /** Which clock is ahead: the K30 server's ('server-ahead') or this PC's ('server-behind'). */
  code: 'server-ahead' | 'server-behind';
  /** How far apart the clocks were at the last refused callback, in whole minutes. */
  minutes: number;
  /** Refused since the app started. */
  rejected: number;
  /** When the last one was refused (ISO). */
  at: string;
}

/** A report stays up this long after the last refusal; then the clocks are presumed fixed. */
export const CLOCK_SKEW_REPORT_MS = 60 * 60_000;

export class ClockSkewTracker {
  private rejected = 0;
  private last?: { skewMs: number; at: number };

  /** `sentMs` is the callback's own timestamp, `nowMs` our clock when it arrived. */
  record(sentMs: number, nowMs: number): void {
    this.rejected++;
    this.last = { skewMs: sentMs - nowMs, at: nowMs };
  }

  report(nowMs: number): ClockSkewReport | undefined {
    const last = this.last;
    if (!last || nowMs - last.at > CLOCK_SKEW_REPORT_MS) return undefined;
    return {
      code: last.skewMs > 0 ? 'server-ahead' : 'server-behind',
      minutes: Math.round(Math.abs(last.skewMs) / 60_000),
      rejected: this.rejected,
      at: new Date(last.at).toISOString(),
    };
  }
}
