/**
 * The visit log (issue #10 item 8), in Chinese and English: newest first, a thumbnail while the
 * photo is still held, filters, search by name and by full phone number (keyed hash, so a part of
 * a number finds nobody), and an export whose numbers are masked without the admin PIN.
 */
import { readFile } from 'node:fs/promises';
import { TINY_JPEG } from '../../src-main/k30/simulator/photos';
import { DEMO_DEVICES, DEMO_OFFLINE_DEVICE } from '../../src-main/k30/simulator/seed';
import type { Language, Registration } from '../../src-preload/contract';
import { expect, test } from './support/fixtures';
import { openPage, validId } from './support/frontdesk';
import { LI_NA, ZHANG_WEI } from './support/data';

test.use({ viewport: { width: 1366, height: 768 } });

function registration(over: Partial<Registration>): Registration {
  const begin = new Date(Date.now() - 60_000);
  return {
    name: '',
    phone: '',
    documentType: 'id-card',
    documentNo: validId(31),
    hostNo: ZHANG_WEI.no,
    hostName: ZHANG_WEI.name,
    begin: begin.toISOString(),
    end: new Date(begin.getTime() + 3_600_000).toISOString(),
    photo: TINY_JPEG.toString('base64'),
    deviceNos: [DEMO_DEVICES.campusGateIn],
    channel: 'reception',
    ...over,
  };
}

for (const language of ['zh-CN', 'en'] as Language[]) {
  test(`${language}: newest first, thumbnails while held, filters, search by full phone, masked export`, async ({ app: page, sim, shot }) => {
    // Two visits through the app's own API: the first keeps its photo (a door still to reach).
    const first = registration({ name: '记录甲', phone: '13955550001', deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_OFFLINE_DEVICE] });
    const second = registration({ name: '记录乙', phone: '13955550002', documentNo: validId(32), hostNo: LI_NA.no, hostName: LI_NA.name });
    await sim.setDevice(DEMO_OFFLINE_DEVICE, false);
    await sim.faults({ http500: 1, paths: ['visitor/SyncVisitor'] });
    for (const reg of [first, second]) {
      const result = await page.evaluate(
        (input) => (globalThis as unknown as { kiosk: { registerVisit(i: unknown): Promise<{ ok: boolean }> } }).kiosk.registerVisit(input),
        reg,
      );
      expect(result.ok).toBe(true);
    }
    const names = (await sim.visitors()).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['记录甲', '记录乙']));

    const t = await openPage(page, language, 'log');
    const rows = page.getByTestId('log-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('记录乙');
    await expect(rows.nth(1)).toContainText('记录甲');
    // The first push failed, so this PC still holds 记录甲's photo; 记录乙's is gone.
    await expect(rows.nth(1).getByRole('img', { name: t('log.photoOf', { name: '记录甲' }) })).toBeVisible();
    await expect(rows.nth(0).getByRole('img', { name: t('log.noPhoto') })).toBeVisible();
    await expect(rows.nth(0).getByRole('img', { name: t('log.photoOf', { name: '记录乙' }) })).toHaveCount(0);
    await expect(rows.nth(1)).toContainText('139****0001');
    await shot(`${language} visit log`);

    await page.getByLabel(t('field.host'), { exact: true }).selectOption(LI_NA.no);
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText('记录乙');
    await page.getByLabel(t('field.host'), { exact: true }).selectOption('');
    await page.getByLabel(t('log.state'), { exact: true }).selectOption('created');
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText('记录甲');
    await page.getByLabel(t('log.state'), { exact: true }).selectOption('');

    const search = page.getByLabel(t('log.search'), { exact: true });
    await search.fill('+86 139 5555 0002');
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText('记录乙');
    await search.fill('5555000');
    await expect(rows).toHaveCount(0);
    await search.fill('记录甲');
    await expect(rows).toHaveCount(1);
    await search.fill('');
    await expect(rows).toHaveCount(2);

    // Export: masked numbers; full ones need the admin PIN session (none is open).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('log.exportCsv') }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('139****0001');
    expect(text).not.toContain('13955550001');
    expect(text.split('\r\n')[0]).toContain(language === 'zh-CN' ? '登记时间' : 'Registered');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('log.exportXlsx') }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByLabel(t('log.fullNumbers')).check();
    await page.getByRole('button', { name: t('log.exportCsv') }).click();
    await expect(page.locator('[data-error-code="pin-required"]')).toHaveText(t('error.pin-required'));
    await shot(`${language} export refused without PIN`);
  });
}
