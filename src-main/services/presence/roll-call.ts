import { z } from 'zod';
import { MusterSchema, type Muster, type MusterPhones, type RollCall, type RollCallSource } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { DurableFile, SecretBox } from '../ports';
import { musterWithPhones } from './muster-archive';

/** What the roll call needs of presence: the muster with full phones, live or as last kept. */
export interface RollCallPresence {
  fullMuster(scope: string, source: RollCallSource): Promise<Muster | null>;
}

export interface RollCallDeps {
  presence: RollCallPresence;
  /** The list a roll call runs on (sealed: names and phones), written once when it starts. */
  listFile: DurableFile;
  /** Who was marked safe and when (sealed), written at every tap. */
  marksFile: DurableFile;
  box: SecretBox;
  now: () => Date;
  fullPhonesAllowed: () => boolean;
}

const ListSchema = z.object({ startedAt: z.string(), source: z.enum(['live', 'last-known']), muster: MusterSchema });
const MarksSchema = z.object({ startedAt: z.string(), safe: z.record(z.string(), z.string()) });
type List = z.infer<typeof ListSchema>;

/**
 * An evacuation roll call: the muster at the moment it starts (from K30, or the last one kept when
 * K30 is unreachable), and who marshals marked safe, with the time. Everything is kept sealed on
 * disk and each mark is written before it is confirmed, so a restarted app goes on where it was.
 */
export class RollCallService {
  private list: List | undefined;
  private safe: Record<string, string> = {};
  private loaded: Promise<void> | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RollCallDeps) {}

  /** The roll call under way, or null. */
  async current(phones: MusterPhones): Promise<RollCall | null> {
    await this.load();
    return this.list ? this.view(this.list, phones) : null;
  }

  /** Starts a roll call of one region (with its sub-regions) or all; one under way is replaced. */
  async start(query: { scope: string; source: RollCallSource; phones: MusterPhones }): Promise<RollCall> {
    this.checkPhones(query.phones);
    await this.load();
    const muster = await this.deps.presence.fullMuster(query.scope, query.source);
    if (!muster) throw new AppError('not-found', 'no muster has been kept on this computer yet', 'source');
    const list: List = { startedAt: this.deps.now().toISOString(), source: query.source, muster };
    await this.serially(async () => {
      await this.deps.listFile.write(this.deps.box.seal(JSON.stringify(list)));
      await this.deps.marksFile.write(this.deps.box.seal(JSON.stringify({ startedAt: list.startedAt, safe: {} })));
    });
    this.list = list;
    this.safe = {};
    return this.view(list, query.phones);
  }

  /** Marks one person safe (or takes it back); the answer is who is safe, once it is on disk. */
  async mark(query: { no: string; safe: boolean }): Promise<Record<string, string>> {
    await this.load();
    const list = this.list;
    if (!list) throw new AppError('not-found', 'no roll call is under way');
    if (!list.muster.people.some((p) => p.no === query.no)) throw new AppError('not-found', 'not on this roll call', 'no');
    const safe = await this.serially(async () => {
      const next = { ...this.safe };
      if (query.safe) next[query.no] ??= this.deps.now().toISOString();
      else delete next[query.no];
      await this.deps.marksFile.write(this.deps.box.seal(JSON.stringify({ startedAt: list.startedAt, safe: next })));
      this.safe = next;
      return next;
    });
    return { ...safe };
  }

  /** Ends the roll call: nothing of it stays on disk. */
  async end(): Promise<void> {
    await this.load();
    await this.serially(async () => {
      await this.deps.marksFile.write('');
      await this.deps.listFile.write('');
    });
    this.list = undefined;
    this.safe = {};
  }

  private view(list: List, phones: MusterPhones): RollCall {
    this.checkPhones(phones);
    return { startedAt: list.startedAt, source: list.source, muster: musterWithPhones(list.muster, phones), safe: { ...this.safe } };
  }

  private checkPhones(phones: MusterPhones): void {
    if (phones === 'full' && !this.deps.fullPhonesAllowed()) throw new AppError('pin-required', 'Full phone numbers need the admin PIN');
  }

  /** Writes one after another, so a later state never lands before an earlier one. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writing.then(work);
    this.writing = next.catch(() => {});
    return next;
  }

  private load(): Promise<void> {
    return (this.loaded ??= (async () => {
      const list = await this.readSealed(this.deps.listFile, ListSchema);
      if (!list) return;
      const marks = await this.readSealed(this.deps.marksFile, MarksSchema);
      this.list = list;
      this.safe = marks?.startedAt === list.startedAt ? marks.safe : {};
    })());
  }

  private async readSealed<T>(file: DurableFile, schema: z.ZodType<T>): Promise<T | undefined> {
    const sealed = await file.read();
    if (!sealed) return undefined;
    return schema.parse(JSON.parse(this.deps.box.open(sealed)));
  }
}
