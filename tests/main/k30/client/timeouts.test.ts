/**
 * The per-call timeout without an AbortSignal on every fetch (transport.ts): a server that never
 * answers still times out on time, a body that trickles still times out (and its connection is
 * closed), and once a server has timed out the next calls carry a signal that cuts them off.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { HttpTransport } from '../../../../src-main/k30/client/transport';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose handler decides; it records when each connection closed. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; closedAt: number[]; requests: () => number }> {
  const closedAt: number[] = [];
  let requests = 0;
  server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  server.on('connection', (socket: Socket) => socket.on('close', () => closedAt.push(performance.now())));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, closedAt, requests: () => requests };
}

const TIMEOUT_MS = 300;
const client = (url: string, fetchImpl?: typeof fetch) =>
  new K30Client({
    server: url,
    credentials: { companyno: 'CO' },
    timeoutMs: TIMEOUT_MS,
    retries: { attempts: 1 },
    limiter: new RateLimiter({ perMinute: 1000 }),
    fetch: fetchImpl,
  });

async function timed(work: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = performance.now() + ms;
  while (!check() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('per-call timeout', () => {
  it('a server that never answers: the call times out on time', async () => {
    const hung = await serve((req) => req.resume());
    const { error, ms } = await timed(() => client(hung.url).call('Device/OpenDoor', { deviceno: 'D1' }));
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'timeout', outcomeUnknown: true });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1500);
  });

  it('a body that trickles: times out on time and its connection is closed', async () => {
    const trickle = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"resultcode":"1","msg":"","data":"');
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const { error, ms } = await timed(() => client(trickle.url).call('Device/GetList', { pageindex: 1, pagesize: 1 }));
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'timeout' });
    expect(ms).toBeLessThan(TIMEOUT_MS + 1500);
    expect(await waitFor(() => trickle.closedAt.length === 1)).toBe(true);
  });

  it('after a timeout the next calls carry a signal: a hung request is cut off, its connection closed', async () => {
    const hung = await serve((req) => req.resume());
    const signals: (AbortSignal | null | undefined)[] = [];
    const recording: typeof fetch = (input, init) => {
      signals.push(init?.signal);
      return fetch(input, init);
    };
    const k30 = client(hung.url, recording);
    await expect(k30.call('Device/GetList', {})).rejects.toMatchObject({ failure: 'timeout' });
    expect(signals[0]).toBeUndefined(); // the usual, cheap way
    const closedBefore = hung.closedAt.length;
    const { error, ms } = await timed(() => k30.call('Device/GetList', {}));
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(ms).toBeLessThan(TIMEOUT_MS + 1500);
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[1]!.aborted).toBe(true);
    expect(await waitFor(() => hung.closedAt.length > closedBefore)).toBe(true);
  });

  it('a late answer to a request given up on is thrown away and its connection freed', async () => {
    let answer: ((text: string) => void) | undefined;
    const late = await serve((req, res) => {
      req.resume();
      answer = (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    });
    const transport = new HttpTransport({ fetch, timeoutMs: TIMEOUT_MS });
    await expect(transport.post(`${late.url}/openapi/Device/GetList`, '{}', 'Device/GetList')).rejects.toMatchObject({ failure: 'timeout' });
    expect(transport.abortable).toBe(true);
    // The answer comes after all: nobody reads it; the client cancels it, which frees the socket.
    answer!(`{"resultcode":"1","data":"${'x'.repeat(256 * 1024)}"}`);
    expect(await waitFor(() => late.closedAt.length === 1)).toBe(true);
  });

  it('a prompt server is unaffected: no signal, no timeout', async () => {
    const prompt = await serve((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    const transport = new HttpTransport({ fetch, timeoutMs: TIMEOUT_MS });
    for (let i = 0; i < 3; i++) await expect(transport.post(`${prompt.url}/x`, '{}', 'x')).resolves.toEqual({ status: 200, text: '{"ok":true}' });
    expect(transport.abortable).toBe(false);
    expect(prompt.requests()).toBe(3);
  });
});
