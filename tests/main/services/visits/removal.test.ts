import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../../../src-preload/contract';
import { K30Client } from '../../../../src-main/k30/client';
import { K30ServerError } from '../../../../src-main/k30/client/errors';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger, type VisitRecord } from '../../../../src-main/services/visits/ledger';
import { RegistrationService } from '../../../../src-main/services/visits/registration';
import { RemovalSweeper, type RemovalClient, type Timers } from '../../../../src-main/services/visits/removal';
import { demoRegistration, until } from '../../../helpers/test-data';

const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];

function registration(over: Partial<Registration> = {}): Registration {
  return demoRegistration({ name: '访客乙', phone: '13912345678', deviceNos: DEVICES, ...over });
}

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void; active: number } {
  const callbacks = new Map<number, () => void>();
  let next = 0;
  return {
    setInterval: (cb) => {
      callbacks.set(++next, cb);
      return next;
    },
    clearInterval: (h) => {
      callbacks.delete(h as number);
    },
    fire: () => callbacks.forEach((cb) => cb()),
    get active() {
      return callbacks.size;
    },
  };
}

let dir: string;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'removal-'));
  clock = Date.now();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('removal against the simulator', () => {
  type Simulator = Awaited<ReturnType<typeof startSimulator>>;
  let sim: Simulator;
  let client: K30Client;

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  });
  afterEach(async () => {
    await sim.close();
  });

  const visitorOnServer = (no: string) => sim.state.visitors.get(no);
  const setOnline = async (no: string, online: boolean) => {
    const res = await fetch(`${sim.url}/__sim/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ no, online }),
    });
    expect(res.status).toBeLessThan(300);
  };

  async function processOver(timers = manualTimers()) {
    const log = memoryLogger();
    const ledger = await VisitLedger.open({ dataDir: dir, log });
    const events = new EventBus();
    const states: string[] = [];
    events.on('visitUpdated', (v) => states.push(v.state));
    const registration = new RegistrationService({ ledger, client: () => client, events, log });
    const sweeper = new RemovalSweeper({ ledger, client: () => client, events, log, now, timers, retentionDays: () => 30 });
    return { ledger, registration, sweeper, timers, log, states };
  }

  it('an offline device keeps the visit removal-pending across a restart, until it is back', async () => {
    const first = await processOver();
    const visit = await first.registration.register(registration());
    expect(visitorOnServer(visit.k30No!)!.syncedDevices).toEqual(DEVICES);
    await setOnline(DEMO_DEVICES.buildingAIn, false);

    clock = Date.parse(visit.end) + 60_000;
    const result = await first.sweeper.removeExpired();
    expect(result).toEqual({ removed: 0, pending: 1, failed: [visit.id] });
    const pending = first.ledger.get(visit.id)!;
    expect(pending.state).toBe('removal-pending');
    expect(pending.removal).toMatchObject({ attempts: 1, nextAttemptAt: new Date(clock + 30_000).toISOString() });
    expect(pending.removal!.lastError).toContain('设备离线');
    expect(first.states).toEqual(expect.arrayContaining(['removal-pending']));
    expect(visitorOnServer(visit.k30No!)).toBeDefined();

    // Restart: the new process finds it pending; not due yet, so nothing is sent.
    const second = await processOver();
    expect(await second.sweeper.start()).toEqual({ removed: 0, pending: 1, failed: [] });
    expect(second.ledger.get(visit.id)!.removal!.attempts).toBe(1);
    expect(second.timers.active).toBe(1);

    // Due, still offline: another attempt, a longer wait.
    clock += 31_000;
    second.timers.fire();
    await until(() => second.ledger.get(visit.id)!.removal!.attempts === 2);
    await second.sweeper.whenIdle();
    expect(second.ledger.get(visit.id)!.removal!.nextAttemptAt).toBe(new Date(clock + 60_000).toISOString());

    // Back online and due: removed, proven gone from the server.
    await setOnline(DEMO_DEVICES.buildingAIn, true);
    clock += 61_000;
    second.timers.fire();
    await until(() => second.ledger.get(visit.id)!.state === 'removed');
    const removed = second.ledger.get(visit.id)!;
    expect(removed.removal).toMatchObject({ attempts: 3, removedAt: new Date(clock).toISOString() });
    expect(removed.private).toEqual({});
    expect(visitorOnServer(visit.k30No!)).toBeUndefined();
    await second.sweeper.stop();
    expect(second.timers.active).toBe(0);
  });

  it('removeVisit removes a visit now, before its end', async () => {
    const p = await processOver();
    const visit = await p.registration.register(registration());
    const removed = await p.sweeper.removeVisit(visit.id);
    expect(removed.state).toBe('removed');
    expect(removed.photoKept).toBe(false);
    expect(visitorOnServer(visit.k30No!)).toBeUndefined();
    // Again: nothing to do.
    expect((await p.sweeper.removeVisit(visit.id)).state).toBe('removed');
  });

  it('a visitor already gone from the server counts as removed', async () => {
    const p = await processOver();
    const visit = await p.registration.register(registration());
    await client.deleteVisitor(visit.k30No!);
    clock = Date.parse(visit.end) + 1;
    expect(await p.sweeper.removeExpired()).toEqual({ removed: 1, pending: 0, failed: [] });
    expect(p.ledger.get(visit.id)!.history.at(-1)!.detail).toMatch(/already gone/);
  });

  it('leaves visits that have not ended, and those the server may not have', async () => {
    const p = await processOver();
    const running = await p.registration.register(registration());
    const unknown = await p.ledger.add({
      ...p.ledger.get(running.id)!,
      id: 'unknown-1',
      state: 'create-unknown',
      k30No: undefined,
      end: new Date(clock - 1000).toISOString(),
    });
    const intent = await p.ledger.add({ ...unknown, id: 'intent-1', state: 'intent' });
    expect(await p.sweeper.removeExpired()).toEqual({ removed: 0, pending: 0, failed: [] });
    expect(p.ledger.get(running.id)!.state).toBe('pushed');
    expect(p.ledger.get(unknown.id)!.state).toBe('create-unknown');
    expect(p.ledger.get(intent.id)!.state).toBe('intent');
    await expect(p.sweeper.removeVisit(unknown.id)).rejects.toMatchObject({ code: 'not-allowed' });
  });
});

describe('removal policy (scripted client)', () => {
  function base(id: string, over: Partial<VisitRecord>): VisitRecord {
    return {
      id,
      state: 'removed',
      k30No: `no-${id}`,
      channel: 'reception',
      visitor: { name: '王五', phoneMasked: '139****0000', documentType: 'passport', documentMasked: 'E1*****78', carno: '', reason: '' },
      host: { no: 'P1', name: '张伟' },
      begin: new Date(clock - 2 * 3600_000).toISOString(),
      end: new Date(clock - 3600_000).toISOString(),
      devices: [{ no: 'D1', state: 'pushed' }],
      history: [],
      createdAt: new Date(clock - 3 * 3600_000).toISOString(),
      private: {},
      ...over,
    };
  }

  it('retention drops finished visits older than retentionDays, and nothing still open', async () => {
    const log = memoryLogger();
    const ledger = await VisitLedger.open({ dataDir: dir, log });
    const day = 24 * 3600_000;
    const old = { end: new Date(clock - 31 * day).toISOString(), history: [{ at: new Date(clock - 31 * day).toISOString(), event: 'x' }] };
    await ledger.add(base('old-removed', old));
    await ledger.add(base('old-cancelled', { ...old, state: 'cancelled', k30No: undefined }));
    await ledger.add(base('old-failed', { ...old, state: 'create-failed', k30No: undefined }));
    await ledger.add(base('old-unknown', { ...old, state: 'create-unknown', k30No: undefined }));
    await ledger.add(base('old-pending', { ...old, state: 'removal-pending', removal: { attempts: 9, nextAttemptAt: new Date(clock + day).toISOString() } }));
    await ledger.add(base('recent-removed', { end: new Date(clock - 29 * day).toISOString() }));
    // Ended long ago but removed only yesterday: the clock starts at the removal.
    await ledger.add(base('late-removed', { ...old, history: [{ at: new Date(clock - day).toISOString(), event: 'removed' }] }));
    const sweeper = new RemovalSweeper({
      ledger,
      client: () => ({ deleteVisitor: async () => {} }),
      events: new EventBus(),
      log,
      now,
      timers: manualTimers(),
      retentionDays: () => 30,
    });
    expect(await sweeper.purgeExpiredRecords()).toBe(3);
    expect(
      ledger
        .all()
        .map((v) => v.id)
        .sort(),
    ).toEqual(['late-removed', 'old-pending', 'old-unknown', 'recent-removed']);
    // The drop is on disk too.
    const reopened = await VisitLedger.open({ dataDir: dir, log });
    expect(reopened.all()).toHaveLength(4);
  });

  it('the wait between failed removals doubles from 30 s and stops at an hour', async () => {
    const log = memoryLogger();
    const ledger = await VisitLedger.open({ dataDir: dir, log });
    await ledger.add(base('v', { state: 'pushed' }));
    const failing: RemovalClient = {
      deleteVisitor: async () => {
        throw new K30ServerError('设备离线 (device offline: D1)');
      },
    };
    const sweeper = new RemovalSweeper({ ledger, client: () => failing, events: new EventBus(), log, now, timers: manualTimers(), retentionDays: () => 30 });
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      await sweeper.removeExpired();
      waits.push((Date.parse(ledger.get('v')!.removal!.nextAttemptAt!) - clock) / 1000);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(ledger.get('v')!.removal!.attempts).toBe(9);
    expect(ledger.get('v')!.state).toBe('removal-pending');
  });

  it('with no server configured a due removal stays pending with the reason', async () => {
    const log = memoryLogger();
    const ledger = await VisitLedger.open({ dataDir: dir, log });
    await ledger.add(base('v', { state: 'pushed' }));
    const { AppError } = await import('../../../../src-main/services/app-error');
    const sweeper = new RemovalSweeper({
      ledger,
      client: () => {
        throw new AppError('not-configured', 'No K30 server is set');
      },
      events: new EventBus(),
      log,
      now,
      timers: manualTimers(),
      retentionDays: () => 30,
    });
    expect(await sweeper.removeExpired()).toEqual({ removed: 0, pending: 1, failed: ['v'] });
    expect(ledger.get('v')!.removal).toMatchObject({ attempts: 1, lastError: 'No K30 server is set' });
  });
});
