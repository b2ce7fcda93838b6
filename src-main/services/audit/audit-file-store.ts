import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema, type AuditEntry } from '../../../src-preload/contract';
import { dayOf, type AuditStore } from './audit-log';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * The audit log on one station's disk: one JSON line per entry in a file per UTC day
 * (`audit/2026-12-01.jsonl`), appended and fsynced. Nothing rewrites a day.
 */
export class AuditFileStore implements AuditStore {
  /** Day files already checked for a torn last line (a crash mid-append) in this run. */
  private readonly checked = new Set<string>();

  /** `dir`: the folder of day files (`<dataDir>/audit`). */
  constructor(private readonly dir: string) {}

  async append(entry: AuditEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${dayOf(new Date(entry.at))}.jsonl`);
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
      await handle.appendFile(`${prefix}${JSON.stringify(entry)}\n`, 'utf8');
      await handle.sync();
      this.checked.add(file);
    } finally {
      await handle.close();
    }
  }

  /** The days on disk, oldest first. */
  async days(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).flatMap((name) => DAY_FILE.exec(name)?.[1] ?? []).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async list(query: { from?: string; to?: string }, limit: number): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
    const days = (await this.days()).filter((d) => (!query.from || d >= query.from) && (!query.to || d <= query.to)).reverse();
    const entries: AuditEntry[] = [];
    for (const day of days) {
      const text = await readFile(join(this.dir, `${day}.jsonl`), 'utf8');
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

  async dropBefore(oldestKept: string): Promise<string[]> {
    const dropped: string[] = [];
    for (const day of await this.days()) {
      if (day >= oldestKept) continue;
      await unlink(join(this.dir, `${day}.jsonl`));
      dropped.push(day);
    }
    return dropped;
  }
}
