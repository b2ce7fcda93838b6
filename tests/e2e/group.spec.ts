/**
 * Group visits (issue #10 item 6), in Chinese and English: one host, window and doors for
 * everyone, details and a photo per person, each registered on its own; the summary says who was
 * pushed where, and the simulator holds each visitor with exactly those doors.
 */
import { DEMO_DEVICES } from '../../src-main/k30/simulator/seed';
import type { Language } from '../../src-preload/contract';
import { expect, test } from './support/fixtures';
import { capture, openPage, validId } from './support/frontdesk';
import { Effort, type T } from './support/journey';
import { LI_NA, ZHANG_WEI } from './support/data';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1366, height: 768 } });

const DOOR_NAMES: Record<string, string> = {
  [DEMO_DEVICES.campusGateIn]: '园区南门入口',
  [DEMO_DEVICES.buildingBIn]: 'B栋研发楼入口',
  [DEMO_DEVICES.buildingAIn]: 'A栋大堂入口',
};

async function fillMember(page: Page, t: T, index: number, person: { name: string; phone: string; id: string }, effort: Effort): Promise<void> {
  const card = page.getByTestId('group-member').nth(index);
  await card.getByLabel(t('field.name'), { exact: true }).fill(person.name);
  await card.getByLabel(t('field.phone'), { exact: true }).fill(person.phone);
  await card.getByLabel(t('field.documentNo'), { exact: true }).fill(person.id);
  effort.count(3);
  await card.getByRole('button', { name: t('group.takePhoto', { n: index + 1 }) }).click();
  effort.count();
  const captureId = await card.getByRole('button', { name: t('photo.capture') }).getAttribute('id');
  await capture(page, t, captureId!, effort);
}

const CASES: { language: Language; host: typeof ZHANG_WEI; doors: string[]; people: { name: string; phone: string; id: string }[]; failFirstPush?: boolean }[] =
  [
    {
      language: 'zh-CN',
      host: ZHANG_WEI,
      doors: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn],
      people: [
        { name: '团体甲', phone: '13933330001', id: validId(11) },
        { name: '团体乙', phone: '13933330002', id: validId(12) },
        { name: '团体丙', phone: '13933330003', id: validId(13) },
      ],
    },
    {
      language: 'en',
      host: LI_NA,
      doors: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn],
      // The first person's push fails (a K30 5xx): the summary says they reached no door.
      failFirstPush: true,
      people: [
        { name: 'Group One', phone: '13944440001', id: validId(21) },
        { name: 'Group Two', phone: '13944440002', id: validId(22) },
      ],
    },
  ];

for (const { language, host, doors, people, failFirstPush } of CASES) {
  test(`${language}: registers ${people.length} visitors for one host, window and doors, with a summary of the pushes`, async ({ app: page, sim, shot }) => {
    const before = (await sim.visitors()).length;
    const t = await openPage(page, language, 'group');
    const effort = new Effort();
    await page.getByRole('combobox', { name: t('host.label') }).fill(host.query);
    await page.getByRole('option', { name: t('host.option', { name: host.name, dept: host.dept, tail: host.phoneTail }) }).click();
    effort.count(2);
    for (const no of doors) {
      await page.locator(`[id="group-doors-${no}"]`).check();
      effort.count();
    }
    if (people.length > 2) {
      await page.getByRole('button', { name: t('group.add') }).click();
      effort.count();
    }
    for (const [i, person] of people.entries()) await fillMember(page, t, i, person, effort);
    await shot(`${language} group filled`);
    if (failFirstPush) await sim.faults({ http500: 1, paths: ['visitor/SyncVisitor'] });
    await page.getByRole('button', { name: t('group.registerAll', { n: people.length }) }).click();
    effort.count();
    const summary = page.getByTestId('group-summary');
    await expect(page.getByTestId('group-result')).toHaveCount(people.length, { timeout: 60_000 });
    await shot(`${language} group summary`);
    console.log(`[group] ${language}: ${people.length} visitors, ${effort.n} interactions`);

    const visitors = await sim.visitors();
    expect(visitors).toHaveLength(before + people.length);
    const rows = page.getByTestId('group-result');
    const names = doors.map((no) => DOOR_NAMES[no]);
    for (const [i, person] of people.entries()) {
      const v = visitors.find((x) => x.name === person.name)!;
      expect(v, person.name).toBeDefined();
      expect(v.phone).toBe(person.phone);
      expect(v.staffno).toBe(host.no);
      expect(v.photoBytes).toBeGreaterThan(0);
      const failed = failFirstPush && i === 0;
      expect([...v.syncedDevices].sort()).toEqual(failed ? [] : [...doors].sort());
      const cells = rows.nth(i).getByRole('cell');
      await expect(cells.nth(0)).toHaveText(person.name);
      await expect(cells.nth(1)).toHaveText(t(failed ? 'state.created' : 'state.pushed'));
      for (const name of names) await expect(cells.nth(failed ? 3 : 2)).toContainText(name);
      await expect(cells.nth(failed ? 2 : 3)).toHaveText('');
    }
    const pushed = people.length - (failFirstPush ? 1 : 0);
    await expect(summary.getByRole('heading')).toHaveText(t('group.summary', { pushed, total: people.length }));
    // Nothing is left to register: the group is not sent twice.
    await expect(page.getByRole('button', { name: t('group.registerAll', { n: 0 }) })).toBeDisabled();
  });
}
