import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NotificationFailure } from '../../../src-preload/contract';
import type { DurableFile, Logger } from '../ports';
import { DenyAlertSchema } from './deny-alert';
import type { Verdict } from './platforms';

/**
 * Notifications waiting to be sent, kept in a file in the data folder so a restart loses none. A
 * host's entry holds ids only (visit, channel, door): the message is composed when it is sent,
 * from the ledger, so no visitor data sits in this file for it. A reception alert (deny-list hit
 * at the kiosk) has no visit to read back, so it carries its alert (names and reasons, never a
 * number) until it is sent. Network errors and 5xx are tried again with a growing wait; 4xx and a
 * platform's "no" are not. Nothing here ever throws into a registration.
 */
export const QueuedNotificationSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  /** The visit a host's notification is about (none for a reception alert). */
  visitId: z.string().optional(),
  event: z.enum(['visitor.registered', 'visitor.first-pass', 'deny-list.kiosk-hit']),
  doorNo: z.string().optional(),
  alert: DenyAlertSchema.optional(),
  attempts: z.number().int().nonnegative(),
  nextAt: z.string(),
  lastReason: z.string().optional(),
});
export type QueuedNotification = z.infer<typeof QueuedNotificationSchema>;

const QueueFileSchema = z.object({ version: z.literal(1), entries: z.array(QueuedNotificationSchema) });

/** How one entry went: sent, failed for good, or waiting for another attempt. */
export type QueueOutcome = { state: 'sent' } | { state: 'failed'; reason: NotificationFailure } | { state: 'pending'; attempts: number };

export interface NotificationQueueOptions {
  file: DurableFile;
  log: Logger;
  /** Sends one entry (composes, resolves the channel, delivers). */
  send: (entry: QueuedNotification) => Promise<Verdict>;
  /** Told of every attempt's outcome (the visit shows it). */
  onOutcome: (entry: QueuedNotification, outcome: QueueOutcome) => void | Promise<void>;
  now?: () => Date;
  /** First wait after a failed attempt, doubled each time, at most maxMs; attempts before giving up. */
  backoff?: { firstMs: number; maxMs: number; attempts: number };
  /** Tests run the queue by hand (runDue) instead of on timers. */
  manual?: boolean;
}

export class NotificationQueue {
  private entries: QueuedNotification[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private closed = false;
  private readonly now: () => Date;
  private readonly backoff: { firstMs: number; maxMs: number; attempts: number };

  private constructor(private readonly options: NotificationQueueOptions) {
    this.now = options.now ?? (() => new Date());
    this.backoff = options.backoff ?? { firstMs: 5_000, maxMs: 5 * 60_000, attempts: 8 };
  }

  /** Loads what the last run left (an unreadable file is set aside in the log and started empty). */
  static async open(options: NotificationQueueOptions): Promise<NotificationQueue> {
    const queue = new NotificationQueue(options);
    try {
      const text = await options.file.read();
      if (text !== undefined) queue.entries = QueueFileSchema.parse(JSON.parse(text)).entries;
    } catch {
      options.log.error('notifications: the queue file is unreadable; starting with an empty queue');
    }
    queue.schedule();
    return queue;
  }

  /** Entries waiting (copies). */
  pending(): QueuedNotification[] {
    return this.entries.map((e) => ({ ...e }));
  }

  async enqueue(entry: Omit<QueuedNotification, 'id' | 'attempts' | 'nextAt'>): Promise<QueuedNotification> {
    const queued: QueuedNotification = { ...entry, id: randomUUID(), attempts: 0, nextAt: this.now().toISOString() };
    this.entries.push(queued);
    await this.persist();
    this.schedule();
    return { ...queued };
  }

  /** Sends every entry that is due, one after another; resolves when done. */
  runDue(): Promise<void> {
    if (this.running) return this.running;
    const run = this.process().finally(() => {
      if (this.running === run) this.running = undefined;
      this.schedule();
    });
    this.running = run;
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }

  private async process(): Promise<void> {
    const now = this.now().getTime();
    for (const entry of this.entries.filter((e) => Date.parse(e.nextAt) <= now)) {
      if (this.closed) return;
      let verdict: Verdict;
      try {
        verdict = await this.options.send(entry);
      } catch {
        verdict = { outcome: 'retry', reason: 'unreachable' };
      }
      const attempts = entry.attempts + 1;
      let outcome: QueueOutcome;
      if (verdict.outcome === 'sent') outcome = { state: 'sent' };
      else if (verdict.outcome === 'failed' || attempts >= this.backoff.attempts) outcome = { state: 'failed', reason: verdict.reason };
      else outcome = { state: 'pending', attempts };
      if (outcome.state === 'pending') {
        const wait = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** (attempts - 1));
        Object.assign(entry, {
          attempts,
          nextAt: new Date(this.now().getTime() + wait).toISOString(),
          lastReason: verdict.outcome === 'sent' ? undefined : verdict.reason,
        });
      } else {
        this.entries = this.entries.filter((e) => e.id !== entry.id);
      }
      this.options.log.info(
        `notifications: ${entry.event} for ${about(entry)} via channel ${entry.channelId}: ${outcome.state}${outcome.state === 'failed' ? ` (${outcome.reason})` : ''}`,
      );
      await this.persist();
      try {
        await this.options.onOutcome({ ...entry, attempts }, outcome);
      } catch {
        this.options.log.warn(`notifications: the outcome for ${about(entry)} could not be recorded`);
      }
    }
  }

  private async persist(): Promise<void> {
    try {
      await this.options.file.write(JSON.stringify({ version: 1, entries: this.entries }));
    } catch {
      // Kept in memory and sent all the same; only a restart before the disk recovers would lose it.
      this.options.log.error('notifications: the queue could not be written to disk');
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.closed || this.options.manual || this.entries.length === 0) return;
    const next = Math.min(...this.entries.map((e) => Date.parse(e.nextAt)));
    this.timer = setTimeout(() => void this.runDue(), Math.max(0, next - this.now().getTime()));
    this.timer.unref?.();
  }
}

/** What an entry is about, for the log (ids only: no names). */
function about(entry: QueuedNotification): string {
  return entry.visitId ? `visit ${entry.visitId}` : `reception (entry ${entry.id})`;
}
