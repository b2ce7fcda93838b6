import { describeError } from '../../k30/protocol/describe-error';
import type { DurableFile, Logger } from '../ports';

/**
 * The signatures of callbacks accepted recently, so one is never acted on twice, not even after a
 * restart: kept in a DurableFile for as long as a message could still pass the freshness check.
 * Only authenticated messages are remembered, so only the K30 server can fill it.
 */
export interface ReplayMemoryOptions {
  /** How long a key is remembered (wall-clock ms). */
  windowMs: number;
  maxEntries: number;
  file?: DurableFile;
  log: Logger;
}

interface Saved {
  version: 1;
  /** [key, accepted at (epoch ms)], oldest first. */
  seen: [string, number][];
}

export class ReplayMemory {
  /** Insertion order is time order. */
  private readonly seen = new Map<string, number>();
  private loaded?: Promise<void>;
  private writing: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;

  constructor(private readonly options: ReplayMemoryOptions) {}

  /** Reads the file once; an unreadable file is logged and treated as empty. */
  load(now: number): Promise<void> {
    this.loaded ??= (async () => {
      const file = this.options.file;
      if (!file) return;
      try {
        const text = await file.read();
        if (text === undefined) return;
        const saved = JSON.parse(text) as Partial<Saved>;
        const entries = Array.isArray(saved.seen) ? saved.seen : [];
        for (const entry of entries) {
          if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') this.seen.set(entry[0], entry[1]);
        }
        this.forgetOld(now);
      } catch (error) {
        this.options.log.error(`callback receiver: the replay memory could not be read: ${describeError(error)}`);
      }
    })();
    return this.loaded;
  }

  has(key: string, now: number): boolean {
    this.forgetOld(now);
    return this.seen.has(key);
  }

  /** Remembers `key`; resolves once it is on disk (a failed write is logged: memory still protects). */
  async remember(key: string, now: number): Promise<void> {
    this.forgetOld(now);
    this.seen.set(key, now);
    if (this.seen.size > this.options.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    await this.persist();
  }

  /** Resolves when the last write has ended (shutdown: nothing is written after close). */
  flush(): Promise<void> {
    return this.writing;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Writes one after another; calls made while a write runs share the next one. */
  private persist(): Promise<void> {
    const file = this.options.file;
    if (!file) return Promise.resolve();
    if (this.queued) return this.queued;
    const next = this.writing
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        const saved: Saved = { version: 1, seen: [...this.seen] };
        return file.write(JSON.stringify(saved));
      })
      .catch((error: unknown) => this.options.log.error(`callback receiver: the replay memory could not be saved: ${describeError(error)}`));
    this.queued = next;
    this.writing = next;
    return next;
  }

  private forgetOld(now: number): void {
    for (const [key, at] of this.seen) {
      // A clock set back makes entries look new: they stay (safe side) until the window passes.
      if (now - at <= this.options.windowMs) break;
      this.seen.delete(key);
    }
  }
}
