import type pg from 'pg';
import { AuditEntrySchema, type AuditEntry } from '../../../../src-preload/contract';
import { dayOf, type AuditStore } from '../../audit/audit-log';

/**
 * The audit log of the whole site in its database: every station appends to one table, so the
 * security office reads who did what at any desk. Each append is one statement; the entries are
 * listed in the order they were stored, newest first.
 */
export class SiteAuditStore implements AuditStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO kiosk_audit (day, entry) VALUES ($1, $2)', [dayOf(new Date(entry.at)), entry]);
  }

  async list(query: { from?: string; to?: string }, limit: number): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
    const { rows } = await this.pool.query<{ entry: unknown }>(
      `SELECT entry FROM kiosk_audit WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
       ORDER BY id DESC LIMIT $3`,
      [query.from ?? null, query.to ?? null, Math.min(limit, Number.MAX_SAFE_INTEGER - 1) + 1],
    );
    const entries = rows.flatMap((row) => {
      const parsed = AuditEntrySchema.safeParse(row.entry);
      return parsed.success ? [parsed.data] : [];
    });
    return entries.length > limit ? { entries: entries.slice(0, limit), truncated: true } : { entries, truncated: false };
  }

  async dropBefore(oldestKept: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ day: string }>(
      `WITH gone AS (DELETE FROM kiosk_audit WHERE day < $1::date RETURNING day) SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM gone ORDER BY 1`,
      [oldestKept],
    );
    return rows.map((r) => r.day);
  }
}
