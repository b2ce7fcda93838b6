/**
 * A screen that throws while drawing never leaves a white window: the calm "restarting" screen,
 * the error in main's log (through the contract's reportRendererError), then the app drawn again;
 * a self-service kiosk starts over at its welcome screen, the visitor forgotten. The throw is
 * provoked by an answer from main that the screen does not expect (the bridge's answer replaced).
 */
import { expect, test } from './support/fixtures';
import { navigate, tr } from './support/journey';
import { agree, expectWelcome, fillDetails, heading, next, turnSelfServiceOn, VISITOR, zh } from './support/self-service';

const restarting = (page: import('@playwright/test').Page) => page.getByRole('status').filter({ hasText: '正在重新启动' });
const reported = (lines: string[]) => lines.filter((line) => line.startsWith('error renderer (boundary)'));

test('reception: a screen that throws shows "restarting", is reported to main, and the app is drawn again', async ({ app: page, harness }) => {
  const t = tr('zh-CN');
  let broken = true;
  await page.route('**/__kiosk/call/listVisits', (route) =>
    broken ? route.fulfill({ json: { ok: true, value: [{ id: 'no-such-shape' }] } }) : route.fallback(),
  );
  await navigate(page, t, 'visits');
  await expect(restarting(page)).toBeVisible();
  await expect(restarting(page)).toContainText('Something went wrong. Restarting');
  await expect.poll(() => reported(harness.log.lines).length).toBeGreaterThan(0);
  broken = false;
  // Loaded again by itself (RESTART_DELAY_MS): the stores start afresh, and main answers as it should.
  await expect(page.getByRole('navigation', { name: t('nav.label') })).toBeVisible({ timeout: 10_000 });
  await expect(restarting(page)).toHaveCount(0);
});

test('kiosk: a screen that throws starts over at the welcome screen, the visitor forgotten', async ({ app: page, harness }) => {
  await turnSelfServiceOn(harness);
  await page.reload();
  await expectWelcome(page);
  await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
  await agree(page);
  await fillDetails(page, zh, VISITOR);
  let broken = true;
  await page.route('**/__kiosk/call/searchHosts', (route) => (broken ? route.fulfill({ json: { ok: true, value: null } }) : route.fallback()));
  await next(page, zh);
  await page.getByRole('combobox', { name: zh('host.label') }).fill('张伟');
  await expect(restarting(page)).toBeVisible();
  broken = false;
  await expectWelcome(page, zh, 10_000);
  await expect.poll(() => reported(harness.log.lines).length).toBeGreaterThan(0);
  // Starting again, nothing of the visitor is left.
  await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
  await agree(page);
  await expect(heading(page, zh('selfService.step.details'))).toBeVisible();
  await expect(page.getByLabel(zh('field.name'), { exact: true })).toHaveValue('');
});
