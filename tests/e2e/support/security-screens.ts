/**
 * The security view's screens (安保) at one size in one language: the region tree, one region's
 * people, the all-regions muster (CSV and print) and a roll call. Each is checked against the
 * simulator's presence as the muster model places it (each person once, in the region entered
 * last), then with axe-core and a screenshot (`checkScreen`).
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { placePeople, RegionForest, regionCounts, type Placement } from '../../../src-main/services/presence/muster-model';
import { parseCsv } from '../../../src-preload/csv-format';
import { MUSTER_COLUMNS } from '../../../src-renderer/src/security/csv';
import type { CheckScreen } from './fixtures';
import { navigate, type T } from './journey';
import { presenceRows, type World } from './presence';

/** The simulator's presence as the muster places it, with each region's counts. */
export interface Placed {
  forest: RegionForest;
  placements: Placement[];
  counts: ReturnType<typeof regionCounts>;
  /** Sum of the top regions' counts (here + in sub-regions): everyone inside, each once. */
  rootTotal: number;
}

export function placed(w: World): Placed {
  const forest = new RegionForest(w.regions);
  const placements = [...placePeople(forest, presenceRows(w)).values()];
  const counts = regionCounts(forest, placements);
  const rootTotal = forest.roots.reduce((n, no) => n + counts.get(no)!.here + counts.get(no)!.below, 0);
  return { forest, placements, counts, rootTotal };
}

/** People placed in a region or below it. */
export const placedWithin = (p: Placed, regionNo: string) => p.counts.get(regionNo)!.here + p.counts.get(regionNo)!.below;

export async function openSecurity(page: Page, t: T): Promise<void> {
  await navigate(page, t, 'security');
  await expect(page.getByRole('heading', { name: t('security.title'), exact: true })).toBeVisible();
  await expect(page.getByTestId('last-refreshed')).toContainText(t('security.lastRefreshed', { time: '' }).trim());
}

/** Every region's badge as the model counts it; the top regions' badges add up to everyone inside. */
export async function checkRegionTree(page: Page, t: T, w: World, p: Placed): Promise<void> {
  const tree = page.getByRole('list', { name: t('security.regionsLabel') });
  for (const region of w.regions) {
    const { here, below } = p.counts.get(region.no)!;
    await expect(tree.locator(`[data-testid=region-button][data-region-no="${region.no}"] [data-testid=region-count]`)).toHaveText(
      below > 0 ? t('security.insideSplit', { here, below }) : t('security.insideCount', { count: here }),
    );
  }
  const badges = await page.locator('ul.region-tree > li > [data-testid=region-button] [data-testid=region-count]').allInnerTexts();
  expect(badges).toHaveLength(p.forest.roots.length);
  const shown = badges.reduce((n, text) => n + (text.match(/\d+/g) ?? []).reduce((m, d) => m + Number(d), 0), 0);
  expect(shown, 'the top regions on screen add up to everyone inside').toBe(p.rootTotal);
}

/** One region's people: its heading, its total as K30 lists it, rows drawn. */
export async function checkPeople(page: Page, t: T, w: World, region: { no: string; name: string }, checkScreen: CheckScreen, tag: string): Promise<void> {
  await page.locator(`[data-testid=region-button][data-region-no="${region.no}"]`).click();
  await expect(page.getByRole('heading', { name: t('security.people', { region: region.name }), exact: true })).toBeVisible();
  const count = (w.presence[region.no] ?? []).length;
  await expect(page.getByTestId('presence-total')).toHaveText(t('security.total', { count }));
  const list = page.getByRole('table', { name: t('security.listLabel', { region: region.name }) });
  await expect(list.locator('[data-testid=presence-row]:not([data-loading])').first()).toBeVisible();
  await checkScreen(`${tag} 1 regions and the people of ${region.name}`);
}

/**
 * The all-regions muster as CSV: the header in the language, each person once (the people the
 * model places, no one twice), as many rows as the top regions hold.
 */
export async function checkAllRegionsCsv(page: Page, t: T, p: Placed): Promise<number> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('security.exportCsv'), exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^muster-all-\d{8}-\d{6}\.csv$/);
  const [header, ...rows] = parseCsv((await readFile(await file.path())).toString('utf8'));
  expect(header).toEqual(MUSTER_COLUMNS.map((key) => t(key)));
  const name = MUSTER_COLUMNS.indexOf('security.col.name');
  const phone = MUSTER_COLUMNS.indexOf('security.col.phone');
  expect(new Set(rows.map((r) => `${r[name]}|${r[phone]}`)).size, 'no one twice').toBe(rows.length);
  expect(rows.map((r) => r[name]).sort(), 'everyone placed, once').toEqual(p.placements.map((x) => x.row.name).sort());
  expect(rows.length, 'the total is the sum of the top regions').toBe(p.rootTotal);
  await expect(page.getByTestId('muster-notice')).toContainText(t('security.musterExported', { count: rows.length, file: file.suggestedFilename() }));
  return rows.length;
}

/** Print is stubbed (a headless print dialog never closes); the print view is shown as print media. */
export async function checkPrintView(page: Page, t: T, p: Placed, checkScreen: CheckScreen, tag: string): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { print(): void }).print = () => {};
  });
  await page.getByRole('button', { name: t('security.print'), exact: true }).click();
  const print = page.getByTestId('print-muster');
  await expect(print).toHaveCount(1);
  // Hidden on screen until printed: found by tag, not by role.
  await expect(print.locator('h1')).toHaveText(t('security.printTitle', { scope: t('security.scopeAll') }));
  // One line per top region; together they are everyone on the list.
  const totals = await print.getByTestId('print-totals').locator('li').allInnerTexts();
  expect(totals).toHaveLength(p.forest.roots.length);
  for (const no of p.forest.roots) {
    const { here, below } = p.counts.get(no)!;
    const name = p.forest.name(no);
    expect(totals).toContain(
      below > 0 ? t('security.printTotalSplit', { name, count: here + below, here, below }) : t('security.printRegion', { name, count: here }),
    );
  }
  await expect(print.locator('tbody tr')).toHaveCount(p.rootTotal);
  await page.emulateMedia({ media: 'print' });
  await expect(print).toBeVisible();
  await expect(page.getByRole('heading', { name: t('security.title'), exact: true })).toBeHidden();
  await checkScreen(`${tag} 3 muster print view`);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => (globalThis as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new Event('afterprint')));
  await expect(print).toHaveCount(0);
}

/** Someone placed in the region whose name no one else inside has (so their "safe" button is theirs alone). */
export function someoneIn(p: Placed, regionNo: string): string {
  const names = p.placements.map((x) => x.row.name);
  const person = p.placements.find((x) => x.regionNo === regionNo && names.filter((n) => n === x.row.name).length === 1);
  if (!person) throw new Error(`nobody with a name of their own in region ${regionNo}`);
  return person.row.name;
}

/**
 * A roll call of all regions: everyone unaccounted at first; one person in `region` marked safe
 * takes one off the total, off their region and off each region above it; ended (it asks first).
 */
export async function checkRollCall(page: Page, t: T, p: Placed, region: string, checkScreen: CheckScreen, tag: string): Promise<void> {
  const everyone = p.rootTotal;
  await page.getByTestId('roll-call-start').click();
  const panel = page.getByTestId('roll-call');
  await expect(panel.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone, total: everyone }));
  const line = (no: string, marked: number) =>
    panel.locator(`[data-region="${no}"]`).filter({
      hasText: t('rollCall.regionCount', { name: p.forest.name(no), unaccounted: placedWithin(p, no) - marked, total: placedWithin(p, no) }),
    });
  const chain = p.forest.pathOf(region);
  for (const no of chain) await expect(line(no, 0)).toHaveCount(1);

  const name = someoneIn(p, region);
  await panel.getByLabel(t('rollCall.search')).fill(name);
  await panel.getByRole('button', { name: t('rollCall.markSafe', { name }), exact: true }).click();
  await expect(panel.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone - 1, total: everyone }));
  for (const no of chain) await expect(line(no, 1), `${p.forest.name(no)} one fewer unaccounted`).toHaveCount(1);
  // Other top regions are untouched.
  for (const no of p.forest.roots.filter((r) => !chain.includes(r))) await expect(line(no, 0)).toHaveCount(1);
  await panel.getByLabel(t('rollCall.search')).fill('');
  await checkScreen(`${tag} 4 roll call, one marked safe`);

  await panel.getByRole('button', { name: t('rollCall.end'), exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await checkScreen(`${tag} 5 end the roll call?`, { fullPage: false });
  await dialog.getByRole('button', { name: t('rollCall.end'), exact: true }).click();
  await expect(panel).toHaveCount(0);
}

/** Ends the roll call on screen: the button, then the same button in the confirmation. */
export async function endRollCall(page: Page, t: T): Promise<void> {
  await page.getByRole('button', { name: t('rollCall.end'), exact: true }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('rollCall.end'), exact: true })
    .click();
  await expect(page.getByTestId('roll-call')).toHaveCount(0);
}
