import { describeError } from '../../k30/protocol/describe-error';
import type { UnsavedFact, VisitState } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../ports';
import { LedgerWriteError } from './ledger-disk';
import type { VisitLedger } from './ledger';

/**
 * What K30 did that the disk has not taken yet. A ledger change is kept only once it is on disk;
 * but when K30 has already acted (a visitor created, deleted) and the write fails, that fact must
 * not be lost either. It is held here, in memory, and written again every few seconds until the
 * disk takes it. Meanwhile no further K30 call is made for that visit (each service asks
 * `requireSaved` / `isHeld` first), and getStatus lists it for the banner.
 */

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

interface Held {
  state: VisitState;
  k30No?: string;
  since: string;
  /** Writes the fact (the same change the service tried), emitting what the service emits. */
  write: () => Promise<unknown>;
}

export interface UnsavedFactsDeps {
  ledger: VisitLedger;
  log: Logger;
  now?: () => Date;
  timers?: Timers;
  retryMs?: number;
}

export class UnsavedFacts {
  private readonly held = new Map<string, Held[]>();
  private readonly listeners = new Set<() => void>();
  private readonly ledger: VisitLedger;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly retryMs: number;
  private handle: unknown;
  private retrying?: Promise<void>;

  constructor(deps: UnsavedFactsDeps) {
    this.ledger = deps.ledger;
    this.log = deps.log;
    this.now = deps.now ?? (() => new Date());
    this.timers = deps.timers ?? { setInterval: (cb, ms) => setInterval(cb, ms).unref(), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) };
    this.retryMs = deps.retryMs ?? 5_000;
  }

  /**
   * Writes a fact K30 has already made true. If the disk refuses, the fact is held (and retried),
   * and the caller gets a specific 'not-saved' error naming the K30 number and the disk trouble.
   */
  async save<T>(visitId: string, fact: { state: VisitState; k30No?: string }, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof LedgerWriteError)) throw error;
      const list = this.held.get(visitId) ?? [];
      list.push({ ...fact, since: this.now().toISOString(), write });
      this.held.set(visitId, list);
      this.log.error(`visit ${visitId}: K30 is at '${fact.state}' but the ledger could not be written; held in memory and retried`);
      this.notify();
      throw new AppError(
        'not-saved',
        `${fact.k30No ? `registered on K30 as ${fact.k30No}` : `K30 reached ${fact.state}`}, but not yet saved on this PC: ${error.message}`,
        undefined,
        {
          k30No: fact.k30No,
          k30State: fact.state,
          disk: error.problem,
        },
      );
    }
  }

  isHeld(visitId: string): boolean {
    return this.held.has(visitId);
  }

  /** Refuses any further K30 call for a visit whose last K30 fact is not on disk yet. */
  requireSaved(visitId: string): void {
    const facts = this.held.get(visitId);
    if (!facts) return;
    const last = facts[facts.length - 1];
    throw new AppError('not-saved', 'this visit has a K30 result not yet saved on this PC; nothing more is sent until it is', undefined, {
      k30No: last.k30No ?? this.ledger.get(visitId)?.k30No,
      k30State: last.state,
      disk: this.ledger.writeProblem?.problem ?? 'other',
    });
  }

  list(): UnsavedFact[] {
    return [...this.held.entries()].map(([visitId, facts]) => {
      const last = facts[facts.length - 1];
      const k30No = last.k30No ?? this.ledger.get(visitId)?.k30No;
      return { visitId, name: this.ledger.get(visitId)?.visitor.name ?? '', state: last.state, ...(k30No ? { k30No } : {}), since: facts[0].since };
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes the held facts again, oldest first per visit; stops at a visit's first failure. */
  retry(): Promise<void> {
    this.retrying ??= this.retryAll().finally(() => (this.retrying = undefined));
    return this.retrying;
  }

  start(): void {
    this.stop();
    this.handle = this.timers.setInterval(() => void this.retry(), this.retryMs);
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
  }

  private async retryAll(): Promise<void> {
    let changed = false;
    for (const [visitId, facts] of [...this.held.entries()]) {
      while (facts.length > 0) {
        try {
          await facts[0].write();
        } catch (error) {
          if (!(error instanceof LedgerWriteError)) this.log.error(`visit ${visitId}: a held K30 fact could not be applied: ${describeError(error)}`);
          break;
        }
        facts.shift();
        changed = true;
      }
      if (facts.length === 0) {
        this.held.delete(visitId);
        this.log.info(`visit ${visitId}: its K30 result is now saved`);
      }
    }
    if (changed) this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
