import type pg from 'pg';
import { describeError } from '../../../k30/protocol/describe-error';
import type { DurableFile, Logger } from '../../ports';
import { isSealed, openText, sealText } from './site-seal';

export const DOCUMENTS_CHANNEL = 'kiosk_documents';

/** A shared document: read and written whole, like the file it stands in for; `onChange` hears other stations. */
export interface SharedDocument extends DurableFile {
  onChange(listener: () => void): () => void;
}

/**
 * Documents every station of a site shares whole (the deny list), one row each in
 * `kiosk_documents`, sealed with the site key. A write replaces the row and notifies the other
 * stations in the same statement; they read it again. Notifications missed while a station was
 * disconnected are made up for by `changedAll` after it reconnects.
 */
export class SiteDocuments {
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: Buffer | undefined,
    private readonly owner: string,
    private readonly log: Logger,
  ) {}

  document(name: string): SharedDocument {
    return {
      read: () => this.read(name),
      write: (text) => this.write(name, text),
      onChange: (listener) => {
        const set = this.listeners.get(name) ?? new Set();
        set.add(listener);
        this.listeners.set(name, set);
        return () => set.delete(listener);
      },
    };
  }

  /** A notification on DOCUMENTS_CHANNEL: `{ name, by }`. */
  heard(payload: string): void {
    let note: { name?: unknown; by?: unknown };
    try {
      note = JSON.parse(payload) as typeof note;
    } catch {
      return;
    }
    if (typeof note.name === 'string' && note.by !== this.owner) this.changed(note.name);
  }

  /** After reconnecting: any document may have changed meanwhile. */
  changedAll(): void {
    for (const name of this.listeners.keys()) this.changed(name);
  }

  private changed(name: string): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        listener();
      } catch (error) {
        this.log.warn(`site database: a listener of ${name} failed: ${describeError(error)}`);
      }
    }
  }

  private async read(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM kiosk_documents WHERE name = $1', [name]);
    if (!rows[0]) return undefined;
    return this.open(rows[0].body);
  }

  private async write(name: string, text: string): Promise<void> {
    const body = this.key ? JSON.stringify(sealText(this.key, text)) : text;
    await this.pool.query(
      `WITH w AS (INSERT INTO kiosk_documents (name, body) VALUES ($1, $2)
                  ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, version = kiosk_documents.version + 1, updated_at = now()
                  RETURNING name)
       SELECT pg_notify($3, json_build_object('name', w.name, 'by', $4::text)::text) FROM w`,
      [name, body, DOCUMENTS_CHANNEL, this.owner],
    );
  }

  /** Sealed text is opened with the site key; a wrong key throws (the caller treats the document as unreadable). */
  private open(body: string): string {
    if (!this.key) return body;
    let sealed: unknown;
    try {
      sealed = JSON.parse(body);
    } catch {
      return body;
    }
    return isSealed(sealed) ? openText(this.key, sealed) : body;
  }
}
