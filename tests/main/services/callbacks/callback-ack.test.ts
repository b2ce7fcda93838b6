/**
 * The acknowledgement: the K30 server resends a callback until it gets one it accepts (the closest
 * vendor platform wants `code` "1"; the simulator models that). Ours is accepted the first time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../../../src-main/k30/protocol';
import { startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { ACK_BODY, CallbackReceiver } from '../../../../src-main/services/callbacks/callback-receiver';
import { memoryLogger } from '../../../../src-main/services/ports';

const WANG_QIANG = '1745000000000003';
let sim: RunningSimulator | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  await sim?.close();
  sim = undefined;
});

async function doorPass(target: RunningSimulator): Promise<void> {
  const res = await fetch(`${target.url}/__sim/pass`, { method: 'POST', body: JSON.stringify({ personNo: WANG_QIANG, deviceNo: DEMO_DEVICES.parkingIn }) });
  expect(res.status).toBe(200);
  await target.callbacksIdle();
}

describe('callback acknowledgement', () => {
  it('is {"code":"1","resultcode":"1","msg":"成功"}', () => {
    expect(JSON.parse(ACK_BODY)).toEqual({ code: '1', resultcode: '1', msg: '成功' });
  });

  it('the server accepts our answer at once and does not send the callback again', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    const handled: unknown[] = [];
    const receiver = new CallbackReceiver({
      credentials: () => resolveCredentials(sim!.credentials),
      handlers: { UploadRecord: (d) => void handled.push(d) },
      log: memoryLogger(),
    });
    cleanups.push(() => receiver.close());
    sim.setCallbackUrl(await receiver.setAddress('127.0.0.1:0'));
    await doorPass(sim);
    await receiver.whenIdle();
    expect(sim.callbackLog).toHaveLength(1);
    expect(sim.callbackLog[0]).toMatchObject({ status: 200, acknowledged: true, attempt: 1 });
    expect(handled).toHaveLength(1);
  });

  it('(control) an answer with resultcode only is not accepted: the server sends the same message again', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    const bodies: string[] = [];
    const legacy = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c));
      req.on('end', () => {
        bodies.push(text);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"resultcode":"1","msg":"Success"}');
      });
    });
    await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => legacy.close(() => resolve())));
    sim.setCallbackUrl(`http://127.0.0.1:${(legacy.address() as AddressInfo).port}/`);
    await doorPass(sim);
    expect(sim.callbackLog.map((d) => [d.attempt, d.acknowledged])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(new Set(bodies).size).toBe(1);
  });
});
