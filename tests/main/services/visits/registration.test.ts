import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, Registration } from '../../../../src-preload/contract';
import { toKioskError } from '../../../../src-main/ipc/errors';
import { AppError } from '../../../../src-main/services/app-error';
import { K30Client } from '../../../../src-main/k30/client';
import { K30ProtocolError, K30ServerError, K30TransportError } from '../../../../src-main/k30/client/errors';
import { resolveCredentials } from '../../../../src-main/k30/protocol';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES, DEMO_OFFLINE_DEVICE } from '../../../../src-main/k30/simulator/seed';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { CallbackReceiver, visitCallbackHandlers } from '../../../../src-main/services/callbacks/callback-receiver';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { testSecretBox } from '../../../helpers/test-ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { RegistrationService, type RegistrationClient } from '../../../../src-main/services/visits/registration';
import type { VisitError } from '../../../../src-main/services/visits/visit-error';
import { demoRegistration, intentRecord, residentId, until } from '../../../helpers/test-data';

// ---------------------------------------------------------------------------------------------
// Fixtures

const PHOTO = TINY_JPEG.toString('base64');
const ID = residentId();
const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];

function registration(over: Partial<Registration> = {}): Registration {
  return demoRegistration({ name: '访客甲', documentNo: ID, reason: '面试', photo: PHOTO, deviceNos: DEVICES, ...over }, 2 * 3600_000);
}

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

async function simState(sim: Simulator) {
  const res = await fetch(`${sim.url}/__sim/state`);
  return (await res.json()) as { visitors: { no: string; name: string; idcard: string; syncedDevices: string[]; photoBytes: number }[] };
}

async function simControl(sim: Simulator, path: string, body: unknown) {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
}

/** One "process": a ledger over the data dir and the services on it. */
async function processOver(dataDir: string, client: () => RegistrationClient) {
  const log = memoryLogger();
  const ledger = await VisitLedger.open({ dataDir, log, box: testSecretBox() });
  const events = new EventBus();
  const updates: EventPayload<'visitUpdated'>[] = [];
  events.on('visitUpdated', (v) => updates.push(v));
  const service = new RegistrationService({ ledger, client, events, log });
  return { ledger, events, updates, service, log };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'registration-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('registration against the simulator', () => {
  let sim: Simulator;
  let client: K30Client;
  let receiver: CallbackReceiver;

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  });
  afterEach(async () => {
    await receiver?.close();
    await sim.close();
  });

  async function withReceiver(ledger: VisitLedger, events: EventBus) {
    receiver = new CallbackReceiver({
      credentials: () => resolveCredentials(sim.credentials),
      handlers: visitCallbackHandlers({ ledger, events, log: memoryLogger() }),
      log: memoryLogger(),
    });
    sim.setCallbackUrl(await receiver.setAddress('127.0.0.1:0'));
  }

  it('registers, pushes, and is confirmed by authstatus callbacks through a real receiver', async () => {
    const p = await processOver(dir, () => client);
    await withReceiver(p.ledger, p.events);
    const visit = await p.service.register(registration());
    expect(visit.state).toBe('pushed');
    expect(visit.k30No).toMatch(/^\d+$/);
    expect(visit.visitor.phoneMasked).toBe('138****5678');
    expect(visit.visitor.documentMasked).toBe(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
    // The states it went through, each announced.
    expect(p.updates.slice(0, 3).map((v) => v.state)).toEqual(['intent', 'created', 'pushed']);

    // The event follows the write: wait for the announcement, not just the in-memory state.
    await until(() => p.updates.at(-1)!.devices.every((d) => d.state === 'confirmed'));
    const confirmed = p.updates.at(-1)!;
    expect(confirmed.devices.map((d) => [d.no, d.state])).toEqual(DEVICES.map((no) => [no, 'confirmed']));
    expect(confirmed.photoKept).toBe(false);

    const onServer = (await simState(sim)).visitors.find((v) => v.no === visit.k30No)!;
    expect(onServer).toMatchObject({ name: '访客甲', idcard: ID, syncedDevices: DEVICES });
    expect(onServer.photoBytes).toBe(TINY_JPEG.length);

    // Phone and ID are kept while the visit is live, sealed: nothing personal is on disk in clear.
    expect(p.ledger.get(visit.id)!.private).toMatchObject({ phone: '13812345678', documentNo: ID });
    const disk = await readFile(join(dir, 'visits.json'), 'utf8');
    expect(disk).not.toContain('13812345678');
    expect(disk).not.toContain(ID);
    expect(disk).not.toContain(PHOTO);
  });

  it('an offline device is reported failed by its callback; a re-push is possible', async () => {
    const p = await processOver(dir, () => client);
    await withReceiver(p.ledger, p.events);
    const visit = await p.service.register(registration({ deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_OFFLINE_DEVICE] }));
    await until(() => p.ledger.get(visit.id)!.devices.every((d) => d.state === 'confirmed' || d.state === 'failed'));
    expect(p.ledger.get(visit.id)!.devices).toMatchObject([
      { no: DEMO_DEVICES.campusGateIn, state: 'confirmed' },
      { no: DEMO_OFFLINE_DEVICE, state: 'failed', message: '设备离线' },
    ]);
    // Every device received the push (one then failed to apply it): the photo is on the server,
    // a re-push needs only the number, so the local copy is gone.
    expect(p.ledger.get(visit.id)!.private.photo).toBeUndefined();

    await simControl(sim, '/__sim/device', { no: DEMO_OFFLINE_DEVICE, online: true });
    const repushed = await p.service.repush(visit.id);
    expect(repushed.devices.find((d) => d.no === DEMO_OFFLINE_DEVICE)!.state).toMatch(/pushed|confirmed/);
    await until(() => p.ledger.get(visit.id)!.devices.every((d) => d.state === 'confirmed'));
  });

  it('a refused registration is create-failed, throws the server error, and keeps no personal data', async () => {
    const p = await processOver(dir, () => client);
    const error = await p.service.register(registration({ hostNo: '999' })).catch((e: unknown) => e);
    expect((error as VisitError).cause).toBeInstanceOf(K30ServerError);
    const [visit] = p.ledger.all();
    expect(toKioskError(error)).toMatchObject({ code: 'server-refused', visitId: visit.id });
    expect(visit.state).toBe('create-failed');
    expect(visit.lastError).toContain('被访人不存在');
    expect(visit.private).toEqual({});
  });

  it('a create whose answer is lost is create-unknown, and a restart does not send it again', async () => {
    const before = (await simState(sim)).visitors.length;
    await simControl(sim, '/__sim/faults', { dropAfterCommit: 1, paths: ['visitor/Create'] });
    const first = await processOver(dir, () => client);
    const error = await first.service.register(registration()).catch((e: unknown) => e);
    expect((error as VisitError).cause).toBeInstanceOf(AppError);
    const [visit] = first.ledger.all();
    // The error names the visit (issue #13): the renderer never guesses which one is ours.
    expect(toKioskError(error)).toMatchObject({ code: 'outcome-unknown', visitId: visit.id });
    expect(visit.state).toBe('create-unknown');
    expect((await simState(sim)).visitors).toHaveLength(before + 1);

    // A new process over the same data dir.
    const second = await processOver(dir, () => client);
    await second.service.resume();
    expect(second.ledger.get(visit.id)!.state).toBe('create-unknown');
    expect(second.ledger.get(visit.id)!.private.documentNo).toBe(ID);
    expect((await simState(sim)).visitors).toHaveLength(before + 1);
    await expect(second.service.repush(visit.id)).rejects.toMatchObject({ code: 'not-allowed' });

    // Staff gave it up: nothing is sent, and it says K30 may still hold it.
    const cancelled = await second.service.cancelVisit(visit.id);
    expect(cancelled.state).toBe('abandoned');
    expect(second.ledger.get(visit.id)!.private).toEqual({});
    expect((await simState(sim)).visitors).toHaveLength(before + 1);
  });

  it('an intent left by a crashed process becomes create-unknown at resume; staff may retry it', async () => {
    const before = (await simState(sim)).visitors.length;
    // The crashed process: intent written, then nothing.
    const crashed = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    const reg = registration();
    const intent = intentRecord('crashed-1', reg);
    await crashed.add(intent);

    const next = await processOver(dir, () => client);
    await next.service.resume();
    expect(next.ledger.get('crashed-1')!.state).toBe('create-unknown');
    expect(next.updates.map((v) => v.state)).toEqual(['create-unknown']);
    expect((await simState(sim)).visitors).toHaveLength(before);
    // Resuming again changes nothing.
    await next.service.resume();
    expect((await simState(sim)).visitors).toHaveLength(before);

    await withReceiver(next.ledger, next.events);
    const retried = await next.service.retryRegistration('crashed-1');
    expect(retried.state).toBe('pushed');
    expect((await simState(sim)).visitors).toHaveLength(before + 1);
    await expect(next.service.retryRegistration('crashed-1')).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('a created visit whose push never happened is pushed at resume', async () => {
    const reg = registration();
    const created = await client.createVisitor({
      name: reg.name,
      phone: reg.phone,
      staffno: reg.hostNo,
      begintime: new Date(reg.begin),
      endtime: new Date(reg.end),
      idcard: reg.documentNo,
      photo: PHOTO,
    });
    if (created.outcome !== 'created') throw new Error('expected a number');
    const crashed = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await crashed.add({
      id: 'half-1',
      state: 'created',
      k30No: created.no,
      channel: 'reception',
      visitor: { name: reg.name, phoneMasked: '138****5678', documentType: 'id-card', documentMasked: 'x', carno: '', reason: '' },
      host: { no: reg.hostNo, name: reg.hostName },
      begin: reg.begin,
      end: reg.end,
      devices: DEVICES.map((no) => ({ no, state: 'waiting' as const })),
      history: [],
      createdAt: new Date().toISOString(),
      private: { photo: PHOTO },
    });
    const next = await processOver(dir, () => client);
    await next.service.resume();
    expect(next.ledger.get('half-1')!.state).toBe('pushed');
    expect(next.ledger.get('half-1')!.devices.map((d) => d.state)).toEqual(['pushed', 'pushed']);
    expect((await simState(sim)).visitors.find((v) => v.no === created.no)!.syncedDevices).toEqual(DEVICES);
  });

  it('a failed push leaves the visit created with its devices failed, and a re-push succeeds', async () => {
    const p = await processOver(dir, () => client);
    await simControl(sim, '/__sim/faults', { http500: 1, paths: ['visitor/SyncVisitor'] });
    const visit = await p.service.register(registration());
    expect(visit.state).toBe('created');
    expect(visit.devices.map((d) => d.state)).toEqual(['failed', 'failed']);
    expect(visit.lastError).toMatch(/Push to devices failed/);
    expect(visit.photoKept).toBe(true);
    const repushed = await p.service.repush(visit.id);
    expect(repushed.state).toBe('pushed');
    expect(repushed.devices.map((d) => d.state)).toEqual(['pushed', 'pushed']);
    expect(repushed.photoKept).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('registration decisions (scripted client)', () => {
  function scripted(create: () => Promise<Awaited<ReturnType<RegistrationClient['createVisitor']>>>, sync: () => Promise<unknown> = async () => undefined) {
    const calls: string[] = [];
    const client: RegistrationClient = {
      createVisitor: async () => {
        calls.push('create');
        return create();
      },
      syncVisitor: async (no, devices) => {
        calls.push(`sync ${no} ${devices.join(',')}`);
        return sync();
      },
    };
    return { client, calls };
  }

  it('an unreadable answer to create means the outcome is unknown', async () => {
    const { client } = scripted(async () => {
      throw new K30ProtocolError('bad', 'undecryptable');
    });
    const p = await processOver(dir, () => client);
    const error = await p.service.register(registration()).catch((e: unknown) => e);
    expect(toKioskError(error)).toMatchObject({ code: 'outcome-unknown', visitId: p.ledger.all()[0].id });
    expect(p.ledger.all()[0].state).toBe('create-unknown');
  });

  it('a create that provably never arrived is create-failed', async () => {
    const { client } = scripted(async () => {
      throw new K30TransportError('refused', 'refused');
    });
    const p = await processOver(dir, () => client);
    const error = await p.service.register(registration()).catch((e: unknown) => e);
    expect(toKioskError(error).code).toBe('unreachable');
    expect(p.ledger.all()[0].state).toBe('create-failed');
  });

  it('created without a number: no push, explained, photo and ID dropped', async () => {
    const { client, calls } = scripted(async () => ({ outcome: 'created-without-no' }));
    const p = await processOver(dir, () => client);
    const visit = await p.service.register(registration());
    expect(visit.state).toBe('created-without-no');
    expect(visit.lastError).toMatch(/no visitor number/);
    expect(visit.photoKept).toBe(false);
    expect(calls).toEqual(['create']);
    await expect(p.service.repush(visit.id)).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('with no server configured nothing is recorded', async () => {
    const p = await processOver(dir, () => {
      throw new AppError('not-configured', 'No K30 server is set');
    });
    await expect(p.service.register(registration())).rejects.toMatchObject({ code: 'not-configured' });
    expect(p.ledger.all()).toEqual([]);
  });

  it('a device confirmation that arrives before SyncVisitor answers is kept', async () => {
    let ledger!: VisitLedger;
    const { client } = scripted(
      async () => ({ outcome: 'created', no: '77' }),
      async () => {
        const events = new EventBus();
        await visitCallbackHandlers({ ledger, events, log: memoryLogger() }).authstatus({ no: '77', deviceno: DEVICES[0], resultcode: '1', msg: 'ok' });
      },
    );
    const p = await processOver(dir, () => client);
    ledger = p.ledger;
    const visit = await p.service.register(registration());
    expect(visit.devices.map((d) => d.state)).toEqual(['confirmed', 'pushed']);
  });

  it('only a visit that never reached the server can be cancelled', async () => {
    const { client } = scripted(async () => ({ outcome: 'created', no: '78' }));
    const p = await processOver(dir, () => client);
    const visit = await p.service.register(registration());
    await expect(p.service.cancelVisit(visit.id)).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(p.service.cancelVisit('nope')).rejects.toMatchObject({ code: 'not-found' });
  });
});
