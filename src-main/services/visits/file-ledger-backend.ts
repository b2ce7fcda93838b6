import { join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../k30/protocol/describe-error';
import type { Logger, SecretBox } from '../ports';
import { LedgerSealer, openPrivate } from './ledger-sealing';
import { VisitRecordSchema, type LedgerProblem, type VisitRecord } from './ledger';
import type { LedgerBackend, LedgerChange, LedgerWriteProblem } from './ledger-backend';
import { diskProblemOf, LedgerWriteError, nodeLedgerDisk, type LedgerDisk } from './ledger-disk';

const LedgerFileSchema = z.object({ version: z.literal(1), visits: z.array(z.unknown()) });

export interface FileLedgerOptions {
  dataDir: string;
  log: Logger;
  fileName?: string;
  now?: () => Date;
  disk?: LedgerDisk;
  /** Seals each visit's private fields in the file (without one they are written open: tests only). */
  box?: SecretBox;
}

/**
 * The single-station ledger: one JSON file, replaced atomically on every change (temp file, fsync,
 * rename, fsync the directory). A crash leaves the old file or the new one, never half of one.
 */
export class FileLedgerBackend implements LedgerBackend {
  readonly kind = 'file' as const;
  readonly file: string;
  private readonly dataDir: string;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly disk: LedgerDisk;
  private readonly box: SecretBox | undefined;
  private readonly sealer: LedgerSealer;
  private writing: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;
  /** Set while the last write failed; cleared by the next that succeeds. */
  private failing?: LedgerWriteProblem;
  /** Set when writing would destroy something (a damaged file that could not be set aside). */
  private refuseWrites = false;
  private readonly writeListeners = new Set<() => void>();

  constructor(options: FileLedgerOptions) {
    this.dataDir = options.dataDir;
    this.file = join(options.dataDir, options.fileName ?? 'visits.json');
    this.log = options.log;
    this.now = options.now ?? (() => new Date());
    this.disk = options.disk ?? nodeLedgerDisk;
    this.box = options.box;
    this.sealer = new LedgerSealer(options.box);
  }

  get writeProblem(): LedgerWriteProblem | undefined {
    return this.failing && { ...this.failing };
  }

  onWritableChange(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** One station only: its claim always succeeds (the ledger's in-process lock does the rest). */
  async claim(): Promise<{ ok: boolean }> {
    return { ok: true };
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {
    await this.writing.catch(() => {});
  }

  /**
   * Writes are serialised, and a write that has not started yet serves every change made before
   * it starts (it snapshots the records when it runs).
   */
  write(_change: LedgerChange, snapshot: () => Iterable<VisitRecord>): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.writing
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        return this.writeAtomically([...snapshot()]);
      });
    this.queued = next;
    this.writing = next;
    return next;
  }

  private async writeAtomically(records: VisitRecord[]): Promise<void> {
    if (this.refuseWrites) {
      throw new LedgerWriteError('read-only', undefined);
    }
    let text: string;
    try {
      text = JSON.stringify({ version: 1, visits: this.sealer.forDisk(records) });
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

  async load(): Promise<{ records: VisitRecord[]; problems: LedgerProblem[] }> {
    await this.disk.mkdir(this.dataDir).catch((error: unknown) => this.log.warn(`visit ledger: cannot create ${this.dataDir}: ${describeError(error)}`));
    await this.disk.removeStaleTemps(this.file).catch(() => {});
    const problems: LedgerProblem[] = [];
    const records = new Map<string, VisitRecord>();
    const report = (problem: LedgerProblem): void => {
      problems.push(problem);
      this.log.warn(`visit ledger: ${problem.kind}, set aside as ${problem.setAside} (${problem.detail})`);
    };
    const text = await this.disk.read(this.file);
    if (text === undefined) return { records: [], problems };
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
        report({
          kind: 'corrupt-kept',
          setAside: '',
          detail: `${unreadableDetail(error)}; not set aside: ${(renameError as NodeJS.ErrnoException).code ?? 'error'}`,
          at: this.now().toISOString(),
        });
        return { records: [], problems };
      }
      report({ kind: 'corrupt', setAside, detail: unreadableDetail(error), at: this.now().toISOString() });
      return { records: [], problems };
    }
    const bad: string[] = [];
    for (const [index, raw] of parsed.visits.entries()) {
      const record = VisitRecordSchema.safeParse(raw);
      if (record.success && !records.has(record.data.id)) {
        record.data.private = openPrivate(record.data.id, record.data.private, this.box, this.log);
        records.set(record.data.id, record.data);
      }
      // Only where and what kind of problem: a value could be personal data and this goes to the log.
      else bad.push(`#${index}${record.success ? ' duplicate id' : `: ${record.error.issues[0]?.path.join('.')} ${record.error.issues[0]?.code}`}`);
    }
    if (bad.length > 0) {
      // Keep what is readable (pending removals must not be forgotten) and a copy of the whole.
      let setAside = this.setAsideName();
      // A read-only disk: the readable records are kept, and the file is not written until it can be.
      await this.disk.copy(this.file, setAside).catch(() => (setAside = ''));
      report({ kind: 'invalid-records', setAside, detail: `${bad.length} unreadable record(s): ${bad.slice(0, 5).join('; ')}`, at: this.now().toISOString() });
    }
    return { records: [...records.values()], problems };
  }

  private setAsideName(): string {
    const stamp = this.now().toISOString().replace(/[-:.]/g, '');
    return `${this.file}.corrupt-${stamp}`;
  }
}

/** Never the parser's message: Node quotes the file's text in it, and that may be personal data. */
function unreadableDetail(error: unknown): string {
  if (error instanceof z.ZodError) return `unexpected shape at ${error.issues[0]?.path.join('.') || 'top level'}`;
  return error instanceof SyntaxError ? 'not valid JSON' : 'unreadable';
}
