/**
 * A visit ledger that main found damaged at start is set aside, and the app says so plainly on
 * every page (getStatus), in the user's language, with where the damaged file went.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness } from '../harness/harness';
import { expect, test as base } from './support/fixtures';
import { navigate, tr } from './support/journey';

const test = base.extend({
  // The services start on a data folder whose visit ledger is not JSON.
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'self-service-ledger-e2e-'));
    writeFileSync(path.join(dataDir, 'visits.json'), '{"visits": [ this is not json');
    const harness = await startHarness({ port: 0, dataDir });
    try {
      await use(harness);
    } finally {
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

test('a corrupt visit ledger is reported in a persistent banner with where it was set aside', async ({ app, harness, shot }) => {
  const [problem] = harness.services.ledger.problems;
  expect(problem, 'main set the damaged file aside').toMatchObject({ kind: 'corrupt' });
  const zh = tr('zh-CN');

  const banner = app.getByTestId('ledger-problems');
  await expect(banner).toHaveText(zh('status.ledger.corrupt', { path: problem.setAside }));
  await expect(banner).toContainText('本地访客记录文件损坏，已另存为');
  await shot('banner on the register page');

  // Still there on another page, and in English too.
  await navigate(app, zh, 'visits');
  await expect(app.getByRole('heading', { name: zh('visits.title'), exact: true })).toBeVisible();
  await expect(banner).toBeVisible();
  await app.getByRole('button', { name: zh('lang.button'), exact: true }).click();
  await expect(banner).toHaveText(tr('en')('status.ledger.corrupt', { path: problem.setAside }));
  await shot('banner in English on the visits page');
});

base('no banner when the ledger is sound', async ({ page, harness }) => {
  const status = page.waitForResponse((response) => response.url().endsWith('/__kiosk/call/getStatus'));
  await page.goto(harness.appUrl);
  expect(await (await status).json()).toEqual({ ok: true, value: { ledgerProblems: [], unsaved: [] } });
  await expect(page.getByRole('navigation', { name: tr('zh-CN')('nav.label') })).toBeVisible();
  await expect(page.getByTestId('ledger-problems')).toHaveCount(0);
});
