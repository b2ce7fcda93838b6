/**
 * Door confirmations refused because the K30 server's clock and ours disagree are still refused,
 * but counted and reported (getStatus), with how far apart the clocks are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { CallbackReceiver } from '../../../../src-main/services/callbacks/callback-receiver';
import { CLOCK_SKEW_REPORT_MS, ClockSkewTracker } from '../../../../src-main/services/callbacks/clock-skew';
import { resolveCredentials } from '../../../../src-main/k30/protocol';
import type { AppStatus } from '../../../../src-preload/contract';
import { appRig } from '../../../helpers/app-rig';
import { ok } from '../../../helpers/results';
import { memoryLogger } from '../../../helpers/test-ports';

const MINUTE = 60_000;
const WANG_QIANG = '1745000000000003';

const app = appRig('clock-skew-');
let sim: RunningSimulator | undefined;
let receiver: CallbackReceiver | undefined;

afterEach(async () => {
  await app.stop();
  await receiver?.close();
  await sim?.close();
  receiver = sim = undefined;
});

async function pass(target: RunningSimulator): Promise<void> {
  const res = await fetch(`${target.url}/__sim/pass`, { method: 'POST', body: JSON.stringify({ personNo: WANG_QIANG, deviceNo: DEMO_DEVICES.parkingIn }) });
  expect(res.status).toBe(200);
  await target.callbacksIdle();
}

describe('a K30 server whose clock is behind ours', () => {
  it('its callbacks are refused, counted and the gap reported in minutes', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo', now: () => new Date(Date.now() - 20 * MINUTE) });
    const handled: unknown[] = [];
    receiver = new CallbackReceiver({
      credentials: () => resolveCredentials(sim!.credentials),
      handlers: { UploadRecord: (d) => void handled.push(d) },
      log: memoryLogger(),
    });
    sim.setCallbackUrl(await receiver.setAddress('127.0.0.1:0'));
    expect(receiver.clockSkew()).toBeUndefined();

    await pass(sim);
    await pass(sim);
    // Each message is refused, and so are the server's two resends of it.
    expect(sim.callbackLog.map((d) => d.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(handled).toEqual([]);
    expect(receiver.clockSkew()).toMatchObject({ code: 'server-behind', minutes: 20, rejected: 6 });
  });
});

describe('getStatus', () => {
  it('tells the renderer how far a K30 server ahead of us is, once its callbacks are refused', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo', now: () => new Date(Date.now() + 17 * MINUTE) });
    const log = memoryLogger();
    const dispatch = await app.start({ log });
    await app.connect(sim, { callbacks: true });

    const status = async () => ok<AppStatus>(await dispatch('getStatus', undefined));
    expect((await status()).clockSkew).toBeUndefined();
    await pass(sim);
    expect((await status()).clockSkew).toMatchObject({ code: 'server-ahead', minutes: 17, rejected: 3 });
    expect(log.lines.join('\n')).toMatch(/clock is 17 min ahead of ours/);
  });
});

describe('ClockSkewTracker', () => {
  it('reports the last gap and the count, and stops an hour after the last refusal', () => {
    const tracker = new ClockSkewTracker();
    const t0 = Date.UTC(2030, 0, 1);
    tracker.record(t0 - 7 * MINUTE - 20_000, t0);
    tracker.record(t0 + 9 * MINUTE, t0 + MINUTE);
    expect(tracker.report(t0 + MINUTE)).toEqual({ code: 'server-ahead', minutes: 8, rejected: 2, at: new Date(t0 + MINUTE).toISOString() });
    expect(tracker.report(t0 + MINUTE + CLOCK_SKEW_REPORT_MS)).toBeDefined();
    expect(tracker.report(t0 + MINUTE + CLOCK_SKEW_REPORT_MS + 1)).toBeUndefined();
  });
});
