import type { Actor, AuditAction, AuditEntry, AuditOutcome } from '../../../src-preload/contract';
import type { Logger } from '../ports';

/** What a service records: the log adds the time. */
export interface AuditRecord {
  actor: Actor;
  action: AuditAction;
  outcome: AuditOutcome;
  visitId?: string;
  /** Short, no secrets; long digit runs are masked anyway (a phone or ID never lands here whole). */
  detail?: string;
}

export interface AuditLogOptions {
  /** Where the entries are kept: day files on this station (AuditFileStore) or the site database. */
  store: AuditStore;
  log: Logger;
  now?: () => Date;
}

/** Where audit entries are kept: appended in order, listed newest first, dropped by whole UTC days. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** Entries of the days from..to (inclusive, UTC), newest first, at most `limit`. */
  list(query: { from?: string; to?: string }, limit: number): Promise<{ entries: AuditEntry[]; truncated: boolean }>;
  /** Drops every entry of a UTC day before `oldestKept`; returns the days dropped, oldest first. */
  dropBefore(oldestKept: string): Promise<string[]>;
}

const DETAIL_MAX = 300;

/** The UTC day of a time: the day file it belongs in. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Any run of 6 or more digits (an ID's trailing X too) keeps only its last 4. */
export function maskNumbers(text: string): string {
  return text.replace(/\d{6,}[\dXx]?/g, (run) => `***${run.slice(-4)}`);
}

/**
 * Who did what, when, on which visit, with what outcome: one entry per action, stored (day files
 * on this station, or the site database) before `record` resolves, in the order asked. Nothing
 * rewrites an entry; the only removal is the retention purge, which drops whole UTC days.
 */
export class AuditLog {
  private readonly now: () => Date;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly opts: AuditLogOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Appends one entry (in order with the others); rejects when the store refuses it. */
  record(entry: AuditRecord): Promise<AuditEntry> {
    const full: AuditEntry = {
      at: this.now().toISOString(),
      actor: entry.actor,
      action: entry.action,
      outcome: entry.outcome,
      ...(entry.visitId ? { visitId: entry.visitId } : {}),
      ...(entry.detail ? { detail: maskNumbers(entry.detail).slice(0, DETAIL_MAX) } : {}),
    };
    return this.enqueue(() => this.opts.store.append(full)).then(() => full);
  }

  /** Appends and purges run one at a time, in order. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const done = this.queue.then(work);
    this.queue = done.then(
      () => {},
      () => {},
    );
    return done;
  }

  /** Resolves once every entry asked for so far is written (or refused). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** For actions already done (K30 acted): a refused write is logged, not thrown back at the action. */
  note(entry: AuditRecord): void {
    const logged = this.record(entry).then(
      () => {},
      (error: NodeJS.ErrnoException) => this.opts.log.error(`audit: could not record ${entry.action} (${error?.code ?? 'error'}); the action itself stands`),
    );
    // idle() waits for the log line too.
    this.queue = this.queue.then(() => logged);
  }

  /** Entries of the days from..to (inclusive, UTC), newest first, at most `limit`. */
  async list(query: { from?: string; to?: string }, limit = 5_000): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
    await this.queue;
    return this.opts.store.list(query, limit);
  }

  /** Keeps the last `retentionDays` UTC days (today included), dropping older days whole; returns the days dropped. */
  purge(retentionDays: number): Promise<string[]> {
    return this.enqueue(async () => {
      const dropped = await this.opts.store.dropBefore(dayOf(new Date(this.now().getTime() - (retentionDays - 1) * 86_400_000)));
      if (dropped.length > 0) this.opts.log.info(`audit: retention dropped ${dropped.length} day(s) up to ${dropped[dropped.length - 1]}`);
      return dropped;
    });
  }
}
