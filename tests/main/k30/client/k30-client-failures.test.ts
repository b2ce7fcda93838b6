/** The client's refusals and failures against the K30 simulator over real HTTP: field checks before sending, retries, the rate limit. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, HttpTransport, K30Client, PATHS, RateLimiter, type K30Transport } from '../../../../src-main/k30/client';
import { K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../../../src-main/k30/client/errors';
import { DEMO_DEVICES, DEMO_REGIONS, startSimulator } from '../../../../src-main/k30/simulator';
import { clientFor, deadPort, recorder, setFaults, sim, simState, withDemoSimulator, visitorInput } from '../../../helpers/k30-client-rig';

withDemoSimulator();

describe('field checks before sending', () => {
  it('names the missing required field of each call and sends nothing', async () => {
    const rec = recorder(sim);
    const client = clientFor(sim, { transport: rec.transport });
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
    const page = await clientFor(sim, { transport: rec.transport }).listDevices({ pageindex: 1, pagesize: 20 });
    expect(page.total).toBe(Object.keys(DEMO_DEVICES).length);
    expect(rec.attempts).toBe(3);
  });

  it('gives up on a read after the last attempt', async () => {
    await setFaults({ http500: 5, paths: [PATHS.regionList] });
    const rec = recorder(sim);
    const error = await clientFor(sim, { transport: rec.transport })
      .listRegions({ pageindex: 1, pagesize: 5 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'http-status', status: 500, outcomeUnknown: true });
    expect(rec.attempts).toBe(3);
  });

  it('does not retry a state-changing call after HTTP 500', async () => {
    await setFaults({ http500: 1, paths: [PATHS.deviceOpenDoor] });
    const rec = recorder(sim);
    await expect(clientFor(sim, { transport: rec.transport }).openDoor(DEMO_DEVICES.buildingAIn)).rejects.toMatchObject({
      failure: 'http-status',
      status: 500,
    });
    expect(rec.attempts).toBe(1);
  });

  it('never retries visitor/Create after the connection drops: outcome unknown, exactly one visitor created', async () => {
    const before = (await simState()).visitors.length;
    await setFaults({ dropAfterCommit: 1, paths: [PATHS.visitorCreate] });
    const rec = recorder(sim);
    const error = await clientFor(sim, { transport: rec.transport })
      .createVisitor(visitorInput({ name: '掉线' }))
      .catch((e: unknown) => e);
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
    await expect(clientFor(sim, { transport: rec.transport }).getDeviceStatus(DEMO_DEVICES.labIn)).resolves.toMatchObject({ no: DEMO_DEVICES.labIn });
    expect(rec.attempts).toBe(2);
  });

  it('times out: a write is not retried (outcome unknown), a read is', async () => {
    await setFaults({ latencyMs: 400, paths: [PATHS.deviceOpenDoor, PATHS.deviceList] });
    const rec = recorder(sim, { timeoutMs: 100 });
    const client = clientFor(sim, { transport: rec.transport });
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
    const result = await clientFor(sim, { transport: rec.transport }).createVisitor(visitorInput({ name: '重试' }));
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
    await expect(clientFor(sim, { transport: rec.transport }).listDevices({ pageindex: 1, pagesize: 5 })).rejects.toMatchObject({
      name: 'K30ProtocolError',
      failure: 'not-json',
    });
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
    await expect(warn.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({
      name: 'K30ServerError',
      msg: expect.stringMatching(/签名|signature/),
    });
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
      track: (inner: K30Transport): K30Transport => ({
        async post(url, body, call) {
          inFlight++;
          try {
            return await inner.post(url, body, call);
          } finally {
            if (--inFlight === 0) {
              const waiting = idle;
              idle = [];
              waiting.forEach((resolve) => resolve());
            }
          }
        },
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
        transport: clock.track(new HttpTransport({ timeoutMs: DEFAULT_TIMEOUT_MS })),
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
