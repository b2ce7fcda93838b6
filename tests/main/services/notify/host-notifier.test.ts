import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { Directory } from '../../../../src-main/services/directory';
import { atomicFile } from '../../../../src-main/services/durable-file';
import { EventBus } from '../../../../src-main/services/event-bus';
import { HostNotifier } from '../../../../src-main/services/notify/host-notifier';
import { NotificationSettingsStore } from '../../../../src-main/services/notify/notification-settings';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { RegistrationService } from '../../../../src-main/services/visits/registration';
import { demoRegistration, residentId } from '../../../helpers/test-data';
import { mapStore, testSecretBox } from '../../../helpers/test-ports';
import { startWebhookStandIn } from '../../../helpers/webhook-stand-in';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;
let dir: string;
let clock: number;
const now = () => new Date(clock);
const BACKOFF = { firstMs: 1000, maxMs: 4000, attempts: 4 };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notify-'));
  clock = Date.now();
  sim = await startSimulator({ port: 0, seed: 'demo' });
  hook = await startWebhookStandIn();
});
afterEach(async () => {
  await hook.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function setUp(kind: 'wecom' | 'dingtalk' | 'feishu' | 'webhook' = 'wecom', store = mapStore()) {
  const log = memoryLogger();
  const client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  const ledger = await VisitLedger.open({ dataDir: dir, log, now });
  const events = new EventBus();
  const settings = new NotificationSettingsStore(store, testSecretBox(), log);
  settings.save({
    channels: [{ id: 'desk', kind, label: '前台', url: `${hook.url}/cgi-bin/webhook/send?key=K1`, mentionHost: true }],
    defaultChannelId: 'desk',
  });
  const directory = new Directory({ client: () => client });
  const notifier = await HostNotifier.create({
    settings,
    ledger,
    events,
    log,
    directory,
    language: () => 'zh-CN',
    queueFile: atomicFile(join(dir, 'queue.json')),
    now,
    backoff: BACKOFF,
    manual: true,
    timeoutMs: 500,
  });
  const registration = new RegistrationService({ ledger, client: () => client, events, log, now, onRegistered: (v) => notifier.onRegistered(v) });
  const queued = async () => {
    for (let i = 0; i < 200 && notifier.queue.pending().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { log, ledger, settings, notifier, registration, store, queued };
}

describe('host notification after a registration', () => {
  it('names visitor, reason, host, time and doors, mentions the host by mobile, never the ID number or phone; the visit shows "sent at"', async () => {
    const { registration, notifier, ledger, queued } = await setUp('wecom');
    const id = residentId('44010619880512345');
    const visit = await registration.register(
      demoRegistration({ name: '李雷', reason: '示例科技 洽谈', phone: '13712345678', documentNo: id, deviceNos: [DEMO_DEVICES.campusGateIn] }),
    );
    await queued();
    expect(ledger.get(visit.id)!.notification).toEqual({ state: 'pending', attempts: 0 });
    await notifier.queue.runDue();
    const [r] = hook.received;
    const text = (r.json.text as { content: string }).content;
    for (const part of ['李雷', '示例科技 洽谈', '张伟']) expect(text).toContain(part);
    expect(text).not.toMatch(/campus|DEV/i);
    expect(r.body).not.toContain(id);
    expect(r.body).not.toContain('13712345678');
    expect((r.json.text as { mentioned_mobile_list: string[] }).mentioned_mobile_list).toEqual([expect.stringMatching(/^1\d{10}$/)]);
    expect(ledger.get(visit.id)!.notification).toEqual({ state: 'sent', at: now().toISOString(), attempts: 1 });
    expect(notifier.queue.pending()).toEqual([]);
  });

  it('5xx and no connection are retried with a growing wait, then sent; 4xx is not retried', async () => {
    const { registration, notifier, ledger, queued } = await setUp();
    hook.answer({ status: 502, body: '' }, { status: 503, body: '' });
    const visit = await registration.register(demoRegistration());
    await queued();
    await notifier.queue.runDue();
    expect(notifier.queue.pending()[0]).toMatchObject({ attempts: 1, nextAt: new Date(clock + 1000).toISOString(), lastReason: 'server-error' });
    expect(ledger.get(visit.id)!.notification).toMatchObject({ state: 'pending', attempts: 1 });
    await notifier.queue.runDue();
    expect(hook.received).toHaveLength(1);
    clock += 1000;
    await notifier.queue.runDue();
    expect(notifier.queue.pending()[0]).toMatchObject({ attempts: 2, nextAt: new Date(clock + 2000).toISOString() });
    clock += 2000;
    await notifier.queue.runDue();
    expect(hook.received).toHaveLength(3);
    expect(ledger.get(visit.id)!.notification).toMatchObject({ state: 'sent', attempts: 3 });

    hook.answer({ status: 403, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    const refused = await registration.register(demoRegistration({ name: '访客乙' }));
    await queued();
    await notifier.queue.runDue();
    expect(ledger.get(refused.id)!.notification).toMatchObject({ state: 'failed', reason: 'refused', attempts: 1 });
    clock += 60_000;
    await notifier.queue.runDue();
    expect(hook.received).toHaveLength(4);
  });

  it('gives up after the last attempt with the reason (unreachable)', async () => {
    const { registration, notifier, ledger, queued } = await setUp();
    await hook.close();
    const visit = await registration.register(demoRegistration());
    await queued();
    for (let i = 0; i < BACKOFF.attempts; i++) {
      await notifier.queue.runDue();
      clock += BACKOFF.maxMs;
    }
    expect(ledger.get(visit.id)!.notification).toMatchObject({ state: 'failed', reason: 'unreachable', attempts: BACKOFF.attempts });
    expect(notifier.queue.pending()).toEqual([]);
    hook = await startWebhookStandIn();
  });

  it('a restart keeps the queue: what was waiting is sent by the next run', async () => {
    const store = mapStore();
    const first = await setUp('wecom', store);
    hook.answer({ status: 500, body: '' });
    const visit = await first.registration.register(demoRegistration());
    await first.queued();
    await first.notifier.queue.runDue();
    await first.notifier.close();
    await first.ledger.flush();

    const second = await setUp('wecom', store);
    expect(second.notifier.queue.pending()).toHaveLength(1);
    clock += BACKOFF.firstMs;
    await second.notifier.queue.runDue();
    expect(hook.received).toHaveLength(2);
    expect(second.ledger.get(visit.id)!.notification).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('never holds up or fails a registration: a platform that does not answer leaves the visit pushed, notification pending', async () => {
    const { registration, notifier, ledger, queued } = await setUp();
    hook.answer('hang');
    const started = Date.now();
    const visit = await registration.register(demoRegistration());
    expect(visit.state).toBe('pushed');
    expect(Date.now() - started).toBeLessThan(3000);
    await queued();
    await notifier.queue.runDue();
    expect(ledger.get(visit.id)!.notification).toMatchObject({ state: 'pending', attempts: 1 });
    expect(notifier.queue.pending()[0].lastReason).toBe('timeout');
  });

  it('routes by the host department, else the default channel; no channel, no notification', async () => {
    const { settings, registration, notifier, ledger, queued } = await setUp();
    settings.save({
      channels: [
        { id: 'desk', kind: 'wecom', label: '前台', mentionHost: false },
        { id: 'rnd', kind: 'webhook', label: '研发', url: `${hook.url}/rnd`, mentionHost: false },
      ],
      routes: [{ department: '研发部', channelId: 'rnd' }],
    });
    const visit = await registration.register(demoRegistration({ hostDept: '研发部' }));
    await queued();
    await notifier.queue.runDue();
    expect(hook.received.map((r) => r.path)).toEqual(['/rnd']);
    expect(hook.received[0].json).toMatchObject({ event: 'visitor.registered', visit: { id: visit.id, host: { dept: '研发部' } } });

    settings.save({ channels: [], defaultChannelId: '', routes: [] });
    expect(settings.isConfigured()).toBe(false);
    const none = await registration.register(demoRegistration({ name: '访客丙' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(ledger.get(none.id)!.notification).toBeUndefined();
  });

  it('addresses and secrets are sealed at rest, shown only as set, and never written to the log', async () => {
    const { settings, store, notifier, log } = await setUp('dingtalk');
    settings.save({
      channels: [
        { id: 'desk', kind: 'dingtalk', label: '前台', url: `${hook.url}/robot/send?access_token=TOKEN-zq81`, secret: 'SEC-secret-7hd2', mentionHost: true },
      ],
    });
    expect(settings.view().channels).toEqual([{ id: 'desk', kind: 'dingtalk', label: '前台', mentionHost: true, urlSet: true, secretSet: true }]);
    const atRest = JSON.stringify([...store.raw.entries()]);
    expect(atRest).not.toContain('TOKEN-zq81');
    expect(atRest).not.toContain('SEC-secret-7hd2');
    expect(await notifier.test('desk')).toEqual({ ok: true, status: 200 });
    expect(hook.received[0].query.get('sign')).toBeTruthy();
    hook.answer({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    expect(await notifier.test('desk')).toEqual({ ok: false, failure: 'platform-error', status: 200 });
    const lines = log.lines.join('\n');
    for (const secret of ['TOKEN-zq81', 'SEC-secret-7hd2', hook.url]) expect(lines).not.toContain(secret);
    // Cleared: the sealed values go.
    settings.save({ channels: [{ id: 'desk', kind: 'dingtalk', label: '前台', url: '', secret: '', mentionHost: true }] });
    expect(settings.view().channels[0]).toMatchObject({ urlSet: false, secretSet: false });
    expect(settings.isConfigured()).toBe(false);
  });

  it('the first door pass is announced too when chosen (door by name), and not when not', async () => {
    const { settings, registration, notifier, queued } = await setUp('webhook');
    const visit = await registration.register(demoRegistration({ deviceNos: [DEMO_DEVICES.campusGateIn] }));
    await queued();
    await notifier.queue.runDue();
    notifier.onFirstPass(visit.id, DEMO_DEVICES.campusGateIn);
    await new Promise((r) => setTimeout(r, 50));
    expect(notifier.queue.pending()).toEqual([]);
    settings.save({ notifyOnFirstPass: true });
    notifier.onFirstPass(visit.id, DEMO_DEVICES.campusGateIn);
    await queued();
    await notifier.queue.runDue();
    expect(hook.received).toHaveLength(2);
    const event = hook.received[1].json as { event: string; visit: { doors: string[] }; text: string };
    expect(event.event).toBe('visitor.first-pass');
    expect(event.text).toContain('访客已进门');
    expect(event.visit.doors).toHaveLength(1);
    expect(event.visit.doors[0]).not.toBe(DEMO_DEVICES.campusGateIn);
  });

  it('a sealed address this machine cannot open is reported as such, not sent', async () => {
    const log = memoryLogger();
    const box = testSecretBox();
    const settings = new NotificationSettingsStore(mapStore(), box, log);
    settings.save({ channels: [{ id: 'desk', kind: 'wecom', label: '前台', url: `${hook.url}/x`, mentionHost: false }], defaultChannelId: 'desk' });
    box.failOpen = true;
    const ledger = await VisitLedger.open({ dataDir: dir, log, now });
    const notifier = await HostNotifier.create({
      settings,
      ledger,
      events: new EventBus(),
      log,
      directory: { hostContact: async () => undefined, listDevices: async () => [] },
      language: () => 'en',
      queueFile: atomicFile(join(dir, 'q2.json')),
      manual: true,
    });
    expect(await notifier.test('desk')).toEqual({ ok: false, failure: 'secret-unreadable' });
    expect(hook.received).toHaveLength(0);
  });
});
