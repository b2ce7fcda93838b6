import { describe, expect, it } from 'vitest';
import { PresenceService, searchFields, type PresenceClient } from '../../../../src-main/services/presence/presence-service';
import type { VisitLedger } from '../../../../src-main/services/visits/ledger';
import type { RegionPeopleQuery, RegionPerson } from '../../../../src-main/k30/client/types';

const person = (no: string, name: string, phone: string): RegionPerson => ({
  no,
  name,
  jobnumber: '',
  deptno: '',
  deptname: '研发部',
  rolename: '',
  phone,
  idcard: '',
  iccard: '',
  sex: 'unknown',
  photoUrl: '',
  deviceno: 'D1005',
  entertime: '2030-01-01 08:00:00',
});

function setup(visits: Record<string, { id: string; end: string }>) {
  const queries: RegionPeopleQuery[] = [];
  const client: PresenceClient = {
    listRegions: async () => ({ total: 0, totalPage: 0, rows: [] }),
    listRegionPeople: async (q) => {
      queries.push(q);
      return {
        total: 3,
        totalPage: 1,
        rows: [person('P1', '张伟', '13800138001'), person('V1', '王小明', '13912345678'), person('V2', '赵丽', '15012345678')],
      };
    },
  };
  // Only findByK30No is used for marking rows.
  const ledger = { findByK30No: (no: string) => visits[no] } as unknown as VisitLedger;
  let clock = Date.parse('2030-01-01T10:00:00Z');
  const presence = new PresenceService({ client: () => client, ledger, now: () => new Date(clock) });
  return { presence, queries, tick: (ms: number) => (clock += ms) };
}

describe('presence: search', () => {
  it('sends digits as the phone filter and anything else as part of a name', () => {
    expect(searchFields(undefined)).toEqual({});
    expect(searchFields('  ')).toEqual({});
    expect(searchFields(' 张 ')).toEqual({ name: '张' });
    expect(searchFields('Alice Chen')).toEqual({ name: 'Alice Chen' });
    expect(searchFields('13800138001')).toEqual({ phone: '13800138001' });
    expect(searchFields('138 0013 8001')).toEqual({ phone: '13800138001' });
    expect(searchFields('138-0013-8001')).toEqual({ phone: '13800138001' });
    expect(searchFields('+86 138 0013 8001')).toEqual({ phone: '13800138001' });
    expect(searchFields('8001')).toEqual({ phone: '8001' });
    expect(searchFields('A栋2')).toEqual({ name: 'A栋2' });
  });

  it('passes the search to the server and caches per region, page and query', async () => {
    const { presence, queries } = setup({});
    await presence.listRegionPeople({ regionNo: 'R1', pageindex: 1, pagesize: 200, query: '138 0013 8001' });
    await presence.listRegionPeople({ regionNo: 'R1', pageindex: 1, pagesize: 200, query: '张' });
    await presence.listRegionPeople({ regionNo: 'R1', pageindex: 1, pagesize: 200, query: '张' });
    expect(queries).toEqual([
      { pageindex: 1, pagesize: 200, no: 'R1', phone: '13800138001' },
      { pageindex: 1, pagesize: 200, no: 'R1', name: '张' },
    ]);
  });
});

describe('presence: our visitors and overstays', () => {
  it('marks rows this kiosk registered, and flags those whose visit has ended', async () => {
    const { presence, tick } = setup({
      V1: { id: 'visit-1', end: '2030-01-01T09:59:00Z' },
      V2: { id: 'visit-2', end: '2030-01-01T10:30:00Z' },
    });
    const page = await presence.listRegionPeople({ regionNo: 'R1', pageindex: 1, pagesize: 200 });
    expect(page.rows.map((r) => [r.no, r.visitId, r.overstay, r.phoneTail])).toEqual([
      ['P1', undefined, false, '8001'],
      ['V1', 'visit-1', true, '5678'],
      ['V2', 'visit-2', false, '5678'],
    ]);
    expect(page.rows[0]).not.toHaveProperty('visitId');
    // After the cache expires, time has moved on: visit-2 has ended too.
    tick(31 * 60_000);
    const later = await presence.listRegionPeople({ regionNo: 'R1', pageindex: 1, pagesize: 200 });
    expect(later.rows.map((r) => r.overstay)).toEqual([false, true, true]);
  });
});
