import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeError } from '../../../k30/protocol/describe-error';
import type { Logger } from '../../ports';
import { VisitRecordSchema, type LedgerProblem, type VisitRecord } from '../ledger';
import { LedgerConflictError, type LedgerBackend, type LedgerChange, type LedgerWriteProblem, type RemoteChange } from '../ledger-backend';
import { LedgerWriteError } from '../ledger-disk';
import { migrate } from './migrations';
import { SiteSealer } from './site-sealer';
import { siteKeyOf } from './site-seal';
import { connectionConfig, isUnreachable } from './site-connection';
import { SiteListener } from './site-listener';
import { SiteReachability } from './site-reachability';
import { PROFILES_CHANNEL, SiteProfileStore } from './site-profiles';
import { DOCUMENTS_CHANNEL, SiteDocuments } from './site-documents';
import { CLAIM_VISIT, DELETE_VISITS, INSERT_VISIT, NOTIFY_CHANNEL, UPDATE_VISIT, ownNotePrefix, parseNote, travels, type ChangeNote } from './site-statements';

export { NOTIFY_CHANNEL };

export interface PgLedgerOptions {
  connectionString: string;
  /** TLS to the database: off, on (certificate checked), or on without checking (a self-signed server). */
  tls?: 'off' | 'verify' | 'no-verify';
  /** This station's name (shown as the lease owner; shared with the identity model). */
  stationName: string;
  /** Seals the private fields in the database (AES-256-GCM); without it they are stored as they are. */
  siteKey?: string;
  log: Logger;
  now?: () => Date;
  /** How long a removal lease lasts: a station that died mid-removal is taken over after this. */
  leaseMs?: number;
  /** Wait between reconnection attempts while the database is unreachable. */
  reconnectMs?: number;
  /** Limit for connecting (and for one statement) so a dead database refuses quickly. */
  timeoutMs?: number;
}

interface Row {
  id: string;
  version: string;
  doc: unknown;
}

type ClaimRow = Row & { ok: boolean };

/**
 * The site ledger: every station's records in one PostgreSQL table, one JSONB document per visit.
 * Each change is one statement (its own short transaction) that checks the version it changes and
 * notifies the other stations in the same transaction; the ledger's mirror is kept current by those
 * notifications. Nothing is held open across a K30 call.
 */
export class PgLedgerBackend implements LedgerBackend {
  readonly kind = 'postgres' as const;
  /** Lease owner and notification sender: the station's name and this run (a restart is a new run). */
  readonly owner: string;
  readonly pool: pg.Pool;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly sealer?: SiteSealer;
  private readonly ownNote: string;
  private readonly versions = new Map<string, number>();
  /** Writes of one record go one after another, in the order the ledger made them. */
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Records whose last write failed: the mirror may hold a change that was not stored. */
  private readonly suspect = new Set<string>();
  /** The latest change another station made to a record while this station was writing it. */
  private readonly deferred = new Map<string, ChangeNote>();
  private readonly reach: SiteReachability;
  private readonly remoteListeners = new Set<(change: RemoteChange) => void>();
  private readonly listener: SiteListener;
  /** The documents the site's stations share whole (the deny list), on the same pool and listener. */
  readonly documents: SiteDocuments;
  /** Remembered visitors, shared by the site's stations (personal-data/visitor-profiles.ts). */
  readonly profiles: SiteProfileStore;
  private closed = false;

  constructor(options: PgLedgerOptions) {
    this.owner = `${options.stationName}#${randomBytes(3).toString('hex')}`;
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.reach = new SiteReachability(this.log, this.now);
    this.leaseMs = options.leaseMs ?? 120_000;
    this.sealer = options.siteKey ? new SiteSealer(options.siteKey) : undefined;
    this.ownNote = ownNotePrefix(this.owner);
    const timeout = options.timeoutMs ?? 3000;
    this.pool = new pg.Pool({
      ...connectionConfig(options),
      max: 10,
      connectionTimeoutMillis: timeout,
      statement_timeout: timeout * 2,
      idleTimeoutMillis: 10_000,
    });
    this.pool.on('error', (error) => this.log.warn(`site database: idle connection lost: ${describeError(error)}`));
    // Shared documents and remembered visitors are sealed with the same site key as the records.
    const key = options.siteKey ? siteKeyOf(options.siteKey) : undefined;
    this.documents = new SiteDocuments(this.pool, key, this.owner, this.log);
    this.profiles = new SiteProfileStore(this.pool, key, this.owner, this.log);
    this.listener = new SiteListener({
      config: { ...connectionConfig(options), connectionTimeoutMillis: timeout },
      channels: [NOTIFY_CHANNEL, DOCUMENTS_CHANNEL, PROFILES_CHANNEL],
      reconnectMs: options.reconnectMs ?? 2000,
      log: this.log,
      onNotify: (payload, channel) => {
        if (channel === DOCUMENTS_CHANNEL) this.documents.heard(payload);
        else if (channel === PROFILES_CHANNEL) void this.profiles.heard(payload);
        else this.heard(payload);
      },
      onUp: async () => {
        await this.resync();
        this.documents.changedAll();
        await this.profiles.changedAll();
      },
      onDown: (error) => this.reach.down(error),
    });
  }

  get writeProblem(): LedgerWriteProblem | undefined {
    return this.reach.problem;
  }

  onWritableChange(listener: () => void): () => void {
    return this.reach.onChange(listener);
  }

  onRemoteChange(listener: (change: RemoteChange) => void): () => void {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  }

  /**
   * Migrates and reads every record. An unreachable database does not stop the station: it starts
   * empty, refuses changes (nothing reaches K30 without its intent stored) and catches up on return.
   */
  async load(): Promise<{ records: VisitRecord[]; problems: LedgerProblem[] }> {
    const problems: LedgerProblem[] = [];
    try {
      const client = await this.pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      const { records } = await this.readAll(problems);
      this.listener.start();
      return { records, problems };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.reach.down(error);
      this.listener.start();
      return { records: [], problems };
    }
  }

  write(change: LedgerChange): Promise<void> {
    const ids = change.kind === 'add' ? [change.record.id] : change.kind === 'update' ? [change.after.id] : change.records.map((r) => r.id);
    const before = Promise.all(ids.map((id) => this.chains.get(id)).filter((p): p is Promise<unknown> => p !== undefined));
    const run: Promise<void> = before
      .then(
        () => this.writeNow(change),
        // A change built on one that was not stored is not stored either.
        (error: unknown) => Promise.reject(error instanceof LedgerConflictError ? error : this.writeError(error)),
      )
      .finally(() => {
        // Before the caller resumes: a retry it makes is not chained to this failure.
        for (const id of ids) {
          if (this.chains.get(id) !== run) continue;
          this.chains.delete(id);
          this.replayDeferred(id);
        }
      });
    for (const id of ids) this.chains.set(id, run);
    run.catch(() => {
      for (const id of ids) this.suspect.add(id);
    });
    return run;
  }

  private async writeNow(change: LedgerChange): Promise<void> {
    try {
      if (change.kind === 'add') await this.insert(change.record);
      else if (change.kind === 'update') await this.replace(change.after);
      else await this.remove(change.records.map((r) => r.id));
      this.reach.up();
    } catch (error) {
      if (error instanceof LedgerConflictError) throw error;
      throw this.writeError(error);
    }
  }

  /** `fresh` is undefined when the mirror already holds the version stored (nothing was read). */
  async claim(id: string): Promise<{ ok: boolean; fresh?: VisitRecord | null | undefined }> {
    // A record whose last write failed may differ in the mirror from any stored version: read it.
    const known = this.suspect.has(id) ? -1 : (this.versions.get(id) ?? -1);
    try {
      const { rows } = await this.pool.query<ClaimRow>(CLAIM_VISIT, [id, this.owner, this.leaseMs, known]);
      this.reach.up();
      const row = rows[0];
      if (!row) {
        this.versions.delete(id);
        return { ok: false, fresh: null };
      }
      return { ok: row.ok, fresh: row.doc === null ? undefined : this.remember(row) };
    } catch (error) {
      throw this.writeError(error);
    }
  }

  async release(id: string): Promise<void> {
    await this.pool
      .query('UPDATE kiosk_visits SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [id, this.owner])
      .catch((error: unknown) => {
        // Harmless: the lease expires on its own.
        this.log.warn(`site database: lease on ${id} not released: ${describeError(error)}`);
      });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.stop();
    await this.pool.end().catch(() => {});
  }

  // -------------------------------------------------------------------------------------------

  private async insert(record: VisitRecord): Promise<void> {
    const doc = this.toDoc(record);
    const { rows } = await this.pool.query<{ version: string }>(INSERT_VISIT, [
      record.id,
      record.k30No ?? null,
      record.state,
      doc,
      NOTIFY_CHANNEL,
      this.owner,
      travels(doc),
    ]);
    this.versions.set(record.id, Number(rows[0].version));
  }

  private async replace(record: VisitRecord): Promise<void> {
    const known = this.versions.get(record.id) ?? 0;
    const doc = this.toDoc(record);
    const { rows } = await this.pool.query<{ version: string }>(UPDATE_VISIT, [
      record.id,
      doc,
      record.k30No ?? null,
      record.state,
      known,
      NOTIFY_CHANNEL,
      this.owner,
      travels(doc),
    ]);
    if (rows[0]) {
      this.versions.set(record.id, Number(rows[0].version));
      return;
    }
    const fresh = await this.fetch(record.id);
    throw new LedgerConflictError(record.id, fresh === undefined ? record : fresh);
  }

  private async remove(ids: string[]): Promise<void> {
    await this.pool.query(DELETE_VISITS, [ids, NOTIFY_CHANNEL, this.owner]);
    for (const id of ids) {
      this.versions.delete(id);
      this.sealer?.forget(id);
    }
  }

  /**
   * The record as stored now (null: deleted), remembered as the version this station knows;
   * undefined when this station already knows a newer version (a read that raced its own write).
   */
  private async fetch(id: string): Promise<VisitRecord | null | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT id, version, doc FROM kiosk_visits WHERE id = $1', [id]);
    if (!rows[0]) {
      this.versions.delete(id);
      return null;
    }
    return this.remember(rows[0]);
  }

  private remember(row: Row): VisitRecord | null | undefined {
    if ((this.versions.get(row.id) ?? 0) > Number(row.version)) return undefined;
    const record = this.fromDoc(row.doc);
    if (record) this.versions.set(row.id, Number(row.version));
    return record;
  }

  /**
   * Every record, and every id present (a row this station already knows a newer version of is
   * present, though not returned: its own write raced the read).
   */
  private async readAll(problems?: LedgerProblem[]): Promise<{ records: VisitRecord[]; present: Set<string> }> {
    const { rows } = await this.pool.query<Row>('SELECT id, version, doc FROM kiosk_visits ORDER BY updated_at, id');
    const records: VisitRecord[] = [];
    const present = new Set<string>();
    let bad = 0;
    for (const row of rows) {
      present.add(row.id);
      const record = this.remember(row);
      if (record) records.push(record);
      else if (record === null) bad++;
    }
    if (bad > 0 && problems) {
      problems.push({ kind: 'invalid-records', setAside: '', detail: `${bad} unreadable record(s) in the site database`, at: this.now().toISOString() });
      this.log.warn(`site database: ${bad} unreadable record(s) left in place`);
    }
    return { records, present };
  }

  /**
   * Another station's change. While this station is writing the same record, the version it knows
   * stays the one its write checks against (so the write meets the other change as a conflict and
   * never overwrites it), and the note is looked at again once the write is done: the write may
   * have landed first, with the other change made on top of it.
   */
  private heard(payload: string): void {
    if (payload.startsWith(this.ownNote)) return;
    const note = parseNote(payload);
    if (!note || note.by === this.owner) return;
    if (this.chains.has(note.id)) this.deferred.set(note.id, note);
    else void this.apply(note);
  }

  private replayDeferred(id: string): void {
    const note = this.deferred.get(id);
    if (!note) return;
    this.deferred.delete(id);
    void this.apply(note);
  }

  /** Another station's change, for the mirror: read the record unless it came along or is known already. */
  private async apply(note: ChangeNote): Promise<void> {
    if (note.v === 0) {
      this.versions.delete(note.id);
      this.sealer?.forget(note.id);
      this.emit({ id: note.id, record: null });
      return;
    }
    if ((this.versions.get(note.id) ?? 0) >= note.v) return;
    if (note.doc) {
      // Small enough to travel with the notification: no read needed.
      const record = this.remember({ id: note.id, version: String(note.v), doc: note.doc });
      if (record) this.emit({ id: note.id, record });
      if (record !== null) return;
    }
    try {
      const record = await this.fetch(note.id);
      if (record !== undefined) this.emit({ id: note.id, record });
    } catch (error) {
      // Missed: the resync after reconnecting reads everything again.
      this.log.warn(`site database: change of ${note.id} not read: ${describeError(error)}`);
    }
  }

  /** After (re)connecting: notifications may have been missed, so compare everything once. */
  private async resync(): Promise<void> {
    const before = new Map(this.versions);
    const { records, present } = await this.readAll();
    this.reach.up();
    for (const record of records) {
      if (before.get(record.id) !== this.versions.get(record.id) || this.suspect.has(record.id)) this.emit({ id: record.id, record });
    }
    for (const id of new Set([...before.keys(), ...this.suspect])) if (!present.has(id)) this.emit({ id, record: null });
    this.suspect.clear();
  }

  /**
   * A record this station is writing right now keeps the mirror's (newer) draft: the write either
   * lands, or meets the other change as a version conflict and re-reads it then.
   */
  private emit(change: RemoteChange): void {
    if (this.chains.has(change.id)) return;
    for (const listener of this.remoteListeners) listener(change);
  }

  /** The record as the database keeps it, as JSON text (sent once, for the row and the notification). */
  private toDoc(record: VisitRecord): string {
    return JSON.stringify(this.sealer ? { ...record, private: this.sealer.seal(record.id, record.private) } : record);
  }

  private fromDoc(doc: unknown): VisitRecord | null {
    try {
      const raw = doc as { id?: unknown; private?: unknown };
      const open = this.sealer ? { ...raw, private: this.sealer.open(String(raw.id), raw.private) } : raw;
      const parsed = VisitRecordSchema.safeParse(open);
      return parsed.success ? parsed.data : null;
    } catch {
      // Sealed with another site key: unreadable here (and never logged: it may be personal data).
      return null;
    }
  }

  private writeError(error: unknown): Error {
    if (!isUnreachable(error)) return error instanceof Error ? error : new Error(String(error));
    this.reach.down(error);
    return new LedgerWriteError('site-unreachable', (error as { code?: string }).code);
  }
}
