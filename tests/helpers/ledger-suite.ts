import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/services/app-error';
import type { VisitLedger, VisitRecord } from '../../src-main/services/visits/ledger';

export const PHOTO = '/9j/' + 'A'.repeat(400);

export function ledgerRecord(id: string, over: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id,
    state: 'intent',
    channel: 'reception',
    visitor: { name: '张三', phoneMasked: '138****5678', documentType: 'id-card', documentMasked: '1101**********123X', carno: '', reason: '' },
    host: { no: 'P1', name: '李四' },
    begin: '2030-01-01T01:00:00.000Z',
    end: '2030-01-01T03:00:00.000Z',
    devices: [
      { no: 'D1', state: 'waiting' },
      { no: 'D2', state: 'waiting' },
    ],
    history: [{ at: '2030-01-01T00:59:00.000Z', event: 'intent' }],
    createdAt: '2030-01-01T00:59:00.000Z',
    private: { phone: '13812345678', documentNo: '11010119900307123X', photo: PHOTO },
    ...over,
  };
}

/** One place where records are kept (a data directory, a database): `open` opens a ledger on it. */
export interface LedgerStore {
  open(): Promise<VisitLedger>;
  dispose(): Promise<void>;
}

/**
 * The behaviour every ledger backend must have, run against each of them (the file and the site
 * database): what callers of VisitLedger rely on, whatever keeps the records.
 */
export function describeLedgerSuite(label: string, makeStore: () => Promise<LedgerStore>): void {
  describe(`visit ledger (${label}): the common behaviour`, () => {
    let store: LedgerStore;
    const opened: VisitLedger[] = [];
    const open = async () => {
      const ledger = await store.open();
      opened.push(ledger);
      return ledger;
    };
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      for (const ledger of opened.splice(0)) await ledger.close();
      await store.dispose();
    });

    it('keeps every change across a reopen, even when changes race', async () => {
      const ledger = await open();
      await Promise.all(['a', 'b', 'c', 'd'].map((id) => ledger.add(ledgerRecord(id))));
      await Promise.all(['a', 'b', 'c', 'd'].map((id, i) => ledger.update(id, (r) => void (r.lastError = `change ${i}`))));
      await ledger.close();
      const again = await open();
      expect(
        again
          .all()
          .map((r) => [r.id, r.lastError])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      ).toEqual([
        ['a', 'change 0'],
        ['b', 'change 1'],
        ['c', 'change 2'],
        ['d', 'change 3'],
      ]);
    });

    it('several changes of one record in a row all land, in order', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a'));
      await Promise.all([1, 2, 3, 4, 5].map((n) => ledger.update('a', (r) => void r.history.push({ at: '2030-01-01T01:00:00.000Z', event: `e${n}` }))));
      await ledger.close();
      const again = await open();
      expect(again.require('a').history.map((h) => h.event)).toEqual(['intent', 'e1', 'e2', 'e3', 'e4', 'e5']);
    });

    it('finds a record by its K30 number and hands out copies only', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a', { state: 'created', k30No: 'V100' }));
      const found = ledger.findByK30No('V100');
      expect(found?.id).toBe('a');
      found!.visitor.name = 'changed';
      expect(ledger.get('a')?.visitor.name).toBe('张三');
      expect(ledger.findByK30No('V999')).toBeUndefined();
    });

    it('refuses a duplicate id and an update of an unknown visit', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a'));
      await expect(ledger.add(ledgerRecord('a'))).rejects.toThrow(/duplicate/);
      await expect(ledger.update('nope', () => {})).rejects.toBeInstanceOf(AppError);
    });

    it('a change that returns false is not written', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a'));
      const same = await ledger.update('a', (r) => {
        r.lastError = 'not kept';
        return false;
      });
      expect(same.lastError).toBeUndefined();
      await ledger.close();
      expect((await open()).require('a').lastError).toBeUndefined();
    });

    it('deletes records for good', async () => {
      const ledger = await open();
      await Promise.all(['a', 'b', 'c'].map((id) => ledger.add(ledgerRecord(id))));
      await ledger.delete(['a', 'c', 'missing']);
      expect(ledger.all().map((r) => r.id)).toEqual(['b']);
      await ledger.close();
      expect((await open()).all().map((r) => r.id)).toEqual(['b']);
    });

    it('applies data minimisation to what is stored', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a'));
      await ledger.update('a', (r) => {
        r.state = 'pushed';
        r.k30No = 'V1';
        r.devices = r.devices.map((d) => ({ ...d, state: 'pushed' as const }));
      });
      await ledger.close();
      // Pushed everywhere: the photo goes; phone and document stay while the visit is live (a retake may resend them).
      const reopened = await open();
      expect(Object.keys(reopened.require('a').private).sort()).toEqual(['documentNo', 'phone']);
      await reopened.update('a', (r) => {
        r.state = 'removed';
      });
      await reopened.close();
      // Ended: nothing personal is kept.
      expect((await open()).require('a').private).toEqual({});
    });

    it('exclusive() runs tasks for one visit one at a time', async () => {
      const ledger = await open();
      const order: string[] = [];
      const task = (name: string) => async () => {
        order.push(`${name} start`);
        await new Promise((r) => setTimeout(r, 10));
        order.push(`${name} end`);
      };
      await Promise.all([ledger.exclusive('a', task('1')), ledger.exclusive('a', task('2'))]);
      expect(order).toEqual(['1 start', '1 end', '2 start', '2 end']);
    });

    it('grants its own removal claim and grants it again after release', async () => {
      const ledger = await open();
      await ledger.add(ledgerRecord('a', { state: 'created', k30No: 'V1' }));
      expect(await ledger.claim('a')).toBe(true);
      expect(await ledger.claim('a')).toBe(true);
      await ledger.release('a');
      expect(await ledger.claim('a')).toBe(true);
    });
  });
}
