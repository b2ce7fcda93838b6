/**
 * The callback receiver against hostile or broken senders: one answer for every authentication
 * failure, replay protection that survives a restart, deadlines for slow connections and a cap
 * on open connections. All over real sockets.
 */
import { connect, type Socket } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptData, resolveCredentials, sealCallback, sign } from '../../../../src-main/k30/protocol';
import { CallbackReceiver, UNAUTHENTICATED, type CallbackReceiverOptions } from '../../../../src-main/services/callbacks/callback-receiver';
import { atomicFile } from '../../../../src-main/services/durable-file';
import { memoryLogger } from '../../../../src-main/services/ports';

const credentials = resolveCredentials({ companyno: 'CO-HARD-1', appSecret: 'hard-secret-1', aesKey: 'hard-aes-key-16b', aesIv: 'hard-aes-iv-16by' });
const genuine = { no: 'V1', deviceno: 'D1', resultcode: '1', msg: '' };

let dir: string;
const open: CallbackReceiver[] = [];
let handled: Record<string, unknown>[];

async function receiver(over: Partial<CallbackReceiverOptions> = {}): Promise<{ receiver: CallbackReceiver; url: string }> {
  const r = new CallbackReceiver({ credentials: () => credentials, handlers: { authstatus: (data) => void handled.push(data) }, log: memoryLogger(), ...over });
  open.push(r);
  return { receiver: r, url: (await r.setAddress('127.0.0.1:0'))! };
}

async function post(url: string, body: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, body: await res.text() };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callback-hardening-'));
  handled = [];
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('one answer for every authentication failure', () => {
  it('wrong company, wrong key, data that decrypts but is not JSON, bad signature and no connection all look the same', async () => {
    const { url } = await receiver();
    const sealed = sealCallback(credentials, 'authstatus', genuine);
    const otherCompany = sealCallback({ ...credentials, companyno: 'CO-OTHER' }, 'authstatus', genuine);
    const otherKey = sealCallback(
      resolveCredentials({ companyno: credentials.companyno, appSecret: 'x', aesKey: 'another-key-16by', aesIv: 'another-iv-16byt' }),
      'authstatus',
      genuine,
    );
    // Only someone holding the key could make this, but the answer must not tell a padding
    // failure from valid padding either (that difference is a decryption oracle).
    const notJson = { ...sealed, data: encryptData('not json at all', credentials.profile, credentials) };
    const badSign = {
      ...sealed,
      sign: sign({ method: 'authstatus', companyno: credentials.companyno, timestamp: sealed.timestamp, data: JSON.stringify(genuine) }, 'guess'),
    };
    const answers = [];
    for (const body of [otherCompany, otherKey, notJson, badSign]) answers.push(await post(url, JSON.stringify(body)));
    const { url: unconfigured } = await receiver({ credentials: () => undefined });
    answers.push(await post(unconfigured, JSON.stringify(sealed)));

    expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1);
    expect(answers[0].status).toBe(401);
    expect(JSON.parse(answers[0].body)).toMatchObject({ code: '0', resultcode: '0', msg: UNAUTHENTICATED });
    expect(handled).toEqual([]);
  });
});

describe('replay protection survives a restart', () => {
  it('a callback accepted before a restart is acknowledged again afterwards but not acted on twice', async () => {
    const file = join(dir, 'callback-replay.json');
    const first = await receiver({ replayFile: atomicFile(file) });
    const body = JSON.stringify(sealCallback(credentials, 'authstatus', genuine));
    expect((await post(first.url, body)).status).toBe(200);
    await first.receiver.whenIdle();
    expect(handled).toHaveLength(1);
    // On disk by the time the answer left.
    expect(await readFile(file, 'utf8')).toContain(JSON.parse(body).sign.toLowerCase());
    await first.receiver.close();

    const second = await receiver({ replayFile: atomicFile(file) });
    const again = await post(second.url, body);
    await second.receiver.whenIdle();
    expect(again.status).toBe(200);
    expect(handled).toHaveLength(1);
    // A new message is still welcome.
    expect((await post(second.url, JSON.stringify(sealCallback(credentials, 'authstatus', { ...genuine, deviceno: 'D2' })))).status).toBe(200);
    await second.receiver.whenIdle();
    expect(handled).toHaveLength(2);
  });

  it('an unreadable replay file is logged and the receiver still works', async () => {
    const log = memoryLogger();
    const r = await receiver({ log, replayFile: { read: async () => '{broken', write: async () => {} } });
    expect((await post(r.url, JSON.stringify(sealCallback(credentials, 'authstatus', genuine)))).status).toBe(200);
    expect(log.lines.join('\n')).toMatch(/replay memory could not be read/);
  });
});

/** Opens a raw connection, writes `text`, and resolves with how long the server kept it open. */
function heldOpenMs(url: string, text: string, giveUpMs: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket: Socket = connect(Number(port), hostname, () => socket.write(text));
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve(Infinity);
    }, giveUpMs);
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve(performance.now() - started);
    });
  });
}

describe('slow connections are cut off at the configured deadline', () => {
  const SETTING_MS = 300;
  const BOUND_MS = 4 * SETTING_MS;

  it('headers that never finish: closed within a small multiple of headersTimeoutMs', async () => {
    const { url } = await receiver({ headersTimeoutMs: SETTING_MS, requestTimeoutMs: SETTING_MS });
    const held = await heldOpenMs(url, 'POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ', 5000);
    expect(held).toBeGreaterThanOrEqual(SETTING_MS - 50);
    expect(held).toBeLessThan(BOUND_MS);
  });

  it('a body that never finishes: closed within a small multiple of requestTimeoutMs', async () => {
    const { url } = await receiver({ headersTimeoutMs: SETTING_MS, requestTimeoutMs: SETTING_MS });
    const held = await heldOpenMs(url, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"method":', 5000);
    expect(held).toBeLessThan(BOUND_MS);
  });

  it('a connection that sends nothing at all: closed too', async () => {
    const { url } = await receiver({ headersTimeoutMs: SETTING_MS, requestTimeoutMs: SETTING_MS });
    expect(await heldOpenMs(url, '', 5000)).toBeLessThan(BOUND_MS);
  });
});

describe('a cap on open connections', () => {
  it('refuses connections over maxConnections and serves again once one closes', async () => {
    const { url } = await receiver({ maxConnections: 3 });
    const { hostname, port } = new URL(url);
    const idle: Socket[] = [];
    const closed: number[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = connect(Number(port), hostname);
      socket.on('error', () => {});
      socket.on('close', () => closed.push(i));
      await new Promise((resolve) => socket.once('connect', resolve));
      idle.push(socket);
    }
    const extra = await heldOpenMs(url, '', 2000);
    expect(extra).toBeLessThan(1000);
    expect(closed).toEqual([]);

    idle.forEach((socket) => socket.destroy());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post(url, JSON.stringify(sealCallback(credentials, 'authstatus', genuine)))).status).toBe(200);
  });
});
