import pg from 'pg';
import type { Logger } from '../../ports';
import { FileLedgerBackend } from '../file-ledger-backend';
import { migrate } from './migrations';
import { connectionConfig } from './site-connection';
import { sealPrivate, siteKeyOf } from './site-seal';

export interface ImportCounts {
  /** Records in the station's file. */
  read: number;
  inserted: number;
  /** Already in the database (same id): left as they are, so running the import again changes nothing. */
  alreadyThere: number;
  /** Unreadable records (the file backend reports them and keeps a copy aside). */
  unreadable: number;
}

/**
 * Moves a station's file ledger into the site database: every record the file holds is inserted
 * unless a record with its id is already there (idempotent), in one transaction, and the other
 * stations hear of each one. The file itself is left untouched.
 */
export async function importFileLedger(options: {
  dataDir: string;
  url: string;
  tls?: 'off' | 'verify' | 'no-verify';
  siteKey?: string;
  log: Logger;
}): Promise<ImportCounts> {
  const file = new FileLedgerBackend({ dataDir: options.dataDir, log: options.log });
  const { records, problems } = await file.load();
  const key = options.siteKey ? siteKeyOf(options.siteKey) : undefined;
  const client = new pg.Client(connectionConfig({ connectionString: options.url, tls: options.tls }));
  await client.connect();
  try {
    await migrate(client as unknown as pg.PoolClient);
    await client.query('BEGIN');
    let inserted = 0;
    for (const record of records) {
      const doc = key ? { ...record, private: sealPrivate(key, record.private) } : record;
      const { rowCount } = await client.query(
        `WITH w AS (INSERT INTO kiosk_visits (id, k30_no, state, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id, version)
         SELECT pg_notify('kiosk_visits', json_build_object('id', w.id, 'v', w.version, 'by', 'import')::text) FROM w`,
        [record.id, record.k30No ?? null, record.state, doc],
      );
      inserted += rowCount ?? 0;
    }
    await client.query('COMMIT');
    const unreadable = problems.reduce((n, p) => n + (p.kind === 'invalid-records' ? Number(/^(\d+)/.exec(p.detail)?.[1] ?? 0) : 0), 0);
    return { read: records.length, inserted, alreadyThere: records.length - inserted, unreadable };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
