import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DEVICES, DEMO_HOST_NO, DEMO_HOSTS, DEMO_OFFLINE_DEVICE, DEMO_REGIONS } from '../../../../src-main/k30/simulator';
import { sim, simCall, simControl, simOk, startCallbackReceiver, visitorData, withSimulator } from '../../../helpers/sim-call';

/** The simulator's callbacks to the kiosk: authstatus per device and UploadRecord per pass. */

withSimulator();

describe('callbacks', () => {
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  beforeEach(async () => {
    receiver = await startCallbackReceiver(sim);
    sim.setCallbackUrl(receiver.url);
  });
  afterEach(async () => {
    sim.setCallbackUrl(undefined);
    await receiver.close();
  });

  it('posts a signed, encrypted authstatus per device: success online, failure offline', async () => {
    const { no } = await simOk(sim, 'visitor/Create', visitorData());
    await simOk(sim, 'visitor/SyncVisitor', { no, devicenos: `D1003,${DEMO_OFFLINE_DEVICE}` });
    const got = await receiver.waitFor(2);
    for (const callback of got) {
      expect(callback.body.method).toBe('authstatus');
      expect(callback.body.companyno).toBe('K30DEMO');
      expect(callback.body.data).not.toContain('{'); // encrypted
      expect(callback.opened.signatureValid).toBe(true);
    }
    const byDevice = Object.fromEntries(got.map((c) => [(c.opened.data as { deviceno: string }).deviceno, c.opened.data]));
    expect(byDevice.D1003).toEqual({ no, deviceno: 'D1003', resultcode: '1', msg: '下发成功' });
    expect(byDevice[DEMO_OFFLINE_DEVICE]).toEqual({ no, deviceno: DEMO_OFFLINE_DEVICE, resultcode: '0', msg: '设备离线' });
  });

  it('posts authstatus for people/syncwhitelist; device_nos wins over deptno', async () => {
    await simOk(sim, 'people/syncwhitelist', { no: DEMO_HOST_NO, device_nos: 'D1007', deptno: DEMO_HOSTS.zhangWei.deptno });
    const [callback] = await receiver.waitFor(1);
    expect(callback.opened.data).toEqual({ no: DEMO_HOST_NO, deviceno: 'D1007', resultcode: '1', msg: '下发成功' });
    await sim.callbacksIdle();
    expect(receiver.received).toHaveLength(1);
    expect(sim.state.people.get(DEMO_HOST_NO)!.syncedDevices).toContain('D1007');
  });

  it('a dead callback URL never breaks the server', async () => {
    sim.setCallbackUrl('http://127.0.0.1:1/nothing-here');
    const { no } = await simOk(sim, 'visitor/Create', visitorData());
    await simOk(sim, 'visitor/SyncVisitor', { no, devicenos: 'D1001' });
    await sim.callbacksIdle();
    expect(sim.callbackLog.at(-1)?.error).toBeTruthy();
    expect((await simCall(sim, 'Device/GetDeviceStatus', { deviceno: 'D1001' })).resultcode).toBe('1');
  });

  it('/__sim/pass records the pass, updates presence and posts UploadRecord', async () => {
    const person = DEMO_HOSTS.wangQiang;
    const inA = () => simOk(sim, 'region/getpeoplelist', { pageindex: 1, pagesize: 100, no: DEMO_REGIONS.buildingA });
    const before = await inA();
    expect(before.data.some((row: { no: string }) => row.no === person.no)).toBe(false);

    const { status, json: record } = await simControl(sim, 'POST', '/__sim/pass', { personNo: person.no, deviceNo: DEMO_DEVICES.buildingAIn });
    expect(status).toBe(200);
    expect(record).toMatchObject({ deviceno: 'D1003', peopleno: person.no, outintype: 1, group: 0, mode: 0 });
    const after = await inA();
    expect(after.total).toBe(before.total + 1);
    expect(after.data[0]).toMatchObject({
      no: person.no,
      name: '王强',
      jobnumber: '100003',
      deptname: '销售部',
      sex: 1,
      deviceno: 'D1003',
      entertime: record.addtime,
    });

    const [upload] = await receiver.waitFor(1);
    expect(upload.body.method).toBe('UploadRecord');
    expect(upload.opened.signatureValid).toBe(true);
    expect(upload.opened.data).toMatchObject({
      recordNo: record.no,
      departmentNo: person.deptno,
      departmentName: '销售部',
      peopleNo: person.no,
      peopleName: '王强',
      deviceNo: 'D1003',
      deviceName: 'A栋大堂入口',
      outinType: 1,
      recogMode: 0,
      addTime: record.addtime,
      exceptionMode: 1,
    });
    expect((upload.opened.data as { addTime: string }).addTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await fetch((upload.opened.data as { photo: string }).photo)).status).toBe(200);

    await simControl(sim, 'POST', '/__sim/pass', { personNo: person.no, deviceNo: DEMO_DEVICES.buildingAOut });
    expect((await inA()).total).toBe(before.total);
    const presence = (await simControl(sim, 'GET', '/__sim/state')).json.presence[DEMO_REGIONS.buildingA];
    expect(presence.some((entry: { personNo?: string }) => entry.personNo === person.no)).toBe(false);
  });

  it('a visitor pass has recogMode 6 and the visitor shows in the region list', async () => {
    const { no } = await simOk(sim, 'visitor/Create', visitorData({ phone: '13600002222' }));
    await simControl(sim, 'POST', '/__sim/pass', { visitorNo: no, deviceNo: DEMO_DEVICES.buildingBIn });
    const [upload] = await receiver.waitFor(1);
    expect(upload.opened.data).toMatchObject({ peopleNo: no, peopleName: '孙悦', recogMode: 6, outinType: 1 });
    const inB = await simOk(sim, 'region/getpeoplelist', { pageindex: 1, pagesize: 5, no: DEMO_REGIONS.buildingB });
    expect(inB.data[0]).toMatchObject({ no, name: '孙悦', phone: '13600002222', rolename: '访客' });
    const records = await simCall(sim, 'record/getlist', {
      pageindex: 1,
      pagesize: 5,
      startdate: upload.opened.data && (upload.opened.data as { addTime: string }).addTime.slice(0, 10),
      effdate: (upload.opened.data as { addTime: string }).addTime.slice(0, 10),
      group: 10,
    });
    expect(records.data.data[0]).toMatchObject({ peopleno: no, group: '10', mode: '6', outintype: '1', exceptionmode: '1' });
  });
});
