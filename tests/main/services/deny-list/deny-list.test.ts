import { describe, expect, it } from 'vitest';
import { denyListCsv, parseDenyCsv } from '../../../../src-main/services/deny-list/deny-csv';
import { DenyList } from '../../../../src-main/services/deny-list/deny-list';
import { matchKeysWith, type MatchKeys } from '../../../../src-main/services/personal-data/match-key';
import { memoryFile, memoryLogger } from '../../../../src-main/services/ports';
import { residentId } from '../../../helpers/test-data';

const KEY = 'ab'.repeat(32);
const ID = residentId('44030519900307123');
const PHONE = '13912345678';

async function setup(options: { keys?: MatchKeys; text?: string } = {}) {
  let clock = new Date('2026-12-01T09:00:00Z');
  const file = memoryFile(options.text);
  const list = await DenyList.open({ file, matchKeys: options.keys ?? matchKeysWith(KEY), log: memoryLogger(), now: () => clock });
  return { list, file, setNow: (iso: string) => (clock = new Date(iso)) };
}

describe('DenyList: matching by keyed hashes', () => {
  it('matches the normalised document number or phone, and keeps neither in clear', async () => {
    const { list, file } = await setup();
    await list.add(
      [
        { name: '张三', documentNo: ID.toLowerCase(), reason: '曾闹事' },
        { name: '李四', phone: `+86 ${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}-${PHONE.slice(7)}`, reason: '骚扰员工' },
      ],
      'admin (admin) @ 一楼前台',
    );
    expect(list.check({ documentNo: ID.toUpperCase(), phone: '13700000000' })).toEqual([
      expect.objectContaining({ name: '张三', reason: '曾闹事', documentHint: ID.slice(-4), phoneHint: '' }),
    ]);
    expect(list.check({ documentNo: 'E0000000', phone: PHONE })).toEqual([expect.objectContaining({ name: '李四', phoneHint: '5678' })]);
    expect(list.check({ documentNo: 'E0000000', phone: '13700000000' })).toEqual([]);
    expect(file.text).not.toContain(ID);
    expect(file.text).not.toContain(PHONE);
    expect(file.text).toContain(matchKeysWith(KEY).phone(PHONE));
  });

  it('another install (another key) cannot match the same file', async () => {
    const { list, file } = await setup();
    await list.add([{ name: '张三', phone: PHONE, reason: 'x' }], 'admin');
    const elsewhere = await setup({ keys: matchKeysWith('cd'.repeat(32)), text: file.text });
    expect(elsewhere.list.check({ phone: PHONE })).toEqual([]);
  });

  it('an expired entry no longer stops anyone but stays listed as expired', async () => {
    const { list, setNow } = await setup();
    await list.add([{ name: '张三', phone: PHONE, reason: 'x', expiresAt: '2026-12-02T00:00:00Z' }], 'admin');
    expect(list.check({ phone: PHONE })).toHaveLength(1);
    setNow('2026-12-02T00:00:01Z');
    expect(list.check({ phone: PHONE })).toEqual([]);
    expect(list.list()).toEqual([expect.objectContaining({ name: '张三', expired: true })]);
  });

  it('refuses to check when the match key cannot be opened, rather than let anyone through', async () => {
    const { list, file } = await setup();
    await list.add([{ name: '张三', phone: PHONE, reason: 'x' }], 'admin');
    const broken: MatchKeys = {
      phone: () => {
        throw new Error('cannot open');
      },
      document: () => {
        throw new Error('cannot open');
      },
    };
    const reopened = await setup({ keys: broken, text: file.text });
    expect(() => reopened.list.check({ phone: '13700000000', documentNo: 'E1' })).toThrow(expect.objectContaining({ code: 'deny-list-unavailable' }));
  });

  it('a damaged file refuses every check until an administrator saves a new list', async () => {
    const { list } = await setup({ text: '{"version":1,"entries":[{"id":' });
    expect(list.isDamaged).toBe(true);
    expect(() => list.check({ phone: '13700000000' })).toThrow(expect.objectContaining({ code: 'deny-list-unavailable' }));
    await list.add([{ name: '张三', phone: PHONE, reason: 'x' }], 'admin');
    expect(list.check({ phone: '13700000000' })).toEqual([]);
  });

  it('a write the disk refuses changes nothing', async () => {
    const { list, file } = await setup();
    file.write = async () => {
      throw Object.assign(new Error('full'), { code: 'ENOSPC' });
    };
    await expect(list.add([{ name: '张三', phone: PHONE, reason: 'x' }], 'admin')).rejects.toThrow('full');
    expect(list.list()).toEqual([]);
  });
});

describe('deny list CSV', () => {
  it('imports rows with clear numbers (English or Chinese headers) and names the rows it skips', () => {
    const { entries, rejected } = parseDenyCsv(
      `\uFEFF姓名,证件号码,手机号,原因,有效期至\r\n张三,${ID},,曾闹事,2027-01-01\r\n李四,,${PHONE},"骚扰, 多次",\r\n,${ID},,无名,\r\n王五,,,没有号码,\r\n赵六,,${PHONE},,\r\n钱七,,${PHONE},x,not a date\r\n`,
    );
    expect(entries).toEqual([
      { name: '张三', documentNo: ID, reason: '曾闹事', expiresAt: '2027-01-01T00:00:00.000Z' },
      { name: '李四', phone: PHONE, reason: '骚扰, 多次' },
    ]);
    expect(rejected).toEqual([
      { row: 3, problem: 'missing-name' },
      { row: 4, problem: 'missing-number' },
      { row: 5, problem: 'missing-reason' },
      { row: 6, problem: 'bad-expiry' },
    ]);
  });

  it('exports without clear numbers, defused, and the export re-imports on this install', async () => {
    const { list } = await setup();
    await list.add([{ name: '=HYPERLINK("x")', documentNo: ID, phone: PHONE, reason: '@risk' }], 'admin (admin) @ 一楼前台');
    const csv = denyListCsv(list.stored());
    expect(csv).not.toContain(ID);
    expect(csv).not.toContain(PHONE);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'@risk");

    const restored = await setup();
    const { entries, rejected } = parseDenyCsv(csv);
    expect(rejected).toEqual([]);
    await restored.list.add(entries, 'admin');
    expect(restored.list.check({ phone: PHONE })).toEqual([
      expect.objectContaining({ name: '=HYPERLINK("x")', reason: '@risk', documentHint: ID.slice(-4), phoneHint: '5678' }),
    ]);
    expect(restored.list.check({ documentNo: ID })).toHaveLength(1);
  });
});
