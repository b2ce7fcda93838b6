import { join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../k30/protocol/describe-error';
import { VisitSchema, type Visit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { Logger, SecretBox } from '../ports';
import { LedgerSealer, openPrivate } from './ledger-sealing';
import { diskProblemOf, LedgerWriteError, nodeLedgerDisk, type DiskProblem, type LedgerDisk } from './ledger-disk';

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

const LedgerFileSchema = z.object({ version: z.literal(1), visits: z.array(z.unknown()) });

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

export interface LedgerOptions {
  dataDir: string;
  log: Logger;
  fileName?: string;
  now?: () => Date;
  disk?: LedgerDisk;
  /** Seals the private fields at rest (without one they are written open: tests only). */
  box?: SecretBox;
}

/** Why the ledger cannot be written right now, for getStatus and the banner. */
export interface LedgerWriteProblem {
  problem: DiskProblem;
  at: string;
}

export class VisitLedger {
  readonly file: string;
  /** Problems met while loading (a corrupt file set aside): for the UI to show, never hidden. */
  readonly problems: LedgerProblem[] = [];
  private readonly records = new Map<string, VisitRecord>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private writing: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly disk: LedgerDisk;
  private readonly box: SecretBox | undefined;
  private readonly sealer: LedgerSealer;
  /** Set while the last write failed; cleared by the next that succeeds. */
  private failing?: LedgerWriteProblem;
  /** Set when writing would destroy something (a damaged file that could not be set aside). */
  private refuseWrites = false;
  private readonly writeListeners = new Set<() => void>();

  private constructor(options: LedgerOptions) {
    this.file = join(options.dataDir, options.fileName ?? 'visits.json');
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.disk = options.disk ?? nodeLedgerDisk;
    this.box = options.box;
    this.sealer = new LedgerSealer(options.box);
  }

  static async open(options: LedgerOptions): Promise<VisitLedger> {
    const ledger = new VisitLedger(options);
    await ledger.disk.mkdir(options.dataDir).catch((error: unknown) => ledger.log.warn(`visit ledger: cannot create ${options.dataDir}: ${describeError(error)}`));
    await ledger.disk.removeStaleTemps(ledger.file).catch(() => {});
    await ledger.load();
    return ledger;
  }

  /** Undefined while writes succeed (as far as we know); otherwise what kind of disk trouble. */
  get writeProblem(): LedgerWriteProblem | undefined {
    return this.failing && { ...this.failing };
  }

  /** Called whenever the ledger becomes writable or unwritable. */
  onWritableChange(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
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

  /** Adds a record and resolves once it is on disk; if it cannot be written it is not kept. */
  async add(record: VisitRecord): Promise<VisitRecord> {
    if (this.records.has(record.id)) throw new Error(`duplicate visit id ${record.id}`);
    const stored = structuredClone(record);
    minimise(stored);
    this.records.set(stored.id, stored);
    try {
      await this.persist();
    } catch (error) {
      this.records.delete(stored.id);
      throw error;
    }
    return structuredClone(stored);
  }

  /**
   * Changes one record (the change runs on a copy, synchronously, and may return false to skip the
   * write) and resolves once the change is on disk.
   */
  async update(id: string, change: (record: VisitRecord) => void | boolean): Promise<VisitRecord> {
    const current = this.records.get(id);
    if (!current) throw new AppError('not-found', `no visit ${id}`);
    const draft = structuredClone(current);
    if (change(draft) === false) return structuredClone(current);
    minimise(draft);
    this.records.set(id, draft);
    try {
      await this.persist();
    } catch (error) {
      // Not on disk, so not kept: the record is as it was (unless changed again meanwhile).
      if (this.records.get(id) === draft) this.records.set(id, current);
      throw error;
    }
    return structuredClone(draft);
  }

  async delete(ids: readonly string[]): Promise<void> {
    const removed = ids.map((id) => this.records.get(id)).filter((r): r is VisitRecord => r !== undefined);
    for (const record of removed) this.records.delete(record.id);
    if (removed.length === 0) return;
    try {
      await this.persist();
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

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    await this.writing;
  }

  // -------------------------------------------------------------------------------------------
  // Disk

  /**
   * Writes are serialised, and a write that has not started yet serves every change made before
   * it starts (it snapshots the records when it runs).
   */
  private persist(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.writing
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        return this.writeAtomically();
      });
    this.queued = next;
    this.writing = next;
    return next;
  }

  private async writeAtomically(): Promise<void> {
    if (this.refuseWrites) {
      throw new LedgerWriteError('read-only', undefined);
    }
    let text: string;
    try {
      text = JSON.stringify({ version: 1, visits: this.sealer.forDisk(this.records.values()) });
    } catch (error) {
      // The box could not seal: nothing is written open instead.
      this.log.error(`visit ledger: personal data could not be sealed: ${describeError(error)}`);
      throw new LedgerWriteError('other', undefined);
    }
    try {
      await this.disk.writeAtomically(this.file, text);
    } catch (error) {
      this.log.error(`visit ledger: could not write ${this.file}: ${describeError(error)}`);
      this.setFailing({ problem: diskProblemOf(error), at: this.now().toISOString() });
      throw new LedgerWriteError(diskProblemOf(error), (error as NodeJS.ErrnoException).code);
    }
    this.setFailing(undefined);
  }

  private setFailing(next: LedgerWriteProblem | undefined): void {
    const changed = Boolean(next) !== Boolean(this.failing) || next?.problem !== this.failing?.problem;
    this.failing = next;
    if (changed) for (const listener of this.writeListeners) listener();
  }

  private async load(): Promise<void> {
    const text = await this.disk.read(this.file);
    if (text === undefined) return;
    let parsed: z.infer<typeof LedgerFileSchema>;
    try {
      parsed = LedgerFileSchema.parse(JSON.parse(text));
    } catch (error) {
      // Unreadable as a whole: move it aside (never delete it) and start empty, loudly.
      const setAside = this.setAsideName();
      try {
        await this.disk.rename(this.file, setAside);
      } catch (renameError) {
        // A read-only disk: start anyway (with a banner), but never write over the damaged file.
        this.refuseWrites = true;
        this.failing = { problem: diskProblemOf(renameError), at: this.now().toISOString() };
        this.report({ kind: 'corrupt-kept', setAside: '', detail: `${unreadableDetail(error)}; not set aside: ${(renameError as NodeJS.ErrnoException).code ?? 'error'}`, at: this.now().toISOString() });
        return;
      }
      this.report({ kind: 'corrupt', setAside, detail: unreadableDetail(error), at: this.now().toISOString() });
      return;
    }
    const bad: string[] = [];
    for (const [index, raw] of parsed.visits.entries()) {
      const record = VisitRecordSchema.safeParse(raw);
      if (record.success && !this.records.has(record.data.id)) {
        record.data.private = openPrivate(record.data.id, record.data.private, this.box, this.log);
        this.records.set(record.data.id, record.data);
      }
      // Only where and what kind of problem: a value could be personal data and this goes to the log.
      else bad.push(`#${index}${record.success ? ' duplicate id' : `: ${record.error.issues[0]?.path.join('.')} ${record.error.issues[0]?.code}`}`);
    }
    if (bad.length > 0) {
      // Keep what is readable (pending removals must not be forgotten) and a copy of the whole.
      let setAside = this.setAsideName();
      // A read-only disk: the readable records are kept, and the file is not written until it can be.
      await this.disk.copy(this.file, setAside).catch(() => (setAside = ''));
      this.report({ kind: 'invalid-records', setAside, detail: `${bad.length} unreadable record(s): ${bad.slice(0, 5).join('; ')}`, at: this.now().toISOString() });
    }
  }

  private setAsideName(): string {
    const stamp = this.now().toISOString().replace(/[-:.]/g, '');
    return `${this.file}.corrupt-${stamp}`;
  }

  private report(problem: LedgerProblem): void {
    this.problems.push(problem);
    this.log.warn(`visit ledger: ${problem.kind}, set aside as ${problem.setAside} (${problem.detail})`);
  }
}

/** Never the parser's message: Node quotes the file's text in it, and that may be personal data. */
function unreadableDetail(error: unknown): string {
  if (error instanceof z.ZodError) return `unexpected shape at ${error.issues[0]?.path.join('.') || 'top level'}`;
  return error instanceof SyntaxError ? 'not valid JSON' : 'unreadable';
}
