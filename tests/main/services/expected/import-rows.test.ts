import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src-main/services/expected/csv-table';
import { checkImportRows, type ImportRules } from '../../../../src-main/services/expected/import-rows';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../../../src-main/k30/simulator/seed';
import { GUEST_HEADER, guestCsv, guestRow, nthId, tomorrow } from '../../../helpers/guest-list';

const rules = (over: Partial<ImportRules> = {}): ImportRules => ({ now: new Date(), maxVisitHours: 24, defaultDeviceNos: [DEMO_DEVICES.buildingBIn], ...over });
const check = (text: string, over?: Partial<ImportRules>) => checkImportRows(parseCsv(text), rules(over));

describe('checking a guest list', () => {
  it('turns good rows into visits in local time, with default doors and missing details allowed', () => {
    const day = tomorrow();
    const text = `${GUEST_HEADER}\n${guestRow(1, day)}\nJohn Smith,,passport,E1234567,${DEMO_HOST_NO},,${day},9:30,11:00,\n`;
    const result = check(text);
    expect(result.errors).toEqual([]);
    expect(result.drafts).toHaveLength(2);
    const [first, second] = result.drafts;
    expect(first).toMatchObject({ line: 2, name: '嘉宾1', documentType: 'id-card', deviceNos: [DEMO_DEVICES.campusGateIn] });
    expect(first.begin.getHours()).toBe(9);
    expect(second).toMatchObject({ line: 3, phone: '', documentType: 'passport', deviceNos: [DEMO_DEVICES.buildingBIn] });
    expect(second.end.getTime() - second.begin.getTime()).toBe(90 * 60_000);
  });

  it('reports every bad row with its line and reason, and keeps none of the good ones', () => {
    const day = tomorrow();
    const rows = [
      GUEST_HEADER,
      guestRow(1, day), // line 2: good
      `,13900000002,身份证,${nthId(2)},${DEMO_HOST_NO},,${day},09:00,17:00,`, // 3: no name
      `嘉宾3,1390000000,身份证,${nthId(3)},${DEMO_HOST_NO},,${day},09:00,17:00,`, // 4: phone
      `嘉宾4,13900000004,身份证,110101199003071230,${DEMO_HOST_NO},,${day},09:00,17:00,`, // 5: checksum
      `嘉宾5,13900000005,驾照,X1,${DEMO_HOST_NO},,${day},09:00,17:00,`, // 6: document type
      `嘉宾6,13900000006,护照,EA0000001,${DEMO_HOST_NO},,2026-02-30,09:00,17:00,`, // 7: date
      `嘉宾7,13900000007,护照,EA0000002,${DEMO_HOST_NO},,${day},9点,17:00,`, // 8: time
      `嘉宾8,13900000008,护照,EA0000003,${DEMO_HOST_NO},,${day},17:00,09:00,`, // 9: end before begin
      `嘉宾9,13900000009,护照,EA0000004,${DEMO_HOST_NO},,2020-01-01,09:00,17:00,`, // 10: already ended
      `嘉宾10,13900000010,护照,EA0000005,${DEMO_HOST_NO},,${day},09:00,17:00,NO-SUCH-DOOR`, // 11: unknown door
      guestRow(1, day).replace('嘉宾1', '嘉宾1again'), // 12: same person twice that day
    ];
    const result = check(rows.join('\n'), { knownDevices: new Set([DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn]) });
    expect(result.drafts).toEqual([]);
    expect(result.rows).toBe(11);
    expect(result.errors).toEqual([
      { line: 3, column: 'name', problem: 'required' },
      { line: 4, column: 'phone', problem: 'phone-format' },
      { line: 5, column: 'documentNo', problem: 'id-checksum' },
      { line: 6, column: 'documentType', problem: 'document-type' },
      { line: 7, column: 'date', problem: 'date-format' },
      { line: 8, column: 'from', problem: 'time-format' },
      { line: 9, column: 'to', problem: 'end-before-begin' },
      { line: 10, column: 'to', problem: 'already-ended' },
      { line: 11, column: 'doors', problem: 'unknown-door' },
      { line: 12, column: 'phone', problem: 'duplicate-in-file' },
    ]);
  });

  it('allows several days up to the longest visit, and no longer', () => {
    const day = tomorrow();
    const twoDays = `${GUEST_HEADER},结束日期\n${guestRow(1, day)},${tomorrow(2)}`;
    expect(check(twoDays, { maxVisitHours: 24 }).errors).toEqual([{ line: 2, column: 'to', problem: 'visit-too-long' }]);
    expect(check(twoDays, { maxVisitHours: 48 }).drafts).toHaveLength(1);
  });

  it('reads English headers and document types, in any column order', () => {
    const text = `Host number,Name,Date,From,To,Document type,Document number\n${DEMO_HOST_NO},Jane Doe,${tomorrow()},10:00,12:00,Passport,K1234567`;
    expect(check(text).drafts[0]).toMatchObject({ name: 'Jane Doe', documentType: 'passport', documentNo: 'K1234567' });
  });

  it('names a missing required column on the header line, an empty file, and too many rows', () => {
    expect(check('姓名,日期\n张三,2030-01-01').errors).toEqual([
      { line: 1, column: 'hostNo', problem: 'missing-column' },
      { line: 1, column: 'from', problem: 'missing-column' },
      { line: 1, column: 'to', problem: 'missing-column' },
    ]);
    expect(check(GUEST_HEADER).errors).toEqual([{ line: 0, problem: 'empty-file' }]);
    expect(check(guestCsv(2001)).errors).toEqual([{ line: 0, problem: 'too-many-rows' }]);
  });

  it('a row with no doors and no default doors is refused', () => {
    const text = `${GUEST_HEADER}\n${guestRow(1).replace(/,[^,]*$/, ',')}`;
    expect(check(text, { defaultDeviceNos: [] }).errors).toEqual([{ line: 2, column: 'doors', problem: 'required' }]);
  });
});
