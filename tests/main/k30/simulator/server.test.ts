import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulator,
  DEMO_DEVICES,
  DEMO_HOST_NO,
  DEMO_HOSTS,
  DEMO_OFFLINE_DEVICE,
  DEMO_REGIONS,
  DEMO_PEOPLE_COUNT,
} from '../../../../src-main/k30/simulator';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { PHOTO_B64, sim, simCall, simControl, simOk, visitorData, withSimulator } from '../../../helpers/sim-call';

withSimulator();

describe('envelope', () => {
  it('answers a signed, encrypted list call (round trip)', async () => {
    const answer = await simCall(sim, 'people/getlist', { pageindex: 1, pagesize: 5 });
    expect(answer.status).toBe(200);
    expect(answer.resultcode).toBe('1');
    expect(answer.opened!.signatureValid).toBe(true);
    const raw = JSON.parse(answer.text);
    expect(raw.companyno).toBe('K30DEMO');
    expect(raw.data).toMatch(/^[A-Za-z0-9%]+$/); // encrypted, URL-encoded
    expect(answer.data.total).toBe(DEMO_PEOPLE_COUNT);
    expect(answer.data.totalPage).toBe(Math.ceil(DEMO_PEOPLE_COUNT / 5));
    expect(answer.data.data).toHaveLength(5);
    const host = answer.data.data[0];
    expect(host).toMatchObject({ no: DEMO_HOST_NO, jobNumber: '100001', name: '张伟', sex: '男', type: '白名单', deptName: '研发部' });
    for (const key of [
      'no',
      'jobNumber',
      'name',
      'sex',
      'phone',
      'idCard',
      'icCard',
      'type',
      'photo',
      'remark',
      'startDate',
      'effDate',
      'native',
      'nation',
      'residence',
      'deptNo',
      'deptName',
    ]) {
      expect(host).toHaveProperty(key);
    }
    const photo = await fetch(host.photo);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await photo.arrayBuffer()).slice(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('accepts pageindex/pagesize as numeric strings and filters names fuzzily', async () => {
    const data = await simOk(sim, 'people/getlist', { pageindex: '1', pagesize: '50', name: '伟' });
    expect(data.total).toBeGreaterThan(0);
    expect(data.data.every((row: { name: string }) => row.name.includes('伟'))).toBe(true);
    const byPhone = await simOk(sim, 'people/getlist', { pageindex: 1, pagesize: 10, phone: '0138001' });
    expect(byPhone.data.map((row: { no: string }) => row.no)).toEqual([DEMO_HOST_NO]);
  });

  it('refuses a bad signature', async () => {
    const answer = await simCall(sim, 'people/getlist', { pageindex: 1, pagesize: 1 }, { tamper: (e) => ({ ...e, sign: '0'.repeat(32) }) });
    expect(answer.status).toBe(200);
    expect(answer.resultcode).toBe('0');
    expect(answer.msg).toContain('签名错误');
    expect(answer.msg).toContain('signature');
    expect(answer.opened!.signatureValid).toBe(true);
  });

  it('refuses a wrong app secret as a bad signature', async () => {
    const answer = await simCall(
      sim,
      'people/getlist',
      { pageindex: 1, pagesize: 1 },
      { seal: { appSecret: 'wrong', aesKey: 'k30-demo-code', aesIv: 'k30-demo-code' } },
    );
    expect(answer.msg).toContain('signature mismatch');
  });

  it('refuses data sealed with another crypto profile', async () => {
    const answer = await simCall(sim, 'people/getlist', { pageindex: 1, pagesize: 1 }, { seal: { profile: 'aes-ecb' } });
    expect(answer.resultcode).toBe('0');
    expect(answer.msg).toContain('数据解密失败');
    expect(answer.msg).toContain('decrypt');
  });

  it('refuses a wrong AES key', async () => {
    const answer = await simCall(sim, 'people/getlist', { pageindex: 1, pagesize: 1 }, { seal: { aesKey: 'another-key-0000' } });
    expect(answer.msg).toContain('decrypt');
  });

  it('refuses a bad envelope, a non-JSON body and another company', async () => {
    const noSign = await simCall(sim, 'people/getlist', {}, { tamper: ({ sign: _sign, ...rest }) => rest });
    expect(noSign.msg).toContain('sign');
    expect(noSign.msg).toContain('bad envelope');
    const notJson = await simCall(sim, 'people/getlist', {}, { rawBody: 'companyno=K30DEMO' });
    expect(notJson.status).toBe(200);
    expect(notJson.msg).toContain('not JSON');
    const other = await simCall(sim, 'people/getlist', { pageindex: 1, pagesize: 1 }, { seal: { companyno: 'OTHER' } });
    expect(other.msg).toContain('companyno');
  });

  it('answers 404 for an unknown path and 405 for GET, K30-style', async () => {
    const unknown = await simCall(sim, 'people/GetList', { pageindex: 1, pagesize: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.resultcode).toBe('0');
    expect(String(unknown.msg)).toContain('/openapi/people/GetList');
    const get = await simCall(sim, 'people/getlist', {}, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.resultcode).toBe('0');
  });
});

describe('validation', () => {
  it('names a missing required field', async () => {
    const { staffno: _staffno, ...rest } = visitorData();
    const answer = await simCall(sim, 'visitor/Create', rest);
    expect(answer.resultcode).toBe('0');
    expect(answer.msg).toBe('staffno 不能为空 (staffno is required)');
  });

  it('checks lengths, formats, ranges and references', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['visitor/Create', visitorData({ name: '名'.repeat(51) }), 'name 长度不能超过50'],
      ['visitor/Create', visitorData({ reason: 'x'.repeat(51) }), 'reason'],
      ['visitor/Create', visitorData({ staffno: '123' }), 'staffno 被访人不存在 (host not found: 123)'],
      ['visitor/Create', visitorData({ begintime: '2030-05-20T09:00:00' }), 'begintime 时间格式错误'],
      ['visitor/Create', visitorData({ endtime: '2030-02-30 18:00:00' }), 'endtime'],
      ['visitor/Create', visitorData({ endtime: '2030-05-20 08:00:00' }), 'endtime 必须晚于begintime'],
      ['visitor/Create', visitorData({ photo: 'not base64 at all!' }), 'photo 图片不是有效的Base64'],
      ['visitor/Create', visitorData({ photo: 'data:text/plain;base64,aGVsbG8=' }), 'photo'],
      ['people/getlist', { pageindex: 0, pagesize: 10 }, 'pageindex 超出范围'],
      ['people/getlist', { pageindex: 1, pagesize: 1001 }, 'pagesize 超出范围 (pagesize must be 1..1000)'],
      ['people/getlist', { pageindex: 1, pagesize: 'ten' }, 'pagesize 必须是整数'],
      ['people/getlist', { pageindex: 1.5, pagesize: 10 }, 'pageindex 必须是整数'],
      ['people/Create', { name: '新人', deptno: 'nope', jobnumber: '900001' }, 'deptno 部门不存在'],
      ['people/Create', { name: '新人', deptno: DEMO_HOSTS.liNa.deptno, jobnumber: '100001' }, 'jobnumber 工号已存在'],
      ['people/Create', { name: '新人', deptno: DEMO_HOSTS.liNa.deptno, jobnumber: '900001', sex: 3 }, 'sex 取值无效'],
      ['people/Create', { name: '新人', deptno: DEMO_HOSTS.liNa.deptno, jobnumber: '900001', pwd: '1234567' }, 'pwd 长度不能超过6'],
      ['people/Create', { name: '新人', deptno: DEMO_HOSTS.liNa.deptno, jobnumber: '900001', pwd: '12a4' }, 'pwd 必须是纯数字'],
      ['people/Create', { name: '新人', deptno: DEMO_HOSTS.liNa.deptno, jobnumber: '900001', startdate: '2024-01-01' }, 'startdate 时间格式错误'],
      ['department/Create', { name: '新部门', remark: 'r'.repeat(101) }, 'remark 长度不能超过100'],
      ['region/Create', { name: '新区域', parentno: 'nope' }, 'parentno 区域不存在'],
      ['region/getpeoplelist', { pageindex: 1, pagesize: 10 }, 'no 不能为空'],
      ['record/getlist', { pageindex: 1, pagesize: 10, startdate: '2025-01-31', effdate: '2025-02-01' }, 'effdate 开始日期和结束日期不能跨月'],
      ['record/getlist', { pageindex: 1, pagesize: 10, startdate: '2025-01-01 00:00:00', effdate: '2025-01-02' }, 'startdate 日期格式错误'],
      ['visitor/SyncVisitor', { no: 'nope', devicenos: 'D1001' }, 'no 访客不存在'],
      ['Device/SetLongOpenByDevice', { deviceno: 'D1001', mode: 3 }, 'mode 取值无效'],
      ['Device/OpenDoor', { deviceno: DEMO_OFFLINE_DEVICE }, '设备离线'],
    ];
    for (const [path, data, expected] of cases) {
      const answer = await simCall(sim, path, data);
      expect.soft(answer.resultcode, `${path} ${JSON.stringify(data).slice(0, 80)}`).toBe('0');
      expect.soft(String(answer.msg), path).toContain(expected);
    }
  });
});

describe('visitors', () => {
  it('Create → SyncVisitor records the sync per device and the photo size', async () => {
    const created = await simCall(sim, 'visitor/Create', visitorData());
    expect(created.resultcode).toBe('1');
    expect(created.msg).toBe('新增访客成功');
    const no = created.data.no as string;
    expect(no).toMatch(/^\d{16}$/);
    const synced = await simCall(sim, 'visitor/SyncVisitor', {
      no,
      devicenos: `${DEMO_DEVICES.buildingAIn},${DEMO_DEVICES.buildingAOut},${DEMO_OFFLINE_DEVICE}`,
    });
    expect(synced.resultcode).toBe('1');
    expect(synced.msg).toBe('下发成功');
    const { json } = await simControl(sim, 'GET', '/__sim/state');
    const visitor = json.visitors.find((v: { no: string }) => v.no === no);
    expect(visitor).toMatchObject({
      name: '孙悦',
      staffno: DEMO_HOST_NO,
      photoBytes: TINY_JPEG.length,
      syncedDevices: ['D1003', 'D1004', DEMO_OFFLINE_DEVICE],
    });
    expect(sim.state.visitors.get(no)!.syncedDevices).toEqual(['D1003', 'D1004', DEMO_OFFLINE_DEVICE]);
  });

  it('accepts bare Base64 and URL photos', async () => {
    const bare = await simOk(sim, 'visitor/Create', visitorData({ photo: PHOTO_B64 }));
    expect(sim.state.visitors.get(bare.no)!.photoBytes).toBe(TINY_JPEG.length);
    const url = await simOk(sim, 'visitor/Create', visitorData({ photo: 'http://kiosk.local/photo/1.jpg' }));
    expect(sim.state.visitors.get(url.no)).toMatchObject({ photoBytes: 0, photoUrl: 'http://kiosk.local/photo/1.jpg' });
    const none = await simOk(sim, 'visitor/Create', visitorData({ photo: '' }));
    expect(sim.state.visitors.get(none.no)!.photoBytes).toBe(0);
  });

  it('Delete fails while a synced device is offline, keeps its record, and succeeds once it is back', async () => {
    const { no } = await simOk(sim, 'visitor/Create', visitorData());
    await simOk(sim, 'visitor/SyncVisitor', { no, devicenos: `D1001,${DEMO_OFFLINE_DEVICE},D1003` });
    const refused = await simCall(sim, 'visitor/Delete', { no });
    expect(refused.resultcode).toBe('0');
    expect(refused.msg).toBe(`设备离线 (device offline: ${DEMO_OFFLINE_DEVICE})`);
    expect(sim.state.visitors.get(no)!.syncedDevices).toEqual([DEMO_OFFLINE_DEVICE]);
    const again = await simCall(sim, 'visitor/Delete', { no });
    expect(again.resultcode).toBe('0');

    expect((await simControl(sim, 'POST', '/__sim/device', { no: DEMO_OFFLINE_DEVICE, online: true })).json.onlinestatus).toBe(1);
    const deleted = await simCall(sim, 'visitor/Delete', { no });
    expect(deleted.resultcode).toBe('1');
    expect(sim.state.visitors.has(no)).toBe(false);
    const gone = await simCall(sim, 'visitor/Delete', { no });
    expect(gone.msg).toContain('访客不存在');
  });

  it('a device going offline after the sync blocks the delete too', async () => {
    const { no } = await simOk(sim, 'visitor/Create', visitorData());
    await simOk(sim, 'visitor/SyncVisitor', { no, devicenos: 'D1001,D1003' });
    await simControl(sim, 'POST', '/__sim/device', { no: 'D1003', online: false });
    expect((await simCall(sim, 'visitor/Delete', { no })).msg).toContain('D1003');
    expect(sim.state.visitors.get(no)!.syncedDevices).toEqual(['D1003']);
  });
});

describe('rate limit', () => {
  it('refuses the 61st list call in a minute (default limit 60), shared by the three list calls', async () => {
    const calls = ['people/getlist', 'region/getlist', 'region/getpeoplelist'];
    for (let i = 0; i < 60; i++) {
      const path = calls[i % 3];
      const answer = await simCall(sim, path, { pageindex: 1, pagesize: 1, no: path === 'region/getpeoplelist' ? DEMO_REGIONS.campus : undefined });
      expect(answer.resultcode, `call ${i + 1}`).toBe('1');
    }
    const refused = await simCall(sim, 'region/getlist', { pageindex: 1, pagesize: 1 });
    expect(refused.resultcode).toBe('0');
    expect(refused.msg).toContain('请求过于频繁');
    expect(refused.msg).toContain('rate limit');
    // Other calls are not limited.
    expect((await simCall(sim, 'Device/GetList', { pageindex: 1, pagesize: 1 })).resultcode).toBe('1');
  });

  it('is a sliding minute (small limit, fake clock)', async () => {
    let now = new Date(2030, 0, 15, 10, 0, 0);
    const small = await startSimulator({ listLimitPerMinute: 3, now: () => now });
    try {
      const list = () => simCall(small, 'people/getlist', { pageindex: 1, pagesize: 1 });
      for (let i = 0; i < 3; i++) {
        expect((await list()).resultcode).toBe('1');
        now = new Date(now.getTime() + 10_000);
      }
      expect((await list()).msg).toContain('rate limit'); // t=30s: 3 calls in the window
      now = new Date(now.getTime() + 30_001); // t=60.001s: the first call left the window
      expect((await list()).resultcode).toBe('1');
      expect((await list()).msg).toContain('rate limit');
    } finally {
      await small.close();
    }
  });
});

describe('faults', () => {
  afterEach(() => sim.setFaults({ reset: true }));

  it('http500 answers 500 without applying the call, then recovers', async () => {
    await simControl(sim, 'POST', '/__sim/faults', { http500: 1, paths: ['visitor/Create'] });
    const count = sim.state.visitors.size;
    expect((await simCall(sim, 'Device/GetList', { pageindex: 1, pagesize: 1 })).status).toBe(200); // other path
    const failed = await simCall(sim, 'visitor/Create', visitorData());
    expect(failed.status).toBe(500);
    expect(sim.state.visitors.size).toBe(count);
    expect((await simCall(sim, 'visitor/Create', visitorData())).resultcode).toBe('1');
    expect(sim.state.visitors.size).toBe(count + 1);
  });

  it('dropAfterCommit applies the call and then drops the connection', async () => {
    await simControl(sim, 'POST', '/__sim/faults', { dropAfterCommit: 1 });
    const count = sim.state.visitors.size;
    await expect(simCall(sim, 'visitor/Create', visitorData({ name: '周掉线' }))).rejects.toThrow();
    expect(sim.state.visitors.size).toBe(count + 1);
    expect([...sim.state.visitors.values()].some((v) => v.name === '周掉线')).toBe(true);
    expect((await simCall(sim, 'Device/GetList', { pageindex: 1, pagesize: 1 })).resultcode).toBe('1');
  });

  it('http5xxAfterCommit applies the call and then answers the gateway status given (502 by default)', async () => {
    await simControl(sim, 'POST', '/__sim/faults', { http5xxAfterCommit: 2, afterCommitStatus: 504, paths: ['visitor/Create'] });
    const count = sim.state.visitors.size;
    expect((await simCall(sim, 'visitor/Create', visitorData({ name: '吴网关' }))).status).toBe(504);
    expect((await simCall(sim, 'visitor/Create', visitorData({ name: '郑网关', phone: '13600002222' }))).status).toBe(504);
    expect(sim.state.visitors.size).toBe(count + 2);
    // Spent: the next call is answered as usual, and other paths were never touched.
    expect((await simCall(sim, 'visitor/Create', visitorData({ name: '王正常', phone: '13600003333' }))).resultcode).toBe('1');
    expect(sim.state.visitors.size).toBe(count + 3);
  });

  it('malformed answers non-JSON; latency delays; {} clears', async () => {
    await simControl(sim, 'POST', '/__sim/faults', { malformed: 1, latencyMs: 150 });
    expect((await simControl(sim, 'GET', '/__sim/faults')).json).toMatchObject({ malformed: 1, latencyMs: 150 });
    const started = Date.now();
    const garbled = await simCall(sim, 'Device/GetList', { pageindex: 1, pagesize: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(garbled.status).toBe(200);
    expect(garbled.opened).toBeUndefined();
    await simControl(sim, 'POST', '/__sim/faults', {});
    expect((await simCall(sim, 'Device/GetList', { pageindex: 1, pagesize: 1 })).resultcode).toBe('1');
  });
});
