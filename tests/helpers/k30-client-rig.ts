import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEFAULT_TIMEOUT_MS, HttpTransport, K30Client, RateLimiter, type K30ClientOptions, type K30Transport } from '../../src-main/k30/client';
import { openRequest, resolveCredentials } from '../../src-main/k30/protocol';
import { DEMO_HOST_NO, startSimulator, type RunningSimulator } from '../../src-main/k30/simulator';
import { TINY_JPEG } from '../../src-main/k30/simulator/photos';

/*
 * For tests of the client against the K30 simulator over real HTTP. A recording transport wraps
 * the real one (HttpTransport): it decrypts each request with the simulator's credentials (so
 * tests can see what went over the wire), can send chosen attempts to a dead port (a real
 * ECONNREFUSED), and can rewrite answers.
 */

export const JPEG = TINY_JPEG.toString('base64');

interface Sent {
  path: string;
  data: Record<string, unknown>;
}

interface RecorderOptions {
  /** Attempt numbers (0-based) sent to a port where nothing listens. */
  refuse?: (attempt: number) => boolean;
  /** Rewrites a success answer (decoded envelope) before the client sees it. */
  answer?: (path: string, body: Record<string, unknown>) => Record<string, unknown> | undefined;
  /** The real transport's per-call timeout (a given transport brings its own; the client's timeoutMs is not used). */
  timeoutMs?: number;
}

/** A loopback port where nothing listens (a real ECONNREFUSED); reserved once per file by `reserveDeadPort`. */
export let deadPort: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function recorder(sim: RunningSimulator, options: RecorderOptions = {}) {
  const resolved = resolveCredentials(sim.credentials);
  const sent: Sent[] = [];
  let attempts = 0;
  const http = new HttpTransport({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const transport: K30Transport = {
    async post(url, body, call) {
      const path = url.replace(/^.*\/openapi\//, '');
      sent.push({ path, data: openRequest(JSON.parse(body), resolved).data });
      const attempt = attempts++;
      const target = options.refuse?.(attempt) ? url.replace(/:\d+\//, `:${deadPort}/`) : url;
      // A status other than 200 throws here, as it would for the client.
      const answer = await http.post(target, body, call);
      const replaced = options.answer?.(path, JSON.parse(answer.text));
      return replaced ? { status: 200, text: JSON.stringify(replaced) } : answer;
    },
  };
  return {
    sent,
    transport,
    get attempts() {
      return attempts;
    },
  };
}

export function clientFor(target: RunningSimulator, extra: Partial<K30ClientOptions> = {}): K30Client {
  return new K30Client({
    server: `${target.url}/`,
    credentials: target.credentials,
    responseSignPolicy: 'strict',
    retries: { attempts: 3, baseMs: 5, capMs: 20 },
    limiter: new RateLimiter({ perMinute: 10_000 }),
    ...extra,
  });
}

export async function simState(target: RunningSimulator = sim) {
  const response = await fetch(`${target.url}/__sim/state`);
  return (await response.json()) as {
    people: { no: string; jobnumber: string; name: string; sex: number; photoBytes: number; syncedDevices: string[] }[];
    departments: { no: string; name: string; remark: string }[];
    devices: { no: string; name: string; area: string; outintype: number; onlinestatus: number; longOpenMode: number; doorOpenCount: number }[];
    regions: { no: string; name: string; linkage: string; manual: string }[];
    visitors: { no: string; name: string; staffno: string; photoBytes: number; photoUrl: string; syncedDevices: string[] }[];
  };
}

export async function setFaults(faults: Record<string, unknown>, target: RunningSimulator = sim): Promise<void> {
  const response = await fetch(`${target.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

export function visitorInput(overrides: Record<string, unknown> = {}) {
  const begin = new Date();
  begin.setMinutes(0, 0, 0);
  return {
    name: '周杰',
    phone: '13712340000',
    staffno: DEMO_HOST_NO,
    reason: '面试',
    begintime: begin,
    endtime: new Date(begin.getTime() + 2 * 3600_000),
    idcard: '440305199003121234',
    photo: JPEG,
    ...overrides,
  };
}

/** The file's demo simulator (set by `withDemoSimulator`). */
export let sim: RunningSimulator;

/** One demo simulator for the test file, reset before each test; also reserves the dead port. */
export function withDemoSimulator(): void {
  beforeAll(async () => {
    deadPort = await freePort();
    sim = await startSimulator({ port: 0, seed: 'demo', listLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    const response = await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
  });
}
