import pg from 'pg';
import type { SiteDatabaseTest } from '../../../../src-preload/contract';
import { MIGRATIONS } from './migrations';
import { connectionConfig, isUnreachable } from './site-connection';

/**
 * "Test site database connection": connects with the saved settings, reads the schema version and
 * says whether this app can work with it. Never returns the server's message (it may quote the URL).
 */
export async function testSiteDatabase(site: { url: string; tls: 'off' | 'verify' | 'no-verify' } | undefined, timeoutMs = 5000): Promise<SiteDatabaseTest> {
  if (!site?.url) return { ok: false, failure: 'not-configured' };
  const client = new pg.Client({ ...connectionConfig({ connectionString: site.url, tls: site.tls }), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT CASE WHEN to_regclass('kiosk_schema_version') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM kiosk_schema_version) END AS v",
    );
    const schemaVersion = Number(rows[0]?.v ?? 0);
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    return schemaVersion > known ? { ok: false, failure: 'schema-too-new', schemaVersion } : { ok: true, schemaVersion };
  } catch (error) {
    return { ok: false, failure: isUnreachable(error) ? 'unreachable' : 'refused' };
  } finally {
    await client.end().catch(() => {});
  }
}
