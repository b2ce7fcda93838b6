/**
 * Issue #12 item 3: a deny-listed person who tries the self-service kiosk is only sent to
 * reception, and the reception group is told through a notification channel — queued and retried
 * like a host's message, never with a number in it. Driven through the app services and the
 * dispatcher (a real kiosk-mode registration), against the local webhook stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { NotificationSettingsStore } from '../../../../src-main/services/notify/notification-settings';
import { appRig } from '../../../helpers/app-rig';
import { code } from '../../../helpers/results';
import { demoRegistration, residentId, until } from '../../../helpers/test-data';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';
import { startWebhookStandIn } from '../../../helpers/webhook-stand-in';

const PIN = '246810';
const STATION = '一楼大厅自助机';
const DENIED_PHONE = '13955556666';
const DENIED_ID = residentId('44010619880512345');
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];

const app = appRig('deny-alert-');
let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;

const kioskRegistration = (over = {}) =>
  demoRegistration({
    name: '某人',
    phone: DENIED_PHONE,
    documentNo: DENIED_ID,
    deviceNos: DOORS,
    channel: 'kiosk',
    consent: { data: true, photo: true },
    ...over,
  });

beforeEach(async () => {
  hook = await startWebhookStandIn();
});
afterEach(async () => {
  await app.stop();
  await hook.close();
});

/** The admin PIN, the station's name and a deny-list entry; then the notification channels. */
async function prepare(dispatch: Dispatch, notifications: Parameters<Dispatch>[1]) {
  expect(code(await dispatch('setAdminPin', { next: PIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { stationName: STATION }))).toBe('ok');
  expect(code(await dispatch('addDenyEntry', { name: '黑名单', phone: DENIED_PHONE, reason: '曾在园区闹事' }))).toBe('ok');
  expect(code(await dispatch('saveNotificationSettings', notifications as never))).toBe('ok');
}

const enterKioskMode = async (dispatch: Dispatch) =>
  expect(code(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceMode: true }))).toBe('ok');

describe('reception alert when a deny-listed person tries the kiosk', () => {
  it('goes to the reception channel (not the hosts’ default one), retried after a 5xx, with station, time, name given and reason — no number', async () => {
    const dispatch = await app.start({ notificationQueue: { backoff: { firstMs: 30, maxMs: 100, attempts: 4 } } });
    await prepare(dispatch, {
      channels: [
        { id: 'hosts', kind: 'webhook', label: '被访人', url: `${hook.url}/hosts`, mentionHost: false },
        { id: 'desk', kind: 'wecom', label: '前台群', url: `${hook.url}/cgi-bin/webhook/send?key=DESK`, mentionHost: true },
      ],
      defaultChannelId: 'hosts',
      receptionChannelId: 'desk',
    });
    expect(await dispatch('getNotificationSettings', undefined)).toMatchObject({ ok: true, value: { receptionChannelId: 'desk' } });

    // A hit at reception is on the desk's own screen: nobody else is told.
    expect(code(await dispatch('registerVisit', demoRegistration({ phone: DENIED_PHONE })))).toBe('deny-listed');
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.received).toEqual([]);

    await enterKioskMode(dispatch);
    hook.answer({ status: 502, body: '' });
    const result = await dispatch('registerVisit', kioskRegistration());
    expect(code(result)).toBe('see-reception');
    expect(JSON.stringify(result)).not.toMatch(/黑名单|闹事/);

    await until(() => hook.received.length === 2);
    expect(hook.received.map((r) => r.path)).toEqual(['/cgi-bin/webhook/send', '/cgi-bin/webhook/send']);
    const body = hook.received[1].json as { msgtype: string; text: { content: string; mentioned_mobile_list: string[] } };
    expect(body.msgtype).toBe('text');
    const text = body.text.content;
    for (const part of ['禁止名单提醒', STATION, '某人', '黑名单', '曾在园区闹事']) expect(text).toContain(part);
    expect(text).toMatch(/时间: \S+ \d{2}:\d{2}/);
    expect(body.text.mentioned_mobile_list).toEqual([]);
    for (const r of hook.received) {
      expect(r.body).not.toContain(DENIED_PHONE);
      expect(r.body).not.toContain(DENIED_ID);
      expect(r.body).not.toContain('6666');
    }
    await until(() => app.services.notifier.queue.pending().length === 0);
    expect(hook.received).toHaveLength(2);
    expect(app.services.ledger.all()).toEqual([]);
  });

  it('with no reception channel chosen the default channel is told (generic payload); the queued alert survives a restart', async () => {
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const slow = { notificationQueue: { backoff: { firstMs: 60_000, maxMs: 60_000, attempts: 4 } }, now };
    const dispatch = await app.start(slow);
    await prepare(dispatch, {
      channels: [{ id: 'front', kind: 'webhook', label: 'front', url: `${hook.url}/front`, mentionHost: false }],
      defaultChannelId: 'front',
    });
    const missing = await dispatch('saveNotificationSettings', { receptionChannelId: 'gone' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'receptionChannelId' } });
    await enterKioskMode(dispatch);
    hook.answer({ status: 500, body: '' });
    expect(code(await dispatch('registerVisit', kioskRegistration()))).toBe('see-reception');
    await until(() => hook.received.length === 1 && app.services.notifier.queue.pending()[0]?.attempts === 1);
    await app.stop();

    // The next run sends what was waiting, once its wait is over.
    offset = 61_000;
    await app.start(slow);
    await until(() => hook.received.length === 2);
    expect(hook.received[1].path).toBe('/front');
    expect(hook.received[1].json).toMatchObject({
      event: 'deny-list.kiosk-hit',
      denyListHit: { station: STATION, visitorName: '某人', entries: [{ name: '黑名单', reason: '曾在园区闹事' }] },
      text: expect.stringContaining('曾在园区闹事'),
    });
    expect(hook.received[1].json.visit).toBeUndefined();
    expect(hook.received[1].body).not.toContain(DENIED_PHONE);
    await until(() => app.services.notifier.queue.pending().length === 0);
  });
});

describe('which channel is the reception group', () => {
  it('the chosen channel while it has an address, else the default one; neither, none', () => {
    const settings = new NotificationSettingsStore(mapStore(), testSecretBox(), memoryLogger());
    expect(settings.receptionChannel()).toBeUndefined();
    settings.save({
      channels: [
        { id: 'hosts', kind: 'wecom', label: '', url: 'https://example.invalid/hosts', mentionHost: false },
        { id: 'desk', kind: 'wecom', label: '', mentionHost: false },
      ],
      defaultChannelId: 'hosts',
      receptionChannelId: 'desk',
    });
    expect(settings.receptionChannel()).toBe('hosts');
    settings.save({
      channels: [
        { id: 'hosts', kind: 'wecom', label: '', mentionHost: false },
        { id: 'desk', kind: 'wecom', label: '', url: 'https://example.invalid/desk', mentionHost: false },
      ],
    });
    expect(settings.receptionChannel()).toBe('desk');
    settings.save({ channels: [{ id: 'hosts', kind: 'wecom', label: '', url: '', mentionHost: false }], receptionChannelId: '' });
    expect(settings.receptionChannel()).toBeUndefined();
  });
});
