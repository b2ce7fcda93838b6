/**
 * How much the K30 client adds to a bare HTTP POST: a loopback node:http server answers every
 * request with one fixed, signed and encrypted Device/GetList answer; we time sequential
 * `client.listDevices({ pageindex: 1, pagesize: 20 })` calls (sign + encrypt + POST + decrypt +
 * verify + normalise; the list limiter is not involved for devices) against bare `fetch` POSTs of
 * a JSON body of the same size to the same server.
 *
 *   npm run bench            (CALLS=2000 WARMUP=300 to change the counts)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { K30Client } from '../src-main/k30/client';
import { resolveCredentials, sealRequest, sealResponse } from '../src-main/k30/protocol';

const CALLS = Math.max(1000, Number(process.env.CALLS) || 2000);
const WARMUP = Math.max(50, Number(process.env.WARMUP) || 300);

const credentials = { companyno: '1762766749844335', appSecret: 'bench-secret-code', aesKey: 'bench-aes-key-16', aesIv: 'bench-aes-iv-16b' };
const resolved = resolveCredentials(credentials);

const devices = Array.from({ length: 3 }, (_, i) => ({
  no: `22011402031${i}C`,
  name: `${['大堂', '东门', '车库'][i]}的设备`,
  ip: `192.168.22.${30 + i}`,
  area: `${i + 1}楼门口`,
  regionname: '默认区域',
  outintype: i % 2,
  isenableattend: 1,
  onlinestatus: i === 2 ? '0' : '1',
}));
const answer = JSON.stringify(sealResponse(resolved, { resultcode: '1', msg: '查询成功', data: { total: devices.length, totalPage: 1, data: devices } }));

function handle(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    response.end(answer);
  });
}

/** Mean µs per call of `count` sequential calls. */
async function time(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await fn();
  return Number(process.hrtime.bigint() - started) / 1000 / count;
}

async function main(): Promise<void> {
  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = new K30Client({ server: url, credentials, responseSignPolicy: 'strict', retries: { attempts: 1 } });
  const requestSize = JSON.stringify(sealRequest(resolved, { pageindex: 1, pagesize: 20 })).length;
  const bareBody = JSON.stringify({ pad: 'x'.repeat(Math.max(0, requestSize - '{"pad":""}'.length)) });
  const bare = async () => {
    const response = await fetch(`${url}/openapi/Device/GetList`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: bareBody, signal: AbortSignal.timeout(10_000) });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    JSON.parse(await response.text());
  };
  const viaClient = async () => {
    const page = await client.listDevices({ pageindex: 1, pagesize: 20 });
    if (page.rows.length !== devices.length) throw new Error('unexpected answer');
  };

  // Warm up both paths (JIT, connection pool), then interleave blocks so drift and GC land on both.
  for (let i = 0; i < 2; i++) {
    await time(WARMUP, viaClient);
    await time(WARMUP, bare);
  }
  const BLOCK = 250;
  let clientTotal = 0;
  let bareTotal = 0;
  for (let done = 0; done < CALLS; done += BLOCK) {
    const n = Math.min(BLOCK, CALLS - done);
    const first = (done / BLOCK) % 2 === 0;
    if (first) clientTotal += (await time(n, viaClient)) * n;
    bareTotal += (await time(n, bare)) * n;
    if (!first) clientTotal += (await time(n, viaClient)) * n;
  }
  const clientMicros = clientTotal / CALLS;
  const bareMicros = bareTotal / CALLS;

  console.log(
    `client: ${clientMicros.toFixed(0)} µs/call, bare POST: ${bareMicros.toFixed(0)} µs/call, ratio ${(clientMicros / bareMicros).toFixed(2)} over ${CALLS} calls each ` +
      `(request ${requestSize} B, answer ${Buffer.byteLength(answer)} B)`,
  );
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
