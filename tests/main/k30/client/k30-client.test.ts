/** The client against the K30 simulator over real HTTP (the recording transport: tests/helpers/k30-client-rig.ts). */
import { describe, expect, it, onTestFinished } from 'vitest';
import { PATHS } from '../../../../src-main/k30/client';
import { K30CreatedWithoutNumberError, K30ServerError } from '../../../../src-main/k30/client/errors';
import { resolveCredentials, sealResponse, k30Date, k30DateTime } from '../../../../src-main/k30/protocol';
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
} from '../../../../src-main/k30/simulator';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { clientFor, JPEG, recorder, sim, simState, withDemoSimulator, visitorInput } from '../../../helpers/k30-client-rig';

withDemoSimulator();

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
      answer: (path, body) =>
        path === PATHS.peopleCreate && body.resultcode === '1' ? sealResponse(resolved, { resultcode: '1', msg: 'Success' }) : undefined,
    });
    const client = clientFor(sim, { transport: rec.transport });
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
    const error = await clientFor(sim, { transport: rec.transport })
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
    expect(page.rows).toEqual([
      { no, name: '质量管理部', linkername: '钱七', linkerphone: '13500000000', parentno: '', remark: '改名', companyno: sim.credentials.companyno },
    ]);
    const all = await client.listDepartments({ pageindex: 1, pagesize: 50 });
    expect(all.total).toBe(Object.keys(DEMO_DEPARTMENTS).length + 1);
    await client.deleteDepartment(no);
    expect((await client.listDepartments({ pageindex: 1, pagesize: 50, no })).total).toBe(0);
  });
});

describe('pass records', () => {
  it('lists today’s visitor passes with direction and status', async () => {
    // A day well under way (15:00, moving on): the seeded passes of "today" are never yesterday's
    // when the suite runs just after midnight. Simulator and client share that clock.
    const afternoon = new Date();
    afternoon.setHours(15, 0, 0, 0);
    const startedAt = Date.now();
    const now = () => new Date(afternoon.getTime() + Date.now() - startedAt);
    const daySim = await startSimulator({ port: 0, seed: 'demo', listLimitPerMinute: 100_000, now });
    onTestFinished(() => daySim.close());
    const client = clientFor(daySim, { now });
    const today = now();
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
    expect(await client.getDeviceStatus(DEMO_DEVICES.campusGateOut)).toMatchObject({
      no: DEMO_DEVICES.campusGateOut,
      online: true,
      outintype: 0,
      regionname: '总部园区',
    });
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
    expect(visitor).toMatchObject({
      name: '周杰',
      staffno: DEMO_HOST_NO,
      photoBytes: TINY_JPEG.length,
      syncedDevices: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn],
    });
    await client.deleteVisitor(no);
    expect((await simState()).visitors.some((v) => v.no === no)).toBe(false);
  });

  it('answers created-without-no when the success answer carries no number', async () => {
    const resolved = resolveCredentials(sim.credentials);
    const rec = recorder(sim, {
      answer: (path) => (path === PATHS.visitorCreate ? sealResponse(resolved, { resultcode: '1', msg: '新增访客成功' }) : undefined),
    });
    await expect(clientFor(sim, { transport: rec.transport }).createVisitor(visitorInput())).resolves.toEqual({ outcome: 'created-without-no' });
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
      const result = await clientFor(sim, { transport: rec.transport, photoEncoding }).createVisitor(visitorInput({ photo: given }));
      expect(rec.sent[0].data.photo).toBe(expected);
      const no = result.outcome === 'created' ? result.no : '';
      expect((await simState()).visitors.find((v) => v.no === no)?.photoBytes).toBe(TINY_JPEG.length);
    }
    const rec = recorder(sim);
    const url = 'http://192.168.10.5/photos/v.jpg';
    const result = await clientFor(sim, { transport: rec.transport, photoEncoding: 'bare' }).createVisitor(visitorInput({ photo: url }));
    expect(rec.sent[0].data.photo).toBe(url);
    expect((await simState()).visitors.find((v) => result.outcome === 'created' && v.no === result.no)?.photoUrl).toBe(url);

    const people = recorder(sim);
    const person = await clientFor(sim, { transport: people.transport, photoEncoding: 'bare' }).createPerson({
      name: '照片',
      deptno: DEMO_DEPARTMENTS.rnd,
      jobnumber: 'PH-1',
      photo: JPEG,
    });
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
    expect(page.rows).toEqual([
      { no, name: 'C栋仓储中心', companyno: sim.credentials.companyno, parentno: DEMO_REGIONS.campus, isdefault: false, linkage: true, manual: true },
    ]);
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
    const filtered = await client.listRegionPeople({
      pageindex: 1,
      pagesize: 10,
      no: DEMO_REGIONS.buildingB,
      name: '刘洋',
      startdate: since,
      effdate: k30DateTime(new Date(Date.now() + 3600_000)),
    });
    expect(filtered.rows.map((r) => r.no)).toEqual([DEMO_VISITORS.liuYang]);
  });
});
