/**
 * The photo proxy's timeout holds while the body is read, even when the garbage collector runs.
 * Some fetch implementations hold the request's signal only weakly once the answer has started
 * (a bare AbortSignal.timeout() was then collected with its timer, and a server stalling mid-body
 * held a 3 s download for 40 s). The fetch here does exactly that: it keeps a WeakRef to the
 * signal and checks it while it streams the body of a real, stalling HTTP server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { PhotoProxy } from '../../../../src-main/services/presence/photo-proxy';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Sends the headers and a first piece of a JPEG, then nothing more. */
async function stallingPhotoServer(): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': '100000' });
    res.write(Buffer.alloc(1000, 0xff));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Real fetch for the headers, then a body stream that follows the signal through a WeakRef only. */
const weaklyHeldSignalFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const inner = new AbortController();
  const res = await fetch(input, { ...init, signal: inner.signal });
  const held = new WeakRef(init!.signal!);
  const reader = res.body!.getReader();
  let watch: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      watch = setInterval(() => {
        const reason = held.deref()?.aborted ? held.deref()!.reason : undefined;
        if (reason === undefined) return;
        clearInterval(watch);
        inner.abort(reason);
        controller.error(reason);
      }, 10);
    },
    async pull(controller) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel() {
      clearInterval(watch);
      inner.abort();
    },
  });
  return new Response(body, { status: res.status, headers: res.headers });
}) as typeof fetch;

describe('photo proxy timeout', () => {
  it('a body that stalls fails with timeout close to timeoutMs, with the garbage collector running', async () => {
    const origin = await stallingPhotoServer();
    const TIMEOUT_MS = 300;
    const proxy = new PhotoProxy({ server: () => origin, timeoutMs: TIMEOUT_MS, fetch: weaklyHeldSignalFetch });
    const collector = setInterval(gc, 50);
    const started = performance.now();
    try {
      const outcome = await Promise.race([
        proxy.getPhoto(`${origin}/photos/people/1.jpg`).then(
          () => 'answered',
          (error: { code?: string }) => error.code,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 20× the timeout'), 20 * TIMEOUT_MS)),
      ]);
      expect(outcome).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(6 * TIMEOUT_MS);
    } finally {
      clearInterval(collector);
    }
  });
});
