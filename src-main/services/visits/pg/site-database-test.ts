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
    // Two statements: one naming a table that does not exist fails as a whole, even in a branch not
    // taken (an empty database, whose tables the first station in site mode creates, read as refused).
    const { rows: table } = await client.query<{ present: boolean }>("SELECT to_regclass('kiosk_schema_version') IS NOT NULL AS present");
    const { rows } = table[0]?.present ? await client.query<{ v: number | null }>('SELECT max(version) AS v FROM kiosk_schema_version') : { rows: [] };
    const schemaVersion = Number(rows[0]?.v ?? 0);
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    return schemaVersion > known ? { ok: false, failure: 'schema-too-new', schemaVersion } : { ok: true, schemaVersion };
  } catch (error) {
    return { ok: false, failure: isUnreachable(error) ? 'unreachable' : 'refused' };
  } finally {
    await client.end().catch(() => {});
  }
}
