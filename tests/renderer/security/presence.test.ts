import { describe, expect, it } from 'vitest';
import type { RegionNode } from '../../../src-preload/contract';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { parseCsv, UTF8_BOM } from '../../../src-preload/csv-format';
import { musterCsv, musterFileName } from '../../../src-renderer/src/security/csv';
import { clockTime, formatEnterTime, initials, nextPageToLoad, PAGE_SIZE, refreshIntervalMs, rowWindow } from '../../../src-renderer/src/security/presence';
import { buildRegionTree, flattenTree } from '../../../src-renderer/src/security/tree';

const region = (no: string, name: string, parentno = '', inside = 0): RegionNode => ({ no, name, parentno, inside, here: inside, below: 0 });

describe('region tree', () => {
  it('nests regions by parent, sorted by name, with unknown parents and loops as roots', () => {
    const tree = buildRegionTree([
      region('5', '实验室', '3'),
      region('3', 'B栋', '1'),
      region('2', 'A栋', '1'),
      region('1', '园区'),
      region('9', '孤儿', 'missing'),
      region('7', '环1', '8'),
      region('8', '环2', '7'),
      region('6', '自指', '6'),
    ]);
    const flat = flattenTree(tree).map((n) => `${'  '.repeat(n.depth)}${n.region.name}`);
    expect(flat).toHaveLength(8);
    expect(flat).toEqual(expect.arrayContaining(['园区', '  A栋', '  B栋', '    实验室', '孤儿', '自指']));
    expect(flat.indexOf('  A栋')).toBe(flat.indexOf('园区') + 1);
    expect(flat.indexOf('    实验室')).toBe(flat.indexOf('  B栋') + 1);
    // A loop: both ends become roots, nothing is lost or repeated.
    expect(flat.filter((l) => l.trim().startsWith('环'))).toEqual(['环1', '环2']);
  });
});

describe('CSV', () => {
  it('writes the muster with a BOM, a translated header and one row per person with region path, host and phone', () => {
    const t = translator('zh-CN');
    const base = {
      deptname: '研发部',
      regionNo: 'R2',
      regionPath: ['总部园区', 'B栋研发楼'],
      deviceno: 'D1005',
      doorName: 'B栋研发楼入口',
      entertime: '2030-01-01 08:00:00',
      visitor: false,
      hostName: '',
      phone: '138****8001',
      overstay: false,
    };
    const text = musterCsv(
      {
        people: [
          { ...base, no: 'P1', name: '张伟' },
          {
            ...base,
            no: 'V1',
            name: '王小明',
            deptname: '',
            visitor: true,
            hostName: '张伟',
            phone: '139****5678',
            visitId: 'v-1',
            overstay: true,
            doorName: '',
          },
        ],
      },
      t,
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['区域（路径）', '姓名', '部门', '访客', '被访人', '手机号码', '进入时间', '进入的门', '逾期未离开'],
      ['总部园区 / B栋研发楼', '张伟', '研发部', '否', '', '138****8001', '2030-01-01 08:00:00', 'B栋研发楼入口', '否'],
      ['总部园区 / B栋研发楼', '王小明', '', '是', '张伟', '139****5678', '2030-01-01 08:00:00', 'D1005', '是'],
    ]);
    expect(parseCsv(musterCsv({ people: [] }, translator('en')))[0]).toEqual([
      'Region (path)',
      'Name',
      'Department',
      'Visitor',
      'Host',
      'Phone',
      'Entered at',
      'Entry door',
      'Overstay',
    ]);
  });

  it('names the file by scope and time, without characters file systems refuse', () => {
    expect(musterFileName('B栋/5F:实验室', new Date(2030, 0, 2, 3, 4, 5))).toBe('muster-B栋_5F_实验室-20300102-030405.csv');
  });
});

describe('virtual list and paging', () => {
  it('renders only the rows on screen plus overscan', () => {
    expect(rowWindow(0, 640, 10_000, 64, 8)).toEqual({ first: 0, last: 17 });
    expect(rowWindow(64 * 5000, 640, 10_000, 64, 8)).toEqual({ first: 4992, last: 5017 });
    expect(rowWindow(64 * 9990, 640, 10_000, 64, 8)).toEqual({ first: 9982, last: 9999 });
    expect(rowWindow(0, 640, 0)).toEqual({ first: 0, last: -1 });
    expect(rowWindow(0, 640, 3, 64, 8)).toEqual({ first: 0, last: 2 });
  });

  it('asks for the first page first, then only missing pages the rows on screen need', () => {
    expect(nextPageToLoad({ total: null, pages: {} }, { first: 0, last: 20 })).toBe(1);
    expect(nextPageToLoad({ total: 0, pages: {} }, { first: 0, last: -1 })).toBeUndefined();
    const list = { total: 10_000, pages: { 1: [] } as Record<number, unknown> };
    expect(nextPageToLoad(list, { first: 0, last: 20 })).toBeUndefined();
    expect(nextPageToLoad(list, { first: PAGE_SIZE - 5, last: PAGE_SIZE + 5 })).toBe(2);
    // A jump to the end skips every page in between.
    expect(nextPageToLoad(list, { first: 9_980, last: 9_999 })).toBe(50);
    list.pages[50] = [];
    expect(nextPageToLoad(list, { first: 9_980, last: 9_999 })).toBeUndefined();
  });

  it('paces auto-refresh by what one refresh costs (at least 30 s)', () => {
    expect(refreshIntervalMs(5)).toBe(30_000);
    expect(refreshIntervalMs(0)).toBe(30_000);
    expect(refreshIntervalMs(28)).toBe(100_000);
  });
});

describe('display helpers', () => {
  it('stands initials in for a photo', () => {
    expect(initials('张伟')).toBe('张');
    expect(initials('Alice Chen')).toBe('AC');
    expect(initials('bob')).toBe('BO');
    expect(initials(' ')).toBe('?');
  });

  it('shows the entry time alone today, with the date otherwise', () => {
    const now = new Date(2030, 0, 1, 12, 0, 0);
    expect(formatEnterTime('2030-01-01 08:05:09', now)).toBe('08:05');
    expect(formatEnterTime('2029-12-31 23:59:00', now)).toBe('2029-12-31 23:59');
    expect(formatEnterTime('garbage', now)).toBe('garbage');
  });

  it('formats the refresh clock as HH:mm:ss', () => {
    expect(clockTime(new Date(2030, 0, 1, 9, 5, 7).toISOString())).toBe('09:05:07');
    expect(clockTime(null)).toBe('');
    expect(clockTime('nope')).toBe('');
  });
});
