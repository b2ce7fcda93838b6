import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { K30CreatedWithoutNumberError, K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../../../src-main/k30/client/errors';
import { resolveCredentials } from '../../../../src-main/k30/protocol/credentials';
import { openRequest, sealResponse } from '../../../../src-main/k30/protocol/envelope';
import {
  createdNo,
  normaliseDevice,
  normalisePage,
  normalisePassRecord,
  normalisePerson,
  normaliseRegion,
  normaliseRegionPerson,
  parseSex,
} from '../../../../src-main/k30/client/normalise';
import { CALL_RULES, checkDeviceNos, validateRequest } from '../../../../src-main/k30/client/validate';
import { encodePhoto, isValidPhoto } from '../../../../src-main/k30/client/photo';
import { backoffCeiling, backoffDelay, isRetryable, retryPolicy, withRetry } from '../../../../src-main/k30/client/retry';
import { RateLimiter } from '../../../../src-main/k30/client/rate-limiter';
import { classifyFetchError } from '../../../../src-main/k30/client/transport';
import { isRateLimitedPath, isReadPath, PATHS } from '../../../../src-main/k30/client/paths';
import { K30Client, normaliseServer } from '../../../../src-main/k30/client';

const JPEG_B64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64');

describe('normalise', () => {
  it('reads the people/getlist row of the vendor example (camelCase, sex as 男/女)', () => {
    const person = normalisePerson({
      jobNumber: '100676',
      no: '1744965266261879',
      name: '张*',
      sex: '女',
      phone: '18126179289',
      idCard: '',
      icCard: '1000000189',
      type: '白名单',
      photo: '',
      idCardPhoto1: null,
      remark: '名单导入',
      startDate: '2022-02-10 00:00:00',
      effDate: '2052-02-10 23:59:59',
      deptNo: '1686638553482330',
      deptName: '研发部',
    });
    expect(person).toMatchObject({ no: '1744965266261879', jobnumber: '100676', sex: 'female', iccard: '1000000189', deptno: '1686638553482330', deptname: '研发部', startdate: '2022-02-10 00:00:00', native: '', nation: '' });
  });

  it('maps sex from 男/女/未知 and 0/1/2 as numbers or strings', () => {
    expect(['男', '女', '未知', 0, 1, 2, '0', '1', '2', undefined, null, 'x'].map(parseSex)).toEqual([
      'male', 'female', 'unknown', 'unknown', 'male', 'female', 'unknown', 'male', 'female', 'unknown', 'unknown', 'unknown',
    ]);
  });

  it('turns onlinestatus strings into booleans and keeps numbers as numbers', () => {
    const d = normaliseDevice({ no: '220114020314C', name: 'x', ip: '1.2.3.4', area: '4楼门口', regionname: '默认区域', outintype: '1', isenableattend: 1, onlinestatus: '0' });
    expect(d).toEqual({ no: '220114020314C', name: 'x', ip: '1.2.3.4', area: '4楼门口', regionname: '默认区域', outintype: 1, isenableattend: 1, online: false });
    expect(normaliseDevice({ onlinestatus: 1 }).online).toBe(true);
    expect(normaliseDevice({ onlinestatus: '1' }).online).toBe(true);
    expect(normaliseDevice({})).toEqual({ no: '', name: '', ip: '', area: '', regionname: '', outintype: 0, isenableattend: 0, online: false });
  });

  it('reads pages with string totals, JSON-string rows, a bare array, or nothing', () => {
    expect(normalisePage({ total: '56', totalPage: '3', data: [{ no: 'a' }] }, normaliseRegion)).toMatchObject({ total: 56, totalPage: 3, rows: [{ no: 'a' }] });
    expect(normalisePage(JSON.stringify({ total: 1, totalPage: 1, data: JSON.stringify([{ no: 'b' }]) }), normaliseRegion).rows[0].no).toBe('b');
    expect(normalisePage([{ no: 'c' }], normaliseRegion)).toMatchObject({ total: 1, totalPage: 1 });
    expect(normalisePage(undefined, normaliseRegion)).toEqual({ total: 0, totalPage: 0, rows: [] });
  });

  it('accepts appid for companyno and peoplno for peopleno', () => {
    expect(normaliseRegion({ no: '1', appid: 'C1', isdefault: 1, linkage: '1', manual: '0' })).toEqual({ no: '1', name: '', companyno: 'C1', parentno: '', isdefault: true, linkage: true, manual: false });
    expect(normalisePassRecord({ peoplno: 'P9', outintype: '1', exceptionmode: '1', group: '10', mode: '6' })).toMatchObject({ peopleno: 'P9', direction: 'in', normal: true, group: 10, mode: 6 });
    expect(normalisePassRecord({ peopleno: 'P1', peoplno: 'P2', outintype: 0, exceptionmode: '2' })).toMatchObject({ peopleno: 'P1', direction: 'out', normal: false });
  });

  it('reads region people with sex as 0/1/2 and photo as photoUrl', () => {
    const p = normaliseRegionPerson({ no: '1', sex: '1', photo: 'http://x/y.jpg', rolename: 3, entertime: '2026-04-09 16:42:34' });
    expect(p).toMatchObject({ sex: 'male', photoUrl: 'http://x/y.jpg', rolename: '3', entertime: '2026-04-09 16:42:34', deptname: '' });
  });

  it('finds a created number in any shape', () => {
    expect(createdNo({ no: 'N1' })).toBe('N1');
    expect(createdNo({ No: 123 })).toBe('123');
    expect(createdNo('N2')).toBe('N2');
    expect(createdNo('{"no":"N3"}')).toBe('N3');
    expect(createdNo(undefined)).toBe('');
    expect(createdNo({})).toBe('');
  });

  it('never throws on arbitrary rows (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const page = normalisePage(value, normalisePerson);
        expect(Number.isFinite(page.total)).toBe(true);
        for (const row of page.rows) expect(typeof row.name).toBe('string');
        expect(typeof normaliseDevice(value).online).toBe('boolean');
      }),
    );
  });
});

describe('validate', () => {
  const visitor = {
    name: '李四',
    phone: '13800138000',
    staffno: 'S1',
    begintime: '2025-06-01 09:00:00',
    endtime: '2025-06-01 11:00:00',
    idcard: '110101199003070011',
  };

  it('accepts a good visitor', () => {
    expect(() => validateRequest(PATHS.visitorCreate, visitor)).not.toThrow();
  });

  it.each(['name', 'phone', 'staffno', 'begintime', 'endtime', 'idcard'])('names the missing required field %s', (field) => {
    const data: Record<string, unknown> = { ...visitor };
    delete data[field];
    expect(() => validateRequest(PATHS.visitorCreate, data)).toThrowError(expect.objectContaining({ field, problem: 'is required' }));
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, [field]: '  ' })).toThrow(K30ValidationError);
  });

  it('checks vendor lengths from the one table', () => {
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, name: 'x'.repeat(51) })).toThrowError(/name is longer than 50/);
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, name: '字'.repeat(50) })).not.toThrow();
    expect(() => validateRequest(PATHS.departmentCreate, { name: 'd', remark: 'r'.repeat(100) })).not.toThrow();
    expect(() => validateRequest(PATHS.departmentCreate, { name: 'd', remark: 'r'.repeat(101) })).toThrowError(/remark/);
    expect(() => validateRequest(PATHS.peopleList, { pageindex: 1, pagesize: 1, name: 'n'.repeat(33) })).toThrowError(/name is longer than 32/);
    expect(CALL_RULES[PATHS.deviceUpdate].area.max).toBe(100);
  });

  it('checks date formats and order', () => {
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, begintime: '2025-06-01T09:00:00' })).toThrowError(expect.objectContaining({ field: 'begintime' }));
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, endtime: '2025-02-30 09:00:00' })).toThrowError(expect.objectContaining({ field: 'endtime' }));
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, endtime: visitor.begintime })).toThrowError(/endtime must be after begintime/);
    const records = { pageindex: 1, pagesize: 10, startdate: '2025-06-01', effdate: '2025-06-30' };
    expect(() => validateRequest(PATHS.recordList, records)).not.toThrow();
    expect(() => validateRequest(PATHS.recordList, { ...records, effdate: '2025-07-01' })).toThrowError(/same month/);
    expect(() => validateRequest(PATHS.recordList, { ...records, startdate: '2025-06-01 00:00:00' })).toThrowError(expect.objectContaining({ field: 'startdate' }));
    expect(() => validateRequest(PATHS.recordList, { ...records, startdate: '2025-06-30', effdate: '2025-06-01' })).toThrowError(expect.objectContaining({ field: 'effdate' }));
  });

  it('checks pwd, page numbers, enums and the sync target', () => {
    const person = { name: 'n', deptno: 'd', jobnumber: 'j' };
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '123456' })).not.toThrow();
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '1234567' })).toThrowError(expect.objectContaining({ field: 'pwd' }));
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '12a4' })).toThrowError(expect.objectContaining({ field: 'pwd' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 0, pagesize: 10 })).toThrowError(expect.objectContaining({ field: 'pageindex' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1, pagesize: 1001 })).toThrowError(expect.objectContaining({ field: 'pagesize' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1.5, pagesize: 10 })).toThrowError(expect.objectContaining({ field: 'pageindex' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1, pagesize: 1000 })).not.toThrow();
    expect(() => validateRequest(PATHS.recordList, { pageindex: 1, pagesize: 1, startdate: '2025-06-01', effdate: '2025-06-01', group: 5 })).toThrowError(expect.objectContaining({ field: 'group' }));
    expect(() => validateRequest(PATHS.deviceDoorMode, { deviceno: 'D', mode: 3 })).toThrowError(expect.objectContaining({ field: 'mode' }));
    expect(() => validateRequest(PATHS.peopleSync, { no: 'P' })).toThrowError(expect.objectContaining({ field: 'device_nos' }));
    expect(() => validateRequest(PATHS.peopleSync, { no: 'P', deptno: 'D' })).not.toThrow();
  });

  it('checks device lists', () => {
    expect(checkDeviceNos('deviceNos', ['A', 'B'], 'c')).toEqual(['A', 'B']);
    expect(() => checkDeviceNos('deviceNos', [], 'c', { required: true })).toThrowError(expect.objectContaining({ field: 'deviceNos' }));
    expect(() => checkDeviceNos('deviceNos', ['A', ''], 'c')).toThrowError(/empty/);
    expect(() => checkDeviceNos('deviceNos', ['A,B'], 'c')).toThrowError(/comma or space/);
    expect(() => checkDeviceNos('deviceNos', ['A B'], 'c')).toThrowError(/comma or space/);
    expect(() => checkDeviceNos('deviceNos', ['A', 'A'], 'c')).toThrowError(/twice/);
    const many = Array.from({ length: 40 }, (_, i) => `DEVICE${String(i).padStart(8, '0')}`);
    expect(() => checkDeviceNos('deviceNos', many, 'c', { maxJoined: 512 })).toThrowError(/512/);
    expect(() => validateRequest(PATHS.visitorSync, { no: 'V', devicenos: 'A,,B' })).toThrowError(expect.objectContaining({ field: 'devicenos' }));
  });

  it('checks photos: Base64 (with or without data: prefix) or an http(s) URL', () => {
    expect(isValidPhoto(JPEG_B64)).toBe(true);
    expect(isValidPhoto(`data:image/jpeg;base64,${JPEG_B64}`)).toBe(true);
    expect(isValidPhoto('https://cdn.example.com/a.jpg')).toBe(true);
    expect(isValidPhoto('ftp://x/a.jpg')).toBe(false);
    expect(isValidPhoto('not base64!')).toBe(false);
    expect(isValidPhoto('abc')).toBe(false);
    expect(isValidPhoto(`data:text/plain;base64,${JPEG_B64}`)).toBe(false);
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, photo: '%%%' })).toThrowError(expect.objectContaining({ field: 'photo' }));
  });

  it('never repeats the value in its message', () => {
    try {
      validateRequest(PATHS.visitorCreate, { ...visitor, idcard: 'SECRET-ID-'.repeat(10) });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });
});

describe('photo encoding', () => {
  it('adds, keeps or strips the data: prefix', () => {
    expect(encodePhoto(JPEG_B64, 'data-url')).toBe(`data:image/jpeg;base64,${JPEG_B64}`);
    expect(encodePhoto(JPEG_B64, 'bare')).toBe(JPEG_B64);
    expect(encodePhoto(`data:image/jpeg;base64,${JPEG_B64}`, 'bare')).toBe(JPEG_B64);
    expect(encodePhoto(`data:image/jpeg;base64,${JPEG_B64}`, 'data-url')).toBe(`data:image/jpeg;base64,${JPEG_B64}`);
    expect(encodePhoto(`data:image/png;base64,${JPEG_B64}`, 'data-url')).toBe(`data:image/png;base64,${JPEG_B64}`);
    expect(encodePhoto('http://10.0.0.1/a.jpg', 'data-url')).toBe('http://10.0.0.1/a.jpg');
    expect(encodePhoto('https://10.0.0.1/a.jpg', 'bare')).toBe('https://10.0.0.1/a.jpg');
  });
});

describe('retry', () => {
  const policy = retryPolicy({});

  it('uses the defaults 3 / 200 / 5000', () => {
    expect(policy).toEqual({ attempts: 3, baseMs: 200, capMs: 5000 });
  });

  it('caps exponential growth and jitters fully', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((r) => backoffCeiling(r, policy))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(800);
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = backoffDelay(retry, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1e-9, backoffCeiling(retry, policy)) + 1e-9);
        expect(delay).toBeLessThanOrEqual(5000);
      }),
    );
  });

  it('retries reads on any transport failure and 5xx, writes only when refused', () => {
    const t = (failure: 'refused' | 'timeout' | 'reset' | 'http-status', status?: number) => new K30TransportError('x', failure, 'c', status);
    expect(isRetryable(t('refused'), false)).toBe(true);
    expect(isRetryable(t('timeout'), false)).toBe(false);
    expect(isRetryable(t('reset'), false)).toBe(false);
    expect(isRetryable(t('http-status', 500), false)).toBe(false);
    expect(isRetryable(t('timeout'), true)).toBe(true);
    expect(isRetryable(t('reset'), true)).toBe(true);
    expect(isRetryable(t('http-status', 503), true)).toBe(true);
    expect(isRetryable(t('http-status', 404), true)).toBe(false);
    expect(isRetryable(new K30ServerError('频繁', 'c'), true)).toBe(false);
    expect(isRetryable(new K30ProtocolError('x', 'not-json'), true)).toBe(false);
  });

  it('sleeps between attempts and gives up after the last', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new K30TransportError('x', 'timeout', 'c');
    };
    await expect(withRetry(failing, true, policy, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.999 })).rejects.toThrow(K30TransportError);
    expect(calls).toBe(3);
    expect(sleeps.map(Math.round)).toEqual([200, 400]);
    calls = 0;
    await expect(withRetry(failing, false, policy, { sleep: async () => undefined })).rejects.toThrow(K30TransportError);
    expect(calls).toBe(1);
  });
});

describe('rate limiter', () => {
  function fakeClock() {
    let now = 0;
    return {
      now: () => now,
      /** Time passes once the work already running is done (its answers counted), as in a real wait. */
      sleep: async (ms: number) => {
        await new Promise((resolve) => setImmediate(resolve));
        now += ms;
      },
      get time() {
        return now;
      },
    };
  }

  it('never lets more than perMinute calls start in any window, and makes callers wait rather than fail', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 5, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const results = await Promise.all(Array.from({ length: 23 }, (_, i) => limiter.schedule(async () => (starts.push(clock.time), i))));
    expect(results).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const t of starts) expect(starts.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(5);
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts[5]).toBe(60_000);
    expect(starts[22]).toBe(240_000);
  });

  it('keeps a reserve for interactive calls: background calls never make a host search wait', async () => {
    // A clock whose sleeps take a turn of the event loop, so the search below comes "meanwhile".
    let time = 0;
    const clock = { now: () => time, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(() => ((time += ms), resolve()), 0)), get time() { return time; } };
    const limiter = new RateLimiter({ perMinute: 10, reserve: 4, now: clock.now, sleep: clock.sleep });
    const starts: Record<string, number> = {};
    const background = Array.from({ length: 12 }, (_, i) => limiter.schedule(async () => void (starts[`b${i}`] = clock.time), 'background'));
    const search = limiter.schedule(async () => void (starts.search = clock.time));
    await Promise.all([...background, search]);
    expect(starts.search).toBe(0);
    expect(Array.from({ length: 6 }, (_, i) => starts[`b${i}`])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(starts.b6).toBe(60_000);
    // Never more than perMinute in any window, background ones never more than perMinute - reserve.
    const times = Object.values(starts);
    for (const t of times) expect(times.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(10);
  });

  it('passes on the failure of a call without blocking the queue', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 2, now: clock.now, sleep: clock.sleep });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule(async () => 'ok')).resolves.toBe('ok');
    expect(limiter.inWindow).toBe(2);
  });

  it('knows which paths are limited and which are reads', () => {
    expect([PATHS.peopleList, PATHS.regionList, PATHS.regionPeople, 'People/GetList'].map(isRateLimitedPath)).toEqual([true, true, true, true]);
    expect([PATHS.deviceList, PATHS.departmentList, PATHS.recordList].map(isRateLimitedPath)).toEqual([false, false, false]);
    expect([PATHS.deviceList, PATHS.deviceStatus, PATHS.recordList, '/openapi/region/getpeoplelist'].map(isReadPath)).toEqual([true, true, true, true]);
    expect([PATHS.visitorCreate, PATHS.deviceOpenDoor, 'attendance/attcalculate'].map(isReadPath)).toEqual([false, false, false]);
  });
});

describe('transport classification', () => {
  const live = new AbortController().signal;
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });

  it('tells never-sent from maybe-sent', () => {
    expect(classifyFetchError(fetchFailed(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), live, 'connect')).toBe('refused');
    expect(classifyFetchError(fetchFailed(Object.assign(new Error('x'), { code: 'ENOTFOUND' })), live, 'connect')).toBe('refused');
    expect(classifyFetchError(fetchFailed(Object.assign(new Error('x'), { code: 'EHOSTUNREACH' })), live, 'connect')).toBe('refused');
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]);
    expect(classifyFetchError(fetchFailed(aggregate), live, 'connect')).toBe('refused');
    expect(classifyFetchError(fetchFailed(Object.assign(new Error('x'), { code: 'ECONNRESET' })), live, 'connect')).toBe('reset');
    expect(classifyFetchError(fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), live, 'connect')).toBe('reset');
    expect(classifyFetchError(fetchFailed(undefined), live, 'connect')).toBe('reset');
    expect(classifyFetchError(new DOMException('t', 'TimeoutError'), live, 'connect')).toBe('timeout');
    expect(classifyFetchError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), live, 'body')).toBe('reset');
  });
});

describe('client with a fake fetch', () => {
  const credentials = { companyno: 'C1', appSecret: 'secret-1', aesKey: 'key-1234567890ab', aesIv: 'iv-1234567890abc' };
  const resolved = resolveCredentials(credentials);

  function fakeServer(answer: (path: string, data: Record<string, unknown>) => Record<string, unknown>) {
    const seen: { path: string; data: Record<string, unknown> }[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      const path = String(input).replace(/^.*\/openapi\//, '');
      const { data } = openRequest(JSON.parse(String(init?.body)), resolved);
      seen.push({ path, data });
      return new Response(JSON.stringify(answer(path, data)), { status: 200 });
    }) as typeof fetch;
    return { seen, fetchImpl };
  }

  const ok = (data?: unknown) => sealResponse(resolved, { resultcode: '1', msg: 'Success', data });

  it('normalises the server URL', () => {
    expect(normaliseServer('http://127.0.0.1:8030/')).toBe('http://127.0.0.1:8030');
    expect(normaliseServer('127.0.0.1:8030')).toBe('http://127.0.0.1:8030');
    expect(normaliseServer('https://k30.local/base/openapi/')).toBe('https://k30.local/base');
    expect(() => normaliseServer('ftp://x')).toThrow(K30ValidationError);
  });

  it('sends nothing when a field check fails', async () => {
    const { seen, fetchImpl } = fakeServer(() => ok());
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    await expect(client.createVisitor({ name: 'a', phone: '1', staffno: '', begintime: '2025-01-01 00:00:00', endtime: '2025-01-01 01:00:00', idcard: 'x' })).rejects.toMatchObject({ field: 'staffno' });
    expect(seen).toHaveLength(0);
  });

  it('formats Dates, leaves optional fields out, encodes photos, maps door modes and region flags', async () => {
    const { seen, fetchImpl } = fakeServer((path) => ok(path === PATHS.visitorCreate ? { no: 'V1' } : path === PATHS.regionCreate ? { no: 'R1' } : undefined));
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, photoEncoding: 'bare' });
    const begin = new Date(2025, 5, 1, 9, 5, 7);
    await expect(client.createVisitor({ name: 'a', phone: '1', staffno: 'S', begintime: begin, endtime: new Date(begin.getTime() + 3600_000), idcard: 'x', photo: `data:image/jpeg;base64,${JPEG_B64}` })).resolves.toEqual({ outcome: 'created', no: 'V1' });
    expect(seen[0].data).toEqual({ name: 'a', phone: '1', staffno: 'S', begintime: '2025-06-01 09:05:07', endtime: '2025-06-01 10:05:07', idcard: 'x', photo: JPEG_B64 });
    await client.setDoorMode('D1', 'always-closed');
    expect(seen[1]).toEqual({ path: 'Device/SetLongOpenByDevice', data: { deviceno: 'D1', mode: 2 } });
    await expect(client.createRegion({ name: 'r', linkage: true, manual: false })).resolves.toEqual({ no: 'R1' });
    expect(seen[2].data).toEqual({ name: 'r', linkage: '1', manual: '0' });
    await client.listPassRecords({ pageindex: 1, pagesize: 5, startdate: new Date(2025, 5, 1), effdate: new Date(2025, 5, 30, 23, 0, 0), group: 10 });
    expect(seen[3].data).toEqual({ pageindex: 1, pagesize: 5, startdate: '2025-06-01', effdate: '2025-06-30', group: 10 });
    await client.syncPersonToDevices({ no: 'P', deviceNos: ['A', 'B'], deptno: 'ignored' });
    expect(seen[4].data).toEqual({ no: 'P', device_nos: 'A,B' });
  });

  it('answers created-without-no for a visitor and raises created-but-unknown for a department', async () => {
    const { fetchImpl } = fakeServer(() => ok());
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    await expect(client.createVisitor({ name: 'a', phone: '1', staffno: 'S', begintime: '2025-01-01 00:00:00', endtime: '2025-01-01 01:00:00', idcard: 'x' })).resolves.toEqual({ outcome: 'created-without-no' });
    const error = await client.createDepartment({ name: 'd' }).catch((e) => e);
    expect(error).toBeInstanceOf(K30CreatedWithoutNumberError);
    expect(error).toBeInstanceOf(K30ServerError);
    expect(error.message).toMatch(/created but number unknown/);
  });

  it('finds a created person by job number across pages of a name search', async () => {
    const { seen, fetchImpl } = fakeServer((path, data) => {
      if (path === PATHS.peopleCreate) return ok();
      const rows = data.pageindex === 1 ? [{ no: 'X1', jobNumber: 'J-other', name: '王五' }] : [{ no: 'X2', jobNumber: 'J-42', name: '王五' }];
      return ok({ total: 2, totalPage: 2, data: rows });
    });
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    await expect(client.createPerson({ name: '王五', deptno: 'D', jobnumber: 'J-42' })).resolves.toEqual({ no: 'X2', foundBy: 'jobnumber' });
    expect(seen.map((s) => s.path)).toEqual([PATHS.peopleCreate, PATHS.peopleList, PATHS.peopleList]);
    expect(seen[1].data).toMatchObject({ name: '王五', pageindex: 1 });
  });

  it('raises created-but-unknown when the person cannot be found', async () => {
    const { fetchImpl } = fakeServer((path) => (path === PATHS.peopleCreate ? ok() : ok({ total: 0, totalPage: 0, data: [] })));
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    await expect(client.createPerson({ name: 'n', deptno: 'D', jobnumber: 'J' })).rejects.toThrow(K30CreatedWithoutNumberError);
  });

  it('applies the answer signature policy', async () => {
    const forged = () => ({ ...ok({ total: 0, totalPage: 0, data: [] }), sign: '0'.repeat(32) });
    const warnings: string[] = [];
    const { fetchImpl } = fakeServer(forged);
    const warn = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, responseSignPolicy: 'warn', logger: { warn: (m) => warnings.push(m) } });
    await expect(warn.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toMatchObject({ total: 0 });
    expect(warnings.join('\n')).toMatch(/signature/);
    expect(warnings.join('\n')).not.toContain('secret-1');
    const strict = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, responseSignPolicy: 'strict' });
    await expect(strict.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ failure: 'bad-signature' });
    // Unverified answers never count unless the installer says so: strict is the default.
    const byDefault = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    expect(byDefault.responseSignPolicy).toBe('strict');
    await expect(byDefault.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ failure: 'bad-signature' });
    const off = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, responseSignPolicy: 'off', logger: { warn: (m) => warnings.push(`off ${m}`) } });
    await off.listDevices({ pageindex: 1, pagesize: 1 });
    expect(warnings.some((w) => w.startsWith('off'))).toBe(false);
  });

  it('accepts all four shapes of answer data and appid', async () => {
    const page = { total: '1', totalPage: '1', data: [{ no: 'D1', onlinestatus: '1' }] };
    for (const dataShape of ['encrypted', 'json-string', 'object'] as const) {
      const { fetchImpl } = fakeServer(() => sealResponse(resolved, { resultcode: '1', msg: 'ok', data: page }, { dataShape, idField: 'appid' }));
      const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, responseSignPolicy: 'strict' });
      await expect(client.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toEqual({ total: 1, totalPage: 1, rows: [expect.objectContaining({ no: 'D1', online: true })] });
    }
    const { fetchImpl } = fakeServer(() => ok());
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, responseSignPolicy: 'strict' });
    await expect(client.call('Device/OpenDoor', { deviceno: 'D' })).resolves.toBeNull();
  });

  it('maps resultcode 0, non-JSON bodies and undecryptable data', async () => {
    let body = JSON.stringify(sealResponse(resolved, { resultcode: '0', msg: '设备离线' }));
    const fetchImpl = (async () => new Response(body, { status: 200 })) as typeof fetch;
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl });
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ServerError', msg: '设备离线', call: 'Device/OpenDoor' });
    body = '<html>oops</html>';
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'not-json' });
    body = JSON.stringify({ resultcode: '1', msg: 'ok', data: 'AAAAAAAAAAAAAAAAAAAAAA%3d%3d' });
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'undecryptable' });
  });

  it('retries a read after HTTP 500 but not a write', async () => {
    let calls = 0;
    const fetchImpl = (async () => (++calls < 3 ? new Response('no', { status: 500 }) : new Response(JSON.stringify(ok({ total: 0, totalPage: 0, data: [] })), { status: 200 }))) as typeof fetch;
    const client = new K30Client({ server: 'http://k30', credentials, fetch: fetchImpl, retries: { baseMs: 1, capMs: 2 } });
    await expect(client.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toMatchObject({ total: 0 });
    expect(calls).toBe(3);
    calls = 0;
    await expect(client.openDoor('D')).rejects.toMatchObject({ failure: 'http-status', status: 500 });
    expect(calls).toBe(1);
  });
});
