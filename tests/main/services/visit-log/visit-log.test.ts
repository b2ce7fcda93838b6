import { describe, expect, it } from 'vitest';
import { matchKeysWith } from '../../../../src-main/services/personal-data/match-key';
import { csvField as csvCell } from '../../../../src-preload/csv-format';
import { queryVisitLog } from '../../../../src-main/services/visit-log/visit-log';
import { exportVisitLog } from '../../../../src-main/services/visit-log/visit-log-export';
import type { VisitRecord } from '../../../../src-main/services/visits/ledger';
import { parseCsv } from '../../../../src-main/services/expected/csv-table';
import { demoRegistration, intentRecord, residentId } from '../../../helpers/test-data';

const keys = matchKeysWith('22'.repeat(32));

/** A finished or running visit on a given local day, with its keyed hashes as registration keeps them. */
function visit(
  id: string,
  day: [number, number, number],
  over: { name: string; phone: string; documentNo?: string; hostNo?: string; hostName?: string; state?: VisitRecord['state'] },
): VisitRecord {
  const begin = new Date(day[0], day[1] - 1, day[2], 10, 0);
  const reg = demoRegistration({
    name: over.name,
    phone: over.phone,
    documentNo: over.documentNo ?? residentId(),
    hostNo: over.hostNo ?? 'H1',
    hostName: over.hostName ?? '张伟',
    begin: begin.toISOString(),
    end: new Date(begin.getTime() + 3_600_000).toISOString(),
  });
  const record = intentRecord(id, reg);
  record.createdAt = begin.toISOString();
  record.state = over.state ?? 'removed';
  record.match = { phone: keys.phone(reg.phone), document: keys.document(reg.documentNo) };
  if (record.state !== 'intent') record.private = {};
  return record;
}

const RECORDS = [
  visit('a', [2026, 11, 28], { name: '李雷', phone: '13800000001', documentNo: 'E1234567' }),
  visit('b', [2026, 11, 29], { name: '韩梅梅', phone: '13800000002', hostNo: 'H2', hostName: '李娜', state: 'pushed' }),
  visit('c', [2026, 11, 30], { name: 'Li Lei', phone: '13800000003', state: 'create-unknown' }),
  visit('d', [2026, 12, 1], { name: '=HYPERLINK("http://x")', phone: '13800000004', state: 'intent' }),
];

describe('the visit log', () => {
  it('lists a date range newest first, with the range’s hosts for the filter', () => {
    const log = queryVisitLog(RECORDS, { from: '2026-11-29', to: '2026-11-30' }, keys);
    expect(log.rows.map((r) => r.id)).toEqual(['c', 'b']);
    expect(log.total).toBe(2);
    expect(log.hosts).toEqual(
      expect.arrayContaining([
        { no: 'H1', name: '张伟' },
        { no: 'H2', name: '李娜' },
      ]),
    );
    // The public view only: no private fields, no hashes.
    expect(JSON.stringify(log)).not.toMatch(/private|match|13800000002/);
  });

  it('filters by host and by state', () => {
    expect(queryVisitLog(RECORDS, { from: '2026-11-01', to: '2026-12-31', hostNo: 'H2' }, keys).rows.map((r) => r.id)).toEqual(['b']);
    expect(queryVisitLog(RECORDS, { from: '2026-11-01', to: '2026-12-31', state: 'create-unknown' }, keys).rows.map((r) => r.id)).toEqual(['c']);
  });

  it('finds by part of a name, or by the full phone or document number through their keyed hashes only', () => {
    const find = (search: string) => queryVisitLog(RECORDS, { from: '2026-11-01', to: '2026-12-31', search }, keys).rows.map((r) => r.id);
    expect(find('li lei')).toEqual(['c']);
    expect(find('韩梅')).toEqual(['b']);
    expect(find('+86 138-0000-0001')).toEqual(['a']);
    expect(find('e1234567')).toEqual(['a']);
    // A part of a number finds nobody: there is no clear number to search.
    expect(find('0000000')).toEqual([]);
    // Another install's key finds nothing either.
    expect(queryVisitLog(RECORDS, { from: '2026-11-01', to: '2026-12-31', search: '13800000001' }, matchKeysWith('33'.repeat(32))).rows).toEqual([]);
  });
});

describe('exporting the visit log', () => {
  it('CSV: masked numbers, translated words, cells a spreadsheet never runs', async () => {
    const file = await exportVisitLog(RECORDS, { from: '2026-11-28', to: '2026-12-01', format: 'csv', language: 'zh-CN', full: false });
    const rows = parseCsv(
      Buffer.from(file.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ).map((r) => r.cells);
    expect(rows[0]).toEqual(['登记时间', '姓名', '手机号', '证件类型', '证件号码', '车牌号', '来访事由', '被访人', '开始', '结束', '状态', '门禁设备']);
    expect(rows).toHaveLength(5);
    expect(rows[1][1]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[1][2]).toBe('138****0004');
    expect(rows[1][10]).toBe('正在保存');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).not.toContain('13800000004');
  });

  it('full numbers only where this PC still holds them (an intent); the rest stay masked', async () => {
    const file = await exportVisitLog(RECORDS, { from: '2026-11-28', to: '2026-12-01', format: 'csv', language: 'en', full: true });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).toContain('13800000004');
    expect(text).toContain('138****0001');
    expect(text).toContain('Outcome unknown');
  });

  it('XLSX: the same rows, every cell plain text (a formula-looking name is not a formula)', async () => {
    const file = await exportVisitLog(RECORDS, { from: '2026-11-28', to: '2026-12-01', format: 'xlsx', language: 'en', full: false });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(2).value).toBe('Name');
    const cell = sheet.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(3).value).toBe('138****0004');
  });

  it('defuses like the muster export', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM', '\uFF1D1', ' =1', '|cmd', ';x', '\tx']) expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('张伟')).toBe('张伟');
  });
});
