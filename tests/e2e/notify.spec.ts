/**
 * The host is told: a WeCom stand-in (a local server) receives the message after a reception
 * registration and after a self-registration at the kiosk; the visit shows "host notified"; the
 * kiosk's done screen says "we are letting your host know" only because a channel is set, and
 * shows the visit code.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { Harness } from '../harness/harness';
import { startWebhookStandIn } from '../helpers/webhook-stand-in';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import { expect, test } from './support/fixtures';
import { navigate, registerVisitor, tr } from './support/journey';
import { takePhoto, turnSelfServiceOn, upToPhoto, VISITOR, zh } from './support/self-service';

test.use({ viewport: { width: 1366, height: 768 } });

type Hook = Awaited<ReturnType<typeof startWebhookStandIn>>;
let hook: Hook;
test.beforeEach(async () => {
  hook = await startWebhookStandIn();
});
test.afterEach(async () => {
  await hook.close();
});

async function configureWeCom(harness: Harness) {
  const dispatch = createDispatcher(harness.services.handlers);
  const saved = await dispatch('saveNotificationSettings', {
    channels: [{ id: 'desk', kind: 'wecom', label: '前台群', url: `${hook.url}/cgi-bin/webhook/send?key=E2E-KEY`, mentionHost: true }],
    defaultChannelId: 'desk',
  });
  expect(saved).toMatchObject({ ok: true, value: { channels: [{ id: 'desk', urlSet: true }] } });
  return dispatch;
}

const contentOf = (i: number) => (hook.received[i]?.json.text as { content?: string } | undefined)?.content ?? '';

test('reception: the host is notified after a registration; the visit shows it', async ({ app, harness, shot }) => {
  await configureWeCom(harness);
  const t = tr('zh-CN');
  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
  await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const text = contentOf(0);
  expect(text).toContain(VISITOR_ZH.name);
  expect(text).toContain(ZHANG_WEI.name);
  expect(hook.received[0].body).not.toContain(VISITOR_ZH.idCard);
  expect(hook.received[0].body).not.toContain(VISITOR_ZH.phone);
  expect(hook.received[0].query.get('key')).toBe('E2E-KEY');

  await navigate(app, t, 'visits');
  const row = app.getByTestId('visit-row').filter({ hasText: VISITOR_ZH.name });
  await row.getByRole('button').click();
  const detail = app.getByRole('region', { name: VISITOR_ZH.name });
  await expect(detail.getByTestId('host-notification')).toHaveAttribute('data-state', 'sent', { timeout: 20_000 });
  await expect(detail.getByTestId('host-notification')).toContainText(/^已通知被访人 /);
  await expect(detail.getByTestId('visit-code')).toHaveText(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  await shot('visit detail: host notified');
});

test('kiosk: "we are letting your host know" with a channel set, the visit code shown, the host notified', async ({ page, harness, shot, pageProblems }) => {
  void pageProblems;
  await configureWeCom(harness);
  await turnSelfServiceOn(harness);
  await page.goto(harness.appUrl);
  await upToPhoto(page, zh);
  await takePhoto(page, zh);
  await page.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();
  await expect(page.getByTestId('self-service-done-message')).toHaveText(zh('selfService.done.notifying', { host: ZHANG_WEI.name }), { timeout: 30_000 });
  const code = page.getByTestId('self-service-visit-code');
  await expect(code).toHaveText(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  const [visit] = harness.services.ledger.all();
  await expect(code).toHaveText(visit.visitCode!);
  await shot('done: notifying, with the visit code');
  await expect.poll(() => hook.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(contentOf(0)).toContain(VISITOR.name);
});
