/**
 * How much the K30 client costs per call, against an independent naive client and a bare POST.
 * A loopback node:http server answers every request with one fixed, signed and encrypted
 * Device/GetList answer. The contenders, sequential calls each:
 * - client: `client.listDevices({ pageindex: 1, pagesize: 20 })` with every check on (field
 *   validation, strict answer signature, the per-call timeout, normalising); it POSTs with
 *   node:http and a keep-alive agent (src-main/k30/client/transport.ts);
 * - naive: what anyone would write in a hurry: sign + AES + fetch + decrypt, no checks at all;
 * - checked: the naive client plus, written inline, only the checks an answer must pass (result
 *   code, Base64, strict UTF-8, the answer's signature, its timestamp's freshness): what the
 *   checks alone cost a fetch client, with no layering, validation of our own request or normalising;
 * - bare: `fetch` POSTs of a JSON body of the same size;
 * - bare node:http: the same POSTs with node:http `request()` and a keep-alive Agent: the HTTP
 *   stack alone, where most of the client's lead over the naive (fetch) client comes from.
 * Blocks of calls are interleaved (the order rotates) so drift, GC and a busy machine land on all
 * of them; a run prints µs/call and the ratios, and the figure to hold is the median of RUNS runs.
 * It also prints CPU µs/call (process.cpuUsage, the in-process server included alike): on a
 * busy machine wall time mostly measures the wait for a core, CPU time what each call costs; the
 * median of the per-block CPU ratios (a client block against the naive block run right beside it)
 * is the least disturbed by bursts of load from other processes.
 *
 *   npm run bench            (CALLS=2000 WARMUP=300 RUNS=3 to change the counts)
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { K30Client } from '../src-main/k30/client';
import { k30Timestamp, parseK30Timestamp, resolveCredentials, sealRequest, sealResponse } from '../src-main/k30/protocol';

const CALLS = Math.max(500, Number(process.env.CALLS) || 2000);
const WARMUP = Math.max(50, Number(process.env.WARMUP) || 300);
const RUNS = Math.max(1, Number(process.env.RUNS) || 3);
const BLOCK = 250;

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

/** The naive clients' AES: the aes-cbc profile with 16-byte UTF-8 key and IV, written out by hand. */
const naiveKey = Buffer.from(credentials.aesKey, 'utf8');
const naiveIv = Buffer.from(credentials.aesIv, 'utf8');

/** The naive request body: signed, encrypted. */
function naiveBody(data: Record<string, unknown>): string {
  const plaintext = JSON.stringify(data);
  const timestamp = k30Timestamp();
  const sign = createHash('md5')
    .update(`companyno=${credentials.companyno}&data=${plaintext}&timestamp=${timestamp}&key=${credentials.appSecret}`)
    .digest('hex');
  const cipher = createCipheriv('aes-128-cbc', naiveKey, naiveIv);
  const encrypted = encodeURIComponent(Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64'));
  return JSON.stringify({ companyno: credentials.companyno, timestamp, sign, data: encrypted });
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function naiveDecrypt(base64: string): Buffer {
  const decipher = createDecipheriv('aes-128-cbc', naiveKey, naiveIv);
  return Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]);
}

/** The naive client: no checks at all. */
async function naive(url: string, data: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/openapi/Device/GetList`, { method: 'POST', headers: JSON_HEADERS, body: naiveBody(data) });
  const body = JSON.parse(await response.text());
  return JSON.parse(naiveDecrypt(decodeURIComponent(body.data)).toString('utf8'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The naive client with the answer checks the K30 client makes, inline (see the file's comment). */
async function checked(url: string, data: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/openapi/Device/GetList`, { method: 'POST', headers: JSON_HEADERS, body: naiveBody(data) });
  const body = JSON.parse(await response.text());
  if (body.resultcode !== '1') throw new Error('refused');
  const base64 = decodeURIComponent(body.data);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('not Base64');
  const plain = utf8.decode(naiveDecrypt(base64));
  const fields: Record<string, string> = { ...body, data: plain };
  const signing = Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== '')
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join('&');
  if (createHash('md5').update(`${signing}&key=${credentials.appSecret}`).digest('hex') !== body.sign) throw new Error('bad signature');
  const at = parseK30Timestamp(body.timestamp);
  if (!at || Math.abs(Date.now() - at.getTime()) > 10 * 60_000) throw new Error('stale');
  return JSON.parse(plain);
}

const bareAgent = new Agent({ keepAlive: true });

/** A bare POST with node:http: the answer's text. */
function bareHttpPost(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: bareAgent, headers: { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Wall and CPU µs of `count` sequential calls, in total. */
async function time(count: number, fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - started) / 1000, cpu: used.user + used.system };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = new K30Client({ server: url, credentials, responseSignPolicy: 'strict', retries: { attempts: 1 } });
  const requestSize = JSON.stringify(sealRequest(resolved, { pageindex: 1, pagesize: 20 })).length;
  const bareBody = JSON.stringify({ pad: 'x'.repeat(Math.max(0, requestSize - '{"pad":""}'.length)) });
  const contenders: Record<'client' | 'naive' | 'checked' | 'bare' | 'bareHttp', () => Promise<void>> = {
    client: async () => {
      const page = await client.listDevices({ pageindex: 1, pagesize: 20 });
      if (page.rows.length !== devices.length) throw new Error('unexpected answer');
    },
    naive: async () => {
      const page = await naive(url, { pageindex: 1, pagesize: 20 });
      if (page.data.length !== devices.length) throw new Error('unexpected answer');
    },
    checked: async () => {
      const page = await checked(url, { pageindex: 1, pagesize: 20 });
      if (page.data.length !== devices.length) throw new Error('unexpected answer');
    },
    bare: async () => {
      const response = await fetch(`${url}/openapi/Device/GetList`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: bareBody,
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      JSON.parse(await response.text());
    },
    bareHttp: async () => {
      JSON.parse(await bareHttpPost(`${url}/openapi/Device/GetList`, bareBody));
    },
  };
  const names = Object.keys(contenders) as (keyof typeof contenders)[];

  // Warm up every path (JIT, connection pool).
  for (let i = 0; i < 2; i++) for (const name of names) await time(WARMUP, contenders[name]);

  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const blockRatios: number[] = [];
  const checkedRatios: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const wall = { client: 0, naive: 0, checked: 0, bare: 0, bareHttp: 0 };
    const cpu = { client: 0, naive: 0, checked: 0, bare: 0, bareHttp: 0 };
    const perBlock: number[] = [];
    for (let done = 0, block = 0; done < CALLS; done += BLOCK, block++) {
      const n = Math.min(BLOCK, CALLS - done);
      const blockCpu = { client: 0, naive: 0, checked: 0, bare: 0, bareHttp: 0 };
      // Rotate the order, so no contender always runs right after another.
      for (let k = 0; k < names.length; k++) {
        const name = names[(block + k) % names.length];
        const spent = await time(n, contenders[name]);
        wall[name] += spent.wall;
        cpu[name] += spent.cpu;
        blockCpu[name] = spent.cpu;
      }
      perBlock.push(blockCpu.client / blockCpu.naive);
    }
    blockRatios.push(median(perBlock));
    const us = (totals: typeof wall) => ({
      client: totals.client / CALLS,
      naive: totals.naive / CALLS,
      checked: totals.checked / CALLS,
      bare: totals.bare / CALLS,
      bareHttp: totals.bareHttp / CALLS,
    });
    const w = us(wall);
    const c = us(cpu);
    ratios.push(w.client / w.naive);
    cpuRatios.push(c.client / c.naive);
    checkedRatios.push(w.checked / w.naive);
    console.log(
      `run ${run}: client ${w.client.toFixed(0)} µs/call, naive ${w.naive.toFixed(0)}, naive + checks ${w.checked.toFixed(0)}, ` +
        `bare fetch POST ${w.bare.toFixed(0)}, bare node:http POST ${w.bareHttp.toFixed(0)}; ` +
        `client/naive ${(w.client / w.naive).toFixed(3)}, (naive + checks)/naive ${(w.checked / w.naive).toFixed(3)}, client/bare fetch ${(w.client / w.bare).toFixed(3)}, ` +
        `client/bare node:http ${(w.client / w.bareHttp).toFixed(3)}; ` +
        `CPU µs/call ${c.client.toFixed(0)} / ${c.naive.toFixed(0)} / ${c.checked.toFixed(0)} / ${c.bare.toFixed(0)} / ${c.bareHttp.toFixed(0)}, client/naive ${(c.client / c.naive).toFixed(3)}, ` +
        `median of its ${perBlock.length} side-by-side blocks ${median(perBlock).toFixed(3)} (${CALLS} calls each)`,
    );
  }
  console.log(
    `client/naive, median of ${RUNS} runs: ${median(ratios).toFixed(3)} wall, ${median(cpuRatios).toFixed(3)} CPU, ` +
      `${median(blockRatios).toFixed(3)} CPU block by block; the checks alone, inline: ${median(checkedRatios).toFixed(3)} wall ` +
      `(request ${requestSize} B, answer ${Buffer.byteLength(answer)} B; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
  );
  bareAgent.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
