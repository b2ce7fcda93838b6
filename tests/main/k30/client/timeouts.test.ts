/**
 * The per-call deadline (transport.ts) covers headers and body: a server that never answers times
 * out on time, a body that trickles too, and either way the request's connection is closed, not
 * left hanging. Connections of prompt calls are kept alive, and closed when idle.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { HttpTransport, IDLE_SOCKET_MS } from '../../../../src-main/k30/client/transport';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose handler decides; it records when each connection closed. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; closedAt: number[]; requests: () => number; connections: () => number }> {
  const closedAt: number[] = [];
  let requests = 0;
  let connections = 0;
  server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    socket.on('close', () => closedAt.push(performance.now()));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, closedAt, requests: () => requests, connections: () => connections };
}

const TIMEOUT_MS = 300;
const client = (url: string) =>
  new K30Client({
    server: url,
    credentials: { companyno: 'CO' },
    timeoutMs: TIMEOUT_MS,
    retries: { attempts: 1 },
    limiter: new RateLimiter({ perMinute: 1000 }),
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

  it('a request still waiting for its headers is cut off at the deadline: its connection is closed, not left hanging', async () => {
    let answerLate: (() => void) | undefined;
    const late = await serve((req, res) => {
      req.resume();
      answerLate = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"late":true}');
    });
    const started = performance.now();
    await expect(client(late.url).call('Device/GetList', {})).rejects.toMatchObject({ failure: 'timeout' });
    expect(await waitFor(() => late.closedAt.length === 1)).toBe(true);
    expect(late.closedAt[0] - started).toBeLessThan(TIMEOUT_MS + 1500);
    // The answer that comes after all finds no one: the connection is gone.
    expect(() => answerLate!()).not.toThrow();
  });

  it('a transport goes on after a timeout: the next call gets a new connection', async () => {
    let calls = 0;
    const flaky = await serve((req, res) => {
      req.resume();
      if (++calls > 1) req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    const transport = new HttpTransport({ timeoutMs: TIMEOUT_MS });
    await expect(transport.post(`${flaky.url}/x`, '{}', 'x')).rejects.toMatchObject({ failure: 'timeout' });
    await expect(transport.post(`${flaky.url}/x`, '{}', 'x')).resolves.toEqual({ status: 200, text: '{"ok":true}' });
    expect(flaky.connections()).toBe(2);
  });

  it('a prompt server: every call on one kept-alive connection, no timeout', async () => {
    const prompt = await serve((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    const transport = new HttpTransport({ timeoutMs: TIMEOUT_MS });
    for (let i = 0; i < 3; i++) await expect(transport.post(`${prompt.url}/x`, '{}', 'x')).resolves.toEqual({ status: 200, text: '{"ok":true}' });
    expect(prompt.requests()).toBe(3);
    expect(prompt.connections()).toBe(1);
    // The deadlines of those calls passing later cut nothing off.
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 100));
    expect(prompt.closedAt).toEqual([]);
  });

  it('an idle kept-alive connection is closed by us before a server would close it', async () => {
    const prompt = await serve((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    server!.keepAliveTimeout = 60_000;
    expect(IDLE_SOCKET_MS).toBeLessThan(5_000); // Node's and Apache's keep-alive timeout
    const transport = new HttpTransport({ timeoutMs: TIMEOUT_MS, idleSocketMs: 100 });
    await transport.post(`${prompt.url}/x`, '{}', 'x');
    expect(await waitFor(() => prompt.closedAt.length === 1, 1000)).toBe(true);
  });

  it('an answer slower than the idle time is still read: only unused connections are closed for idleness', async () => {
    const slow = await serve((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"late":true}'), 400));
    });
    const transport = new HttpTransport({ timeoutMs: 2_000, idleSocketMs: 100 });
    await expect(transport.post(`${slow.url}/x`, '{}', 'x')).resolves.toEqual({ status: 200, text: '{"late":true}' });
  });

  it('an error answer whose small body never ends is refused at once, and its connection closed within the call time', async () => {
    const stuck = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(502, { 'content-type': 'text/plain', 'content-length': '100' });
        res.write('Bad gatew');
      });
    });
    const { error, ms } = await timed(() => new HttpTransport({ timeoutMs: TIMEOUT_MS }).post(`${stuck.url}/x`, '{}', 'x'));
    expect(error).toMatchObject({ failure: 'http-status', status: 502 });
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expect(await waitFor(() => stuck.closedAt.length === 1, TIMEOUT_MS * 4)).toBe(true);
  });
});
