import { afterEach, expect, it } from 'vitest';
import type { Actor } from '../../../../src-preload/contract';
import { AuditLog } from '../../../../src-main/services/audit/audit-log';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { PgLedgerBackend } from '../../../../src-main/services/visits/pg/pg-ledger-backend';
import { SiteAuditStore } from '../../../../src-main/services/visits/pg/site-audit';
import { auditStoreSuite } from '../../../helpers/audit-store-suite';
import { describeWithPg } from '../../../helpers/with-pg';

describeWithPg('the audit log in the site database', (cluster) => {
  const opened: VisitLedger[] = [];
  afterEach(async () => {
    for (const ledger of opened.splice(0)) await ledger.close();
  });
  /** A station's backend on `url`, its schema brought up to date as the ledger does at start. */
  const stationStore = async (url: string, stationName: string) => {
    const backend = new PgLedgerBackend({ connectionString: url, stationName, siteKey: 'k', log: memoryLogger() });
    opened.push(await VisitLedger.open({ dataDir: '', log: memoryLogger(), backend }));
    return new SiteAuditStore(backend.pool);
  };

  auditStoreSuite(async () => stationStore(await cluster().newDatabase(), 'a'));

  it("one station's entries are read at another (the security office sees every desk)", async () => {
    const url = await cluster().newDatabase();
    const lobby: Actor = { station: 'lobby', kind: 'station' };
    await new AuditLog({ store: await stationStore(url, 'lobby'), log: memoryLogger() }).record({ actor: lobby, action: 'registered', outcome: 'ok' });
    const office = new AuditLog({ store: await stationStore(url, 'office'), log: memoryLogger() });
    expect((await office.list({})).entries).toEqual([expect.objectContaining({ actor: lobby, action: 'registered' })]);
  });
});
