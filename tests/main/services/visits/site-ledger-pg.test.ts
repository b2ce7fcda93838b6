import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { MIGRATIONS, SchemaTooNewError } from '../../../../src-main/services/visits/pg/migrations';
import { PgLedgerBackend } from '../../../../src-main/services/visits/pg/pg-ledger-backend';
import { ledgerRecord } from '../../../helpers/ledger-suite';
import { until } from '../../../helpers/test-data';
import { describeWithPg } from '../../../helpers/with-pg';

describeWithPg('the site ledger in PostgreSQL', (cluster) => {
  const opened: VisitLedger[] = [];
  const open = async (url: string, over: { siteKey?: string; stationName?: string; backend?: PgLedgerBackend } = {}) => {
    const backend =
      over.backend ?? new PgLedgerBackend({ connectionString: url, stationName: over.stationName ?? 'a', siteKey: over.siteKey ?? 'k', log: memoryLogger() });
    const ledger = await VisitLedger.open({ dataDir: '', log: memoryLogger(), backend });
    opened.push(ledger);
    return ledger;
  };
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  afterEach(async () => {
    for (const ledger of opened.splice(0)) await ledger.close();
  });

  it('migrates once, records the version, and refuses a database from a newer app', async () => {
    const url = await cluster().newDatabase();
    await Promise.all([open(url), open(url)]); // two stations starting together: one migrates, one waits
    expect(await query(url, 'SELECT version, name FROM kiosk_schema_version ORDER BY version')).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    await query(url, `INSERT INTO kiosk_schema_version (version, name) VALUES (${MIGRATIONS.length + 1}, 'future')`);
    await expect(open(url)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('changes of one visit by two stations at once both land (version check, re-run on the fresh record)', async () => {
    const url = await cluster().newDatabase();
    const a = await open(url, { stationName: 'a' });
    const b = await open(url, { stationName: 'b' });
    await a.add(ledgerRecord('v'));
    await until(() => b.get('v') !== undefined, 2000);
    await Promise.all([
      a.update('v', (r) => void r.history.push({ at: '2030-01-01T01:00:00.000Z', event: 'from a' })),
      b.update('v', (r) => void r.history.push({ at: '2030-01-01T01:00:00.000Z', event: 'from b' })),
    ]);
    const [row] = await query(url, "SELECT version, doc FROM kiosk_visits WHERE id = 'v'");
    expect(Number(row.version)).toBe(3);
    expect((row.doc.history as { event: string }[]).map((h) => h.event).sort()).toEqual(['from a', 'from b', 'intent']);
    await until(() => a.require('v').history.length === 3 && b.require('v').history.length === 3, 2000);
  });

  it('seals the private fields with the site key: not readable in the database, opened by another station with the key', async () => {
    const url = await cluster().newDatabase();
    const a = await open(url, { siteKey: 'our site' });
    await a.add(ledgerRecord('v'));
    const [row] = await query(url, "SELECT doc::text AS text FROM kiosk_visits WHERE id = 'v'");
    expect(row.text).not.toContain('13812345678');
    expect(row.text).not.toContain('11010119900307123X');
    const b = await open(url, { siteKey: 'our site', stationName: 'b' });
    expect(b.require('v').private.phone).toBe('13812345678');
    const wrongKey = await open(url, { siteKey: 'another site', stationName: 'c' });
    expect(wrongKey.get('v')).toBeUndefined();
    expect(wrongKey.problems[0]).toMatchObject({ kind: 'invalid-records' });
  });

  it('catching up after the listening connection dropped keeps a record this station changed while the read was under way', async () => {
    const url = await cluster().newDatabase();
    const backend = new PgLedgerBackend({ connectionString: url, stationName: 'a', siteKey: 'k', log: memoryLogger(), reconnectMs: 50 });
    const a = await open(url, { backend });
    await a.add(ledgerRecord('v'));

    // Hold the catch-up read's rows (version 1) until this station has stored version 2.
    let held: (() => void) | undefined;
    const release = new Promise<void>((resolve) => (held = resolve));
    let reached = false;
    let finished = false;
    const query = backend.pool.query.bind(backend.pool);
    backend.pool.query = (async (...args: Parameters<typeof query>) => {
      const result = await (query as (...a: unknown[]) => Promise<unknown>)(...args);
      if (String(args[0]).includes('ORDER BY updated_at')) {
        reached = true;
        await release;
        setTimeout(() => (finished = true), 20);
      }
      return result;
    }) as typeof backend.pool.query;

    await terminateListener(url);
    await until(() => reached, 3000);
    await a.update('v', (r) => void r.history.push({ at: '2030-01-01T01:00:00.000Z', event: 'while reading' }));
    held?.();
    await until(() => finished, 2000);
    expect(a.get('v')?.history.map((h) => h.event)).toEqual(['intent', 'while reading']);
  });

  /** Cuts the station's listening connection, once it is listening (it connects after the ledger has opened). */
  async function terminateListener(url: string): Promise<void> {
    const listening = "FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()";
    let seen = 0;
    await until(async () => (seen = (await query(url, `SELECT pid ${listening}`)).length) > 0, 3000).catch(() => {});
    expect(seen, 'the station is listening').toBe(1);
    const rows = await query(url, `SELECT pg_terminate_backend(pid) AS done ${listening}`);
    expect(rows).toEqual([{ done: true }]);
  }
});
