import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { K30Client, PATHS, RateLimiter, type K30ClientOptions } from '../../../../src-main/k30/client';
import { K30CreatedWithoutNumberError, K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../../../src-main/k30/client/errors';
import { openRequest, resolveCredentials, sealResponse, k30Date, k30DateTime } from '../../../../src-main/k30/protocol';
import {
  DEMO_DEPARTMENTS,
  DEMO_DEVICES,
  DEMO_HOSTS,
  DEMO_HOST_NO,
  DEMO_OFFLINE_DEVICE,
  DEMO_PEOPLE_COUNT,
  DEMO_REGIONS,
  DEMO_STRING_STATUS_DEVICES,
  DEMO_VISITORS,
  startSimulator,
  type RunningSimulator,
} from '../../../../src-main/k30/simulator';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';

/*
 * The client against the K30 simulator over real HTTP. A recording fetch wraps the real fetch:
 * it decrypts each request with the simulator's credentials (so tests can see what went over the
 * wire), can send chosen attempts to a dead port (a real ECONNREFUSED), and can rewrite answers.
 */

const JPEG = TINY_JPEG.toString('base64');

interface Sent {
  path: string;
  data: Record<string, unknown>;
}

interface RecorderOptions {
  /** Attempt numbers (0-based) sent to a port where nothing listens. */
  refuse?: (attempt: number) => boolean;
  /** Rewrites a success answer (decoded envelope) before the client sees it. */
  answer?: (path: string, body: Record<string, unknown>) => Record<string, unknown> | undefined;
}

let deadPort: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function recorder(sim: RunningSimulator, options: RecorderOptions = {}) {
  const resolved = resolveCredentials(sim.credentials);
  const sent: Sent[] = [];
  let attempts = 0;
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const path = url.replace(/^.*\/openapi\//, '');
    sent.push({ path, data: openRequest(JSON.parse(String(init?.body)), resolved).data });
    const attempt = attempts++;
    const target = options.refuse?.(attempt) ? url.replace(/:\d+\//, `:${deadPort}/`) : url;
    const response = await fetch(target, init);
    if (!options.answer || response.status !== 200) return response;
    const text = await response.text();
    const replaced = options.answer(path, JSON.parse(text));
    return new Response(replaced ? JSON.stringify(replaced) : text, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return {
    sent,
    fetchImpl,
    get attempts() {
      return attempts;
    },
  };
}

let sim: RunningSimulator;

function clientFor(target: RunningSimulator, extra: Partial<K30ClientOptions> = {}): K30Client {
  return new K30Client({
    server: `${target.url}/`,
    credentials: target.credentials,
    responseSignPolicy: 'strict',
    retries: { attempts: 3, baseMs: 5, capMs: 20 },
    limiter: new RateLimiter({ perMinute: 10_000 }),
    ...extra,
  });
}

async function simState(target: RunningSimulator = sim) {
  const response = await fetch(`${target.url}/__sim/state`);
  return (await response.json()) as {
    people: { no: string; jobnumber: string; name: string; sex: number; photoBytes: number; syncedDevices: string[] }[];
    departments: { no: string; name: string; remark: string }[];
    devices: { no: string; name: string; area: string; outintype: number; onlinestatus: number; longOpenMode: number; doorOpenCount: number }[];
    regions: { no: string; name: string; linkage: string; manual: string }[];
    visitors: { no: string; name: string; staffno: string; photoBytes: number; photoUrl: string; syncedDevices: string[] }[];
  };
}

async function setFaults(faults: Record<string, unknown>, target: RunningSimulator = sim): Promise<void> {
  const response = await fetch(`${target.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

function visitorInput(overrides: Record<string, unknown> = {}) {
  const begin = new Date();
  begin.setMinutes(0, 0, 0);
  return {
    name: '周杰',
    phone: '13712340000',
    staffno: DEMO_HOST_NO,
    reason: '面试',
    begintime: begin,
    endtime: new Date(begin.getTime() + 2 * 3600_000),
    idcard: '440305199003121234',
    photo: JPEG,
    ...overrides,
  };
}

beforeAll(async () => {
  deadPort = await freePort();
  sim = await startSimulator({ port: 0, seed: 'demo', listLimitPerMinute: 100_000 });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  const response = await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
  expect(response.status).toBe(200);
});

describe('people', () => {
  it('creates, lists, updates, syncs and deletes a person', async () => {
    const client = clientFor(sim);
    const created = await client.createPerson({
      name: '测试员',
      deptno: DEMO_DEPARTMENTS.software,
      jobnumber: 'T-0001',
      phone: '13600000001',
      sex: 'female',
      startdate: new Date(2025, 0, 1, 8, 0, 0),
      effdate: '2030-12-31 23:59:59',
      photo: JPEG,
      pwd: '1234',
      nation: '汉族',
    });
    expect(created.no).toMatch(/\S/);
    expect(created.foundBy).toBeUndefined();

    const page = await client.listPeople({ pageindex: 1, pagesize: 10, no: created.no });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      no: created.no,
      jobnumber: 'T-0001',
      name: '测试员',
      sex: 'female',
      phone: '13600000001',
      startdate: '2025-01-01 08:00:00',
      effdate: '2030-12-31 23:59:59',
      nation: '汉族',
      deptno: DEMO_DEPARTMENTS.software,
      deptname: '软件组',
      type: '白名单',
    });
    expect(page.rows[0].photoUrl).toMatch(/^http/);

    await client.updatePerson({ no: created.no, name: '测试员二', deptno: DEMO_DEPARTMENTS.hardware, jobnumber: 'T-0001', sex: 'male' });
    const updated = (await client.listPeople({ pageindex: 1, pagesize: 10, no: created.no })).rows[0];
    expect(updated).toMatchObject({ name: '测试员二', sex: 'male', deptno: DEMO_DEPARTMENTS.hardware, phone: '13600000001' });

    await client.syncPersonToDevices({ no: created.no, deviceNos: [DEMO_DEVICES.buildingBIn, DEMO_DEVICES.buildingBOut] });
    expect((await simState()).people.find((p) => p.no === created.no)?.syncedDevices).toEqual([DEMO_DEVICES.buildingBIn, DEMO_DEVICES.buildingBOut]);
    await client.syncPersonToDevices({ no: created.no, deptno: DEMO_DEPARTMENTS.admin });
    expect((await simState()).people.find((p) => p.no === created.no)?.syncedDevices).toContain(DEMO_DEVICES.buildingAIn);

    await client.deletePerson(created.no);
    expect((await client.listPeople({ pageindex: 1, pagesize: 10, no: created.no })).total).toBe(0);
  });

  it('pages the demo people and normalises the 男/女 list', async () => {
    const client = clientFor(sim);
    const first = await client.listPeople({ pageindex: 1, pagesize: 100 });
    expect(first).toMatchObject({ total: DEMO_PEOPLE_COUNT, totalPage: Math.ceil(DEMO_PEOPLE_COUNT / 100) });
    expect(first.rows).toHaveLength(100);
    const zhang = first.rows.find((p) => p.no === DEMO_HOSTS.zhangWei.no);
    expect(zhang).toMatchObject({ name: '张伟', sex: 'male', jobnumber: '100001', deptname: '研发部' });
    expect(first.rows.find((p) => p.no === DEMO_HOSTS.liNa.no)?.sex).toBe('female');
    const last = await client.listPeople({ pageindex: 3, pagesize: 100 });
    expect(last.rows).toHaveLength(DEMO_PEOPLE_COUNT - 200);
  });

  it('finds a created person by job number when the answer carries no number', async () => {
    const resolved = resolveCredentials(sim.credentials);
    const rec = recorder(sim, {
      answer: (path, body) => (path === PATHS.peopleCreate && body.resultcode === '1' ? sealResponse(resolved, { resultcode: '1', msg: 'Success' }) : undefined),
    });
    const client = clientFor(sim, { fetch: rec.fetchImpl });
    const result = await client.createPerson({ name: '张伟', deptno: DEMO_DEPARTMENTS.rnd, jobnumber: 'ZW-2' });
    const inSim = (await simState()).people.find((p) => p.jobnumber === 'ZW-2');
    expect(result).toEqual({ no: inSim?.no, foundBy: 'jobnumber' });
    expect(rec.sent.map((s) => s.path)).toEqual([PATHS.peopleCreate, PATHS.peopleList]);
    expect(rec.sent[1].data).toMatchObject({ name: '张伟' });
  });

  it('says "created but number unknown" when the person cannot be found either', async () => {
    const resolved = resolveCredentials(sim.credentials);
    const rec = recorder(sim, {
      answer: (path) =>
        path === PATHS.peopleCreate
          ? sealResponse(resolved, { resultcode: '1', msg: 'Success' })
          : path === PATHS.peopleList
            ? sealResponse(resolved, { resultcode: '1', msg: 'ok', data: { total: 0, totalPage: 0, data: [] } })
            : undefined,
    });
    const error = await clientFor(sim, { fetch: rec.fetchImpl })
      .createPerson({ name: '无名', deptno: DEMO_DEPARTMENTS.rnd, jobnumber: 'NN-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K30CreatedWithoutNumberError);
    expect((error as Error).message).toMatch(/created but number unknown/);
  });

  it('passes on the server refusing a duplicate job number', async () => {
    const error = await clientFor(sim)
      .createPerson({ name: 'x', deptno: DEMO_DEPARTMENTS.rnd, jobnumber: DEMO_HOSTS.zhangWei.jobnumber })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K30ServerError);
    expect((error as K30ServerError).msg).toMatch(/工号已存在|job number/);
    expect((error as K30ServerError).call).toBe(PATHS.peopleCreate);
  });
});

describe('departments', () => {
  it('creates, updates, lists and deletes a department', async () => {
    const client = clientFor(sim);
    const { no } = await client.createDepartment({ name: '质量部', linkername: '钱七', linkerphone: '13500000000', remark: '新建' });
    await client.updateDepartment({ no, name: '质量管理部', remark: '改名' });
    const page = await client.listDepartments({ pageindex: 1, pagesize: 50, no });
    expect(page.rows).toEqual([{ no, name: '质量管理部', linkername: '钱七', linkerphone: '13500000000', parentno: '', remark: '改名', companyno: sim.credentials.companyno }]);
    const all = await client.listDepartments({ pageindex: 1, pagesize: 50 });
    expect(all.total).toBe(Object.keys(DEMO_DEPARTMENTS).length + 1);
    await client.deleteDepartment(no);
    expect((await client.listDepartments({ pageindex: 1, pagesize: 50, no })).total).toBe(0);
  });
});

describe('pass records', () => {
  it('lists today’s visitor passes with direction and status', async () => {
    const client = clientFor(sim);
    const today = new Date();
    const page = await client.listPassRecords({ pageindex: 1, pagesize: 50, startdate: today, effdate: today, group: 10 });
    expect(page.total).toBeGreaterThanOrEqual(2);
    for (const row of page.rows) {
      expect(row).toMatchObject({ peopleno: DEMO_VISITORS.liuYang, peoplename: '刘洋', group: 10, mode: 6, direction: 'in', normal: true });
      expect(row.addtime.startsWith(k30Date(today))).toBe(true);
      expect(row.photoUrl).toMatch(/^http/);
    }
    const all = await client.listPassRecords({ pageindex: 1, pagesize: 1000, startdate: k30Date(today), effdate: k30Date(today) });
    expect(all.rows.some((r) => r.group === 0)).toBe(true);
  });
});

describe('devices', () => {
  it('lists devices with online as a boolean, string statuses included', async () => {
    const page = await clientFor(sim).listDevices({ pageindex: 1, pagesize: 20 });
    expect(page.total).toBe(Object.keys(DEMO_DEVICES).length);
    for (const device of page.rows) {
      expect(device.online).toBe(device.no !== DEMO_OFFLINE_DEVICE);
      expect([0, 1]).toContain(device.outintype);
    }
    expect(DEMO_STRING_STATUS_DEVICES.every((no) => page.rows.some((d) => d.no === no))).toBe(true);
  });

  it('gets one device status (answered with appid) and updates a device', async () => {
    const client = clientFor(sim);
    expect(await client.getDeviceStatus(DEMO_DEVICES.campusGateOut)).toMatchObject({ no: DEMO_DEVICES.campusGateOut, online: true, outintype: 0, regionname: '总部园区' });
    expect((await client.getDeviceStatus(DEMO_OFFLINE_DEVICE)).online).toBe(false);
    await client.updateDevice({ no: DEMO_DEVICES.labIn, ip: '192.168.10.109', name: '实验室东门', area: '5楼东', outintype: 1, isenableattend: 1 });
    expect(await client.getDeviceStatus(DEMO_DEVICES.labIn)).toMatchObject({ name: '实验室东门', area: '5楼东', isenableattend: 1 });
    await expect(client.getDeviceStatus('NOPE')).rejects.toBeInstanceOf(K30ServerError);
  });

  it('opens doors and holds them open or closed; an offline device refuses', async () => {
    const client = clientFor(sim);
    await client.openDoor(DEMO_DEVICES.buildingAIn);
    await client.setDoorMode(DEMO_DEVICES.buildingAOut, 'always-open');
    await client.setDoorMode(DEMO_DEVICES.buildingBOut, 'always-closed');
    const devices = (await simState()).devices;
    expect(devices.find((d) => d.no === DEMO_DEVICES.buildingAIn)?.doorOpenCount).toBe(1);
    expect(devices.find((d) => d.no === DEMO_DEVICES.buildingAOut)?.longOpenMode).toBe(1);
    expect(devices.find((d) => d.no === DEMO_DEVICES.buildingBOut)?.longOpenMode).toBe(2);
    await expect(client.openDoor(DEMO_OFFLINE_DEVICE)).rejects.toMatchObject({ name: 'K30ServerError', msg: expect.stringMatching(/设备离线/) });
  });
});

describe('visitors', () => {
  it('registers, syncs and deletes a visitor', async () => {
    const client = clientFor(sim);
    const created = await client.createVisitor(visitorInput());
    expect(created.outcome).toBe('created');
    const no = created.outcome === 'created' ? created.no : '';
    await client.syncVisitor(no, [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn]);
    const visitor = (await simState()).visitors.find((v) => v.no === no);
    expect(visitor).toMatchObject({ name: '周杰', staffno: DEMO_HOST_NO, photoBytes: TINY_JPEG.length, syncedDevices: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn] });
    await client.deleteVisitor(no);
    expect((await simState()).visitors.some((v) => v.no === no)).toBe(false);
  });

  it('answers created-without-no when the success answer carries no number', async () => {
    const resolved = resolveCredentials(sim.credentials);
    const rec = recorder(sim, { answer: (path) => (path === PATHS.visitorCreate ? sealResponse(resolved, { resultcode: '1', msg: '新增访客成功' }) : undefined) });
    await expect(clientFor(sim, { fetch: rec.fetchImpl }).createVisitor(visitorInput())).resolves.toEqual({ outcome: 'created-without-no' });
  });

  it('keeps a visitor whose device is offline when deleting fails', async () => {
    const client = clientFor(sim);
    const created = await client.createVisitor(visitorInput());
    const no = created.outcome === 'created' ? created.no : '';
    await client.syncVisitor(no, [DEMO_DEVICES.parkingIn, DEMO_OFFLINE_DEVICE]);
    await expect(client.deleteVisitor(no)).rejects.toMatchObject({ name: 'K30ServerError', msg: expect.stringMatching(/离线/) });
    expect((await simState()).visitors.some((v) => v.no === no)).toBe(true);
    const online = await fetch(`${sim.url}/__sim/device`, { method: 'POST', body: JSON.stringify({ no: DEMO_OFFLINE_DEVICE, online: true }) });
    expect(online.status).toBe(200);
    await client.deleteVisitor(no);
    expect((await simState()).visitors.some((v) => v.no === no)).toBe(false);
  });

  it('sends photos as a data URL or bare Base64 per photoEncoding, URLs as-is', async () => {
    for (const [photoEncoding, given, expected] of [
      ['data-url', JPEG, `data:image/jpeg;base64,${JPEG}`],
      ['data-url', `data:image/jpeg;base64,${JPEG}`, `data:image/jpeg;base64,${JPEG}`],
      ['bare', JPEG, JPEG],
      ['bare', `data:image/jpeg;base64,${JPEG}`, JPEG],
    ] as const) {
      const rec = recorder(sim);
      const result = await clientFor(sim, { fetch: rec.fetchImpl, photoEncoding }).createVisitor(visitorInput({ photo: given }));
      expect(rec.sent[0].data.photo).toBe(expected);
      const no = result.outcome === 'created' ? result.no : '';
      expect((await simState()).visitors.find((v) => v.no === no)?.photoBytes).toBe(TINY_JPEG.length);
    }
    const rec = recorder(sim);
    const url = 'http://192.168.10.5/photos/v.jpg';
    const result = await clientFor(sim, { fetch: rec.fetchImpl, photoEncoding: 'bare' }).createVisitor(visitorInput({ photo: url }));
    expect(rec.sent[0].data.photo).toBe(url);
    expect((await simState()).visitors.find((v) => result.outcome === 'created' && v.no === result.no)?.photoUrl).toBe(url);

    const people = recorder(sim);
    const person = await clientFor(sim, { fetch: people.fetchImpl, photoEncoding: 'bare' }).createPerson({ name: '照片', deptno: DEMO_DEPARTMENTS.rnd, jobnumber: 'PH-1', photo: JPEG });
    expect(people.sent[0].data.photo).toBe(JPEG);
    expect((await simState()).people.find((p) => p.no === person.no)?.photoBytes).toBe(TINY_JPEG.length);
  });
});

describe('regions', () => {
  it('creates, updates, lists and deletes a region', async () => {
    const client = clientFor(sim);
    const { no } = await client.createRegion({ name: 'C栋仓库', parentno: DEMO_REGIONS.campus, linkage: true, manual: false });
    await client.updateRegion({ no, name: 'C栋仓储中心', parentno: DEMO_REGIONS.campus, manual: true });
    const page = await client.listRegions({ pageindex: 1, pagesize: 50, no });
    expect(page.rows).toEqual([{ no, name: 'C栋仓储中心', companyno: sim.credentials.companyno, parentno: DEMO_REGIONS.campus, isdefault: false, linkage: true, manual: true }]);
    const all = await client.listRegions({ pageindex: 1, pagesize: 50 });
    expect(all.rows.find((r) => r.no === DEMO_REGIONS.campus)).toMatchObject({ isdefault: true, linkage: true, manual: false });
    await client.deleteRegion(no);
    expect((await client.listRegions({ pageindex: 1, pagesize: 50, no })).total).toBe(0);
  });

  it('lists the people inside a region, visitors included', async () => {
    const client = clientFor(sim);
    const page = await client.listRegionPeople({ pageindex: 1, pagesize: 100, no: DEMO_REGIONS.buildingB });
    const zhang = page.rows.find((p) => p.no === DEMO_HOSTS.zhangWei.no);
    expect(zhang).toMatchObject({ name: '张伟', sex: 'male', deptname: '研发部' });
    expect(zhang?.entertime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(page.rows.find((p) => p.no === DEMO_VISITORS.liuYang)).toMatchObject({ name: '刘洋', rolename: '访客' });
    const since = new Date(Date.now() - 24 * 3600_000);
    const filtered = await client.listRegionPeople({ pageindex: 1, pagesize: 10, no: DEMO_REGIONS.buildingB, name: '刘洋', startdate: since, effdate: k30DateTime(new Date(Date.now() + 3600_000)) });
    expect(filtered.rows.map((r) => r.no)).toEqual([DEMO_VISITORS.liuYang]);
  });
});

describe('field checks before sending', () => {
  it('names the missing required field of each call and sends nothing', async () => {
    const rec = recorder(sim);
    const client = clientFor(sim, { fetch: rec.fetchImpl });
    const cases: [Promise<unknown>, string][] = [
      [client.createPerson({ name: '', deptno: 'D', jobnumber: 'J' }), 'name'],
      [client.createPerson({ name: 'n', deptno: 'D' } as never), 'jobnumber'],
      [client.updatePerson({ no: '', name: 'n', deptno: 'D', jobnumber: 'J' }), 'no'],
      [client.deletePerson(''), 'no'],
      [client.listPeople({ pageindex: 0, pagesize: 10 }), 'pageindex'],
      [client.syncPersonToDevices({ no: 'P' }), 'device_nos'],
      [client.createDepartment({ name: ' ' }), 'name'],
      [client.listPassRecords({ pageindex: 1, pagesize: 10, startdate: '2025-06-01', effdate: '' }), 'effdate'],
      [client.listPassRecords({ pageindex: 1, pagesize: 10, startdate: '2025-06-01', effdate: '2025-07-01' }), 'effdate'],
      [client.getDeviceStatus(''), 'deviceno'],
      [client.updateDevice({ no: 'D', ip: '', name: 'n' }), 'ip'],
      [client.openDoor(''), 'deviceno'],
      [client.setDoorMode('D', 'sometimes' as never), 'mode'],
      [client.createVisitor(visitorInput({ idcard: undefined })), 'idcard'],
      [client.createVisitor(visitorInput({ staffno: '' })), 'staffno'],
      [client.createVisitor(visitorInput({ endtime: visitorInput().begintime })), 'endtime'],
      [client.createVisitor(visitorInput({ photo: 'not a photo' })), 'photo'],
      [client.createVisitor(visitorInput({ reason: '理'.repeat(51) })), 'reason'],
      [client.syncVisitor('V', []), 'deviceNos'],
      [client.syncVisitor('V', ['D1', 'D1']), 'deviceNos'],
      [client.syncVisitor('', ['D1']), 'no'],
      [client.deleteVisitor(''), 'no'],
      [client.createRegion({ name: '' }), 'name'],
      [client.listRegions({ pageindex: 1, pagesize: 1001 }), 'pagesize'],
      [client.listRegionPeople({ pageindex: 1, pagesize: 10, no: '' }), 'no'],
    ];
    for (const [promise, field] of cases) {
      const error = await promise.catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(K30ValidationError);
      expect((error as K30ValidationError).field).toBe(field);
      expect((error as Error).message).toContain(field);
    }
    expect(rec.attempts).toBe(0);
  });
});

describe('retries and failures', () => {
  it('retries a read after HTTP 500', async () => {
    await setFaults({ http500: 2, paths: [PATHS.deviceList] });
    const rec = recorder(sim);
    const page = await clientFor(sim, { fetch: rec.fetchImpl }).listDevices({ pageindex: 1, pagesize: 20 });
    expect(page.total).toBe(Object.keys(DEMO_DEVICES).length);
    expect(rec.attempts).toBe(3);
  });

  it('gives up on a read after the last attempt', async () => {
    await setFaults({ http500: 5, paths: [PATHS.regionList] });
    const rec = recorder(sim);
    const error = await clientFor(sim, { fetch: rec.fetchImpl }).listRegions({ pageindex: 1, pagesize: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'http-status', status: 500, outcomeUnknown: true });
    expect(rec.attempts).toBe(3);
  });

  it('does not retry a state-changing call after HTTP 500', async () => {
    await setFaults({ http500: 1, paths: [PATHS.deviceOpenDoor] });
    const rec = recorder(sim);
    await expect(clientFor(sim, { fetch: rec.fetchImpl }).openDoor(DEMO_DEVICES.buildingAIn)).rejects.toMatchObject({ failure: 'http-status', status: 500 });
    expect(rec.attempts).toBe(1);
  });

  it('never retries visitor/Create after the connection drops: outcome unknown, exactly one visitor created', async () => {
    const before = (await simState()).visitors.length;
    await setFaults({ dropAfterCommit: 1, paths: [PATHS.visitorCreate] });
    const rec = recorder(sim);
    const error = await clientFor(sim, { fetch: rec.fetchImpl }).createVisitor(visitorInput({ name: '掉线' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K30TransportError);
    expect((error as K30TransportError).failure).toBe('reset');
    expect((error as K30TransportError).outcomeUnknown).toBe(true);
    expect(rec.attempts).toBe(1);
    const visitors = (await simState()).visitors;
    expect(visitors.length).toBe(before + 1);
    expect(visitors.filter((v) => v.name === '掉线')).toHaveLength(1);
  });

  it('retries a read after the connection drops', async () => {
    await setFaults({ dropAfterCommit: 1, paths: [PATHS.deviceStatus] });
    const rec = recorder(sim);
    await expect(clientFor(sim, { fetch: rec.fetchImpl }).getDeviceStatus(DEMO_DEVICES.labIn)).resolves.toMatchObject({ no: DEMO_DEVICES.labIn });
    expect(rec.attempts).toBe(2);
  });

  it('times out: a write is not retried (outcome unknown), a read is', async () => {
    await setFaults({ latencyMs: 400, paths: [PATHS.deviceOpenDoor, PATHS.deviceList] });
    const rec = recorder(sim);
    const client = clientFor(sim, { fetch: rec.fetchImpl, timeoutMs: 100 });
    const error = await client.openDoor(DEMO_DEVICES.buildingAIn).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'timeout', outcomeUnknown: true });
    expect(rec.attempts).toBe(1);
    await expect(client.listDevices({ pageindex: 1, pagesize: 5 })).rejects.toMatchObject({ failure: 'timeout' });
    expect(rec.attempts).toBe(4);
    // The door did open in the end: that is why the outcome had to be "unknown".
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await simState()).devices.find((d) => d.no === DEMO_DEVICES.buildingAIn)?.doorOpenCount).toBe(1);
  });

  it('retries any call, visitor/Create included, when the connection is refused', async () => {
    const before = (await simState()).visitors.length;
    const rec = recorder(sim, { refuse: (attempt) => attempt < 2 });
    const result = await clientFor(sim, { fetch: rec.fetchImpl }).createVisitor(visitorInput({ name: '重试' }));
    expect(result.outcome).toBe('created');
    expect(rec.attempts).toBe(3);
    const visitors = (await simState()).visitors;
    expect(visitors.length).toBe(before + 1);
    expect(visitors.filter((v) => v.name === '重试')).toHaveLength(1);
  });

  it('reports a refused connection after the last attempt, outcome known', async () => {
    const client = new K30Client({ server: `http://127.0.0.1:${deadPort}`, credentials: sim.credentials, retries: { attempts: 2, baseMs: 1, capMs: 2 } });
    const error = await client.openDoor(DEMO_DEVICES.buildingAIn).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'refused', outcomeUnknown: false, call: PATHS.deviceOpenDoor });
  });

  it('turns a malformed answer into K30ProtocolError and does not retry it', async () => {
    await setFaults({ malformed: 1, paths: [PATHS.deviceList] });
    const rec = recorder(sim);
    await expect(clientFor(sim, { fetch: rec.fetchImpl }).listDevices({ pageindex: 1, pagesize: 5 })).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'not-json' });
    expect(rec.attempts).toBe(1);
  });

  it('reports a wrong crypto profile as a decryption problem', async () => {
    const client = clientFor(sim, { credentials: { ...sim.credentials, profile: 'aes-ecb' } });
    const error = await client.listDevices({ pageindex: 1, pagesize: 1 }).catch((e: unknown) => e);
    expect(error instanceof K30ProtocolError || error instanceof K30ServerError).toBe(true);
    expect(String((error as Error).message)).toMatch(/decrypt|解密/i);
  });

  it('reports a wrong app secret: the server refuses the signature, and its answer does not verify either', async () => {
    const warnings: string[] = [];
    const credentials = { ...sim.credentials, appSecret: 'wrong-secret' };
    const warn = clientFor(sim, { credentials, responseSignPolicy: 'warn', logger: { warn: (m) => warnings.push(m) } });
    await expect(warn.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ name: 'K30ServerError', msg: expect.stringMatching(/签名|signature/) });
    expect(warnings.join('\n')).toMatch(/signature does not match/);
    expect(warnings.join('\n')).not.toContain('wrong-secret');
    const strict = clientFor(sim, { credentials, responseSignPolicy: 'strict' });
    await expect(strict.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'bad-signature' });
  });

  it('works with the generic call and case-tolerant server URLs', async () => {
    const client = new K30Client({ server: `${sim.url}/openapi/`, credentials: sim.credentials, limiter: new RateLimiter({ perMinute: 1000 }) });
    const answer = (await client.call('/openapi/Device/GetList', { pageindex: 1, pagesize: 2 })) as { total: number; data: unknown[] };
    expect(answer.total).toBe(Object.keys(DEMO_DEVICES).length);
    expect(answer.data).toHaveLength(2);
    await expect(client.call('Device/OpenDoor', { deviceno: DEMO_DEVICES.buildingAIn })).resolves.toBeNull();
    await expect(client.call('Device/OpenDoor', {})).rejects.toBeInstanceOf(K30ServerError);
  });
});

describe('rate limit', () => {
  /** A virtual clock shared by the simulator and the limiter: waiting a minute takes no real time. */
  function virtualTime() {
    const start = Date.now();
    let now = start;
    let inFlight = 0;
    let idle: (() => void)[] = [];
    return {
      now: () => now,
      elapsedMs: () => now - start,
      date: () => new Date(now),
      /** Time only moves once every request sent so far has been answered, as it would in a real minute. */
      sleep: async (ms: number) => {
        while (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
        // …and once their answers have been read and counted.
        await new Promise((resolve) => setImmediate(resolve));
        now += ms;
      },
      track: (fetchImpl: typeof fetch): typeof fetch =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          inFlight++;
          try {
            return await fetchImpl(input, init);
          } finally {
            if (--inFlight === 0) {
              const waiting = idle;
              idle = [];
              waiting.forEach((resolve) => resolve());
            }
          }
        }),
    };
  }

  async function seventyListCalls(perMinute: number) {
    const clock = virtualTime();
    const limited = await startSimulator({ port: 0, seed: 'demo', listLimitPerMinute: 5, now: clock.date });
    try {
      const client = new K30Client({
        server: limited.url,
        credentials: limited.credentials,
        limiter: new RateLimiter({ perMinute, now: clock.now, sleep: clock.sleep }),
        now: clock.date,
        fetch: clock.track((input, init) => fetch(input, init)),
      });
      const calls = Array.from({ length: 70 }, (_, i) =>
        i % 3 === 0
          ? client.listPeople({ pageindex: 1, pagesize: 1 })
          : i % 3 === 1
            ? client.listRegions({ pageindex: 1, pagesize: 1 })
            : client.listRegionPeople({ pageindex: 1, pagesize: 1, no: DEMO_REGIONS.campus }),
      );
      const settled = await Promise.allSettled(calls);
      return { settled, minutes: clock.elapsedMs() / 60_000 };
    } finally {
      await limited.close();
    }
  }

  it('keeps 70 list calls from ever being refused by a server allowing 5 a minute', async () => {
    const { settled, minutes } = await seventyListCalls(5);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    // 70 calls at 5 a minute: the last batch starts 13 virtual minutes in.
    expect(minutes).toBe(13);
  });

  it('(control) without the limiter, the same server refuses most of them', async () => {
    const { settled } = await seventyListCalls(10_000);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(60);
    expect(refused[0].reason).toMatchObject({ name: 'K30ServerError', msg: expect.stringMatching(/频繁|rate limit/) });
  });
});
