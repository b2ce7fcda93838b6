import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { demoRegistration } from '../../../helpers/test-data';
import { visitProcess } from '../../../helpers/visit-process';

/** Issue #8 C8: removals survive the clock jumping forward or back (the injected clock). */

const HOUR = 3600_000;
const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let client: K30Client;
let dir: string;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  dir = await mkdtemp(join(tmpdir(), 'removal-clock-'));
  clock = Date.now();
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function processOver() {
  const { ledger, registration, removal } = await visitProcess({ dataDir: dir, client, now });
  return { ledger, registration, sweeper: removal };
}

async function setOnline(no: string, online: boolean) {
  const res = await fetch(`${sim.url}/__sim/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ no, online }) });
  expect(res.status).toBeLessThan(300);
}

/** A visit that ended and whose removal failed once (a door offline), at the current clock. */
async function pendingVisit(p: Awaited<ReturnType<typeof processOver>>) {
  const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
  await setOnline(DEMO_DEVICES.buildingAIn, false);
  clock = Date.parse(visit.end) + 60_000;
  expect(await p.sweeper.removeExpired()).toMatchObject({ failed: [visit.id] });
  await setOnline(DEMO_DEVICES.buildingAIn, true);
  return visit;
}

describe('removal and clock jumps', () => {
  it('a next attempt written under a clock 10 years ahead is clamped to now + 1 h at start, then removed', async () => {
    const p = await processOver();
    const visit = await pendingVisit(p);
    // The clock had jumped +10 y when the last attempt failed: the next one was set for 2036-ish.
    const future = new Date(clock + 10 * 365 * 24 * HOUR).toISOString();
    await p.ledger.update(visit.id, (r) => {
      r.removal!.nextAttemptAt = future;
    });

    const restarted = await processOver();
    await restarted.sweeper.start();
    const clamped = Date.parse(restarted.ledger.get(visit.id)!.removal!.nextAttemptAt!);
    expect(clamped).toBe(clock + HOUR);

    clock += HOUR;
    await restarted.sweeper.start();
    expect(restarted.ledger.get(visit.id)!.state).toBe('removed');
    expect(sim.state.visitors.get(visit.k30No!)).toBeUndefined();
    await restarted.sweeper.stop();
  });

  it('every sweep clamps, not only the first', async () => {
    const p = await processOver();
    const visit = await pendingVisit(p);
    await p.sweeper.start();
    await p.ledger.update(visit.id, (r) => {
      r.removal!.nextAttemptAt = new Date(clock + 5 * HOUR).toISOString();
    });
    clock += 1000;
    await p.sweeper.start();
    expect(Date.parse(p.ledger.get(visit.id)!.removal!.nextAttemptAt!)).toBe(clock + HOUR);
    await p.sweeper.stop();
  });

  it('a removal-pending visit is retried after the clock steps back 24 h, whatever its end time says', async () => {
    const p = await processOver();
    const visit = await pendingVisit(p);
    const nextAttempt = Date.parse(p.ledger.get(visit.id)!.removal!.nextAttemptAt!);
    // The clock steps back a day: the visit's end looks a day away again.
    clock -= 24 * HOUR;
    expect(Date.parse(visit.end)).toBeGreaterThan(clock);
    await p.sweeper.start();
    // The stored next attempt (30 s after the failure) was clamped to at most now + 1 h ...
    expect(Date.parse(p.ledger.get(visit.id)!.removal!.nextAttemptAt!)).toBeLessThanOrEqual(clock + HOUR);
    expect(nextAttempt).toBeGreaterThan(clock + HOUR);
    // ... and an hour later it is removed, not 24 h later.
    clock += HOUR;
    await p.sweeper.start();
    expect(p.ledger.get(visit.id)!.state).toBe('removed');
    expect(sim.state.visitors.get(visit.k30No!)).toBeUndefined();
    await p.sweeper.stop();
  });
});
