import type { PoolClient } from 'pg';
import { sql as init001 } from './migrations/001-init';
import { sql as documents002 } from './migrations/002-documents';
import { sql as audit003 } from './migrations/003-audit';
import { sql as profiles004 } from './migrations/004-profiles';

/**
 * The site database's schema, as versioned SQL (migrations/NNN-name.ts, one SQL text each), applied
 * in order. Kept as modules so the packaged app, tests and command-line tools all carry them alike.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_init', sql: init001 },
  { version: 2, name: '002_documents', sql: documents002 },
  { version: 3, name: '003_audit', sql: audit003 },
  { version: 4, name: '004_profiles', sql: profiles004 },
];

/** Any number: all stations agree on it, so only one of them migrates at a time. */
const MIGRATION_LOCK = 0x4b3330; // 'K30'

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the site database has schema version ${found}, this app knows up to ${known}: update this station`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the schema up to date inside one transaction, under an advisory lock (stations starting
 * together wait for each other); refuses a database written by a newer app.
 */
export async function migrate(client: PoolClient, migrations = MIGRATIONS): Promise<{ from: number; to: number }> {
  const known = migrations.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS kiosk_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM kiosk_schema_version');
    const from = rows[0]?.v ?? 0;
    if (from > known) throw new SchemaTooNewError(from, known);
    for (const step of migrations) {
      if (step.version <= from) continue;
      await client.query(step.sql);
      await client.query('INSERT INTO kiosk_schema_version (version, name) VALUES ($1, $2)', [step.version, step.name]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, known) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
