import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration, Visit } from '../../../../src-preload/contract';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../../../src-main/k30/simulator/seed';
import { AppError } from '../../../../src-main/services/app-error';
import { ExpectedVisitService } from '../../../../src-main/services/expected/expected-service';
import { ExpectedVisitStore } from '../../../../src-main/services/expected/expected-store';
import { matchKeysWith } from '../../../../src-main/services/personal-data/match-key';
import { VisitError } from '../../../../src-main/services/visits/visit-error';
import { failingDisk } from '../../../helpers/failing-disk';
import { guestCsv, nthId } from '../../../helpers/guest-list';
import { memoryLogger, testSecretBox } from '../../../helpers/test-ports';
import { until } from '../../../helpers/test-data';

const PHOTO = TINY_JPEG.toString('base64');
const keys = matchKeysWith('11'.repeat(32));
let dir: string;
let clock: number;
let registered: Registration[];
let registerOutcome: (reg: Registration, onRecorded: (id: string) => void) => Promise<Visit>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'expected-'));
  clock = Date.now();
  registered = [];
  registerOutcome = async (reg, onRecorded) => {
    onRecorded('visit-1');
    return { id: 'visit-1', state: 'pushed' } as Visit;
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function service(disk = failingDisk()) {
  const now = () => new Date(clock);
  const store = await ExpectedVisitStore.open({ dataDir: dir, log: memoryLogger(), disk, now });
  const expected = new ExpectedVisitService({
    store,
    box: testSecretBox(),
    keys,
    registration: { register: (reg, onRecorded) => (registered.push(reg), registerOutcome(reg, onRecorded ?? (() => {}))) },
    log: memoryLogger(),
    now,
    maxVisitHours: () => 24,
    defaultDeviceNos: () => [DEMO_DEVICES.campusGateIn],
    retentionDays: () => 30,
    photoMaxKB: () => 200,
  });
  return { store, expected, disk };
}

const inHours = (h: number) => new Date(clock + h * 3_600_000).toISOString();
const input = (over: Record<string, unknown> = {}) => ({
  name: '李雷',
  phone: '13912345678',
  documentType: 'id-card' as const,
  documentNo: nthId(7),
  hostNo: DEMO_HOST_NO,
  hostName: '张伟',
  begin: inHours(1),
  end: inHours(3),
  deviceNos: [DEMO_DEVICES.campusGateIn],
  ...over,
});
const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('expected visits at rest', () => {
  it('keep phone and document sealed and hashed, never in clear, and only masked in the view', async () => {
    const { expected, store } = await service();
    const visit = await expected.create(input());
    expect(visit.visitor).toMatchObject({ phoneMasked: '139****5678', documentMasked: expect.stringMatching(/^1101\*+/) });
    const file = await readFile(store.file, 'utf8');
    expect(file).not.toContain('13912345678');
    expect(file).not.toContain(nthId(7));
    expect(file).toContain(keys.phone('13912345678'));
    expect(JSON.stringify(await expected.list())).not.toContain('sealed');
  });

  it('refuses a visit longer than the maximum or already over', async () => {
    const { expected } = await service();
    await expect(expected.create(input({ end: inHours(26) }))).rejects.toMatchObject({ code: 'visit-too-long' });
    await expect(expected.create(input({ begin: inHours(-3), end: inHours(-1) }))).rejects.toMatchObject({ code: 'invalid-input', field: 'end' });
  });
});

describe('importing a list: all or nothing', () => {
  it('keeps nothing when the disk refuses the write, and everything once it accepts', async () => {
    const { expected, store, disk } = await service();
    disk.failNextWrites(1, 'ENOSPC');
    await expect(expected.importFile('csv', csv(guestCsv(20)))).rejects.toMatchObject({ problem: 'full' });
    expect(store.all()).toEqual([]);
    expect(await expected.importFile('csv', csv(guestCsv(20)))).toEqual({ imported: 20, rows: 20, errors: [] });
    expect(store.all()).toHaveLength(20);
    // One write for the whole list.
    expect(disk.writes).toBe(2);
  });

  it('keeps none of the good rows when one is bad', async () => {
    const { expected, store } = await service();
    const text = guestCsv(5).replace('嘉宾3', '');
    expect(await expected.importFile('csv', csv(text))).toEqual({ imported: 0, rows: 5, errors: [{ line: 4, column: 'name', problem: 'required' }] });
    expect(store.all()).toEqual([]);
  });

  it('reads an XLSX list with real date and time cells, and refuses a file that is not one', async () => {
    const { expected } = await service();
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('访客');
    sheet.addRow(['姓名', '被访人工号', '日期', '开始时间', '结束时间', '证件类型', '证件号码']);
    const day = new Date(clock + 86_400_000);
    sheet.addRow([
      'Jane Doe',
      DEMO_HOST_NO,
      new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())),
      new Date(Date.UTC(1899, 11, 30, 9, 30)),
      '11:00',
      'passport',
      'K1234567',
    ]);
    const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    expect(await expected.importFile('xlsx', base64)).toEqual({ imported: 1, rows: 1, errors: [] });
    const [visit] = await expected.list();
    expect(new Date(visit.begin).getHours()).toBe(9);
    expect(new Date(visit.begin).getMinutes()).toBe(30);
    expect(visit.missing).toEqual(['phone']);
    expect(await expected.importFile('xlsx', csv('not a zip'))).toEqual({ imported: 0, rows: 0, errors: [{ line: 0, problem: 'unreadable-file' }] });
  });
});

describe('no-shows and retention', () => {
  it('a no-show expires at its end, its numbers purged, with nothing registered; it is dropped after retention', async () => {
    const { expected, store } = await service();
    const visit = await expected.create(input());
    clock += 3 * 3_600_000 + 1;
    expect(await expected.sweep()).toEqual({ expired: 1, dropped: 0 });
    const record = store.get(visit.id)!;
    expect(record.state).toBe('expired');
    expect(record.sealed).toBeUndefined();
    expect(registered).toEqual([]);
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'not-allowed' });
    clock += 31 * 86_400_000;
    expect(await expected.sweep()).toEqual({ expired: 0, dropped: 1 });
    expect(store.all()).toEqual([]);
  });
});

describe('check-in', () => {
  it('asks only for what is missing, then registers from now to the planned end and forgets the numbers', async () => {
    const { expected, store } = await service();
    const visit = await expected.create(input({ phone: '', documentType: 'passport', documentNo: 'E98765432' }));
    expect(visit.missing).toEqual(['phone']);
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'invalid-input', field: 'phone' });
    expect(store.get(visit.id)!.state).toBe('expected');
    const result = await expected.checkIn({ expectedId: visit.id, photo: PHOTO, phone: '13700000001' });
    expect(result.id).toBe('visit-1');
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      name: '李雷',
      phone: '13700000001',
      documentNo: 'E98765432',
      channel: 'reception',
      begin: new Date(clock).toISOString(),
      end: visit.end,
      deviceNos: visit.deviceNos,
    });
    const record = store.get(visit.id)!;
    expect(record).toMatchObject({ state: 'checked-in', visitId: 'visit-1' });
    expect(record.sealed).toBeUndefined();
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('a registration refused before it was recorded leaves the visit expected, its details still sealed', async () => {
    const { expected, store } = await service();
    const visit = await expected.create(input());
    registerOutcome = async () => {
      throw new AppError('not-configured', 'no server');
    };
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'not-configured' });
    expect(store.get(visit.id)).toMatchObject({ state: 'expected', sealed: expect.any(String) });
  });

  it('a registration recorded with its outcome unknown counts as checked in (never registered twice)', async () => {
    const { expected, store } = await service();
    const visit = await expected.create(input());
    registerOutcome = async (_reg, onRecorded) => {
      onRecorded('visit-unknown');
      throw new VisitError('visit-unknown', new AppError('outcome-unknown', 'timeout'));
    };
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toBeInstanceOf(VisitError);
    expect(store.get(visit.id)).toMatchObject({ state: 'checked-in', visitId: 'visit-unknown' });
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'not-allowed' });
    expect(registered).toHaveLength(1);
  });

  it('refuses a second check-in while the first is under way', async () => {
    const { expected } = await service();
    const visit = await expected.create(input());
    let release: (() => void) | undefined;
    registerOutcome = (_reg, onRecorded) =>
      new Promise((resolve) => {
        onRecorded('visit-slow');
        release = () => resolve({ id: 'visit-slow', state: 'pushed' } as Visit);
      });
    const first = expected.checkIn({ expectedId: visit.id, photo: PHOTO });
    // Under way: the registration has started (however long a loaded machine took to get there).
    await until(() => release !== undefined);
    await expect(expected.checkIn({ expectedId: visit.id, photo: PHOTO })).rejects.toMatchObject({ code: 'not-allowed' });
    release!();
    await expect(first).resolves.toMatchObject({ id: 'visit-slow' });
    expect(registered).toHaveLength(1);
  });
});
