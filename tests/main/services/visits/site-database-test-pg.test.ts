/** "Test site database connection" against a real PostgreSQL: empty, current, newer, and a database that is not there. */
import pg from 'pg';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../src-main/services/visits/pg/migrations';
import { testSiteDatabase } from '../../../../src-main/services/visits/pg/site-database-test';
import { describeWithPg } from '../../../helpers/with-pg';

async function run(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

describeWithPg('testing the site database connection', (cluster) => {
  const known = MIGRATIONS.at(-1)!.version;

  it('an empty database is reachable, at schema version 0 (the first station in site mode creates the tables)', async () => {
    expect(await testSiteDatabase({ url: await cluster().newDatabase(), tls: 'off' })).toEqual({ ok: true, schemaVersion: 0 });
  });

  it('reads the schema version, and refuses one newer than this app knows', async () => {
    const url = await cluster().newDatabase();
    await run(
      url,
      'CREATE TABLE kiosk_schema_version (version integer PRIMARY KEY, name text NOT NULL)',
      `INSERT INTO kiosk_schema_version VALUES (${known}, 'now')`,
    );
    expect(await testSiteDatabase({ url, tls: 'off' })).toEqual({ ok: true, schemaVersion: known });
    await run(url, `INSERT INTO kiosk_schema_version VALUES (${known + 1}, 'future')`);
    expect(await testSiteDatabase({ url, tls: 'off' })).toEqual({ ok: false, failure: 'schema-too-new', schemaVersion: known + 1 });
  });

  it('a database the server does not have is refused, not unreachable', async () => {
    const url = await cluster().newDatabase();
    expect(await testSiteDatabase({ url: url.replace(/\/[^/]+$/, '/no_such_database'), tls: 'off' })).toEqual({ ok: false, failure: 'refused' });
  });
});
