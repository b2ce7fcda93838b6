import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { importFileLedger } from '../../../../src-main/services/visits/pg/import-file-ledger';
import { PgLedgerBackend } from '../../../../src-main/services/visits/pg/pg-ledger-backend';
import { ledgerRecord } from '../../../helpers/ledger-suite';
import { describeWithPg } from '../../../helpers/with-pg';

describeWithPg('importing a station file ledger into the site database', (cluster) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const done of cleanup.splice(0)) await done();
  });

  it('inserts every record once, reports counts, and a second run changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'site-import-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await file.add(ledgerRecord('a', { state: 'created', k30No: 'V1' }));
    await file.add(ledgerRecord('b', { state: 'removal-pending', k30No: 'V2' }));
    await file.close();
    const url = await cluster().newDatabase();

    expect(await importFileLedger({ dataDir: dir, url, siteKey: 'k', log: memoryLogger() })).toEqual({ read: 2, inserted: 2, alreadyThere: 0, unreadable: 0 });
    expect(await importFileLedger({ dataDir: dir, url, siteKey: 'k', log: memoryLogger() })).toEqual({ read: 2, inserted: 0, alreadyThere: 2, unreadable: 0 });

    const site = await VisitLedger.open({
      dataDir: '',
      log: memoryLogger(),
      backend: new PgLedgerBackend({ connectionString: url, stationName: 's', siteKey: 'k', log: memoryLogger() }),
    });
    cleanup.push(() => site.close());
    expect(
      site
        .all()
        .map((r) => [r.id, r.state, r.k30No])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual([
      ['a', 'created', 'V1'],
      ['b', 'removal-pending', 'V2'],
    ]);
  });
});
