import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema, type Actor, type AuditAction, type AuditEntry, type AuditOutcome } from '../../../src-preload/contract';
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
  /** The folder of day files (`<dataDir>/audit`). */
  dir: string;
  log: Logger;
  now?: () => Date;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const DETAIL_MAX = 300;

/** The UTC day of a time: the day file it belongs in. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Any run of 6 or more digits (an ID's trailing X too) keeps only its last 4. */
export function maskNumbers(text: string): string {
  return text.replace(/\d{6,}[\dXx]?/g, (run) => `***${run.slice(-4)}`);
}

/**
 * Who did what, when, on which visit, with what outcome: one JSON line per action in a file per
 * UTC day (`audit/2026-12-01.jsonl`), appended and fsynced before `record` resolves. Nothing
 * rewrites a day; the only removal is the retention purge, which drops whole days.
 */
export class AuditLog {
  private readonly now: () => Date;
  private queue: Promise<void> = Promise.resolve();
  /** Day files already checked for a torn last line (a crash mid-append) in this run. */
  private readonly checked = new Set<string>();

  constructor(private readonly opts: AuditLogOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Appends one entry (in order with the others); rejects when the disk refuses it. */
  record(entry: AuditRecord): Promise<AuditEntry> {
    const at = this.now();
    const full: AuditEntry = {
      at: at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      outcome: entry.outcome,
      ...(entry.visitId ? { visitId: entry.visitId } : {}),
      ...(entry.detail ? { detail: maskNumbers(entry.detail).slice(0, DETAIL_MAX) } : {}),
    };
    return this.enqueue(() => this.append(dayOf(at), `${JSON.stringify(full)}\n`)).then(() => full);
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

  private async append(day: string, line: string): Promise<void> {
    await mkdir(this.opts.dir, { recursive: true, mode: 0o700 });
    const file = join(this.opts.dir, `${day}.jsonl`);
    const handle = await open(file, 'a+', 0o600);
    try {
      let prefix = '';
      if (!this.checked.has(file)) {
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
      }
      await handle.appendFile(prefix + line, 'utf8');
      await handle.sync();
      this.checked.add(file);
    } finally {
      await handle.close();
    }
  }

  /** The days on disk, oldest first. */
  async days(): Promise<string[]> {
    try {
      return (await readdir(this.opts.dir)).flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Entries of the days from..to (inclusive, UTC), newest first, at most `limit`. */
  async list(query: { from?: string; to?: string }, limit = 5_000): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
    await this.queue;
    const days = (await this.days()).filter((d) => (!query.from || d >= query.from) && (!query.to || d <= query.to)).reverse();
    const entries: AuditEntry[] = [];
    for (const day of days) {
      const text = await readFile(join(this.opts.dir, `${day}.jsonl`), 'utf8');
      const ofDay: AuditEntry[] = [];
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        try {
          const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
          if (parsed.success) ofDay.push(parsed.data);
        } catch {
          // A line torn by a crash: skipped, never rewritten.
        }
      }
      entries.push(...ofDay.reverse());
      if (entries.length > limit) return { entries: entries.slice(0, limit), truncated: true };
    }
    return { entries, truncated: false };
  }

  /** Keeps the last `retentionDays` UTC days (today included), dropping older day files whole; returns the days dropped. */
  purge(retentionDays: number): Promise<string[]> {
    return this.enqueue(() => this.dropDays(retentionDays));
  }

  private async dropDays(retentionDays: number): Promise<string[]> {
    const oldestKept = dayOf(new Date(this.now().getTime() - (retentionDays - 1) * 86_400_000));
    const dropped: string[] = [];
    for (const day of await this.days()) {
      if (day >= oldestKept) continue;
      await unlink(join(this.opts.dir, `${day}.jsonl`));
      dropped.push(day);
    }
    if (dropped.length > 0) this.opts.log.info(`audit: retention dropped ${dropped.length} day(s) up to ${dropped[dropped.length - 1]}`);
    return dropped;
  }
}
