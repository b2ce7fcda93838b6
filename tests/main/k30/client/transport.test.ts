/**
 * Bounded answers: the K30 client refuses an answer over its size cap (default 8 MB) and stops
 * reading it, whether the size is declared or streamed without end. How a failed POST is
 * classified: never sent, sent and broken, timed out; and what the transport does on the wire.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { DEFAULT_MAX_ANSWER_BYTES, HttpTransport } from '../../../../src-main/k30/client/transport';
import { classifyHttpError } from '../../../../src-main/k30/client/transport-failures';
import { answeringServer, withAnsweringServers, type AnsweredRequest } from '../../../helpers/answering-server';

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
  const coded = (code: string) => Object.assign(new Error(code), { code });

  it('tells never-sent from maybe-sent', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ERR_INVALID_URL'])
      expect(classifyHttpError(coded(code), live, 'connect'), code).toBe('refused');
    // Happy eyeballs: every address refused.
    expect(classifyHttpError(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), live, 'connect')).toBe('refused');
    expect(classifyHttpError(new AggregateError([coded('ECONNREFUSED'), coded('ECONNRESET')]), live, 'connect')).toBe('reset');
    expect(classifyHttpError(Object.assign(new Error('wrapped'), { cause: coded('ENOTFOUND') }), live, 'connect')).toBe('refused');
    expect(classifyHttpError(coded('ECONNRESET'), live, 'connect')).toBe('reset');
    expect(classifyHttpError(new Error('no code'), live, 'connect')).toBe('reset');
    expect(classifyHttpError(undefined, live, 'connect')).toBe('reset');
    expect(classifyHttpError(coded('ECONNREFUSED'), true, 'connect')).toBe('timeout');
    // Once connected (or on a reused connection) nothing is "never sent".
    for (const code of ['ECONNREFUSED', 'EHOSTUNREACH', 'ETIMEDOUT']) expect(classifyHttpError(coded(code), live, 'sent'), code).toBe('reset');
  });
});

describe('the transport over a real connection', () => {
  withAnsweringServers();
  const transport = () => new HttpTransport({ timeoutMs: 5_000 });
  const post = (url: string, body = '{}') => transport().post(`${url}/openapi/Device/GetList`, body, 'Device/GetList');

  it('sends JSON with its length, and reads the answer as UTF-8', async () => {
    const seen: AnsweredRequest[] = [];
    const server = await answeringServer((request) => {
      seen.push(request);
      return { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"msg":"查询成功"}' };
    });
    await expect(post(server.url, '{"name":"周杰"}')).resolves.toEqual({ status: 200, text: '{"msg":"查询成功"}' });
    expect(seen[0]).toMatchObject({ path: '/openapi/Device/GetList', body: '{"name":"周杰"}' });
    expect(seen[0].headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength('{"name":"周杰"}')),
    });
  });

  it('an answer broken off mid-body is a reset: the server may have acted', async () => {
    const server = await answeringServer(() => ({ body: `{"resultcode":"1","data":"${'x'.repeat(4096)}"}`, resetAfterBytes: 100 }));
    await expect(post(server.url)).rejects.toMatchObject({ name: 'K30TransportError', failure: 'reset', outcomeUnknown: true });
  });

  it('a kept-alive connection the server drops just as it is reused is a reset, never refused', async () => {
    const server = await answeringServer((request) => (request.onConnection === 1 ? { body: '{}' } : { reset: true }));
    const shared = transport();
    await expect(shared.post(`${server.url}/x`, '{}', 'x')).resolves.toEqual({ status: 200, text: '{}' });
    await expect(shared.post(`${server.url}/x`, '{}', 'x')).rejects.toMatchObject({ failure: 'reset', outcomeUnknown: true });
    expect(server.connections()).toBe(1);
  });

  it('an https: URL is spoken TLS to (a plain HTTP server cannot answer it; the connection was made, so a reset)', async () => {
    const plain = await answeringServer(() => ({ body: '{}' }));
    const error = await transport()
      .post(`${plain.url.replace('http:', 'https:')}/x`, '{}', 'x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'K30TransportError', failure: 'reset', outcomeUnknown: true });
    expect(plain.requests()).toBe(0);
  });

  it('an invalid URL is refused: nothing was sent', async () => {
    await expect(transport().post('http://[::1/openapi/x', '{}', 'x')).rejects.toMatchObject({ failure: 'refused', outcomeUnknown: false });
  });

  it('HTTP errors: a small body is read away and the connection reused, a big one closes it', async () => {
    let status = 503;
    const server = await answeringServer(() => (status === 503 ? { status, body: 'busy' } : { status, body: 'x'.repeat(1024 * 1024) }));
    const shared = transport();
    for (let i = 0; i < 2; i++)
      await expect(shared.post(`${server.url}/x`, '{}', 'x')).rejects.toMatchObject({
        failure: 'http-status',
        status: 503,
        message: 'x: HTTP 503 Service Unavailable',
      });
    expect(server.connections()).toBe(1);
    status = 500;
    await expect(shared.post(`${server.url}/x`, '{}', 'x')).rejects.toMatchObject({ failure: 'http-status', status: 500 });
    await expect(shared.post(`${server.url}/x`, '{}', 'x')).rejects.toMatchObject({ failure: 'http-status', status: 500 });
    expect(server.connections()).toBe(2);
  });
});
