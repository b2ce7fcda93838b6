import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toKioskError } from '../../../../src-main/ipc/errors';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { startMitm, stripSign, type Mitm } from '../../../helpers/k30-mitm';
import { demoRegistration } from '../../../helpers/test-data';
import { visitProcess } from '../../../helpers/visit-process';

/**
 * Issue #8 A2: an answer that does not verify never counts as success for a state change. The
 * client here is built with the defaults the app uses (no policy given), talking to the simulator
 * through a man in the middle.
 */

const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];
type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let mitm: Mitm;
let dir: string;
let clock: number;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  mitm = await startMitm(sim.url);
  dir = await mkdtemp(join(tmpdir(), 'unverified-'));
  clock = Date.now();
});
afterEach(async () => {
  await mitm.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function processOver() {
  const now = () => new Date(clock);
  // Defaults only: what the app gets when the installer changed nothing.
  const client = new K30Client({ server: mitm.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 }, now });
  const { ledger, registration, removal } = await visitProcess({ dataDir: dir, client, now });
  return { ledger, registration, removal };
}

describe('unverified answers to state-changing calls', () => {
  it('visitor/Delete answered with an unsigned {"resultcode":"1"} (request dropped) stays removal-pending', async () => {
    const p = await processOver();
    const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
    mitm.setAnswer(async () => JSON.stringify({ resultcode: '1' }));
    const after = await p.removal.removeVisit(visit.id);
    expect(after.state).toBe('removal-pending');
    expect(after.removal?.lastError).toMatch(/signature/);
    // The visitor is still on K30, with door access: the ledger must not say otherwise.
    expect(sim.state.visitors.get(visit.k30No!)?.syncedDevices).toEqual(DEVICES);
  });

  it('a captured signed "ok" replayed an hour later is refused as stale; the visit stays removal-pending', async () => {
    const p = await processOver();
    const decoy = await p.registration.register(demoRegistration({ name: '诱饵', deviceNos: DEVICES }));
    const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
    let captured = '';
    mitm.setAnswer(async (_call, _body, forward) => (captured = await forward()));
    expect((await p.removal.removeVisit(decoy.id)).state).toBe('removed');

    clock += 3600_000;
    mitm.setAnswer(async () => captured);
    const after = await p.removal.removeVisit(visit.id);
    expect(after.state).toBe('removal-pending');
    expect(sim.state.visitors.get(visit.k30No!)).toBeDefined();
  });

  it('visitor/Create whose answer does not verify is create-unknown (it did reach K30), never created', async () => {
    const p = await processOver();
    const before = sim.state.visitors.size;
    mitm.setAnswer(stripSign);
    const error = await p.registration.register(demoRegistration({ deviceNos: DEVICES })).catch((e: unknown) => e);
    const [visit] = p.ledger.all();
    expect(toKioskError(error)).toMatchObject({ code: 'outcome-unknown', visitId: visit.id });
    expect(visit.state).toBe('create-unknown');
    expect(visit.k30No).toBeUndefined();
    expect(sim.state.visitors.size).toBe(before + 1);
  });

  it('visitor/SyncVisitor whose answer does not verify leaves the devices unpushed', async () => {
    const p = await processOver();
    mitm.setAnswer(async (call, body, forward) => (call === 'visitor/SyncVisitor' ? stripSign(call, body, forward) : forward()));
    const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
    expect(visit.devices.map((d) => d.state)).toEqual(['failed', 'failed']);
    expect(visit.state).toBe('created');
  });
});
