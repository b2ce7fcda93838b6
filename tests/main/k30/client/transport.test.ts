/**
 * Bounded answers: the K30 client refuses an answer over its size cap (default 8 MB) and stops
 * reading it, whether the size is declared or streamed without end. And how a failed fetch is
 * classified: never sent, sent and broken, timed out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { classifyFetchError, DEFAULT_MAX_ANSWER_BYTES } from '../../../../src-main/k30/client/transport';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Answers every POST with `{"resultcode":"1","data":"xxxx…` for up to `limit` bytes; counts what it wrote. */
async function floodingServer(opts: { declare?: number; limit: number }): Promise<{ url: string; sent: () => number }> {
  let sent = 0;
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', ...(opts.declare ? { 'content-length': String(opts.declare) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    res.write('{"resultcode":"1","msg":"","data":"');
    const pump = () => {
      while (sent < opts.limit && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('"}');
    };
    res.on('close', () => res.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent };
}

const client = (url: string, maxAnswerBytes?: number) =>
  new K30Client({
    server: url,
    credentials: { companyno: 'CO' },
    maxAnswerBytes,
    timeoutMs: 30_000,
    retries: { attempts: 1 },
    limiter: new RateLimiter({ perMinute: 1000 }),
  });

describe('answers over the size cap', () => {
  it('the default cap is 8 MB', () => {
    expect(DEFAULT_MAX_ANSWER_BYTES).toBe(8 * 1024 * 1024);
  });

  it('a streamed answer without end is refused after the cap, not read on', async () => {
    const flood = await floodingServer({ limit: 512 * 1024 * 1024 });
    await expect(client(flood.url).listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'too-large' });
    // The server could write ahead into socket buffers, but not much past the cap.
    expect(flood.sent()).toBeLessThan(3 * DEFAULT_MAX_ANSWER_BYTES);
  });

  it('a declared length over a configured cap is refused before reading', async () => {
    const flood = await floodingServer({ declare: 2 * 1024 * 1024, limit: 2 * 1024 * 1024 - 40 });
    await expect(client(flood.url, 1024 * 1024).call('Device/GetList', {})).rejects.toMatchObject({
      name: 'K30ProtocolError',
      failure: 'too-large',
      message: expect.stringMatching(/larger than 1048576 bytes/),
    });
  });
});

describe('transport classification', () => {
  const live = false; // the deadline has not passed
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
