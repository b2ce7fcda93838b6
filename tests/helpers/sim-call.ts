// Test-only helpers for the K30 simulator: seal a request with the protocol module, POST it with
// fetch, open the answer. Independent of the real client on purpose.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/k30/simulator';
import { DEMO_HOST_NO } from '../../src-main/k30/simulator/seed';
import { TINY_JPEG } from '../../src-main/k30/simulator/photos';
import { openMessage, resolveCredentials, sealRequest, type K30Credentials, type OpenedMessage, type ResolvedCredentials } from '../../src-main/k30/protocol';

export interface SimLike {
  url: string;
  credentials: { companyno: string; appSecret: string; aesKey: string; aesIv: string; profile: string };
}

export interface SimCallOptions {
  /** Overrides of the simulator's credentials used to seal the request (e.g. another profile). */
  seal?: Partial<K30Credentials>;
  /** Changes the sealed envelope before sending (e.g. tamper with the sign). */
  tamper?: (envelope: Record<string, string>) => Record<string, unknown>;
  /** Sends this text as the body instead of a sealed envelope. */
  rawBody?: string;
  method?: string;
}

export interface SimCallResult {
  status: number;
  text: string;
  /** The answer opened with the simulator's credentials (undefined when not JSON). */
  opened?: OpenedMessage;
  resultcode?: unknown;
  msg?: unknown;
  data?: any;
}

/** The file's simulator (set by `withSimulator`). */
export let sim: RunningSimulator;

/** One simulator (the default seed) for the test file, restored to its seed before each test. */
export function withSimulator(): void {
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());
}

export function simCredentials(sim: SimLike, overrides: Partial<K30Credentials> = {}): ResolvedCredentials {
  return resolveCredentials({ ...sim.credentials, ...overrides });
}

/** Calls `path` (`people/getlist`, or an absolute path like `/api/v2/department/Delete`). */
export async function simCall(sim: SimLike, path: string, data: unknown, options: SimCallOptions = {}): Promise<SimCallResult> {
  const url = path.startsWith('/') ? `${sim.url}${path}` : `${sim.url}/openapi/${path}`;
  const envelope = sealRequest(simCredentials(sim, options.seal), data);
  const body = options.rawBody ?? JSON.stringify(options.tamper ? options.tamper(envelope) : envelope);
  const method = options.method ?? 'POST';
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: res.status, text };
  }
  const opened = openMessage(json, simCredentials(sim));
  return { status: res.status, text, opened, resultcode: opened.fields.resultcode, msg: opened.fields.msg, data: opened.data };
}

/** Like simCall, but fails the test unless the answer is a signed resultcode "1"; returns its data. */
export async function simOk(sim: SimLike, path: string, data: unknown): Promise<any> {
  const answer = await simCall(sim, path, data);
  if (answer.resultcode !== '1' || !answer.opened?.signatureValid) throw new Error(`${path} failed: ${answer.status} ${String(answer.msg ?? answer.text)}`);
  return answer.data;
}

export async function simControl(sim: SimLike, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}

export interface ReceivedCallback {
  body: Record<string, unknown>;
  opened: OpenedMessage;
}

/** A local HTTP receiver for simulator callbacks. */
export async function startCallbackReceiver(sim: SimLike) {
  const received: ReceivedCallback[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push({ body, opened: openMessage(body, simCredentials(sim), 'callback') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"1","resultcode":"1","msg":"成功"}');
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/k30/callback`;
  return {
    url,
    received,
    /** Waits until at least `count` callbacks arrived (or fails after `timeoutMs`). */
    async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedCallback[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} callbacks, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const PHOTO_B64 = TINY_JPEG.toString('base64');

/** A valid visitor/Create body, with any field replaced. */
export function visitorData(overrides: Record<string, unknown> = {}) {
  return {
    name: '孙悦',
    phone: '13600001111',
    photo: `data:image/jpeg;base64,${PHOTO_B64}`,
    staffno: DEMO_HOST_NO,
    reason: '面试',
    begintime: '2030-05-20 09:00:00',
    endtime: '2030-05-20 18:00:00',
    idcard: '440305199001011234',
    ...overrides,
  };
}
