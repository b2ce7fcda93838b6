/** The simulator's calls over real HTTP: the demo seed, people, devices, regions, records; every call of the protocol table. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  type RunningSimulator,
  DEMO_DEPARTMENTS,
  DEMO_DEVICES,
  DEMO_HOST_NO,
  DEMO_HOSTS,
  DEMO_INSIDE_COUNT,
  DEMO_OFFLINE_DEVICE,
  DEMO_REGIONS,
  DEMO_STRING_STATUS_DEVICES,
  DEMO_VISITORS,
  HANDLERS,
} from '../../../../src-main/k30/simulator';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { simCall, simControl, simOk } from '../../../helpers/sim-call';

// A clock at 15:00 on a fixed weekday (running forward from there), so "today's" seeded passes
// never fall on yesterday when the suite runs just after midnight.
const CLOCK_BASE = new Date(2030, 4, 20, 15, 0, 0).getTime();
const startedAt = Date.now();
const clock = () => new Date(CLOCK_BASE + Date.now() - startedAt);

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: clock });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const today = () => {
  const d = clock();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

describe('demo seed', () => {
  it('is a believable company with the documented constants', async () => {
    const { json } = await simControl(sim, 'GET', '/__sim/state');
    expect(json.people.length).toBeGreaterThanOrEqual(200);
    expect(json.people[0]).toMatchObject({ no: DEMO_HOST_NO, name: '张伟' });
    expect(json.people[0]).not.toHaveProperty('photo');
    expect(json.departments.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['行政部', '研发部', '销售部', '财务部', '人力资源部', '安保部']),
    );
    expect(json.regions.length).toBeGreaterThanOrEqual(3);
    expect(json.devices.length).toBeGreaterThanOrEqual(8);
    expect(json.devices.filter((d: { onlinestatus: number }) => d.onlinestatus === 0).map((d: { no: string }) => d.no)).toEqual([DEMO_OFFLINE_DEVICE]);
    for (const d of json.devices) expect(typeof d.onlinestatus).toBe('number');
    const insidePeople = new Set(
      Object.values(json.presence)
        .flat()
        .map((e: any) => e.personNo)
        .filter(Boolean),
    );
    expect(insidePeople.size).toBe(DEMO_INSIDE_COUNT);
    for (const p of json.people) expect(p.phone).toMatch(/^1[358]\d{9}$/);
    expect(json.visitors.map((v: { no: string }) => v.no)).toEqual(Object.values(DEMO_VISITORS));
  });

  it('is deterministic', async () => {
    const other = await startSimulator({ now: clock });
    try {
      const a = (await simControl(sim, 'GET', '/__sim/state')).json;
      const b = (await simControl(other, 'GET', '/__sim/state')).json;
      expect(b.people).toEqual(a.people);
      expect(b.devices).toEqual(a.devices);
    } finally {
      await other.close();
    }
  });

  it("'empty' is truly empty", async () => {
    const empty = await startSimulator({ seed: 'empty' });
    try {
      const { json } = await simControl(empty, 'GET', '/__sim/state');
      for (const key of ['people', 'departments', 'devices', 'regions', 'visitors', 'passRecords']) expect(json[key]).toEqual([]);
      expect((await simOk(empty, 'Device/GetList', { pageindex: 1, pagesize: 10 })).total).toBe(0);
    } finally {
      await empty.close();
    }
  });
});

describe('people and departments', () => {
  it('Create returns { no }; Update keeps absent fields; Delete removes; syncwhitelist by deptno', async () => {
    const created = await simCall(sim, 'people/Create', {
      name: '冯晓',
      deptno: DEMO_DEPARTMENTS.finance,
      jobnumber: '900001',
      phone: '13511112222',
      sex: '2',
      photo: `data:image/jpeg;base64,${TINY_JPEG.toString('base64')}`,
    });
    expect(created.resultcode).toBe('1');
    const no = created.data.no;
    const person = sim.state.people.get(no)!;
    expect(person).toMatchObject({ name: '冯晓', sex: 2, photoBytes: TINY_JPEG.length });
    expect(Number(person.effdate.slice(0, 4)) - Number(person.startdate.slice(0, 4))).toBe(50);
    await simOk(sim, 'people/Update', { no, name: '冯晓晓', deptno: DEMO_DEPARTMENTS.finance, jobnumber: '900001' });
    expect(sim.state.people.get(no)).toMatchObject({ name: '冯晓晓', phone: '13511112222' });
    const listed = await simOk(sim, 'people/getlist', { pageindex: 1, pagesize: 10, no });
    expect(listed.data[0]).toMatchObject({ no, name: '冯晓晓', sex: '女', deptName: '财务部', jobNumber: '900001' });
    await simOk(sim, 'people/syncwhitelist', { no, deptno: DEMO_DEPARTMENTS.finance });
    expect(sim.state.people.get(no)!.syncedDevices).toEqual(sim.state.departments.get(DEMO_DEPARTMENTS.finance)!.deviceNos);
    expect((await simCall(sim, 'people/syncwhitelist', { no })).msg).toContain('device_nos or deptno');
    expect((await simCall(sim, 'people/syncwhitelist', { no, device_nos: 'D9999' })).msg).toContain('device_nos 设备不存在');
    await simOk(sim, 'people/Delete', { no });
    expect(sim.state.people.has(no)).toBe(false);
    expect((await simCall(sim, 'people/Delete', { no })).msg).toContain('人员不存在');
  });

  it('department CRUD, including the /api/v2/department/Delete path', async () => {
    const { no } = await simOk(sim, 'department/Create', { name: '法务部', linkername: '宋律', parentno: DEMO_DEPARTMENTS.executive });
    const list = await simOk(sim, 'department/getlist', { pageindex: 1, pagesize: 50, name: '法务' });
    expect(list.data).toEqual([
      { no, name: '法务部', linkerphone: '', linkername: '宋律', parentno: DEMO_DEPARTMENTS.executive, remark: '', companyno: 'K30DEMO' },
    ]);
    expect((await simCall(sim, 'department/Update', { no, name: '法务部', parentno: no })).msg).toContain('parentno');
    expect((await simCall(sim, 'department/Delete', { no: DEMO_DEPARTMENTS.sales })).msg).toContain('部门下存在人员');
    const deleted = await simCall(sim, '/api/v2/department/Delete', { no });
    expect(deleted.resultcode).toBe('1');
    expect(sim.state.departments.has(no)).toBe(false);
  });
});

describe('devices', () => {
  it('GetList shows the onlinestatus string quirk; GetDeviceStatus answers with appid', async () => {
    const list = await simOk(sim, 'Device/GetList', { pageindex: 1, pagesize: 100 });
    expect(list.total).toBe(Object.keys(DEMO_DEVICES).length);
    for (const row of list.data) {
      expect(Object.keys(row).sort()).toEqual(['area', 'ip', 'isenableattend', 'name', 'no', 'onlinestatus', 'outintype', 'regionname']);
      expect(typeof row.onlinestatus).toBe(DEMO_STRING_STATUS_DEVICES.includes(row.no) ? 'string' : 'number');
    }
    expect(list.data.find((r: { no: string }) => r.no === DEMO_OFFLINE_DEVICE).onlinestatus).toBe('0');
    const status = await simCall(sim, 'Device/GetDeviceStatus', { deviceno: 'D1001' });
    const raw = JSON.parse(status.text);
    expect(raw.appid).toBe('K30DEMO');
    expect(raw).not.toHaveProperty('companyno');
    expect(status.opened!.signatureValid).toBe(true);
    expect(status.data).toMatchObject({ no: 'D1001', onlinestatus: 1, outintype: 1 });
    expect((await simCall(sim, 'Device/GetDeviceStatus', { deviceno: 'X' })).msg).toContain('设备不存在');
  });

  it('Update applies everything but the IP; door calls need an online device', async () => {
    await simOk(sim, 'Device/Update', { no: 'D1003', ip: '10.0.0.9', name: 'A栋正门入口', regionname: 'B栋研发楼', outintype: '0' });
    expect(sim.state.devices.get('D1003')).toMatchObject({ name: 'A栋正门入口', ip: '192.168.10.103', regionname: 'B栋研发楼', outintype: 0 });
    expect((await simCall(sim, 'Device/Update', { no: 'D1003', ip: '1', name: 'x', regionname: '不存在' })).msg).toContain('regionname');
    expect((await simCall(sim, 'Device/OpenDoor', { deviceno: 'D1001' })).msg).toBe('开门成功');
    expect((await simCall(sim, 'Device/SetLongOpenByDevice', { deviceno: 'D1001', mode: 1 })).msg).toBe('设置成功');
    expect(sim.state.devices.get('D1001')).toMatchObject({ doorOpenCount: 1, longOpenMode: 1 });
  });
});

describe('regions', () => {
  it('getlist rows and the tree; Create/Update/Delete with checks', async () => {
    const list = await simOk(sim, 'region/getlist', { pageindex: 1, pagesize: 100 });
    expect(list.data[0]).toEqual({ no: DEMO_REGIONS.campus, name: '总部园区', companyno: 'K30DEMO', parentno: '', isdefault: 1, linkage: '1', manual: '0' });
    const children = await simOk(sim, 'region/getlist', { pageindex: 1, pagesize: 100, parentno: DEMO_REGIONS.campus });
    expect(children.data.map((r: { name: string }) => r.name)).toEqual(['A栋办公楼', 'B栋研发楼', '地下停车场']);
    const { no } = await simOk(sim, 'region/Create', { name: 'C栋仓库', parentno: DEMO_REGIONS.campus });
    expect((await simCall(sim, 'region/Create', { name: 'C栋仓库' })).msg).toContain('区域名称已存在');
    expect((await simCall(sim, 'region/Update', { no: DEMO_REGIONS.buildingB, name: 'B栋研发楼', parentno: DEMO_REGIONS.lab })).msg).toContain('parentno');
    await simOk(sim, 'region/Update', { no: DEMO_REGIONS.buildingA, name: 'A栋综合楼' });
    expect(sim.state.devices.get('D1003')!.regionname).toBe('A栋综合楼');
    expect((await simCall(sim, 'region/Delete', { no: DEMO_REGIONS.buildingA })).msg).toContain('区域下存在设备');
    expect((await simCall(sim, 'region/Delete', { no: DEMO_REGIONS.campus })).msg).toContain('默认区域');
    await simOk(sim, 'region/Delete', { no });
  });

  it('getpeoplelist rows carry numeric sex, newest first, and filter', async () => {
    const inB = await simOk(sim, 'region/getpeoplelist', { pageindex: 1, pagesize: 1000, no: DEMO_REGIONS.buildingB });
    const keys = ['no', 'name', 'jobnumber', 'deptno', 'deptname', 'rolename', 'phone', 'idcard', 'iccard', 'sex', 'photo', 'deviceno', 'entertime'];
    for (const row of inB.data) {
      expect(Object.keys(row).sort()).toEqual([...keys].sort());
      expect([0, 1, 2]).toContain(row.sex);
    }
    const times: string[] = inB.data.map((r: { entertime: string }) => r.entertime);
    expect(times).toEqual([...times].sort().reverse());
    expect(inB.data.map((r: { no: string }) => r.no)).toEqual(expect.arrayContaining([DEMO_HOST_NO, DEMO_VISITORS.liuYang]));
    const byPhone = await simOk(sim, 'region/getpeoplelist', { pageindex: 1, pagesize: 10, no: DEMO_REGIONS.buildingB, phone: DEMO_HOSTS.zhangWei.phone });
    expect(byPhone.data.map((r: { no: string }) => r.no)).toEqual([DEMO_HOST_NO]);
    expect((await simCall(sim, 'region/getpeoplelist', { pageindex: 1, pagesize: 10, no: 'nope' })).msg).toContain('区域不存在');
  });
});

describe('records and attendance', () => {
  it('record/getlist answers vendor rows (strings) with appid, newest first', async () => {
    const answer = await simCall(sim, 'record/getlist', { pageindex: 1, pagesize: 20, startdate: today(), effdate: today() });
    expect(JSON.parse(answer.text)).toHaveProperty('appid', 'K30DEMO');
    expect(answer.data.total).toBeGreaterThan(DEMO_INSIDE_COUNT);
    const row = answer.data.data[0];
    expect(Object.keys(row).sort()).toEqual(
      ['addtime', 'deviceno', 'exceptionmode', 'group', 'iccard', 'jobnumber', 'mode', 'no', 'outintype', 'peoplename', 'peopleno', 'photo'].sort(),
    );
    expect(row.addtime.slice(0, 10)).toBe(today());
    const mine = await simOk(sim, 'record/getlist', {
      pageindex: 1,
      pagesize: 20,
      startdate: today(),
      effdate: today(),
      peopleno: DEMO_HOST_NO,
      deviceno: DEMO_DEVICES.buildingBIn,
    });
    expect(mine.data).toHaveLength(1);
  });

  it('the four attendance calls answer plausible data', async () => {
    const range = { startdate: today(), effdate: today() };
    expect((await simCall(sim, 'attendance/attcalculate', { staffnos: DEMO_HOST_NO, ...range })).msg).toBe('考勤计算成功');
    expect((await simCall(sim, 'attendance/attcalculate', { staffnos: 'nope', ...range })).msg).toContain('staffnos');
    const day = await simOk(sim, 'attendance/getdayrptlist', { pageindex: 1, pagesize: 10, no: DEMO_HOST_NO, ...range });
    expect(day.total).toBe(1);
    expect(day.data[0]).toMatchObject({ peoplno: DEMO_HOST_NO, name: '张伟', deptname: '研发部', attdate: today() });
    const month = await simOk(sim, 'attendance/getmonthrptlist', { pageindex: 1, pagesize: 10, deptno: DEMO_DEPARTMENTS.rnd, ...range });
    expect(month.data[0].monthAttDataList).toEqual([{ date: today(), content: expect.any(String) }]);
    const abnormal = await simOk(sim, 'attendance/getabnormalrptlist', { pageindex: 1, pagesize: 10, ...range });
    expect(abnormal).toMatchObject({ total: expect.any(Number), totalPage: expect.any(Number) });
    expect((await simCall(sim, 'attendance/getdayrptlist', { pageindex: 1, pagesize: 10, startdate: '2025-01-02', effdate: '2025-01-01' })).msg).toContain(
      'effdate',
    );
  });

  it('implements every call of the protocol table', () => {
    expect(Object.keys(HANDLERS)).toHaveLength(27);
  });
});
