/**
 * The security view (安保) against the demo simulator: the region tree and its counts, a region's
 * people as the simulator has them, search, the overstay flag of a visitor registered here who is
 * still inside after their visit ended, and the evacuation muster (CSV download and print).
 *
 * The simulator's `GET /__sim/state` is the truth: `presence[regionNo]` lists who is inside, oldest
 * arrival first (region/getpeoplelist answers newest first).
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { Registration, Visit } from '../../src-preload/contract';
import { DEMO_DEVICES, DEMO_HOSTS, DEMO_REGIONS } from '../../src-main/k30/simulator/seed';
import { TINY_JPEG } from '../../src-main/k30/simulator/photos';
import { parseCsv, UTF8_BOM } from '../../src-preload/csv-format';
import { musterOrder, placePeople, RegionForest, regionCounts, type Placement } from '../../src-main/services/presence/muster-model';
import { expect, test } from './support/fixtures';
import { navigate, tr, type T } from './support/journey';
import { distinctInside, entryNo, presenceRows, world, type PresenceEntry, type World } from './support/presence';

/** Who is inside a region, in the order the list shows them (newest arrival first). */
const insideNewestFirst = (w: World, regionNo: string) => [...(w.presence[regionNo] ?? [])].reverse();
/** The simulator's presence as the muster model places it: each person once, in the region entered last. */
function placed(w: World): { forest: RegionForest; placements: Map<string, Placement>; entries: Map<string, PresenceEntry> } {
  const forest = new RegionForest(w.regions);
  const entries = new Map(Object.entries(w.presence).flatMap(([regionNo, list]) => list.map((e) => [`${regionNo}|${entryNo(e)}`, e] as const)));
  return { forest, placements: placePeople(forest, presenceRows(w)), entries };
}

const HOUR = 60 * 60 * 1000;
const t: T = tr('zh-CN');

async function openSecurity(app: Page): Promise<void> {
  await navigate(app, t, 'security');
  await expect(app.getByRole('heading', { name: t('security.title'), exact: true })).toBeVisible();
}

async function chooseRegion(app: Page, regionNo: string, name: string, count: number): Promise<Locator> {
  await app.locator(`[data-testid=region-button][data-region-no="${regionNo}"]`).click();
  await expect(app.getByRole('heading', { name: t('security.people', { region: name }) })).toBeVisible();
  await expect(app.getByTestId('presence-total')).toHaveText(t('security.total', { count }));
  return app.getByRole('table', { name: t('security.listLabel', { region: name }) });
}

/** The rows in the DOM with their data: [position in the list (0-based), number, name]. */
async function shownRows(list: Locator): Promise<[number, string, string][]> {
  return list.locator('[data-testid=presence-row]:not([data-loading])').evaluateAll((rows) =>
    rows.map((row) => {
      const r = row as unknown as { getAttribute(n: string): string | null; querySelector(s: string): { textContent: string | null } | null };
      return [
        Number(r.getAttribute('aria-rowindex')) - 2,
        r.getAttribute('data-person-no') ?? '',
        r.querySelector('.presence-name-text')?.textContent ?? '',
      ] as [number, string, string];
    }),
  );
}

async function scrollList(list: Locator, to: 'top' | 'bottom'): Promise<void> {
  await list.evaluate((el, where) => {
    const e = el as unknown as { scrollTop: number; scrollHeight: number };
    e.scrollTop = where === 'top' ? 0 : e.scrollHeight;
  }, to);
}

test('the region tree shows counts; a region lists who the simulator has inside; search narrows it', async ({ app, sim, shot }) => {
  const w = await world(sim);
  await openSecurity(app);

  // Every region with its count: each person once, parents as "N here + M in sub-regions".
  const tree = app.getByRole('list', { name: t('security.regionsLabel') });
  const { forest, placements } = placed(w);
  const counts = regionCounts(forest, placements.values());
  for (const region of w.regions) {
    const button = tree.locator(`[data-testid=region-button][data-region-no="${region.no}"]`);
    await expect(button).toContainText(region.name);
    const { here, below } = counts.get(region.no)!;
    await expect(button.getByTestId('region-count')).toHaveText(
      below > 0 ? t('security.insideSplit', { here, below }) : t('security.insideCount', { count: here }),
    );
  }
  // The top regions add up to everyone inside, each person once.
  expect(forest.roots.reduce((n, no) => n + counts.get(no)!.here + counts.get(no)!.below, 0)).toBe(distinctInside(w));
  await expect(app.getByTestId('last-refreshed')).toContainText(/最后刷新 \d{2}:\d{2}:\d{2}/);
  await shot('tree with counts');

  // B栋研发楼: the rows are the simulator's presence, newest first, at their places in the list.
  const expected = insideNewestFirst(w, DEMO_REGIONS.buildingB);
  expect(expected.length).toBeGreaterThan(3);
  const list = await chooseRegion(app, DEMO_REGIONS.buildingB, 'B栋研发楼', expected.length);
  await expect(list).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  await expect(list.locator('[data-testid=presence-row]').first()).not.toHaveAttribute('data-loading', 'true');
  const top = await shownRows(list);
  expect(top.length).toBeGreaterThan(0);
  for (const [index, no, name] of top) expect([no, name], `row ${index}`).toEqual([entryNo(expected[index]), expected[index].name]);
  await shot('B栋 people');
  await scrollList(list, 'bottom');
  await expect(list.locator(`[data-testid=presence-row][aria-rowindex="${expected.length + 1}"]`)).toContainText(expected[expected.length - 1].name);
  for (const [index, no, name] of await shownRows(list)) expect([no, name], `row ${index}`).toEqual([entryNo(expected[index]), expected[index].name]);
  await scrollList(list, 'top');

  // Search by part of a name (server-side, debounced): only those inside whose name has it.
  const search = app.getByLabel(t('security.search'), { exact: true });
  const byName = expected.filter((e) => e.name.includes('张'));
  expect(byName.length).toBeGreaterThan(0);
  await search.fill('张');
  await expect(app.getByTestId('presence-total')).toHaveText(t('security.matches', { count: byName.length }));
  await expect.poll(async () => (await shownRows(list)).map(([, , name]) => name)).toEqual(byName.map((e) => e.name));
  await shot('search by name');

  // By mobile number, written as people write it: only 张伟.
  await search.fill('138 0013 8001');
  await expect(app.getByTestId('presence-total')).toHaveText(t('security.matches', { count: 1 }));
  await expect.poll(async () => (await shownRows(list)).map(([, no, name]) => [no, name])).toEqual([[DEMO_HOSTS.zhangWei.no, '张伟']]);
  await shot('search by phone');

  await search.fill('不存在的人');
  await expect(app.getByText(t('security.noMatch', { query: '不存在的人' }))).toBeVisible();
  await search.fill('');
  await expect(app.getByTestId('presence-total')).toHaveText(t('security.total', { count: expected.length }));
});

test('a visitor registered here who is still inside after their visit ended is flagged as overstaying', async ({ app, harness, sim, shot }) => {
  // Registered through the harness's dispatch (the same contract call the register page makes).
  const now = Date.now();
  const registration: Registration = {
    name: '逾期访客',
    phone: '13712345678',
    documentType: 'passport',
    documentNo: 'E12345678',
    hostNo: DEMO_HOSTS.zhangWei.no,
    hostName: DEMO_HOSTS.zhangWei.name,
    begin: new Date(now - 30 * 60_000).toISOString(),
    end: new Date(now + 30 * 60_000).toISOString(),
    photo: TINY_JPEG.toString('base64'),
    deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.campusGateOut, DEMO_DEVICES.buildingBIn, DEMO_DEVICES.buildingBOut],
    channel: 'reception',
  };
  const answer = (await (
    await fetch(`${harness.appUrl}/__kiosk/call/registerVisit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    })
  ).json()) as {
    ok: boolean;
    value: Visit;
  };
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  const visit = answer.value;
  expect(visit.k30No).toMatch(/^\d+$/);

  // The campus exit goes offline: once the visit ends, its removal stays pending (the visitor
  // stays on the server and inside), as it would in real life while a door is unreachable.
  await sim.setDevice(DEMO_DEVICES.campusGateOut, false);
  // The visitor walks into building B.
  await sim.pass({ visitorNo: visit.k30No!, deviceNo: DEMO_DEVICES.buildingBIn });
  const inside = insideNewestFirst(await world(sim), DEMO_REGIONS.buildingB);
  expect(entryNo(inside[0])).toBe(visit.k30No);

  await openSecurity(app);
  const list = await chooseRegion(app, DEMO_REGIONS.buildingB, 'B栋研发楼', inside.length);
  const row = list.locator(`[data-testid=presence-row][data-visit-id="${visit.id}"]`);
  await expect(row).toContainText(registration.name);
  await expect(row).toContainText(t('security.visitor'));
  await expect(row.getByTestId('overstay-flag')).toHaveCount(0);
  await shot('visitor inside, visit not over');

  // Two hours later (the services' clock; the visit ended 90 minutes ago), the guard refreshes.
  const clock = await fetch(`${harness.appUrl}/__harness/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs: 2 * HOUR }),
  });
  expect(clock.status).toBe(200);
  await app.getByRole('button', { name: t('common.refresh'), exact: true }).click();
  const flag = row.getByTestId('overstay-flag');
  await expect(flag).toHaveText(`⚠${t('security.overstay')}`);
  await expect(row).toHaveAttribute('data-overstay', 'true');
  // Clearly: white on red for the flag, a red tint and edge for the row — and the words.
  expect(await css(flag, 'background-color')).toBe('rgb(180, 35, 24)');
  expect(await css(row, 'background-color')).toBe('rgb(253, 236, 234)');
  expect(await css(row, 'border-left-color')).toBe('rgb(180, 35, 24)');
  // Someone who is not our visitor is not flagged.
  await expect(list.locator('[data-testid=presence-row][data-overstay="true"]')).toHaveCount(1);
  await shot('overstay flagged');

  // The muster says so too.
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: t('security.exportCsv'), exact: true }).click();
  const rows = parseCsv(await readFile(await (await download).path(), 'utf8'));
  expect(rows.find((r) => r[1] === registration.name)).toEqual([
    '总部园区 / B栋研发楼',
    registration.name,
    '',
    '是',
    DEMO_HOSTS.zhangWei.name,
    '137****5678',
    inside[0].entertime,
    'B栋研发楼入口',
    '是',
  ]);
});

/** A computed style of an element (typed without the DOM library: this file is checked against Node's). */
function css(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (el, p) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(el).getPropertyValue(p),
    property,
  );
}

test('the muster exports CSV (one region, all regions) with each person once, and prints by region', async ({ app, sim, shot }) => {
  const w = await world(sim);
  const deptName = new Map(w.departments.map((d) => [d.no, d.name]));
  const deviceName = new Map(w.devices.map((d) => [d.no, d.name]));
  const people = new Map(w.people.map((p) => [p.no, p]));
  const visitors = new Map(w.visitors.map((v) => [v.no, v]));
  const { forest, placements, entries } = placed(w);
  const mask = (phone: string) => (phone.length >= 7 ? phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4) : phone);
  const csvRow = ({ regionNo, row }: Placement) => {
    const e = entries.get(`${regionNo}|${row.no}`)!;
    const p = e.personNo ? people.get(e.personNo) : undefined;
    const v = e.visitorNo ? visitors.get(e.visitorNo) : undefined;
    const path = forest
      .pathOf(regionNo)
      .map((no) => forest.name(no))
      .join(' / ');
    return [
      path,
      e.name,
      p ? (deptName.get(p.deptno) ?? '') : '',
      v ? '是' : '否',
      '',
      mask(p?.phone ?? v?.phone ?? ''),
      e.entertime,
      deviceName.get(e.deviceno) ?? e.deviceno,
      '否',
    ];
  };
  const header = ['区域（路径）', '姓名', '部门', '访客', '被访人', '手机号码', '进入时间', '进入的门', '逾期未离开'];

  await openSecurity(app);
  await chooseRegion(app, DEMO_REGIONS.buildingB, 'B栋研发楼', insideNewestFirst(w, DEMO_REGIONS.buildingB).length);
  await expect(app.getByRole('radio', { name: t('security.scopeSelected', { name: 'B栋研发楼' }) })).toBeChecked();
  await shot('muster panel');

  // One region: it and its sub-regions, each person once.
  const expectedB = musterOrder(forest, placements.values(), DEMO_REGIONS.buildingB);
  let download = app.waitForEvent('download');
  await app.getByRole('button', { name: t('security.exportCsv'), exact: true }).click();
  let file = await download;
  expect(file.suggestedFilename()).toMatch(/^muster-B栋研发楼-\d{8}-\d{6}\.csv$/);
  let bytes = await readFile(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  let text = bytes.toString('utf8');
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  expect(text).toContain('\r\n');
  expect(parseCsv(text)).toEqual([header, ...expectedB.map(csvRow)]);
  await expect(app.getByTestId('muster-notice')).toContainText(t('security.musterExported', { count: expectedB.length, file: file.suggestedFilename() }));
  await shot('CSV of one region exported');

  // All regions: each person once; the total is the sum of the top regions and everyone inside.
  await app.getByRole('radio', { name: t('security.scopeAll') }).check();
  download = app.waitForEvent('download');
  await app.getByRole('button', { name: t('security.exportCsv'), exact: true }).click();
  file = await download;
  expect(file.suggestedFilename()).toMatch(/^muster-all-\d{8}-\d{6}\.csv$/);
  bytes = await readFile(await file.path());
  const all = parseCsv(bytes.toString('utf8'));
  expect(all).toEqual([header, ...musterOrder(forest, placements.values(), 'all').map(csvRow)]);
  const lines = all.slice(1);
  expect(new Set(lines.map((r) => `${r[1]}|${r[5]}`)).size).toBe(lines.length);
  expect(lines.length).toBe(distinctInside(w));
  const counts = regionCounts(forest, placements.values());
  expect(forest.roots.reduce((n, no) => n + counts.get(no)!.here + counts.get(no)!.below, 0)).toBe(lines.length);
  await shot('CSV of all regions exported');

  // Print: the muster is put in the page, grouped by region, and window.print is called.
  await app.evaluate(() => {
    const g = globalThis as unknown as { print(): void; printed?: string; document: { querySelector(s: string): { innerText: string } | null } };
    g.print = () => {
      g.printed = g.document.querySelector('[data-testid=print-muster]')?.innerText ?? '';
    };
  });
  await app.getByRole('button', { name: t('security.print'), exact: true }).click();
  const printedText = () => app.evaluate(() => (globalThis as unknown as { printed?: string }).printed ?? '');
  await expect.poll(printedText).toContain(t('security.printTitle', { scope: t('security.scopeAll') }));
  const printed = await printedText();
  expect(printed).toContain(t('security.printedAt', { time: '', count: distinctInside(w) }).split('，')[1] ?? '');
  for (const no of forest.ordered()) {
    const here = counts.get(no)!.here;
    if (here > 0)
      expect(printed).toContain(
        t('security.printRegion', {
          name: forest
            .pathOf(no)
            .map((n) => forest.name(n))
            .join(' / '),
          count: here,
        }),
      );
  }
  for (const { row } of expectedB) expect(printed).toContain(row.name);
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByTestId('print-muster')).toBeVisible();
  await expect(app.getByRole('heading', { name: t('security.title'), exact: true })).toBeHidden();
  await shot('print preview of the muster');
  await app.emulateMedia({ media: 'screen' });
  await expect(app.getByTestId('print-muster')).toBeHidden();
});
