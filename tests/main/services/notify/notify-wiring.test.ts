import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicSettings, Visit } from '../../../../src-preload/contract';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { demoRegistration, until } from '../../../helpers/test-data';
import { startWebhookStandIn } from '../../../helpers/webhook-stand-in';

/** The composition root's wiring: registration → queue → stand-in; a door pass by callback → first-pass message; the kiosk's view. */
const app = appRig('notify-wiring-');
let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;

beforeEach(async () => {
  hook = await startWebhookStandIn();
});
afterEach(async () => {
  await app.stop();
  await hook.close();
});

describe('host notification in the app services', () => {
  it('a registration and the first door pass (callback) reach the stand-in; the kiosk only learns that a channel is set', async () => {
    const dispatch = await app.start();
    const changed: PublicSettings[] = [];
    app.services.events.on('settingsChanged', (s) => changed.push(s));
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { hostNotificationConfigured: false } });
    await dispatch('saveNotificationSettings', {
      channels: [{ id: 'gen', kind: 'webhook', label: 'hook', url: `${hook.url}/in`, mentionHost: false }],
      defaultChannelId: 'gen',
      notifyOnFirstPass: true,
    });
    expect(changed.at(-1)?.hostNotificationConfigured).toBe(true);

    const result = await dispatch('registerVisit', demoRegistration({ deviceNos: [DEMO_DEVICES.campusGateIn] }));
    const visit = (result as { ok: true; value: Visit }).value;
    await until(() => hook.received.length === 1);
    expect(hook.received[0].json).toMatchObject({ event: 'visitor.registered', visit: { id: visit.id } });

    await app.demoSim('pass', { visitorNo: visit.k30No, deviceNo: DEMO_DEVICES.campusGateIn });
    await until(() => hook.received.length === 2);
    expect(hook.received[1].json).toMatchObject({ event: 'visitor.first-pass', visit: { id: visit.id } });

    // A kiosk sees whether a channel is set, never the channels themselves.
    await dispatch('setAdminPin', { next: '2468' });
    await dispatch('saveSettings', { defaultDeviceNos: [DEMO_DEVICES.campusGateIn], selfServiceMode: true });
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { hostNotificationConfigured: true } });
    expect(await dispatch('getNotificationSettings', undefined)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch('testNotification', { channelId: 'gen' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
