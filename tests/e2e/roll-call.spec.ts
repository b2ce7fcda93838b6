/**
 * The evacuation roll call in the security view, and the last known muster when K30 cannot be
 * reached. The simulator's `GET /__sim/state` is the truth for who is inside.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_REGIONS } from '../../src-main/k30/simulator/seed';
import { parseCsv } from '../../src-preload/csv-format';
import { expect, test } from './support/fixtures';
import { navigate, tr, type T } from './support/journey';
import { distinctInside, world } from './support/presence';
import { endRollCall } from './support/security-screens';

const t: T = tr('zh-CN');

async function openSecurity(app: Page): Promise<void> {
  await navigate(app, t, 'security');
  await expect(app.getByRole('heading', { name: t('security.title'), exact: true })).toBeVisible();
  // The first refresh has been answered (and so kept on disk by main).
  await expect(app.getByTestId('last-refreshed')).toContainText(t('security.lastRefreshed', { time: '' }).trim().slice(0, 4));
}

test('a roll call counts the unaccounted per region as marshals tap, survives a reload, and exports the times', async ({ app, sim, shot }) => {
  const w = await world(sim);
  const everyone = distinctInside(w);
  await openSecurity(app);
  await app.getByRole('radio', { name: t('security.scopeAll') }).check();
  await app.getByTestId('roll-call-start').click();
  const panel = app.getByTestId('roll-call');
  await expect(panel.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone, total: everyone }));
  await shot('roll call started');

  // Two people in building B are marked safe: the totals and building B's count drop by two.
  const inB = (w.presence[DEMO_REGIONS.buildingB] ?? []).map((e) => e.name);
  expect(inB.length).toBeGreaterThan(2);
  const region = panel.locator(`[data-region="${DEMO_REGIONS.buildingB}"]`);
  const before = Number(/(\d+) \/ (\d+)/.exec((await region.textContent()) ?? '')![1]);
  for (const name of inB.slice(0, 2)) await panel.getByRole('button', { name: t('rollCall.markSafe', { name }), exact: true }).click();
  await expect(panel.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone - 2, total: everyone }));
  await expect(region).toContainText(`${before - 2} / `);
  // Marked people leave the "unaccounted" list; unticking the filter shows them, pressed.
  await expect(panel.getByRole('button', { name: t('rollCall.markSafe', { name: inB[0] }), exact: true })).toHaveCount(0);
  await panel.getByLabel(t('rollCall.onlyUnaccounted')).uncheck();
  await expect(panel.getByRole('button', { name: t('rollCall.markSafe', { name: inB[0] }), exact: true })).toHaveAttribute('aria-pressed', 'true');
  await shot('two people marked safe');

  // A reload (or a restarted app) goes on where it was.
  await app.reload();
  await navigate(app, t, 'security');
  await expect(app.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone - 2, total: everyone }));

  // The result: everyone once, the two as safe with a time, the rest unaccounted.
  const download = app.waitForEvent('download');
  await app.getByTestId('roll-call-csv').click();
  const rows = parseCsv((await readFile(await (await download).path())).toString('utf8'));
  expect(rows[0]).toEqual(['区域（路径）', '姓名', '部门', '手机号码', '进入时间', '进入的门', '状态', '确认时间']);
  expect(rows.length - 1).toBe(everyone);
  const safe = rows.slice(1).filter((r) => r[6] === t('rollCall.safe'));
  expect(safe.map((r) => r[1]).sort()).toEqual(inB.slice(0, 2).sort());
  expect(safe.every((r) => /\d{2}:\d{2}/.test(r[7]))).toBe(true);
  expect(
    rows
      .slice(1)
      .filter((r) => r[6] === t('rollCall.unaccounted'))
      .every((r) => r[7] === ''),
  ).toBe(true);

  // Ending it asks first, then the people list is back.
  await endRollCall(app, t);
});

test('with K30 unreachable the last known list is offered with its age, and a roll call runs on it', async ({ app, harness, sim, shot }) => {
  await openSecurity(app);
  const everyone = distinctInside(await world(sim));
  // K30 fails every call from now on; main's copy of its answers has expired.
  await sim.faults({ http500: 1000 });
  const clock = await fetch(`${harness.appUrl}/__harness/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs: 5 * 60_000 }),
  });
  expect(clock.ok).toBe(true);

  await app.getByRole('radio', { name: t('security.scopeAll') }).check();
  await app.getByRole('button', { name: t('security.print'), exact: true }).click();
  const offer = app.getByTestId('last-known');
  await expect(offer).toBeVisible({ timeout: 60_000 });
  // Its age, by this screen's clock: taken moments ago.
  await expect(offer).toContainText(t('age.justNow'));
  await shot('last known list offered');

  await offer.getByTestId('last-known-roll-call').click();
  await expect(app.getByTestId('roll-call-last-known')).toBeVisible();
  await expect(app.getByTestId('roll-call-summary')).toHaveText(t('rollCall.summary', { unaccounted: everyone, total: everyone }));
  await shot('roll call on the last known list');
});
