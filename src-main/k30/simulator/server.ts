import { describeError } from '../protocol';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { K30ProtocolError } from '../protocol/errors';
import { openRequest, resolveCredentials } from '../protocol';
import { handleControl } from './control-plane';
import { SimulatorCore } from './core';
import { callForPath, HANDLERS } from './handlers';
import { baseUrlOf, BodyTooLarge, readBody, sendBytes, sendJson, sleep } from './http-util';
import { DEFAULTS, type RunningSimulator, type SimulatorOptions } from './options';
import { servePhoto } from './photo-route';
import { RATE_LIMITED_CALLS } from './rate-limit';
import { SimRefusal } from './sim-error';
import { validateParams } from './validation';

type Emitted = [method: string, data: unknown];

/** Opens the envelope, applies the call; never throws. Callbacks are returned, to post after answering. */
function processCall(core: SimulatorCore, call: string, rawBody: string, baseUrl: string): { answer: Record<string, unknown>; emitted: Emitted[] } {
  const emitted: Emitted[] = [];
  const refuse = (msg: string) => ({ answer: core.refuse(msg), emitted: [] });
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return refuse('请求体不是JSON (request body is not JSON)');
  }
  const claimed = (body as { companyno?: unknown } | null)?.companyno;
  if (typeof claimed === 'string' && claimed !== '' && claimed !== core.credentials.companyno) {
    return refuse(`企业编号错误 (unknown companyno: ${claimed})`);
  }
  let data: Record<string, unknown>;
  try {
    data = openRequest(body, core.credentials).data;
  } catch (error) {
    return refuse(protocolMessage(error));
  }
  if (RATE_LIMITED_CALLS.has(call) && !core.limiter.tryAcquire(core.now().getTime())) {
    return refuse(`请求过于频繁，请稍后再试 (rate limit: at most ${core.limiter.limitPerWindow} list calls per minute)`);
  }
  try {
    const params = validateParams(call, data);
    const result = HANDLERS[call]({ state: core.state, params, now: core.now(), baseUrl, emit: (method, payload) => emitted.push([method, payload]) });
    return { answer: core.answer('1', result.msg, result.data, result.idField), emitted };
  } catch (error) {
    if (error instanceof SimRefusal) return refuse(error.msg);
    console.error(`[k30-sim] ${call} failed:`, error);
    return refuse(`Exception (internal error: ${describeError(error)})`);
  }
}

function protocolMessage(error: unknown): string {
  if (!(error instanceof K30ProtocolError)) return `请求格式错误 (bad envelope: ${describeError(error)})`;
  switch (error.failure) {
    case 'bad-signature':
      return '签名错误 (signature mismatch)';
    case 'undecryptable':
      return `数据解密失败 (data could not be decrypted: ${error.message})`;
    case 'not-json':
      return `数据格式错误 (data is not a JSON object: ${error.message})`;
    default:
      return `请求格式错误 (bad envelope: ${error.message})`;
  }
}

async function handleApi(core: SimulatorCore, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const call = callForPath(pathname);
  if (!call) {
    sendJson(res, 404, core.refuse(`接口不存在 (unknown interface: ${pathname})`));
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, core.refuse(`请求方式错误 (method not allowed: ${req.method}; use POST)`), { allow: 'POST' });
    return;
  }
  const rawBody = await readBody(req);
  const latency = core.faults.latencyFor(call);
  if (latency) await sleep(latency);
  if (core.faults.take('http500', call)) {
    const status = core.faults.beforeCommitStatus;
    sendBytes(res, status, 'text/html; charset=utf-8', `<html><body><h1>${status} ${status === 500 ? 'Internal Server Error' : 'Error'}</h1></body></html>`);
    return;
  }
  const { answer, emitted } = processCall(core, call, rawBody, baseUrlOf(req, core.url));
  const postCallbacks = () => setImmediate(() => emitted.forEach(([method, data]) => core.callbacks.post(method, data)));
  if (core.faults.take('dropAfterCommit', call)) {
    req.socket.destroy();
  } else if (core.faults.take('http5xxAfterCommit', call)) {
    sendBytes(
      res,
      core.faults.afterCommitStatus,
      'text/html; charset=utf-8',
      `<html><body><h1>${core.faults.afterCommitStatus} Bad Gateway</h1></body></html>`,
    );
  } else if (core.faults.take('malformed', call)) {
    sendBytes(res, 200, 'application/json; charset=utf-8', '<html>502 Bad Gateway</html>{"resultcode":');
  } else {
    sendJson(res, 200, answer);
  }
  postCallbacks();
}

/**
 * The control plane answers only requests addressed to this machine by name (Host 127.0.0.1,
 * localhost, [::1] or the host it listens on): a web page that rebinds its own name to 127.0.0.1
 * must not read it from a browser.
 */
function hostAllowed(req: IncomingMessage, listenHost: string): boolean {
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  return ['127.0.0.1', 'localhost', '[::1]', listenHost.toLowerCase(), `[${listenHost.toLowerCase()}]`].includes(host);
}

async function route(core: SimulatorCore, req: IncomingMessage, res: ServerResponse, control: { on: boolean; listenHost: string }): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://sim').pathname;
  try {
    if (control.on && (pathname === '/__sim' || pathname.startsWith('/__sim/'))) {
      if (!hostAllowed(req, control.listenHost)) return sendJson(res, 403, { error: 'the control plane answers only to a loopback Host' });
      return await handleControl(core, req, res, pathname);
    }
    if (req.method === 'GET' && pathname.startsWith('/photos/') && servePhoto(core.state, pathname, res)) return;
    await handleApi(core, req, res, pathname);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    if (error instanceof BodyTooLarge) return sendJson(res, 413, core.refuse(`请求体过大 (request body too large: ${error.message})`), { connection: 'close' });
    console.error('[k30-sim] request failed:', error);
    sendJson(res, 500, { error: describeError(error) });
  }
}

function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? DEFAULTS.host;
  const secret = options.secret || DEFAULTS.secret;
  const credentials = resolveCredentials({
    companyno: options.companyno || DEFAULTS.companyno,
    appSecret: secret,
    aesKey: options.aesKey,
    aesIv: options.aesIv,
    profile: options.profile || DEFAULTS.profile,
  });
  const limit = options.listLimitPerMinute ?? DEFAULTS.listLimitPerMinute;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`listLimitPerMinute must be a positive integer, got ${limit}`);
  const core = new SimulatorCore(credentials, options.seed ?? DEFAULTS.seed, options.now ?? (() => new Date()), limit, options.callbackUrl);
  const control = { on: options.controlPlane ?? true, listenHost: host };
  const server = createServer((req, res) => void route(core, req, res, control));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  core.url = urlFor(host, port);
  return {
    url: core.url,
    port,
    credentials: {
      companyno: credentials.companyno,
      appSecret: credentials.appSecret,
      aesKey: credentials.aesKey,
      aesIv: credentials.aesIv,
      profile: credentials.profile.name,
    },
    state: core.state,
    setCallbackUrl: (url) => {
      core.callbacks.url = url || undefined;
    },
    reset: () => core.reset(),
    setFaults: (faults) => core.faults.set(faults),
    callbacksIdle: () => core.callbacks.idle(),
    callbackLog: core.callbacks.log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
