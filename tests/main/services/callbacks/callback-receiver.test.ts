import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials, sealCallback, sign } from '../../../../src-main/k30/protocol';
import { CallbackReceiver, parseHostPort, visitCallbackHandlers } from '../../../../src-main/services/callbacks/callback-receiver';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger, type VisitRecord } from '../../../../src-main/services/visits/ledger';
import type { EventPayload } from '../../../../src-preload/contract';
import { ledgerRecord } from '../../../helpers/ledger-suite';

const credentials = resolveCredentials({ companyno: 'CO-TEST-1', appSecret: 'callback-secret-1', aesKey: 'callback-aes-key', aesIv: 'callback-aes-iv-1' });

/** A visit live now, pushed to its two doors: what a callback confirms. */
function visit(): VisitRecord {
  return ledgerRecord('visit-1', {
    state: 'pushed',
    k30No: '1760000000000001',
    begin: new Date(Date.now() - 3600_000).toISOString(),
    end: new Date(Date.now() + 3600_000).toISOString(),
    devices: [
      { no: 'D1', state: 'pushed' },
      { no: 'D2', state: 'pushed' },
    ],
    history: [],
    createdAt: new Date().toISOString(),
    private: {},
  });
}

interface Answer {
  status: number;
  body: string;
}

/** A raw POST (node:http), so oversize bodies and early answers can be observed. */
function post(url: string, body: string | Buffer, opts: { chunked?: boolean; method?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    const req = request(
      url,
      { method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', ...(opts.chunked ? {} : { 'content-length': data.length }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (opts.chunked) {
      // Feed in pieces: the receiver must answer and stop reading once over the limit.
      let offset = 0;
      const feed = () => {
        while (offset < data.length) {
          const piece = data.subarray(offset, offset + 64 * 1024);
          offset += piece.length;
          if (!req.write(piece)) return req.once('drain', feed);
        }
        req.end();
      };
      feed();
    } else {
      req.end(data);
    }
  });
}

const envelope = (method: string, data: unknown, now = new Date(), creds = credentials) => JSON.stringify(sealCallback(creds, method, data, now));

let dir: string;
let ledger: VisitLedger;
let events: EventBus;
let receiver: CallbackReceiver;
let url: string;
let updates: EventPayload<'visitUpdated'>[];
let passes: EventPayload<'visitorPassed'>[];
let log: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callbacks-'));
  log = memoryLogger();
  ledger = await VisitLedger.open({ dataDir: dir, log });
  await ledger.add(visit());
  events = new EventBus();
  updates = [];
  passes = [];
  events.on('visitUpdated', (v) => updates.push(v));
  events.on('visitorPassed', (p) => passes.push(p));
  receiver = new CallbackReceiver({ credentials: () => credentials, handlers: visitCallbackHandlers({ ledger, events, log }), log });
  url = (await receiver.setAddress('127.0.0.1:0'))!;
});

afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

const ledgerBytes = () => readFile(join(dir, 'visits.json'));

describe('genuine callbacks', () => {
  it('authstatus confirms or fails a device of our visit and emits visitUpdated', async () => {
    const ok = await post(url, envelope('authstatus', { no: '1760000000000001', deviceno: 'D1', resultcode: '1', msg: 'Success' }));
    expect(ok).toEqual({ status: 200, body: '{"code":"1","resultcode":"1","msg":"成功"}' });
    const bad = await post(url, envelope('authstatus', { no: '1760000000000001', deviceno: 'D2', resultcode: '0', msg: '照片质量不合格' }));
    expect(bad.status).toBe(200);
    await receiver.whenIdle();
    const devices = ledger.get('visit-1')!.devices;
    expect(devices).toMatchObject([
      { no: 'D1', state: 'confirmed' },
      { no: 'D2', state: 'failed', message: '照片质量不合格' },
    ]);
    expect(updates.at(-1)!.devices).toEqual(devices);
    expect(updates).toHaveLength(2);
  });

  it('UploadRecord for our visitor sets lastPassAt and emits visitorPassed', async () => {
    const answer = await post(
      url,
      envelope('UploadRecord', {
        recordNo: '1',
        peopleNo: '1760000000000001',
        peopleName: '张三',
        deviceNo: 'D1',
        deviceName: '大门入口',
        outinType: 1,
        recogMode: 0,
        addTime: '2030-01-01 09:30:00',
        exceptionMode: 1,
      }),
    );
    expect(answer.status).toBe(200);
    await receiver.whenIdle();
    const at = new Date(2030, 0, 1, 9, 30, 0).toISOString();
    expect(ledger.get('visit-1')!.lastPassAt).toBe(at);
    expect(passes).toEqual([{ visitId: 'visit-1', deviceNo: 'D1', deviceName: '大门入口', direction: 'in', at }]);
    expect(updates.at(-1)!.lastPassAt).toBe(at);
  });

  it('a callback about someone else is acknowledged and changes nothing', async () => {
    const before = await ledgerBytes();
    expect((await post(url, envelope('authstatus', { no: 'someone-else', deviceno: 'D1', resultcode: '1', msg: '' }))).status).toBe(200);
    expect((await post(url, envelope('SomethingNew', { x: 1 }))).status).toBe(200);
    await receiver.whenIdle();
    expect(await ledgerBytes()).toEqual(before);
    expect(updates).toEqual([]);
  });

  it('answers before the work is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let done = false;
    const slow = new CallbackReceiver({
      credentials: () => credentials,
      handlers: {
        authstatus: async () => {
          await gate;
          done = true;
        },
      },
      log,
    });
    const slowUrl = (await slow.setAddress('127.0.0.1:0'))!;
    try {
      const answer = await post(slowUrl, envelope('authstatus', { no: '1', deviceno: 'D1', resultcode: '1', msg: '' }));
      expect(answer.status).toBe(200);
      expect(done).toBe(false);
      release();
      await slow.whenIdle();
      expect(done).toBe(true);
    } finally {
      release();
      await slow.close();
    }
  });
});

describe('rejected callbacks change nothing', () => {
  const genuine = { no: '1760000000000001', deviceno: 'D1', resultcode: '1', msg: 'Success' };

  async function expectRejected(body: string | Buffer, status: number, opts?: { chunked?: boolean; method?: string }) {
    const before = await ledgerBytes();
    const answer = await post(url, body, opts);
    expect(answer.status).toBe(status);
    await receiver.whenIdle();
    expect(await ledgerBytes()).toEqual(before);
    expect(updates).toEqual([]);
    expect(passes).toEqual([]);
    return answer;
  }

  it('a forged signature: 401', async () => {
    const sealed = sealCallback(credentials, 'authstatus', genuine);
    const forged = {
      ...sealed,
      sign: sign({ method: 'authstatus', companyno: credentials.companyno, timestamp: sealed.timestamp, data: JSON.stringify(genuine) }, 'guessed-secret'),
    };
    await expectRejected(JSON.stringify(forged), 401);
  });

  it('a genuine envelope with its data swapped: 401', async () => {
    const sealed = sealCallback(credentials, 'authstatus', genuine);
    const other = sealCallback(credentials, 'authstatus', { ...genuine, resultcode: '0', msg: 'forged' });
    await expectRejected(JSON.stringify({ ...sealed, data: other.data }), 401);
  });

  it('plain JSON data signed with a wrong key: 401', async () => {
    const body = {
      method: 'authstatus',
      companyno: credentials.companyno,
      timestamp: sealCallback(credentials, 'x', {}).timestamp,
      data: JSON.stringify(genuine),
      sign: '0'.repeat(32),
    };
    await expectRejected(JSON.stringify(body), 401);
  });

  it('another company: 401', async () => {
    const other = resolveCredentials({ companyno: 'CO-OTHER', appSecret: 'callback-secret-1', aesKey: 'callback-aes-key', aesIv: 'callback-aes-iv-1' });
    await expectRejected(envelope('authstatus', genuine, new Date(), other), 401);
  });

  it('a stale or future timestamp: 400', async () => {
    await expectRejected(envelope('authstatus', genuine, new Date(Date.now() - 6 * 60_000)), 400);
    await expectRejected(envelope('authstatus', genuine, new Date(Date.now() + 6 * 60_000)), 400);
  });

  it('a repeat of an accepted callback: acknowledged again (the server stops resending), acted on once', async () => {
    const body = envelope('authstatus', genuine);
    expect((await post(url, body)).status).toBe(200);
    await receiver.whenIdle();
    expect(ledger.get('visit-1')!.devices[0].state).toBe('confirmed');
    updates.length = 0;
    const again = await expectRejected(body, 200);
    expect(JSON.parse(again.body)).toMatchObject({ code: '1', resultcode: '1' });
  });

  it('a body over 1 MB: 413, with or without a declared length', async () => {
    const huge = JSON.stringify({ method: 'authstatus', pad: 'x'.repeat(1024 * 1024 + 10) });
    await expectRejected(huge, 413);
    await expectRejected(huge, 413, { chunked: true });
  });

  it('malformed JSON or a non-envelope: 400', async () => {
    await expectRejected('{"method":"authstatus",', 400);
    await expectRejected('[1,2]', 400);
    await expectRejected(JSON.stringify({ method: 'authstatus' }), 400);
  });

  it('anything but POST: 405', async () => {
    await expectRejected('', 405, { method: 'GET' });
  });

  it('with no connection configured: 401, like any unauthenticated message', async () => {
    const unconfigured = new CallbackReceiver({ credentials: () => undefined, handlers: visitCallbackHandlers({ ledger, events, log }), log });
    const other = (await unconfigured.setAddress('127.0.0.1:0'))!;
    try {
      const before = await ledgerBytes();
      expect((await post(other, envelope('authstatus', genuine))).status).toBe(401);
      expect(await ledgerBytes()).toEqual(before);
    } finally {
      await unconfigured.close();
    }
  });
});

describe('receiver lifecycle', () => {
  it('parses host:port, including IPv6', () => {
    expect(parseHostPort('127.0.0.1:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseHostPort('[::1]:9')).toEqual({ host: '::1', port: 9 });
    expect(() => parseHostPort('nonsense')).toThrow();
  });

  it('moves to a new address and is off with an empty one', async () => {
    const second = (await receiver.setAddress('127.0.0.1:0'))!;
    expect(receiver.url).toBe(second);
    expect((await post(second, envelope('authstatus', { no: 'x', deviceno: 'D', resultcode: '1', msg: '' }))).status).toBe(200);
    await receiver.setAddress('');
    expect(receiver.url).toBeUndefined();
    await expect(post(second, '{}')).rejects.toThrow();
  });
});
