import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/k30/cli';
import { DEMO_DEVICES, DEMO_OFFLINE_DEVICE, startSimulator, type RunningSimulator } from '../../../src-main/k30/simulator';
import { DEMO_HOST_NO } from '../../../src-main/k30/simulator/seed';
import { TINY_JPEG } from '../../../src-main/k30/simulator/photos';

let sim: RunningSimulator;

function io() {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

function flags(target: RunningSimulator): string[] {
  const c = target.credentials;
  return ['--server', target.url, '--companyno', c.companyno, '--secret', c.appSecret, '--aes-key', c.aesKey, '--aes-iv', c.aesIv, '--profile', c.profile];
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', listLimitPerMinute: 10_000 });
});

afterAll(async () => {
  await sim?.close();
});

describe('k30 CLI', () => {
  it('exits 0 and prints the decoded answer as pretty JSON', async () => {
    const out = io();
    const code = await runCli(['Device/GetList', '{"pageindex":1,"pagesize":20}', ...flags(sim)], {}, out.io);
    expect(code).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(answer.total).toBe(Object.keys(DEMO_DEVICES).length);
    expect(answer.data[0]).toHaveProperty('onlinestatus');
    expect(out.stdout).toContain('\n  "total"');
    expect(out.stderr).toBe('');
  });

  it('prints null for an answer without data, and reads the environment', async () => {
    const out = io();
    const c = sim.credentials;
    const env = {
      K30_SERVER: sim.url,
      K30_COMPANYNO: c.companyno,
      K30_SECRET: c.appSecret,
      K30_AES_KEY: c.aesKey,
      K30_AES_IV: c.aesIv,
      K30_PROFILE: c.profile,
    };
    const code = await runCli(['Device/OpenDoor', JSON.stringify({ deviceno: DEMO_DEVICES.buildingAIn })], env, out.io);
    expect(code).toBe(0);
    expect(out.stdout.trim()).toBe('null');
  });

  it('exits 1 with the server’s message when the server says no', async () => {
    const out = io();
    const code = await runCli(
      ['Device/OpenDoor', `--server=${sim.url}`, JSON.stringify({ deviceno: DEMO_OFFLINE_DEVICE }), ...flags(sim).slice(2)],
      {},
      out.io,
    );
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/设备离线/);
    expect(out.stdout).toBe('');
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [
      [],
      ['Device/GetList', '{not json'],
      ['Device/GetList', '[1,2]'],
      ['not-a-path', ...flags(sim)],
      ['Device/GetList', '--bogus', 'x'],
      ['Device/GetList', '{}', '--server', sim.url],
    ]) {
      const out = io();
      expect(await runCli(argv, {}, out.io), argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/usage/);
      expect(out.stdout).toBe('');
    }
    const out = io();
    expect(await runCli(['Device/GetList', '{}', ...flags(sim).slice(0, 4), '--profile', 'nope'], {}, out.io)).toBe(2);
    expect(out.stderr).toMatch(/unknown profile/);
  });

  it('exits 2 on transport and protocol errors', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const refused = io();
    expect(
      await runCli(['Device/GetList', '{"pageindex":1,"pagesize":1}', '--server', `http://127.0.0.1:${deadPort}`, '--companyno', 'X'], {}, refused.io),
    ).toBe(2);
    expect(refused.stderr).toMatch(/ECONNREFUSED/);

    await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ malformed: 1, paths: ['Device/GetList'] }) });
    const malformed = io();
    expect(await runCli(['Device/GetList', '{"pageindex":1,"pagesize":1}', ...flags(sim)], {}, malformed.io)).toBe(2);
    expect(malformed.stderr).toMatch(/not JSON/);
  });

  it('never prints the secret', async () => {
    const out = io();
    await runCli(['Device/OpenDoor', JSON.stringify({ deviceno: DEMO_OFFLINE_DEVICE }), ...flags(sim)], {}, out.io);
    await runCli(['Device/GetList', '{"pageindex":1,"pagesize":1}', ...flags(sim).slice(0, 4), '--secret', 'wrong-secret'], {}, out.io);
    expect(out.stdout + out.stderr).not.toContain(sim.credentials.appSecret);
    expect(out.stdout + out.stderr).not.toContain('wrong-secret');
  });

  it('runs as `npm run k30` (the main wrapper sets the exit code)', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src-main/k30/cli.ts', 'Device/GetDeviceStatus', JSON.stringify({ deviceno: DEMO_DEVICES.labIn }), ...flags(sim)],
      { cwd: process.cwd() },
    );
    expect(JSON.parse(stdout)).toMatchObject({ no: DEMO_DEVICES.labIn });
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'src-main/k30/cli.ts', 'Device/OpenDoor', JSON.stringify({ deviceno: DEMO_OFFLINE_DEVICE }), ...flags(sim)],
      { cwd: process.cwd() },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/设备离线/);
  });
});

/** A visitor whose photo is 200 KB: its JSON is over the 128 KB one argument may hold on Linux. */
function bigVisitor(name: string) {
  const photo = Buffer.concat([TINY_JPEG, Buffer.alloc(200 * 1024, 0x20)]).toString('base64');
  return {
    name,
    phone: '13600002222',
    photo: `data:image/jpeg;base64,${photo}`,
    staffno: DEMO_HOST_NO,
    idcard: '440305199001011234',
    reason: '面试',
    begintime: '2030-05-20 09:00:00',
    endtime: '2030-05-20 18:00:00',
  };
}

/** Runs the CLI as `npm run k30` does (a real process), optionally feeding standard input. */
function runProcess(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/k30/cli.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('k30 CLI data from a file or standard input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'k30-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const photoBytesOf = (name: string) => [...sim.state.visitors.values()].find((v) => v.name === name)?.photoBytes;

  it('--data @file.json sends a visitor with a 200 KB photo', async () => {
    const file = join(dir, 'visitor.json');
    const visitor = bigVisitor('文件访客');
    await writeFile(file, JSON.stringify(visitor));
    expect(JSON.stringify(visitor).length).toBeGreaterThan(128 * 1024);
    const run = await runProcess(['visitor/Create', '--data', `@${file}`, ...flags(sim)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(photoBytesOf('文件访客')).toBeGreaterThan(200 * 1024);
  });

  it('- reads the data from standard input (as argument or --data)', async () => {
    const first = await runProcess(['visitor/Create', '-', ...flags(sim)], JSON.stringify(bigVisitor('管道访客')));
    expect(first.code).toBe(0);
    expect(photoBytesOf('管道访客')).toBeGreaterThan(200 * 1024);
    const out = io();
    const code = await runCli(['Device/GetList', '--data', '-', ...flags(sim)], {}, { ...out.io, readStdin: async () => '{"pageindex":1,"pagesize":2}' });
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout).data).toHaveLength(2);
  });

  it('a missing file or data given twice is bad usage (exit 2)', async () => {
    const missing = io();
    expect(await runCli(['Device/GetList', '--data', `@${join(dir, 'nope.json')}`, ...flags(sim)], {}, missing.io)).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the data file .*ENOENT/);
    const twice = io();
    expect(await runCli(['Device/GetList', '{}', '--data', '{}', ...flags(sim)], {}, twice.io)).toBe(2);
    expect(twice.stderr).toMatch(/given twice/);
  });
});

describe('k30 CLI after a timeout', () => {
  afterAll(() => sim.setFaults({ reset: true }));

  it('a state-changing call that timed out says the server may have acted; a read does not', async () => {
    sim.setFaults({ latencyMs: 1500, paths: ['visitor/Create', 'Device/GetList'] });
    const create = io();
    expect(await runCli(['visitor/Create', JSON.stringify(bigVisitor('超时访客')), '--timeout', '200', ...flags(sim)], {}, create.io)).toBe(2);
    expect(create.stderr).toMatch(/no answer within 200 ms/);
    expect(create.stderr).toMatch(/may have acted on visitor\/Create/);
    const list = io();
    expect(await runCli(['Device/GetList', '{"pageindex":1,"pagesize":1}', '--timeout', '200', ...flags(sim)], {}, list.io)).toBe(2);
    expect(list.stderr).toMatch(/no answer within 200 ms/);
    expect(list.stderr).not.toMatch(/may have acted/);
  });
});
