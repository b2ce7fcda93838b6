/**
 * The security view at the screens sites have, 1366×768 and 1080×1920 portrait, in Chinese and in
 * English: the region tree, a region's people, the all-regions muster (its CSV has each person once
 * and as many as the top regions hold; its print view), and a roll call whose unaccounted counts
 * drop as a person is marked safe. Then the simulator is really stopped (connection refused) and
 * the muster offers the list kept on this computer, with its time and age, in both languages.
 * axe-core finds no violation on any screen; a screenshot of each is kept.
 *
 * One harness and one page throughout (the size and language change in place): a harness per
 * combination would cost more than the screens themselves.
 */
import type { Language } from '../../src-preload/contract';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { DEMO_REGIONS } from '../../src-main/k30/simulator/seed';
import { formatDateTime } from '../../src-renderer/src/lib/datetime';
import { expect, test } from './support/fixtures';
import { navigate, tr, useLanguage } from './support/journey';
import { distinctInside, world } from './support/presence';
import { checkAllRegionsCsv, checkPeople, checkPrintView, checkRegionTree, checkRollCall, endRollCall, openSecurity, placed } from './support/security-screens';
import { stopSimulator } from './support/stop-simulator';

/** Each size in both languages; the CSV once per size (its rows do not depend on the language), once in each. */
const COMBINATIONS: { width: number; height: number; language: Language; csv: boolean }[] = [
  { width: 1366, height: 768, language: 'zh-CN', csv: true },
  { width: 1366, height: 768, language: 'en', csv: false },
  { width: 1080, height: 1920, language: 'zh-CN', csv: false },
  { width: 1080, height: 1920, language: 'en', csv: true },
];

const BUILDING_B = { no: DEMO_REGIONS.buildingB, name: 'B栋研发楼' };

test('security screens at 1366×768 and 1080×1920 in zh-CN and en; the kept muster when the simulator is stopped', async ({
  app,
  harness,
  sim,
  checkScreen,
}) => {
  // 23 screens, each with axe: room for a loaded 2-core machine (axe alone takes 5–13 s a screen there).
  test.setTimeout(540_000);
  const w = await world(sim);
  const p = placed(w);
  // The model and the simulator agree on who is inside before the screens are judged by it.
  expect(p.rootTotal).toBe(distinctInside(w));
  expect(p.counts.get(DEMO_REGIONS.campus)!.below, 'people in sub-regions, so the top region splits its count').toBeGreaterThan(0);

  for (const { width, height, language, csv } of COMBINATIONS) {
    const t = tr(language);
    const tag = `${width}x${height} ${language}`;
    await test.step(tag, async () => {
      await app.setViewportSize({ width, height });
      await useLanguage(app, language);
      // From another page, so the security view starts afresh (its panels keep no state from before).
      await navigate(app, t, 'visits');
      await openSecurity(app, t);
      await checkRegionTree(app, t, w, p);
      await checkPeople(app, t, w, BUILDING_B, checkScreen, tag);

      await app.getByRole('radio', { name: t('security.scopeAll') }).check();
      if (csv) await checkAllRegionsCsv(app, t, p);
      await checkScreen(`${tag} 2 all-regions muster panel`);
      await checkPrintView(app, t, p, checkScreen, tag);
      await checkRollCall(app, t, p, BUILDING_B.no, checkScreen, tag);
    });
  }

  await test.step('simulator stopped: the kept list, 1366×768, zh-CN and en', async () => {
    await app.setViewportSize({ width: 1366, height: 768 });
    await useLanguage(app, 'zh-CN');
    await openSecurity(app, tr('zh-CN'));
    const stopped = await stopSimulator(harness.simulatorUrl!);
    try {
      await expect(fetch(`${sim.url}/__sim/state`), 'the simulator no longer answers').rejects.toThrow();
      // Main's copy of K30's answers has expired (the services' clock runs 5 minutes on).
      harness.setClockOffset(5 * 60_000);
      const kept = await createDispatcher(harness.services.handlers)('getLastMuster', { scope: 'all', phones: 'masked' });
      expect(kept).toMatchObject({ ok: true });
      const fetchedAt = (kept as { value: { fetchedAt: string; people: unknown[] } }).value.fetchedAt;
      expect((kept as { value: { people: unknown[] } }).value.people).toHaveLength(p.rootTotal);

      await app.getByRole('radio', { name: tr('zh-CN')('security.scopeAll') }).check();
      await app.getByRole('button', { name: tr('zh-CN')('security.print'), exact: true }).click();
      const offer = app.getByTestId('last-known');
      await expect(offer).toBeVisible({ timeout: 60_000 });
      // K30 is unreachable (refused), not answering with errors.
      await expect(app.locator('.security-muster [data-error-code]').first()).toHaveAttribute('data-error-code', 'unreachable');
      for (const language of ['zh-CN', 'en'] as const) {
        const t = tr(language);
        await useLanguage(app, language);
        await expect(offer).toContainText(t('lastKnown.offer', { time: formatDateTime(fetchedAt, language), age: t('age.justNow') }));
        await expect(offer.getByRole('button', { name: t('lastKnown.print'), exact: true })).toBeVisible();
        await checkScreen(`1366x768 ${language} 6 simulator stopped, kept list offered`);
      }

      // A roll call runs on the kept list (English now), with everyone on it.
      const t = tr('en');
      await offer.getByTestId('last-known-roll-call').click();
      await expect(app.getByTestId('roll-call-last-known')).toContainText(t('age.justNow'));
      await expect(app.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: p.rootTotal, total: p.rootTotal }));
      await checkScreen('1366x768 en 7 roll call on the kept list');
      await endRollCall(app, t);
    } finally {
      await stopped.restart();
    }
  });
});
