import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger, type VisitRecord } from '../../../../src-main/services/visits/ledger';
import type { LedgerBackend } from '../../../../src-main/services/visits/ledger-backend';
import { demoRegistration, intentRecord } from '../../../helpers/test-data';

/** A site backend whose removal claim hands back `fresh` (the record as another station's database has it). */
function backendReturning(stored: VisitRecord, fresh: () => VisitRecord): LedgerBackend {
  return {
    kind: 'postgres',
    load: async () => ({ records: [structuredClone(stored)], problems: [] }),
    write: async () => {},
    writeProblem: undefined,
    onWritableChange: () => () => {},
    claim: async () => ({ ok: true, fresh: fresh() }),
    release: async () => {},
    close: async () => {},
  };
}

/** The same record with its keys in the opposite order (as a database's JSONB may give them back). */
const reordered = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

describe('visit ledger: changes from elsewhere', () => {
  const stored: VisitRecord = { ...intentRecord('v1', demoRegistration()), state: 'pushed', k30No: 'V1', private: {} };

  it('a record read back that holds what the mirror holds (keys in another order, an unset field) is no change', async () => {
    const ledger = await VisitLedger.open({
      dataDir: '',
      log: memoryLogger(),
      backend: backendReturning(stored, () => ({ ...reordered(structuredClone(stored)), lastError: undefined, visitor: reordered(stored.visitor) })),
    });
    const heard: string[] = [];
    ledger.onRemoteChange((change) => heard.push(change.id));
    expect(await ledger.claim('v1')).toBe(true);
    expect(heard).toEqual([]);
  });

  it('a record read back that differs replaces the mirror’s and is reported', async () => {
    const ledger = await VisitLedger.open({
      dataDir: '',
      log: memoryLogger(),
      backend: backendReturning(stored, () => ({ ...reordered(structuredClone(stored)), state: 'removal-pending', removal: { attempts: 0 } })),
    });
    const heard: string[] = [];
    ledger.onRemoteChange((change) => heard.push(change.id));
    expect(await ledger.claim('v1')).toBe(true);
    expect(heard).toEqual(['v1']);
    expect(ledger.get('v1')?.state).toBe('removal-pending');
  });
});
