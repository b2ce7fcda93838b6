import type { SweepResult, Visit } from '../../../src-preload/contract';
import { describeError } from '../../k30/protocol/describe-error';
import { AppError } from '../app-error';
import { K30ServerError } from '../../k30/client/errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../ports';
import { note, toPublic, type VisitLedger, type VisitRecord } from './ledger';
import { errorText } from './registration';
import { UnsavedFacts } from './unsaved-facts';

/** What removal needs of the K30 client (structurally the real K30Client). */
export interface RemovalClient {
  deleteVisitor(no: string): Promise<unknown>;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RemovalDeps {
  ledger: VisitLedger;
  client: () => RemovalClient;
  events: EventBus;
  log: Logger;
  /** Read on every sweep, so a settings change applies at once. */
  retentionDays: () => number;
  now?: () => Date;
  intervalMs?: number;
  timers?: Timers;
  /** Backoff between failed removals: first wait and cap. */
  backoff?: { firstMs: number; maxMs: number };
  /** K30 results the disk has not taken yet (shared with registration). */
  facts?: UnsavedFacts;
  /** A timed sweep tried a visit on its own (no one pressed a button): for the audit log. */
  onSwept?: (visitId: string, outcome: 'removed' | 'failed') => void;
}

/** States whose visitor exists on the server with a number we can delete. */
const DELETABLE = new Set<VisitRecord['state']>(['created', 'pushed', 'removal-pending']);

/**
 * Local records of finished visits are dropped entirely after the retention period, rather than
 * kept as name-less shells: once a visitor is proven removed (or never existed on the server)
 * nothing on the server refers to the record any more, and a record without the person's data
 * serves no one. 'created-without-no' is finished too (we can never delete it; it expires on the
 * server at its end time), and so is 'abandoned' (kept for the retention period, counted from when
 * it was abandoned, for the K30 admin's report). Visits in 'create-unknown' or 'intent' are never
 * dropped: staff decide.
 */
const DROPPABLE = new Set<VisitRecord['state']>(['removed', 'cancelled', 'create-failed', 'created-without-no', 'abandoned']);

/** A visitor the server no longer has is as removed as one we deleted (an earlier delete whose answer was lost). */
const ALREADY_GONE = /访客不存在|visitor (not found|does not exist)/i;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Takes visitors off the server when their visit ends. 'removal-pending' is written before
 * visitor/Delete is sent; a failure (a device offline, the server unreachable) keeps it pending
 * with a growing wait, and since the state is in the ledger, the retry survives restarts.
 */
export class RemovalSweeper {
  private readonly ledger: VisitLedger;
  private readonly client: () => RemovalClient;
  private readonly events: EventBus;
  private readonly log: Logger;
  private readonly retentionDays: () => number;
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly timers: Timers;
  private readonly backoff: { firstMs: number; maxMs: number };
  private readonly facts: UnsavedFacts;
  private readonly onSwept: RemovalDeps['onSwept'];
  private handle: unknown;
  private sweeping?: Promise<SweepResult>;

  constructor(deps: RemovalDeps) {
    this.ledger = deps.ledger;
    this.client = deps.client;
    this.events = deps.events;
    this.log = deps.log;
    this.retentionDays = deps.retentionDays;
    this.now = deps.now ?? (() => new Date());
    this.intervalMs = deps.intervalMs ?? 60_000;
    this.timers = deps.timers ?? { setInterval: (cb, ms) => setInterval(cb, ms).unref(), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) };
    this.backoff = deps.backoff ?? { firstMs: 30_000, maxMs: 60 * 60_000 };
    this.facts = deps.facts ?? new UnsavedFacts({ ledger: deps.ledger, log: deps.log, now: deps.now });
    this.onSwept = deps.onSwept;
  }

  /** Sweeps once now, then on the interval. */
  async start(): Promise<SweepResult> {
    await this.stop();
    this.handle = this.timers.setInterval(() => {
      this.sweep(false).catch((error) => this.log.error(`removal sweep failed: ${describeError(error)}`));
    }, this.intervalMs);
    return this.sweep(false);
  }

  /** Stops the interval and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    await this.whenIdle();
  }

  /** Resolves when no sweep is running (tests; shutdown). */
  async whenIdle(): Promise<void> {
    await this.sweeping?.catch(() => {});
  }

  /** On demand (staff pressed the button): every ended visit is tried now, backoff or not. */
  removeExpired(): Promise<SweepResult> {
    return this.sweep(true);
  }

  /** Remove one visit now, even before its end. A failure leaves it pending (shown, retried). */
  async removeVisit(visitId: string): Promise<Visit> {
    this.facts.requireSaved(visitId);
    const visit = this.ledger.require(visitId);
    if (visit.state === 'removed') return toPublic(visit);
    if (!DELETABLE.has(visit.state) || !visit.k30No) {
      throw new AppError(
        'not-allowed',
        visit.state === 'create-unknown' || visit.state === 'intent'
          ? 'the server may not have this visitor: retry or cancel it instead'
          : `a visit in state ${visit.state} cannot be removed from here`,
      );
    }
    await this.attempt(visitId, 'by staff');
    return toPublic(this.ledger.require(visitId));
  }

  /**
   * Sweeps never overlap. A timed sweep arriving while one runs shares its result; an on-demand
   * sweep waits for it and then runs its own (it must not inherit the other's backoff).
   */
  private sweep(ignoreBackoff: boolean): Promise<SweepResult> {
    if (this.sweeping && !ignoreBackoff) return this.sweeping;
    const run = (this.sweeping ?? Promise.resolve())
      .catch(() => {})
      .then(() => this.runSweep(ignoreBackoff))
      .finally(() => {
        if (this.sweeping === run) this.sweeping = undefined;
      });
    this.sweeping = run;
    return run;
  }

  private async runSweep(ignoreBackoff: boolean): Promise<SweepResult> {
    await this.clampFutureAttempts();
    const now = this.now().getTime();
    const result: SweepResult = { removed: 0, pending: 0, failed: [] };
    for (const visit of this.sweepOrder(this.ledger.all())) {
      if (!DELETABLE.has(visit.state) || !visit.k30No) continue;
      // Removed by another station meanwhile (its change has reached the mirror): nothing to claim.
      if (!DELETABLE.has(this.ledger.stateOf(visit.id) ?? 'removed')) continue;
      // Once removal has begun its end time no longer matters: after the clock stepped back, the
      // end may look in the future again, and the visitor would keep door access meanwhile.
      if (visit.state !== 'removal-pending' && Date.parse(visit.end) > now) continue;
      const due = ignoreBackoff || !visit.removal?.nextAttemptAt || Date.parse(visit.removal.nextAttemptAt) <= now;
      if (!due) continue;
      // One visit's trouble (a disk that refuses its write) does not stop the others' removal.
      const outcome = await this.attempt(visit.id, 'visit ended').catch((error: unknown) => {
        this.log.error(`removal of visit ${visit.id}: ${describeError(error)}`);
        return 'failed' as const;
      });
      if (outcome === 'removed') result.removed++;
      else if (outcome === 'failed') result.failed.push(visit.id);
      if (!ignoreBackoff && outcome !== 'skipped') this.onSwept?.(visit.id, outcome);
    }
    result.pending = this.ledger.all().filter((v) => v.state === 'removal-pending').length;
    await this.purgeExpiredRecords();
    return result;
  }

  /**
   * On a site database every station sweeps the same visits: each starts at its own point, so two
   * sweeps do not walk the same visits side by side, one waiting on the other's lease at every step.
   */
  private sweepOrder(visits: VisitRecord[]): VisitRecord[] {
    if (this.ledger.backend.kind !== 'postgres' || visits.length < 2) return visits;
    const start = Math.floor(Math.random() * visits.length);
    return [...visits.slice(start), ...visits.slice(0, start)];
  }

  /**
   * A wait can never be longer than the backoff cap. A next attempt further ahead was written under
   * a clock that has since jumped back (a +10 years mistake corrected would otherwise stall the
   * removal for ten years): bring it to now + cap. Runs at start and before every sweep.
   */
  private async clampFutureAttempts(): Promise<void> {
    const latest = this.now().getTime() + this.backoff.maxMs;
    for (const visit of this.ledger.all()) {
      const next = visit.removal?.nextAttemptAt;
      if (visit.state !== 'removal-pending' || !next || !(Date.parse(next) > latest)) continue;
      await this.ledger.exclusive(visit.id, () =>
        this.change(visit.id, (r) => {
          const current = r.removal?.nextAttemptAt;
          if (r.state !== 'removal-pending' || !r.removal || !current || !(Date.parse(current) > latest)) return false;
          r.removal.nextAttemptAt = new Date(latest).toISOString();
          note(r, this.now(), 'removal-rescheduled', `next attempt was ${current}: the clock moved back`);
        }),
      );
    }
  }

  /**
   * Pending first (stored), then visitor/Delete, then the outcome. On a site database the visit is
   * claimed first (a lease), so one station at a time removes it; another takes over when the
   * lease runs out (a station that died mid-way). A single-station file always grants the claim.
   */
  private attempt(visitId: string, reason: string): Promise<'removed' | 'failed' | 'skipped'> {
    return this.ledger.exclusive(visitId, async () => {
      if (!(await this.ledger.claim(visitId))) return 'skipped';
      try {
        return await this.attemptClaimed(visitId, reason);
      } finally {
        await this.ledger.release(visitId);
      }
    });
  }

  private async attemptClaimed(visitId: string, reason: string): Promise<'removed' | 'failed' | 'skipped'> {
    {
      const visit = this.ledger.get(visitId);
      if (!visit) return 'skipped';
      // Its last K30 result is not on disk yet: nothing more is sent until it is.
      if (this.facts.isHeld(visitId) || !DELETABLE.has(visit.state) || !visit.k30No) return 'skipped';
      if (visit.state !== 'removal-pending') {
        await this.change(visitId, (r) => {
          r.state = 'removal-pending';
          r.removal = { attempts: 0 };
          note(r, this.now(), 'removal-pending', reason);
        });
      }
      let gone = 'deleted';
      try {
        await this.client().deleteVisitor(visit.k30No);
      } catch (error) {
        if (!(error instanceof K30ServerError && ALREADY_GONE.test(error.msg))) {
          await this.fail(visitId, error);
          return 'failed';
        }
        gone = `already gone: ${error.msg}`;
      }
      await this.facts.save(visitId, { state: 'removed', k30No: visit.k30No }, () =>
        this.change(visitId, (r) => {
          const at = this.now().toISOString();
          r.state = 'removed';
          r.removal = { attempts: (r.removal?.attempts ?? 0) + 1, removedAt: at };
          r.lastError = undefined;
          note(r, this.now(), 'removed', `K30 visitor ${r.k30No} ${gone}`);
        }),
      );
      return 'removed';
    }
  }

  private async fail(visitId: string, error: unknown): Promise<void> {
    const message = errorText(error);
    await this.change(visitId, (r) => {
      const attempts = (r.removal?.attempts ?? 0) + 1;
      const wait = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** (attempts - 1));
      r.removal = { attempts, lastError: message, nextAttemptAt: new Date(this.now().getTime() + wait).toISOString() };
      note(r, this.now(), 'removal-failed', message);
    });
    this.log.warn(`removal of visit ${visitId} failed (will retry): ${message}`);
  }

  /** Drops finished visits older than the retention period (see DROPPABLE). */
  async purgeExpiredRecords(): Promise<number> {
    const cutoff = this.now().getTime() - this.retentionDays() * DAY_MS;
    const old = this.ledger
      .all()
      .filter((v) => DROPPABLE.has(v.state))
      .filter((v) => Math.max(Date.parse(v.end), Date.parse(v.history.at(-1)?.at ?? v.createdAt)) < cutoff)
      .map((v) => v.id);
    if (old.length > 0) {
      await this.ledger.delete(old);
      this.log.info(`retention: dropped ${old.length} finished visit record(s)`);
    }
    return old.length;
  }

  private async change(visitId: string, mutate: (record: VisitRecord) => void | boolean): Promise<void> {
    this.events.emit('visitUpdated', toPublic(await this.ledger.update(visitId, mutate)));
  }
}
