/**
 * Settings → host notification, as an administrator uses it: a DingTalk channel with its address
 * and signing secret, saved (shown only as "set"), a test message that the stand-in receives
 * signed; Feishu's "cannot mention by phone" is said; the page never holds the secrets.
 */
import { createHmac } from 'node:crypto';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { startWebhookStandIn } from '../helpers/webhook-stand-in';
import { expect, test } from './support/fixtures';
import { navigate, tr } from './support/journey';

const t = tr('zh-CN');
const TOKEN = 'E2ETOKEN-h7Qw2';
const SECRET = 'SECe2e-k9Lm4Zt';

test('an administrator adds a signed DingTalk channel and sends a test message', async ({ app, harness, shot }) => {
  const hook = await startWebhookStandIn();
  try {
    await navigate(app, t, 'settings');
    const section = app.getByRole('region', { name: t('notify.settings.title') });
    await section.getByRole('button', { name: t('notify.settings.add'), exact: true }).click();
    const channel = section.getByTestId('notify-channel-channel-1');
    await channel.getByLabel(t('notify.settings.kind')).selectOption('feishu');
    await expect(channel).toContainText(t('notify.settings.feishuNoMention'));
    await expect(channel.getByLabel(t('notify.settings.mention'))).toHaveCount(0);
    await channel.getByLabel(t('notify.settings.kind')).selectOption('dingtalk');
    await channel.getByLabel(t('notify.settings.label')).fill('前台群');
    await channel.getByLabel(t('notify.settings.url')).fill(`${hook.url}/robot/send?access_token=${TOKEN}`);
    await channel.getByLabel(t('notify.settings.secret')).fill(SECRET);
    await section.getByLabel(t('notify.settings.default')).selectOption('channel-1');
    // The reception group for deny-list alerts at the kiosk: "same as the default" until chosen.
    const reception = section.getByLabel(t('notify.settings.reception'));
    await expect(reception).toHaveValue('');
    await expect(reception).toHaveAccessibleDescription(t('notify.settings.receptionHint'));
    await reception.selectOption('channel-1');
    await section.getByRole('button', { name: t('notify.settings.save'), exact: true }).click();
    await expect(section.getByText(t('notify.settings.saved'))).toBeVisible();
    expect(await createDispatcher(harness.services.handlers)('getNotificationSettings', undefined)).toMatchObject({
      ok: true,
      value: { defaultChannelId: 'channel-1', receptionChannelId: 'channel-1' },
    });
    await expect(channel.getByTestId('notify-channel-1-url-status')).toContainText(t('settings.secretSet'));
    await expect(channel.getByLabel(t('notify.settings.url'))).toHaveValue('');
    await shot('notification channel saved');

    await channel.getByRole('button', { name: t('notify.settings.test'), exact: true }).click();
    await expect(channel.getByTestId('notify-test-result')).toHaveText(t('notify.settings.testOk'));
    const [received] = hook.received;
    expect(received.query.get('access_token')).toBe(TOKEN);
    const timestamp = received.query.get('timestamp')!;
    expect(received.query.get('sign')).toBe(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'));

    // The kiosk may now promise the host is told; the page never holds the address or secret.
    const settings = await app.evaluate(async () =>
      (globalThis as unknown as { kiosk: { getSettings(): Promise<{ ok: boolean; value: { hostNotificationConfigured: boolean } }> } }).kiosk.getSettings(),
    );
    expect(settings.value.hostNotificationConfigured).toBe(true);
    await app.reload();
    await navigate(app, t, 'settings');
    await expect(app.getByTestId('notify-channel-channel-1')).toBeVisible();
    const html = await app.content();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(SECRET);
    expect(harness.log.lines.join('\n')).not.toContain(TOKEN);
  } finally {
    await hook.close();
  }
});
