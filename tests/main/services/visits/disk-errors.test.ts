import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toKioskError } from '../../../../src-main/ipc/errors';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appStatus } from '../../../../src-main/services/api-handlers';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { RegistrationService, type RegistrationClient } from '../../../../src-main/services/visits/registration';
import { RemovalSweeper, type RemovalClient } from '../../../../src-main/services/visits/removal';
import { UnsavedFacts } from '../../../../src-main/services/visits/unsaved-facts';
import { failingDisk } from '../../../helpers/failing-disk';
import { demoRegistration } from '../../../helpers/test-data';

/**
 * Issue #8 C9: a change becomes visible only once it is on disk; what K30 already did is held in
 * memory, retried, shown, and blocks further K30 calls for that visit until it is saved.
 */

const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];
const noTimers = { setInterval: () => 0, clearInterval: () => undefined };
type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let dir: string;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  dir = await mkdtemp(join(tmpdir(), 'disk-errors-'));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function processOver() {
  const log = memoryLogger();
  const disk = failingDisk();
  const ledger = await VisitLedger.open({ dataDir: dir, log, disk });
  const real = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  const calls: string[] = [];
  // The real client; the disk fails the moment K30 has acted.
  let failDiskAfter: { call: 'create' | 'delete'; code: string } | undefined;
  const client: RegistrationClient & RemovalClient = {
    async createVisitor(v) {
      calls.push('create');
      const created = await real.createVisitor(v);
      if (failDiskAfter?.call === 'create') disk.failWrites(failDiskAfter.code);
      return created;
    },
    syncVisitor: (no, devices) => (calls.push('sync'), real.syncVisitor(no, devices)),
    async deleteVisitor(no) {
      calls.push('delete');
      await real.deleteVisitor(no);
      if (failDiskAfter?.call === 'delete') disk.failWrites(failDiskAfter.code);
    },
  };
  const events = new EventBus();
  const facts = new UnsavedFacts({ ledger, log, timers: noTimers });
  const registration = new RegistrationService({ ledger, client: () => client, events, log, facts });
  const removal = new RemovalSweeper({ ledger, client: () => client, events, log, facts, timers: noTimers, retentionDays: () => 30 });
  return { ledger, disk, facts, registration, removal, calls, failDiskAfter: (call: 'create' | 'delete', code: string) => (failDiskAfter = { call, code }) };
}

describe('disk errors after K30 acted', () => {
  it('Create succeeded, the write failed: a specific error, the fact held and shown, no further K30 call, saved once the disk recovers', async () => {
    const p = await processOver();
    p.failDiskAfter('create', 'ENOSPC');
    const error = await p.registration.register(demoRegistration({ name: '磁盘满', deviceNos: DEVICES })).catch((e: unknown) => e);
    const onK30 = [...sim.state.visitors.values()].find((v) => v.name === '磁盘满')!;
    const [visit] = p.ledger.all();
    // "registered on K30 as NO, but not yet saved on this PC: disk …", never "internal error".
    expect(toKioskError(error)).toMatchObject({ code: 'not-saved', k30No: onK30.no, k30State: 'created', disk: 'full', visitId: visit.id });
    expect((error as Error).message).toContain(`registered on K30 as ${onK30.no}, but not yet saved on this PC`);
    // Not on disk, so not visible: the ledger still says what the disk says.
    expect(visit.state).toBe('intent');
    expect(appStatus(p.ledger, p.facts)).toMatchObject({
      ledgerUnwritable: 'full',
      unsaved: [{ visitId: visit.id, name: '磁盘满', state: 'created', k30No: onK30.no }],
    });

    // No further K30 call for this visit until it is saved: no push, no removal, no re-registration.
    expect(p.calls).toEqual(['create']);
    expect(onK30.syncedDevices).toEqual([]);
    await expect(p.removal.removeVisit(visit.id)).rejects.toMatchObject({ code: 'not-saved' });
    await expect(p.registration.cancelVisit(visit.id)).rejects.toMatchObject({ code: 'not-saved' });
    await expect(p.registration.retryRegistration(visit.id)).rejects.toMatchObject({ code: 'not-saved' });
    await p.facts.retry();
    expect(p.facts.list()).toHaveLength(1);
    expect(p.calls).toEqual(['create']);

    // The disk recovers. A resume tried again meanwhile must not take the held visit for a
    // registration cut short (its ledger state is still 'intent'); the next retry saves it.
    p.disk.failWrites(null);
    await p.registration.resume();
    expect(p.ledger.get(visit.id)!.state).toBe('intent');
    await p.facts.retry();
    expect(p.facts.list()).toEqual([]);
    expect(appStatus(p.ledger, p.facts)).toEqual({ ledgerProblems: [], unsaved: [] });
    expect(p.ledger.get(visit.id)).toMatchObject({ state: 'created', k30No: onK30.no });
    const reopened = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    expect(reopened.get(visit.id)).toMatchObject({ state: 'created', k30No: onK30.no });
    // Now staff may push it.
    expect((await p.registration.repush(visit.id)).state).toBe('pushed');
  });

  it('Delete succeeded, the write failed: held as removed, not deleted again by the sweeper, saved later', async () => {
    const p = await processOver();
    const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
    p.calls.length = 0;
    // The 'removal-pending' write goes through; the disk turns read-only once K30 has deleted.
    p.failDiskAfter('delete', 'EROFS');
    const error = await p.removal.removeVisit(visit.id).catch((e: unknown) => e);
    expect(toKioskError(error)).toMatchObject({ code: 'not-saved', k30State: 'removed', disk: 'read-only' });
    expect(sim.state.visitors.get(visit.k30No!)).toBeUndefined();
    expect(p.ledger.get(visit.id)!.state).toBe('removal-pending');
    expect(p.facts.list()).toMatchObject([{ visitId: visit.id, state: 'removed' }]);

    // The sweeper would send Delete for a removal-pending visit; it must not while the fact is held.
    await p.removal.removeExpired();
    expect(p.calls).toEqual(['delete']);

    p.disk.failWrites(null);
    await p.facts.retry();
    expect(p.ledger.get(visit.id)!.state).toBe('removed');
    expect((await VisitLedger.open({ dataDir: dir, log: memoryLogger() })).get(visit.id)!.state).toBe('removed');
  });

  it('a change whose write fails is not kept: the ledger says what the disk says', async () => {
    const p = await processOver();
    const visit = await p.registration.register(demoRegistration({ deviceNos: DEVICES }));
    p.disk.failWrites('ENOSPC');
    await expect(p.ledger.update(visit.id, (r) => void (r.state = 'removed'))).rejects.toMatchObject({ problem: 'full' });
    expect(p.ledger.get(visit.id)!.state).toBe('pushed');
    expect(p.ledger.writeProblem).toMatchObject({ problem: 'full' });
    // A new registration is refused before anything is sent to K30.
    const before = sim.state.visitors.size;
    const error = await p.registration.register(demoRegistration()).catch((e: unknown) => e);
    expect(toKioskError(error)).toMatchObject({ code: 'disk-error', disk: 'full' });
    expect(sim.state.visitors.size).toBe(before);
    expect(p.ledger.all()).toHaveLength(1);
  });
});
