import { join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../k30/protocol/describe-error';
import { ExpectedVisitSchema } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../ports';
import { diskProblemOf, LedgerWriteError, nodeLedgerDisk, type LedgerDisk } from '../visits/ledger-disk';

/**
 * Expected visits on disk, the way the visit ledger keeps visits: every change is written
 * atomically (temp file, fsync, rename) before it is visible, and one that cannot be written is not
 * kept. The full phone and document number are sealed by the SecretBox (`sealed`) while the visit
 * is expected and dropped when it ends; matching uses keyed hashes (`match`).
 */
export const ExpectedRecordSchema = ExpectedVisitSchema.extend({
  /** SecretBox-sealed JSON `{ phone, documentNo }`: only while the visit is expected. */
  sealed: z.string().optional(),
  /** Keyed hashes (match-key.ts) of the phone and document, for duplicates and the log. */
  match: z.object({ phone: z.string().optional(), document: z.string().optional() }).optional(),
});
export type ExpectedRecord = z.infer<typeof ExpectedRecordSchema>;

const FileSchema = z.object({ version: z.literal(1), expected: z.array(z.unknown()) });

export class ExpectedVisitStore {
  readonly file: string;
  private readonly records = new Map<string, ExpectedRecord>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    dataDir: string,
    private readonly disk: LedgerDisk,
    private readonly log: Logger,
  ) {
    this.file = join(dataDir, 'expected-visits.json');
  }

  static async open(options: { dataDir: string; log: Logger; disk?: LedgerDisk; now?: () => Date }): Promise<ExpectedVisitStore> {
    const store = new ExpectedVisitStore(options.dataDir, options.disk ?? nodeLedgerDisk, options.log);
    await store.disk.mkdir(options.dataDir).catch(() => {});
    await store.disk.removeStaleTemps(store.file).catch(() => {});
    await store.load((options.now ?? (() => new Date()))());
    return store;
  }

  all(): ExpectedRecord[] {
    return [...this.records.values()].map((r) => structuredClone(r));
  }

  get(id: string): ExpectedRecord | undefined {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  /** Adds all of them in one write, or none (a failed write keeps nothing). */
  async addAll(records: ExpectedRecord[]): Promise<void> {
    for (const record of records) if (this.records.has(record.id)) throw new Error(`duplicate expected visit id ${record.id}`);
    for (const record of records) this.records.set(record.id, structuredClone(record));
    try {
      await this.persist();
    } catch (error) {
      for (const record of records) this.records.delete(record.id);
      throw error;
    }
  }

  /** Changes several records in one write (a change returning false skips its record). */
  async updateMany(ids: readonly string[], change: (record: ExpectedRecord) => void | boolean): Promise<ExpectedRecord[]> {
    const before = new Map<string, ExpectedRecord>();
    const changed: ExpectedRecord[] = [];
    for (const id of ids) {
      const current = this.records.get(id);
      if (!current) throw new AppError('not-found', 'not-found');
      const draft = structuredClone(current);
      if (change(draft) === false) continue;
      before.set(id, current);
      this.records.set(id, draft);
      changed.push(draft);
    }
    if (changed.length === 0) return [];
    try {
      await this.persist();
    } catch (error) {
      for (const [id, record] of before) this.records.set(id, record);
      throw error;
    }
    return changed.map((r) => structuredClone(r));
  }

  async update(id: string, change: (record: ExpectedRecord) => void | boolean): Promise<ExpectedRecord> {
    const [updated] = await this.updateMany([id], change);
    return updated ?? structuredClone(this.records.get(id)!);
  }

  async delete(ids: readonly string[]): Promise<void> {
    const removed = ids.map((id) => this.records.get(id)).filter((r): r is ExpectedRecord => r !== undefined);
    if (removed.length === 0) return;
    for (const record of removed) this.records.delete(record.id);
    try {
      await this.persist();
    } catch (error) {
      for (const record of removed) this.records.set(record.id, record);
      throw error;
    }
  }

  async flush(): Promise<void> {
    await this.writing.catch(() => {});
  }

  private persist(): Promise<void> {
    const next = this.writing.catch(() => {}).then(() => this.write());
    this.writing = next;
    return next;
  }

  private async write(): Promise<void> {
    const text = JSON.stringify({ version: 1, expected: [...this.records.values()] });
    try {
      await this.disk.writeAtomically(this.file, text);
    } catch (error) {
      this.log.error(`expected visits: could not write ${this.file}: ${describeError(error)}`);
      throw new LedgerWriteError(diskProblemOf(error), (error as NodeJS.ErrnoException).code);
    }
  }

  private async load(now: Date): Promise<void> {
    const text = await this.disk.read(this.file).catch(() => undefined);
    if (text === undefined) return;
    let parsed: z.infer<typeof FileSchema>;
    try {
      parsed = FileSchema.parse(JSON.parse(text));
    } catch {
      // Never quote the text (personal data): set it aside and start empty, loudly.
      const aside = `${this.file}.corrupt-${now.toISOString().replace(/[-:.]/g, '')}`;
      await this.disk.rename(this.file, aside).catch(() => {});
      this.log.warn(`expected visits: unreadable file set aside as ${aside}`);
      return;
    }
    let bad = 0;
    for (const raw of parsed.expected) {
      const record = ExpectedRecordSchema.safeParse(raw);
      if (record.success) this.records.set(record.data.id, record.data);
      else bad++;
    }
    if (bad > 0) this.log.warn(`expected visits: ${bad} unreadable record(s) left out`);
  }
}
