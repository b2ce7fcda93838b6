import { z } from 'zod';
import { VisitSchema, type Visit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import { LedgerConflictError, type LedgerBackend, type LedgerChange, type LedgerWriteProblem, type RemoteChange } from './ledger-backend';
import { FileLedgerBackend, type FileLedgerOptions } from './file-ledger-backend';
import { sameData } from './same-data';

export type { LedgerWriteProblem };

/**
 * The ledger of the visits this kiosk registered. K30 has no list of visitors, so this file is
 * the only memory of what we put on the server and must take off again: every state change is on
 * disk before the next step is taken, and nothing in it is ever silently lost.
 */

/**
 * What is kept only while a K30 call may need it, and never leaves the main process. Sealed by
 * the SecretBox in the file (`sealed`, ledger-sealing.ts); open in memory.
 */
export const VisitPrivateSchema = z.object({
  /** Full phone and document number: while the visit is live (a create to resend, a photo retake). */
  phone: z.string().optional(),
  documentNo: z.string().optional(),
  /** Bare Base64 JPEG: needed only until the visitor is created and on every device. */
  photo: z.string().optional(),
  /** The three above, sealed (the file's form). */
  sealed: z.string().optional(),
});
export type VisitPrivate = z.infer<typeof VisitPrivateSchema>;

/**
 * Keyed hashes of the normalised phone and document number (personal-data/match-key.ts): how a
 * duplicate visit, a returning visitor or the deny list is matched without the clear numbers.
 * Main-only, like `private`; kept for the ledger's retention.
 */
export const VisitMatchSchema = z.object({ phone: z.string().optional(), document: z.string().optional() });
export type VisitMatch = z.infer<typeof VisitMatchSchema>;

export const VisitRecordSchema = VisitSchema.omit({ photoKept: true }).extend({ private: VisitPrivateSchema, match: VisitMatchSchema.optional() });
export type VisitRecord = z.infer<typeof VisitRecordSchema>;
export type DeviceSync = VisitRecord['devices'][number];

export interface LedgerProblem {
  /** 'corrupt-kept': unreadable, and it could not even be set aside (a read-only disk). */
  kind: 'corrupt' | 'invalid-records' | 'corrupt-kept';
  /** Where the unreadable file (or a copy of it) was set aside for a person to look at ('' when it could not be). */
  setAside: string;
  detail: string;
  at: string;
}

/** History grows with every pass through a door; the oldest entries go first. */
const HISTORY_LIMIT = 200;

export function note(record: VisitRecord, at: Date, event: string, detail?: string): void {
  record.history.push(detail === undefined ? { at: at.toISOString(), event } : { at: at.toISOString(), event, detail });
  if (record.history.length > HISTORY_LIMIT) record.history.splice(0, record.history.length - HISTORY_LIMIT);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
  return '*'.repeat(Math.max(0, phone.length - 2)) + phone.slice(Math.max(0, phone.length - 2));
}

/** `110101199003071234` → `1101**********1234`: first and last four, fewer for short numbers. */
export function maskDocument(documentNo: string): string {
  const keep = Math.min(4, Math.floor(documentNo.length / 4));
  if (keep === 0) return '*'.repeat(documentNo.length);
  return documentNo.slice(0, keep) + '*'.repeat(documentNo.length - 2 * keep) + documentNo.slice(-keep);
}

/** The renderer's view: the private fields and the match keys never cross IPC. */
export function toPublic(record: VisitRecord): Visit {
  const { private: secret, match: _keys, ...visit } = record;
  return structuredClone({ ...visit, photoKept: Boolean(secret.photo) });
}

/** States after which a visit code means nothing any more. */
const FINISHED = new Set<VisitRecord['state']>(['removed', 'cancelled', 'create-failed', 'abandoned']);

const CREATE_MAY_BE_RESENT = new Set<VisitRecord['state']>(['intent', 'create-unknown']);
/** The visit is (or may become) live on K30: a create to resend, or a photo retake that creates it anew. */
const VISIT_LIVE = new Set<VisitRecord['state']>(['intent', 'create-unknown', 'created', 'pushed']);

/**
 * The data-minimisation rule (README "Personal data"), applied to every record before it is
 * written, so no code path can forget it: phone and document number only while the visit is live
 * (its end moves it to removal, which purges them); the photo only while visitor/Create may have
 * to be (re-)sent or a device has not received the push yet.
 */
export function minimise(record: VisitRecord): void {
  const p = record.private;
  delete p.sealed;
  if (!VISIT_LIVE.has(record.state)) {
    delete p.phone;
    delete p.documentNo;
  }
  const stillPushing = (record.state === 'created' || record.state === 'pushed') && record.devices.some((d) => d.state !== 'pushed' && d.state !== 'confirmed');
  if (!CREATE_MAY_BE_RESENT.has(record.state) && !stillPushing) delete p.photo;
}

/** The file's options (its seal applies to any backend's records), and where records are kept. */
export interface LedgerOptions extends FileLedgerOptions {
  /** Where records are kept; the atomic file in `dataDir` when absent. */
  backend?: LedgerBackend;
}

/** How often a change is re-applied on a fresh copy when another station changed the record first. */
const CONFLICT_RETRIES = 5;

export class VisitLedger {
  /** The ledger file ('' when the records live in the site database). */
  readonly file: string;
  /** Problems met while loading (a corrupt file set aside): for the UI to show, never hidden. */
  readonly problems: LedgerProblem[] = [];
  readonly backend: LedgerBackend;
  private readonly records = new Map<string, VisitRecord>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private pending: Promise<unknown> = Promise.resolve();
  private readonly remoteListeners = new Set<(change: RemoteChange) => void>();

  private constructor(backend: LedgerBackend) {
    this.backend = backend;
    this.file = backend instanceof FileLedgerBackend ? backend.file : '';
  }

  static async open(options: LedgerOptions): Promise<VisitLedger> {
    const backend: LedgerBackend = options.backend ?? new FileLedgerBackend(options);
    const ledger = new VisitLedger(backend);
    const { records, problems } = await backend.load();
    for (const record of records) ledger.records.set(record.id, record);
    ledger.problems.push(...problems);
    backend.onRemoteChange?.((change) => ledger.applyRemote(change));
    return ledger;
  }

  /** Undefined while writes succeed (as far as we know); otherwise what kind of trouble. */
  get writeProblem(): LedgerWriteProblem | undefined {
    return this.backend.writeProblem;
  }

  /** Called whenever the ledger becomes writable or unwritable. */
  onWritableChange(listener: () => void): () => void {
    return this.backend.onWritableChange(listener);
  }

  /** Called with the public-facing record whenever another station changed or deleted a visit. */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** Copies: a caller changes a record only through `update`, which persists it. */
  all(): VisitRecord[] {
    return [...this.records.values()].map((r) => structuredClone(r));
  }

  get(id: string): VisitRecord | undefined {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  /** The visit's state, without copying the record (undefined: no such visit). */
  stateOf(id: string): VisitRecord['state'] | undefined {
    return this.records.get(id)?.state;
  }

  require(id: string): VisitRecord {
    const record = this.get(id);
    if (!record) throw new AppError('not-found', `no visit ${id}`);
    return record;
  }

  /** Records whose phone or document match key is one of those given (copies). */
  findByMatch(keys: VisitMatch): VisitRecord[] {
    const found: VisitRecord[] = [];
    for (const record of this.records.values()) {
      const m = record.match;
      if (!m) continue;
      if ((keys.phone && m.phone === keys.phone) || (keys.document && m.document === keys.document)) found.push(structuredClone(record));
    }
    return found;
  }

  findByK30No(no: string): VisitRecord | undefined {
    for (const record of this.records.values()) if (record.k30No === no) return structuredClone(record);
    return undefined;
  }

  /** The visit holding this code that is not over yet (a code is unique only among those). */
  findByVisitCode(code: string): VisitRecord | undefined {
    for (const record of this.records.values()) if (record.visitCode === code && !FINISHED.has(record.state)) return structuredClone(record);
    return undefined;
  }

  /** Adds a record and resolves once it is stored; if it cannot be written it is not kept. */
  async add(record: VisitRecord): Promise<VisitRecord> {
    if (this.records.has(record.id)) throw new Error(`duplicate visit id ${record.id}`);
    const stored = structuredClone(record);
    minimise(stored);
    this.records.set(stored.id, stored);
    try {
      await this.persist({ kind: 'add', record: stored });
    } catch (error) {
      this.records.delete(stored.id);
      throw error;
    }
    return structuredClone(stored);
  }

  /**
   * Changes one record (the change runs on a copy, synchronously, and may return false to skip the
   * write) and resolves once the change is stored. When another station changed the record first,
   * the change is run again on the fresh record.
   */
  async update(id: string, change: (record: VisitRecord) => void | boolean): Promise<VisitRecord> {
    for (let attempt = 0; ; attempt++) {
      const current = this.records.get(id);
      if (!current) throw new AppError('not-found', `no visit ${id}`);
      const draft = structuredClone(current);
      if (change(draft) === false) return structuredClone(current);
      minimise(draft);
      this.records.set(id, draft);
      try {
        await this.persist({ kind: 'update', before: current, after: draft });
        return structuredClone(draft);
      } catch (error) {
        // Not stored, so not kept: the record is as it was (unless changed again meanwhile).
        if (this.records.get(id) === draft) this.records.set(id, current);
        if (!(error instanceof LedgerConflictError) || attempt >= CONFLICT_RETRIES) throw error;
        this.applyRemote({ id, record: error.fresh });
      }
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    const removed = ids.map((id) => this.records.get(id)).filter((r): r is VisitRecord => r !== undefined);
    for (const record of removed) this.records.delete(record.id);
    if (removed.length === 0) return;
    try {
      await this.persist({ kind: 'delete', records: removed });
    } catch (error) {
      for (const record of removed) if (!this.records.has(record.id)) this.records.set(record.id, record);
      throw error;
    }
  }

  /** Runs `task` alone for this visit: a push, a removal and a retry of one visit never interleave. */
  async exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const run = before.catch(() => {}).then(task);
    const tail = run.catch(() => {});
    this.locks.set(id, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    }
  }

  /**
   * Takes the site-wide removal lease on a visit (always granted on a single-station file). On
   * success the mirror holds the record as stored now, so the caller decides on current state.
   */
  async claim(id: string): Promise<boolean> {
    const { ok, fresh } = await this.backend.claim(id);
    if (fresh !== undefined) this.applyRemote({ id, record: fresh });
    return ok;
  }

  async release(id: string): Promise<void> {
    await this.backend.release(id);
  }

  /** Resolves when every change made so far is stored. */
  async flush(): Promise<void> {
    await this.pending.catch(() => {});
  }

  async close(): Promise<void> {
    await this.flush();
    await this.backend.close();
  }

  private persist(change: LedgerChange): Promise<void> {
    const write = this.backend.write(change, () => this.records.values());
    this.pending = Promise.all([this.pending.catch(() => {}), write.catch(() => {})]);
    return write;
  }

  /**
   * Another station's change (or a fresher copy read back) replaces the mirror's record. A copy read
   * back that holds what the mirror holds is no change, and is not reported as one.
   */
  private applyRemote(change: RemoteChange): void {
    const known = this.records.get(change.id);
    if (change.record === null) {
      if (!known) return;
      this.records.delete(change.id);
    } else {
      if (known && sameData(known, change.record)) return;
      this.records.set(change.id, change.record);
    }
    for (const listener of this.remoteListeners) listener({ id: change.id, record: change.record && structuredClone(change.record) });
  }
}
