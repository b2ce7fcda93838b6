/**
 * Expected visits (issue #10 item 5), in Chinese and English: a list imported (a bad row named by
 * its line, nothing half-imported), nothing on K30 before check-in, then a one-tap check-in that
 * needs only the photo; the interactions of the check-in are counted and printed.
 */
import ExcelJS from 'exceljs';
import { DEMO_DEVICES } from '../../src-main/k30/simulator/seed';
import { expect, test } from './support/fixtures';
import { Effort, expectActionOnScreen } from './support/journey';
import { capture, openPage, today, validId } from './support/frontdesk';
import { ZHANG_WEI } from './support/data';

test.use({ viewport: { width: 1366, height: 768 } });

const DOORS = `${DEMO_DEVICES.campusGateIn};${DEMO_DEVICES.buildingBIn}`;

/** A message as literal text inside a pattern (messages hold + and brackets). */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function guestCsv(rows: string[][]): Buffer {
  const header = ['姓名', '手机号', '证件类型', '证件号码', '被访人工号', '被访人姓名', '日期', '开始时间', '结束时间', '门禁设备'];
  return Buffer.from('\uFEFF' + [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

const row = (name: string, phone: string, seed: number) => [
  name,
  phone,
  '身份证',
  validId(seed),
  ZHANG_WEI.no,
  ZHANG_WEI.name,
  today(),
  '00:00',
  '23:59',
  DOORS,
];

test('zh-CN: a CSV list with a bad row is refused whole; fixed, it is imported; check-in registers with 3 interactions', async ({ app: page, sim, shot }) => {
  const before = (await sim.visitors()).length;
  const t = await openPage(page, 'zh-CN', 'expected');
  await expect(page.getByRole('heading', { name: t('expected.title'), level: 1 })).toBeVisible();

  // The template downloads.
  await page.getByText(t('expected.import.title')).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('expected.import.templateXlsx') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  const bad = [row('嘉宾甲', '13911110001', 1), row('嘉宾乙', '139111', 2), row('嘉宾丙', '13911110003', 3)];
  await page.locator('#import-file').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: guestCsv(bad) });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(t('expected.import.refused', { n: 1, rows: 3 }));
  await expect(
    result.getByRole('row', { name: new RegExp(`^3 ${escapeRegExp(t('expected.col.phone'))} ${escapeRegExp(t('expected.problem.phone-format'))}`) }),
  ).toBeVisible();
  await expect(page.getByTestId('expected-row')).toHaveCount(0);
  await shot('zh-CN import refused');

  const good = [row('嘉宾甲', '13911110001', 1), row('嘉宾乙', '13911110002', 2), row('嘉宾丙', '13911110003', 3)];
  await page.locator('#import-file').setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: guestCsv(good) });
  await expect(result).toHaveText(t('expected.import.done', { n: 3 }));
  await expect(page.getByTestId('expected-row')).toHaveCount(3);
  expect((await sim.visitors()).length, 'nothing is sent to K30 before check-in').toBe(before);
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));

  const effort = new Effort();
  const open = page.getByRole('button', { name: t('expected.checkInFor', { name: '嘉宾乙' }) });
  await expectActionOnScreen(page, open);
  await open.click();
  effort.count();
  await capture(page, t, 'check-in-photo', effort);
  const confirm = page.getByRole('button', { name: t('expected.confirmCheckIn') });
  await expectActionOnScreen(page, confirm);
  await shot('zh-CN check-in photo');
  await confirm.click();
  effort.count();
  await expect(page.getByTestId('check-in-done')).toHaveText(t('expected.checkedIn', { name: '嘉宾乙', state: t('state.pushed') }), { timeout: 30_000 });
  console.log(`[expected check-in] zh-CN: ${effort.n} interactions (target ≤ 3)`);
  expect(effort.n).toBeLessThanOrEqual(3);

  const visitors = await sim.visitors();
  expect(visitors).toHaveLength(before + 1);
  const visitor = visitors.find((v) => v.name === '嘉宾乙')!;
  expect(visitor.phone).toBe('13911110002');
  expect(visitor.staffno).toBe(ZHANG_WEI.no);
  expect(visitor.photoBytes).toBeGreaterThan(0);
  expect([...visitor.syncedDevices].sort()).toEqual([DEMO_DEVICES.buildingBIn, DEMO_DEVICES.campusGateIn].sort());
  await expect(page.getByTestId('expected-row').filter({ hasText: '嘉宾乙' })).toContainText(t('expected.state.checked-in'));
  await shot('zh-CN checked in');
});

test('en: an XLSX list with English headers; a visitor without a phone is checked in with the photo and the phone only', async ({ app: page, sim, shot }) => {
  const before = (await sim.visitors()).length;
  const t = await openPage(page, 'en', 'expected');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Visitors');
  sheet.addRow(['Name', 'Phone', 'Document type', 'Document number', 'Host number', 'Date', 'From', 'To', 'Doors']);
  sheet.addRow(['Jane Doe', '', 'passport', 'K7654321', ZHANG_WEI.no, today(), '00:00', '23:59', DEMO_DEVICES.campusGateIn]);
  sheet.addRow(['John Roe', '13922220002', 'passport', 'K7654322', ZHANG_WEI.no, today(), '00:00', '23:59', DEMO_DEVICES.campusGateIn]);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByText(t('expected.import.title')).click();
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'guests.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(page.getByTestId('import-result')).toHaveText(t('expected.import.done', { n: 2 }), { timeout: 30_000 });
  await expect(page.getByTestId('expected-row').filter({ hasText: 'Jane Doe' })).toContainText(t('expected.missing.phone'));
  expect((await sim.visitors()).length).toBe(before);
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));

  const effort = new Effort();
  await page.getByRole('button', { name: t('expected.checkInFor', { name: 'Jane Doe' }) }).click();
  effort.count();
  await page.getByLabel(t('field.phone'), { exact: true }).fill('13922220001');
  effort.count();
  await capture(page, t, 'check-in-photo', effort);
  await shot('en check-in with the missing phone');
  await page.getByRole('button', { name: t('expected.confirmCheckIn') }).click();
  effort.count();
  await expect(page.getByTestId('check-in-done')).toHaveText(t('expected.checkedIn', { name: 'Jane Doe', state: t('state.pushed') }), { timeout: 30_000 });
  console.log(`[expected check-in] en, phone missing: ${effort.n} interactions (the photo, the missing phone, open and confirm)`);

  // The complete one: 3 interactions.
  const complete = new Effort();
  await page.getByRole('button', { name: t('expected.checkInFor', { name: 'John Roe' }) }).click();
  complete.count();
  await capture(page, t, 'check-in-photo', complete);
  await page.getByRole('button', { name: t('expected.confirmCheckIn') }).click();
  complete.count();
  await expect(page.getByTestId('check-in-done')).toHaveText(t('expected.checkedIn', { name: 'John Roe', state: t('state.pushed') }), { timeout: 30_000 });
  console.log(`[expected check-in] en: ${complete.n} interactions (target ≤ 3)`);
  expect(complete.n).toBeLessThanOrEqual(3);

  const visitors = await sim.visitors();
  expect(visitors).toHaveLength(before + 2);
  expect(visitors.find((v) => v.name === 'Jane Doe')).toMatchObject({ phone: '13922220001', staffno: ZHANG_WEI.no });
  expect(visitors.find((v) => v.name === 'John Roe')!.syncedDevices).toEqual([DEMO_DEVICES.campusGateIn]);
  await shot('en checked in');
});

test('zh-CN: a visit added by hand for tomorrow, without a photo, is listed under later visits and nothing reaches K30', async ({ app: page, sim, shot }) => {
  const before = (await sim.visitors()).length;
  const t = await openPage(page, 'zh-CN', 'expected');
  await page.getByText(t('expected.add')).click();
  await page.getByLabel(t('field.name'), { exact: true }).fill('明日访客');
  await page.getByLabel(t('field.documentType'), { exact: true }).selectOption('passport');
  await page.locator('#exp-document').fill('E55667788');
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await page.getByLabel(t('expected.day'), { exact: true }).fill(day);
  await page.getByRole('combobox', { name: t('host.label') }).fill(ZHANG_WEI.query);
  await page.getByRole('option', { name: t('host.option', { name: ZHANG_WEI.name, dept: ZHANG_WEI.dept, tail: ZHANG_WEI.phoneTail }) }).click();
  await page.locator(`[id="exp-doors-${DEMO_DEVICES.campusGateIn}"]`).check();
  await page.getByRole('button', { name: t('expected.save') }).click();
  await expect(page.getByText(t('expected.saved', { name: '明日访客' }))).toBeVisible();
  const later = page.getByRole('region', { name: t('expected.later', { n: 1 }) });
  await expect(later.getByTestId('expected-row')).toContainText('明日访客');
  await expect(later.getByTestId('expected-row')).toContainText(t('expected.missing.phone'));
  // Tomorrow's visitor is not checked in today, and nothing was sent to K30.
  await expect(later.getByRole('button', { name: t('expected.checkInFor', { name: '明日访客' }) })).toHaveCount(0);
  await expect(page.getByRole('region', { name: t('expected.today', { n: 0 }) }).getByTestId('expected-row')).toHaveCount(0);
  expect((await sim.visitors()).length).toBe(before);
  await shot('zh-CN expected tomorrow');
});
