import { afterAll } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { PgLedgerBackend } from '../../../../src-main/services/visits/pg/pg-ledger-backend';
import { describeLedgerSuite } from '../../../helpers/ledger-suite';
import { describeWithPg } from '../../../helpers/with-pg';

describeWithPg('visit ledger on the site database', (cluster) => {
  describeLedgerSuite('postgres', async () => {
    const url = await cluster().newDatabase();
    return {
      open: () =>
        VisitLedger.open({
          dataDir: '',
          log: memoryLogger(),
          backend: new PgLedgerBackend({ connectionString: url, stationName: 'test', siteKey: 'site secret', log: memoryLogger() }),
        }),
      dispose: async () => {},
    };
  });
  afterAll(() => {});
});
