import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicSettings, Visit } from '../../../../src-preload/contract';
import { createDispatcher } from '../../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { createAppServices, type AppServices } from '../../../../src-main/services/app-services';
import { demoRegistration, until } from '../../../helpers/test-data';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';
import { startWebhookStandIn } from '../../../helpers/webhook-stand-in';

/** The composition root's wiring: registration → queue → stand-in; a door pass by callback → first-pass message; the kiosk's view. */
let dir: string;
let services: AppServices | undefined;
let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notify-wiring-'));
  hook = await startWebhookStandIn();
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await hook.close();
  await rm(dir, { recursive: true, force: true });
});

describe('host notification in the app services', () => {
  it('a registration and the first door pass (callback) reach the stand-in; the kiosk only learns that a channel is set', async () => {
    services = await createAppServices({
      dataDir: dir,
      store: mapStore(),
      secretBox: testSecretBox(),
      log: memoryLogger(),
      sweepIntervalMs: 3600_000,
      demoControlPlane: true,
    });
    await services.ready;
    const dispatch = createDispatcher(services.handlers);
    const changed: PublicSettings[] = [];
    services.events.on('settingsChanged', (s) => changed.push(s));
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

    const pass = await fetch(`${services.demo!.url}/__sim/pass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorNo: visit.k30No, deviceNo: DEMO_DEVICES.campusGateIn }),
    });
    expect(pass.status).toBe(200);
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
