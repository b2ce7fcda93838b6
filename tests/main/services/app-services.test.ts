import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName, type Registration, type Result, type Visit } from '../../../src-preload/contract';
import { createDispatcher } from '../../../src-main/ipc/dispatch';
import { startSimulator } from '../../../src-main/k30/simulator';
import { DEMO_DEVICES, DEMO_HOST_NO, DEMO_OFFLINE_DEVICE, DEMO_REGIONS } from '../../../src-main/k30/simulator/seed';
import { appRig } from '../../helpers/app-rig';
import { ok } from '../../helpers/results';
import { mapStore, memoryLogger } from '../../helpers/test-ports';
import { demoRegistration, intentRecord, residentId, until } from '../../helpers/test-data';
import { startWebhookStandIn } from '../../helpers/webhook-stand-in';

const PHONE = '13712345678';
const ID = residentId('44030519851224567');
const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];

function registration(over: Partial<Registration> = {}): Registration {
  return demoRegistration({
    name: '访客丙',
    phone: PHONE,
    documentNo: ID,
    reason: '送货',
    deviceNos: DEVICES,
    channel: 'kiosk',
    consent: { data: true, photo: true },
    ...over,
  });
}

const app = appRig('app-services-');
let log: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  log = memoryLogger();
});

describe('createAppServices in demo mode', () => {
  it('a door pass reported by callback refreshes who is inside at once, despite the cache', async () => {
    const dispatch = await app.start({ log });
    const inParking = async () =>
      ok<{ rows: { no: string }[] }>(await dispatch('listRegionPeople', { regionNo: DEMO_REGIONS.parking, pageindex: 1, pagesize: 200 })).rows.map((r) => r.no);
    const wangQiang = '1745000000000003';
    expect(await inParking()).not.toContain(wangQiang);
    const pass = await fetch(`${app.services.demo!.url}/__sim/pass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personNo: wangQiang, deviceNo: DEMO_DEVICES.parkingIn }),
    });
    expect(pass.status).toBe(200);
    await until(async () => (await inParking()).includes(wangQiang));
  });

  it('reports a corrupt ledger through getStatus, and starts empty beside the set-aside copy', async () => {
    const { writeFile, readdir } = await import('node:fs/promises');
    await writeFile(join(app.dir, 'visits.json'), '{"visits": [ this is not json');
    const dispatch = await app.start({ log }, { awaitReady: false });
    const status = ok<{ ledgerProblems: { kind: string; setAside: string }[] }>(await dispatch('getStatus', undefined));
    expect(status.ledgerProblems).toHaveLength(1);
    expect(status.ledgerProblems[0].kind).toBe('corrupt');
    expect((await readdir(app.dir)).some((name) => join(app.dir, name) === status.ledgerProblems[0].setAside)).toBe(true);
    expect(ok<Visit[]>(await dispatch('listVisits', undefined))).toEqual([]);
  });

  it('registers a visit end to end through the dispatcher, confirmed by the demo callbacks', async () => {
    await app.start({ log });
    expect(app.services.demo?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.services.callbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const dispatch = createDispatcher(app.services.handlers, (line) => log.error(line));
    const passes: unknown[] = [];
    app.services.events.on('visitorPassed', (p) => passes.push(p));

    const settings = ok<{ demo: boolean; configured: boolean }>(await dispatch('getSettings', undefined));
    expect(settings).toMatchObject({ demo: true, configured: false });

    const hosts = ok<{ no: string; phoneTail: string }[]>(await dispatch('searchHosts', { query: '张伟' }));
    expect(hosts.find((h) => h.no === DEMO_HOST_NO)).toMatchObject({ phoneTail: '8001' });
    const devices = ok<{ no: string; online: boolean; direction: string }[]>(await dispatch('listDevices', undefined));
    expect(devices).toHaveLength(10);
    expect(devices.find((d) => d.no === DEMO_OFFLINE_DEVICE)).toMatchObject({ online: false, direction: 'out' });

    const visit = ok<Visit>(await dispatch('registerVisit', registration()));
    expect(visit.state).toBe('pushed');
    await until(async () => ok<Visit[]>(await dispatch('listVisits', undefined))[0].devices.every((d) => d.state === 'confirmed'));

    // The visitor walks into building B: the door's record comes back by callback.
    const pass = await fetch(`${app.services.demo!.url}/__sim/pass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorNo: visit.k30No, deviceNo: DEMO_DEVICES.buildingBIn }),
    });
    expect(pass.status).toBe(200);
    await until(() => passes.length === 1);
    expect(passes[0]).toMatchObject({ visitId: visit.id, deviceNo: DEMO_DEVICES.buildingBIn, direction: 'in' });

    const regions = ok<{ regions: { no: string; inside: number }[] }>(await dispatch('listRegions', undefined));
    expect(regions.regions).toHaveLength(5);
    expect(regions.regions.find((r) => r.no === DEMO_REGIONS.buildingB)!.inside).toBeGreaterThan(0);
    const inside = ok<{ rows: { visitId?: string; overstay: boolean; phoneTail: string; photoUrl: string }[] }>(
      await dispatch('listRegionPeople', { regionNo: DEMO_REGIONS.buildingB, pageindex: 1, pagesize: 50 }),
    );
    const ours = inside.rows.find((r) => r.visitId === visit.id)!;
    expect(ours).toMatchObject({ overstay: false, phoneTail: '5678' });

    const someone = inside.rows.find((r) => r.photoUrl)!;
    const photo = ok<string>(await dispatch('getPhoto', { url: someone.photoUrl }));
    expect(photo).toMatch(/^data:image\/jpeg;base64,/);
    expect(await dispatch('getPhoto', { url: 'http://example.com/x.jpg' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });

    expect(ok(await dispatch('openDoor', { deviceNo: DEMO_DEVICES.campusGateIn }))).toBe(true);

    const removed = ok<Visit>(await dispatch('removeVisit', { visitId: visit.id }));
    expect(removed.state).toBe('removed');
    expect(ok(await dispatch('removeExpired', undefined))).toEqual({ removed: 0, pending: 0, failed: [] });
    expect(await dispatch('repushVisit', { visitId: visit.id })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch('retryRegistration', { visitId: visit.id, duplicateRiskAccepted: true })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await dispatch('cancelVisit', { visitId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // The ledger on disk keeps neither the full phone nor the ID.
    const disk = await readFile(join(app.dir, 'visits.json'), 'utf8');
    expect(disk).not.toContain(PHONE);
    expect(disk).not.toContain(ID);
  });

  it('refuses a photo over photoMaxKB, a kiosk registration without consent, and a refused registration maps to the server error', async () => {
    const dispatch = await app.start({ log });
    ok(await dispatch('saveSettings', { photoMaxKB: 20 }));
    const big = '/9j/' + 'A'.repeat(Math.ceil((21 * 1024 * 4) / 3));
    expect(await dispatch('registerVisit', registration({ photo: big }))).toMatchObject({ ok: false, error: { code: 'photo-too-large' } });
    expect(await dispatch('registerVisit', registration({ consent: undefined }))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'consent' },
    });
    expect(ok<Visit[]>(await dispatch('listVisits', undefined))).toEqual([]);
    expect(await dispatch('registerVisit', registration({ hostNo: '404' }))).toMatchObject({ ok: false, error: { code: 'server-refused' } });
    expect(ok<Visit[]>(await dispatch('listVisits', undefined))[0].state).toBe('create-failed');
  });

  it('with a moved clock the demo world moves too: its callbacks are still fresh', async () => {
    const offset = 3 * 3600_000;
    const now = () => new Date(Date.now() + offset);
    const dispatch = await app.start({ log, now, demoControlPlane: false });
    const begin = now();
    const visit = ok<Visit>(
      await dispatch('registerVisit', registration({ begin: begin.toISOString(), end: new Date(begin.getTime() + 3600_000).toISOString() })),
    );
    await until(() => app.services.ledger.get(visit.id)!.devices.every((d) => d.state === 'confirmed'));
    expect(log.lines.some((l) => l.includes('callback rejected'))).toBe(false);
  });

  it('resumes the previous run: an interrupted registration is marked, not re-sent', async () => {
    await app.start({ log });
    const reg = registration();
    await app.services.ledger.add(intentRecord('interrupted', reg));
    await app.stop();
    // The next run, on the same folder (a new key store: only the ledger carries over).
    const dispatch = await app.start({ log, store: mapStore() });
    expect(app.services.ledger.get('interrupted')!.state).toBe('create-unknown');
    expect(ok<Visit>(await dispatch('cancelVisit', { visitId: 'interrupted' })).state).toBe('abandoned');
  });
});

describe('no secret leaves the main process', () => {
  const SECRETS = {
    appSecret: 'APPSECRET-q7Zr2Lm9Xv4T',
    aesKey: 'AESKEY-w3Np8Hs6', // 16 bytes
    aesIv: 'AESIV-k5Jd1Fy0Qe', // 16 bytes
    pin: '73914',
    webhookToken: 'DINGTOKEN-p4Ra9Wc2Ln',
    webhookSecret: 'SECdingsign-u8Tq3Kx6Me',
  };
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;

  beforeEach(async () => {
    hook = await startWebhookStandIn();
    sim = await startSimulator({ port: 0, seed: 'demo', companyno: 'CO-LEAK-CHECK', secret: SECRETS.appSecret, aesKey: SECRETS.aesKey, aesIv: SECRETS.aesIv });
  });
  afterEach(async () => {
    await app.stop();
    await sim.close();
    await hook.close();
  });

  it('in no IPC answer, no event and no log line, across every call', async () => {
    const store = app.store;
    await app.start({ log });
    const dispatch = createDispatcher(app.services.handlers, (line) => log.error(line));
    const seen: unknown[] = [];
    const record = (value: unknown) => seen.push(value);
    app.services.events.on('visitUpdated', record);
    app.services.events.on('visitorPassed', record);
    app.services.events.on('settingsChanged', record);

    const demoReceiver = app.services.callbackUrl;
    ok(
      await dispatch('saveSettings', {
        server: sim.url,
        companyno: 'CO-LEAK-CHECK',
        appSecret: SECRETS.appSecret,
        aesKey: SECRETS.aesKey,
        aesIv: SECRETS.aesIv,
        callbackAddress: '127.0.0.1:0',
      }),
    );
    // The receiver moves from the demo's loopback port to the configured address.
    await until(() => app.services.callbackUrl !== undefined && app.services.callbackUrl !== demoReceiver);
    sim.setCallbackUrl(app.services.callbackUrl);
    expect(app.services.demo).toBeUndefined();

    // Every call in the contract (the Record type makes a new call a compile error here).
    const registered: { id?: string } = {};
    const inputs: Record<CallName, () => unknown> = {
      getSettings: () => undefined,
      getStatus: () => undefined,
      saveSettings: () => ({ defaultVisitMinutes: 90 }),
      setAdminPin: () => ({ next: SECRETS.pin }),
      verifyAdminPin: () => ({ pin: SECRETS.pin }),
      testConnection: () => undefined,
      testSiteDatabase: () => undefined,
      findCryptoProfile: () => undefined,
      searchHosts: () => ({ query: '138' }),
      listDevices: () => undefined,
      openDoor: () => ({ deviceNo: DEMO_DEVICES.campusGateIn }),
      registerVisit: () => registration(),
      repushVisit: () => ({ visitId: registered.id ?? 'x', deviceNos: [DEMO_OFFLINE_DEVICE] }),
      retryRegistration: () => ({ visitId: registered.id ?? 'x', duplicateRiskAccepted: true }),
      cancelVisit: () => ({ visitId: registered.id ?? 'x' }),
      listVisits: () => undefined,
      findReturningVisitor: () => ({ phone: PHONE }),
      useReturningVisitor: () => ({ profileId: 'x' }),
      findMyProfile: () => ({ phone: PHONE, documentTail: ID.slice(-4) }),
      searchVisitorProfiles: () => ({ query: '' }),
      forgetVisitor: () => ({ profileId: 'x' }),
      removeVisit: () => ({ visitId: registered.id ?? 'x' }),
      removeExpired: () => undefined,
      signOutVisit: () => ({ visitId: 'no-such-visit' }),
      signOutByCode: () => ({ code: 'AAAAAAAA' }),
      listRegions: () => undefined,
      listRegionPeople: () => ({ regionNo: DEMO_REGIONS.campus, pageindex: 1, pagesize: 20, query: '张' }),
      getMuster: () => ({ scope: 'all', phones: 'masked' }),
      getLastMuster: () => ({ scope: 'all', phones: 'masked' }),
      startRollCall: () => ({ scope: 'all', source: 'live', phones: 'masked' }),
      getRollCall: () => ({ phones: 'masked' }),
      markRollCall: () => ({ no: DEMO_HOST_NO, safe: true }),
      endRollCall: () => undefined,
      getPhoto: () => ({ url: `${sim.url}/photos/people/${DEMO_HOST_NO}.jpg` }),
      resetSelfServiceSession: () => undefined,
      leaveSelfServiceMode: () => ({ pin: SECRETS.pin }),
      reportRendererError: () => ({ source: 'boundary', message: 'render failed' }),
      openDevTools: () => undefined,
      saveNotificationSettings: () => ({
        channels: [
          {
            id: 'desk',
            kind: 'dingtalk',
            label: '前台群',
            url: `${hook.url}/robot/send?access_token=${SECRETS.webhookToken}`,
            secret: SECRETS.webhookSecret,
            mentionHost: true,
          },
        ],
        defaultChannelId: 'desk',
      }),
      getNotificationSettings: () => undefined,
      testNotification: () => ({ channelId: 'desk' }),
      getSlipSettings: () => undefined,
      saveSlipSettings: () => ({ companyName: '示例科技', paper: '58mm', autoPrint: true }),
      listPrinters: () => undefined,
      printSlip: () => ({}),
      getActing: () => undefined,
      signInStaff: () => ({ pin: SECRETS.pin }),
      signOutStaff: () => undefined,
      listStaff: () => undefined,
      addStaff: () => ({ name: '保安甲', role: 'security', pin: '97531' }),
      removeStaff: () => ({ id: 'no-such-member' }),
      listAudit: () => ({}),
      exportAudit: () => ({}),
      listDenyList: () => undefined,
      addDenyEntry: () => ({ name: '拒绝者', phone: '13900000001', reason: 'test' }),
      removeDenyEntry: () => ({ id: 'no-such-entry' }),
      importDenyList: () => ({ csv: 'name,phone,reason\r\n拒绝者二,13900000002,test\r\n' }),
      exportDenyList: () => undefined,
      recordExport: () => ({ kind: 'muster-csv', count: 3 }),
      createExpectedVisit: () => ({
        name: '预约甲',
        phone: '13900000001',
        documentType: 'passport',
        documentNo: 'E12345678',
        hostNo: DEMO_HOST_NO,
        hostName: '',
        begin: new Date(Date.now() + 3_600_000).toISOString(),
        end: new Date(Date.now() + 7_200_000).toISOString(),
        deviceNos: [DEMO_DEVICES.campusGateIn],
      }),
      listExpectedVisits: () => undefined,
      importExpectedVisits: () => ({ format: 'csv', base64: Buffer.from('姓名,被访人工号,日期,开始时间,结束时间\n').toString('base64') }),
      getExpectedImportTemplate: () => ({ format: 'csv', language: 'en' }),
      checkInExpectedVisit: () => ({ expectedId: 'none', photo: '/9j/AAAA' }),
      cancelExpectedVisit: () => ({ expectedId: 'none' }),
      queryVisitLog: () => ({ from: '2020-01-01', to: '2099-12-31', search: SECRETS.appSecret }),
      exportVisitLog: () => ({ from: '2020-01-01', to: '2099-12-31', format: 'csv', language: 'en', phones: 'full' }),
      getVisitPhoto: () => ({ visitId: registered.id ?? 'x' }),
      // Not the registered visit: a retake would replace it before removeVisit below.
      retakePhoto: () => ({ visitId: 'none', photo: '/9j/AAAA' }),
    };
    expect(Object.keys(inputs).sort()).toEqual([...CALL_NAMES].sort());
    const first: CallName[] = ['setAdminPin', 'verifyAdminPin', 'saveNotificationSettings', 'registerVisit'];
    const order: CallName[] = [...first, ...CALL_NAMES.filter((n) => ![...first, 'removeVisit'].includes(n)), 'removeVisit'];
    const results: Record<string, Result<unknown>> = {};
    for (const name of order) {
      const result = await dispatch(name, inputs[name]());
      results[name] = result;
      seen.push(result);
      if (name === 'registerVisit' && result.ok) registered.id = (result.value as Visit).id;
    }
    // Wrong ones too: errors must not echo secrets either.
    seen.push(await dispatch('verifyAdminPin', { pin: '00000' }));
    seen.push(await dispatch('leaveSelfServiceMode', { pin: '00000' }));
    await sim.callbacksIdle();
    // The host's notification went out (signed, to the stand-in) and the test message too.
    await until(() => app.services.notifier.queue.pending().length === 0 && hook.received.length >= 2);
    expect(results.testNotification).toMatchObject({ ok: true, value: { ok: true } });
    expect(results.getNotificationSettings).toMatchObject({ ok: true, value: { channels: [{ id: 'desk', urlSet: true, secretSet: true }] } });
    expect(hook.received.every((r) => r.query.get('access_token') === SECRETS.webhookToken && r.query.get('sign'))).toBe(true);
    for (const secret of [SECRETS.webhookToken, SECRETS.webhookSecret]) expect(JSON.stringify([...store.raw.values()])).not.toContain(secret);

    expect(results.testConnection).toMatchObject({ ok: true, value: { ok: true } });
    expect(results.registerVisit).toMatchObject({ ok: true, value: { state: 'pushed' } });
    // It was re-pushed to the offline device as well, so the delete cannot reach every device yet.
    expect(results.removeVisit).toMatchObject({ ok: true, value: { state: 'removal-pending', removal: { attempts: 1 } } });
    // Callbacks signed with the configured secrets were received and verified.
    expect(app.services.ledger.get(registered.id!)!.history.some((h) => h.event === 'device-confirmed')).toBe(true);
    expect(results.getSettings).toMatchObject({ ok: true, value: { secretsSet: { appSecret: true, aesKey: true, aesIv: true } } });

    // The audit log (day files in the data folder) recorded the calls, without secrets or numbers.
    await app.services.audit.idle();
    const auditDir = join(app.dir, 'audit');
    const auditText = (await readdir(auditDir)).map((f) => readFileSync(join(auditDir, f), 'utf8')).join('\n');
    expect(auditText).toContain('"action":"registered"');
    expect(auditText).toContain('"action":"deny-list-changed"');
    const haystack = [JSON.stringify(seen), ...log.lines, auditText].join('\n');
    expect(haystack).not.toContain(hook.url);
    for (const secret of Object.values(SECRETS)) {
      expect(haystack).not.toContain(secret);
      expect(haystack).not.toContain(Buffer.from(secret).toString('base64'));
    }
    // Nor the visitor's full phone and ID.
    expect(haystack).not.toContain(PHONE);
    expect(haystack).not.toContain(ID);
    expect(log.lines.length).toBeGreaterThan(0);
  });
});
