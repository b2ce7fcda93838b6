import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { describeLedgerSuite } from '../../../helpers/ledger-suite';

describeLedgerSuite('file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-suite-'));
  return {
    open: () => VisitLedger.open({ dataDir: dir, log: memoryLogger() }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});
