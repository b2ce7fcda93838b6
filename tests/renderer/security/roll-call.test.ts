import { describe, expect, it } from 'vitest';
import type { MusterPerson, RegionNode, RollCall } from '../../../src-preload/contract';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { parseCsv } from '../../../src-preload/csv-format';
import { ageText, rollCallCounts, rollCallCsv, rollCallRows, rollCallTotals } from '../../../src-renderer/src/security/roll-call';

const region = (no: string, name: string, parentno = ''): RegionNode => ({ no, name, parentno, inside: 0, here: 0, below: 0 });
const person = (no: string, name: string, regionNo: string, path: string[]): MusterPerson => ({
  no,
  name,
  deptname: '研发部',
  regionNo,
  regionPath: path,
  deviceno: 'D1',
  doorName: '大门',
  entertime: '2026-12-01 08:00:00',
  visitor: false,
  hostName: '',
  phone: '138****0000',
  overstay: false,
});

// A campus with two buildings, one of them with a floor: parents before children (tree order).
const rollCall = (safe: Record<string, string> = {}): RollCall => ({
  startedAt: '2026-12-01T09:00:00.000Z',
  source: 'live',
  safe,
  muster: {
    scope: 'all',
    phones: 'masked',
    fetchedAt: '2026-12-01T08:59:00.000Z',
    regions: [region('C', '园区'), region('A', 'A栋', 'C'), region('A5', '5F', 'A'), region('B', 'B栋', 'C'), region('X', '仓库')],
    people: [
      person('1', '李雷', 'C', ['园区']),
      person('2', '韩梅梅', 'A', ['园区', 'A栋']),
      person('3', '王芳', 'A5', ['园区', 'A栋', '5F']),
      person('4', 'Tom', 'B', ['园区', 'B栋']),
      person('5', '张三', 'X', ['仓库']),
    ],
  },
});

describe('roll call counts', () => {
  it('counts each region with its sub-regions, and what is still unaccounted for', () => {
    const counts = rollCallCounts(rollCall({ '3': '2026-12-01T09:01:00.000Z', '5': '2026-12-01T09:02:00.000Z' }));
    expect(counts.get('C')).toEqual({ total: 4, unaccounted: 3 });
    expect(counts.get('A')).toEqual({ total: 2, unaccounted: 1 });
    expect(counts.get('A5')).toEqual({ total: 1, unaccounted: 0 });
    expect(counts.get('B')).toEqual({ total: 1, unaccounted: 1 });
    expect(counts.get('X')).toEqual({ total: 1, unaccounted: 0 });
    expect(rollCallTotals(rollCall({ '3': 'x' }))).toEqual({ total: 5, unaccounted: 4 });
  });

  it('finds people by name, department or region, and hides those marked safe when asked', () => {
    const call = rollCall({ '2': '2026-12-01T09:01:00.000Z' });
    expect(rollCallRows(call, '', true).map((p) => p.no)).toEqual(['1', '3', '4', '5']);
    expect(rollCallRows(call, 'a栋', false).map((p) => p.no)).toEqual(['2', '3']);
    expect(rollCallRows(call, 'tom', true).map((p) => p.no)).toEqual(['4']);
  });
});

describe('roll call export', () => {
  it('lists everyone once with safe or unaccounted and the time of the mark', () => {
    const t = translator('en');
    const rows = parseCsv(rollCallCsv(rollCall({ '4': '2026-12-01T09:03:00.000Z' }), t, (iso) => `at ${iso}`));
    expect(rows[0]).toEqual(['Region (path)', 'Name', 'Department', 'Phone', 'Entered at', 'Entry door', 'Status', 'Marked at']);
    expect(rows.length).toBe(6);
    expect(rows.find((r) => r[1] === 'Tom')!.slice(6)).toEqual(['Safe', 'at 2026-12-01T09:03:00.000Z']);
    expect(rows.find((r) => r[1] === '李雷')!.slice(6)).toEqual(['Unaccounted', '']);
  });

  it('says how old a kept list is', () => {
    const t = translator('en');
    const now = new Date('2026-12-01T10:00:00.000Z');
    expect(ageText('2026-12-01T09:59:30.000Z', now, t)).toBe('just now');
    expect(ageText('2026-12-01T09:59:00.000Z', now, t)).toBe('1 minute ago');
    expect(ageText('2026-12-01T09:15:00.000Z', now, t)).toBe('45 minutes ago');
    expect(ageText('2026-12-01T05:00:00.000Z', now, t)).toBe('5 hours ago');
  });
});
