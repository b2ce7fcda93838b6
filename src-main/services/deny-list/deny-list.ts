import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DenyEntry, DenyEntryInput, DenyHit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { MatchKeys } from '../personal-data/match-key';
import { normaliseDocumentNo, normalisePhone } from '../personal-data/match-key';
import type { DurableFile, Logger } from '../ports';

/** An entry as stored: the keyed hashes of its numbers and their last 4 characters, never the numbers. */
export const StoredDenyEntrySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(80),
  documentKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  phoneKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  documentHint: z.string().max(4),
  phoneHint: z.string().max(4),
  reason: z.string().max(400),
  addedBy: z.string().max(200),
  addedAt: z.string(),
  expiresAt: z.string().optional(),
});
export type StoredDenyEntry = z.infer<typeof StoredDenyEntrySchema>;

const StoredListSchema = z.object({ version: z.literal(1), entries: z.array(StoredDenyEntrySchema) });

/** Who is being registered, as the deny list compares them. */
export interface DenyCandidate {
  phone?: string;
  documentNo?: string;
}

export interface DenyListDeps {
  file: DurableFile;
  matchKeys: MatchKeys;
  log: Logger;
  now?: () => Date;
}

/** What an entry is made from: a typed entry (numbers in clear, hashed here) or an exported one (hashes). */
export type NewDenyEntry = Omit<DenyEntryInput, 'documentNo' | 'phone'> & {
  documentNo?: string;
  phone?: string;
  documentKey?: string;
  phoneKey?: string;
  documentHint?: string;
  phoneHint?: string;
};

/**
 * The people who must not be registered. Matching is by the install's keyed hashes of the
 * normalised document number and phone (personal-data/match-key.ts); the file keeps those
 * hashes, the name, the last 4 characters, reason, who added it and until when.
 */
export class DenyList {
  private entries: StoredDenyEntry[] = [];
  /** The file did not parse: nobody is registered until an administrator adds or imports a new list. */
  private damaged = false;
  private readonly now: () => Date;

  private constructor(private readonly deps: DenyListDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Reads the list. A file that cannot be read or does not parse is not taken for an empty list
   * (that would let people in): registrations are refused until an administrator saves a new one.
   */
  static async open(deps: DenyListDeps): Promise<DenyList> {
    const list = new DenyList(deps);
    await list.load();
    return list;
  }

  /**
   * Reads the list again: in site mode another station changed it. A list that cannot be read
   * or opened is damaged (nobody is registered), never taken for an empty one.
   */
  async reload(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    let entries: StoredDenyEntry[] | undefined = [];
    try {
      const text = await this.deps.file.read();
      if (text !== undefined) {
        const parsed = StoredListSchema.safeParse(safeJson(text));
        entries = parsed.success ? parsed.data.entries : undefined;
      }
    } catch {
      entries = undefined;
    }
    if (entries) {
      this.entries = entries;
      this.damaged = false;
      return;
    }
    this.damaged = true;
    this.deps.log.error('deny list: the file cannot be read; registrations are refused until an administrator adds or imports entries');
  }

  get isDamaged(): boolean {
    return this.damaged;
  }

  private isActive(entry: StoredDenyEntry, at = this.now()): boolean {
    return entry.expiresAt === undefined || Date.parse(entry.expiresAt) > at.getTime();
  }

  list(): DenyEntry[] {
    const at = this.now();
    return this.entries.map(({ documentKey: _d, phoneKey: _p, ...rest }) => ({ ...rest, expired: !this.isActive(rest as StoredDenyEntry, at) }));
  }

  /** The stored entries (with hashes), for the CSV export. */
  stored(): readonly StoredDenyEntry[] {
    return this.entries;
  }

  /**
   * The active entries this person matches. With no active entry nothing is computed; otherwise a
   * match key that cannot be opened refuses (AppError 'deny-list-unavailable'): nobody is let
   * through unchecked.
   */
  check(candidate: DenyCandidate): DenyHit['entries'] {
    if (this.damaged) throw new AppError('deny-list-unavailable', 'The deny list file cannot be read: an administrator must import or add entries');
    const active = this.entries.filter((e) => this.isActive(e));
    if (active.length === 0) return [];
    let documentKey: string | undefined;
    let phoneKey: string | undefined;
    try {
      documentKey = candidate.documentNo ? this.deps.matchKeys.document(candidate.documentNo) : undefined;
      phoneKey = candidate.phone ? this.deps.matchKeys.phone(candidate.phone) : undefined;
    } catch {
      this.deps.log.error('deny list: the match key cannot be opened; registrations are refused until it can');
      throw new AppError('deny-list-unavailable', 'The deny list cannot be checked on this computer (its key cannot be opened)');
    }
    return active
      .filter((e) => (documentKey !== undefined && e.documentKey === documentKey) || (phoneKey !== undefined && e.phoneKey === phoneKey))
      .map(({ id, name, reason, documentHint, phoneHint, expiresAt }) => ({ id, name, reason, documentHint, phoneHint, ...(expiresAt ? { expiresAt } : {}) }));
  }

  /** Adds entries (one write for all); throws AppError('deny-list-unavailable') without a match key. */
  async add(items: readonly NewDenyEntry[], addedBy: string): Promise<StoredDenyEntry[]> {
    const made = items.map((item) => this.make(item, addedBy));
    await this.loadBeforeChange();
    await this.save([...this.entries, ...made]);
    return made;
  }

  async remove(id: string): Promise<StoredDenyEntry> {
    await this.loadBeforeChange();
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw new AppError('not-found', 'no such deny-list entry', 'id');
    await this.save(this.entries.filter((e) => e.id !== id));
    return entry;
  }

  /**
   * In site mode another station may have changed the list a moment ago (its notification still on
   * the way): a change starts from the stored list, so it does not undo that one. A list that cannot
   * be read now is replaced (what an administrator does to a damaged list).
   */
  private async loadBeforeChange(): Promise<void> {
    await this.load();
  }

  private make(item: NewDenyEntry, addedBy: string): StoredDenyEntry {
    let documentKey = item.documentKey;
    let phoneKey = item.phoneKey;
    try {
      if (item.documentNo) documentKey = this.deps.matchKeys.document(item.documentNo);
      if (item.phone) phoneKey = this.deps.matchKeys.phone(item.phone);
    } catch {
      throw new AppError('deny-list-unavailable', 'The deny list cannot be changed on this computer (its key cannot be opened)');
    }
    if (!documentKey && !phoneKey) throw new AppError('invalid-input', 'a document number or a phone number is needed', 'documentNo');
    return {
      id: randomUUID(),
      name: item.name,
      ...(documentKey ? { documentKey } : {}),
      ...(phoneKey ? { phoneKey } : {}),
      documentHint: item.documentNo ? normaliseDocumentNo(item.documentNo).slice(-4) : (item.documentHint ?? '').slice(-4),
      phoneHint: item.phone ? normalisePhone(item.phone).slice(-4) : (item.phoneHint ?? '').slice(-4),
      reason: item.reason,
      addedBy,
      addedAt: this.now().toISOString(),
      ...(item.expiresAt ? { expiresAt: new Date(item.expiresAt).toISOString() } : {}),
    };
  }

  /** Visible only once on disk: a write that fails changes nothing. */
  private async save(next: StoredDenyEntry[]): Promise<void> {
    await this.deps.file.write(JSON.stringify({ version: 1, entries: next }));
    this.entries = next;
    this.damaged = false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
