/**
 * Issue #8 B4/B6: what a window in self-service mode is told. Events of visits the kiosk did not
 * register since it last went back to its welcome screen never reach it (nor does anything about
 * the connection). The rule (SelfServiceSession) is unit-tested here, and then end to end through
 * `onWindowEvent`, which both the Electron glue and the browser harness forward.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, PublicSettings, Registration, Visit } from '../../../src-preload/contract';
import { createDispatcher } from '../../../src-main/ipc/dispatch';
import { startSimulator, type RunningSimulator } from '../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../src-main/k30/simulator/seed';
import { SelfServiceSession } from '../../../src-main/services/self-service-session';
import { guardSelfServiceMode } from '../../../src-main/services/self-service-guard';
import type { ApiHandlers } from '../../../src-main/services/api-types';
import { appRig } from '../../helpers/app-rig';
import { ok as value } from '../../helpers/results';
import { demoRegistration, residentId } from '../../helpers/test-data';

const PIN = '2468';
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];

describe('SelfServiceSession: the rule', () => {
  const visit = (id: string) => ({ id }) as unknown as EventPayload<'visitUpdated'>;
  const pass = (visitId: string) =>
    ({ visitId, deviceNo: 'D1', deviceName: 'Gate', direction: 'in', at: '2030-01-01T09:00:00Z' }) as EventPayload<'visitorPassed'>;

  it('passes everything through outside kiosk mode', () => {
    const session = new SelfServiceSession(() => false);
    expect(session.forWindow('visitUpdated', visit('other'))).toEqual(visit('other'));
    expect(session.forWindow('visitorPassed', pass('other'))).toEqual(pass('other'));
  });

  it('in kiosk mode passes only the visits claimed since the last reset', () => {
    const session = new SelfServiceSession(() => true);
    expect(session.forWindow('visitUpdated', visit('reception-1'))).toBeUndefined();
    session.claim('kiosk-1');
    expect(session.forWindow('visitUpdated', visit('kiosk-1'))).toEqual(visit('kiosk-1'));
    expect(session.forWindow('visitorPassed', pass('kiosk-1'))).toEqual(pass('kiosk-1'));
    expect(session.forWindow('visitorPassed', pass('reception-1'))).toBeUndefined();
    // The app's status (other visitors' unsaved results among it) is for reception only.
    expect(
      session.forWindow('statusChanged', {
        ledgerProblems: [],
        unsaved: [{ visitId: 'kiosk-1', name: '孙悦', state: 'created', since: '2030-01-01T09:00:00Z' }],
      }),
    ).toBeUndefined();
    session.reset();
    expect(session.forWindow('visitUpdated', visit('kiosk-1'))).toBeUndefined();
    expect(session.forWindow('visitorPassed', pass('kiosk-1'))).toBeUndefined();
  });
});

describe('getStatus at the kiosk', () => {
  it("carries no other visitor's name and no file path in kiosk mode", async () => {
    const status = {
      ledgerProblems: [{ kind: 'corrupt' as const, setAside: '/home/desk/.config/kiosk/visits.json.corrupt-1', at: '2030-01-01T09:00:00Z' }],
      ledgerUnwritable: 'full' as const,
      unsaved: [{ visitId: 'v1', name: '王小明', state: 'created' as const, k30No: '1760000000000001', since: '2030-01-01T09:00:00Z' }],
    };
    let kiosk = false;
    const handlers = new Proxy({} as ApiHandlers, { get: (_t, name) => async () => (name === 'getStatus' ? status : undefined) });
    const guarded = guardSelfServiceMode(handlers, { isSelfServiceMode: () => kiosk, defaultDeviceNos: () => [] });
    expect(await guarded.getStatus(undefined)).toEqual(status);
    kiosk = true;
    const told = await guarded.getStatus(undefined);
    expect(told).toEqual({ ledgerProblems: [], ledgerUnwritable: 'full', unsaved: [] });
    expect(JSON.stringify(told)).not.toContain('王小明');
  });
});

describe('what a kiosk window receives, end to end', () => {
  const app = appRig('kiosk-events-');
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    await app.start();
    await app.connect(sim, { callbacks: true });
  });
  afterEach(async () => {
    await app.stop();
    await sim.close();
  });

  function windowLog() {
    const seen: { name: EventName; payload: unknown }[] = [];
    const names: EventName[] = ['visitUpdated', 'visitorPassed', 'settingsChanged'];
    for (const name of names) app.services.onWindowEvent(name, (payload) => seen.push({ name, payload }));
    const visitIds = () =>
      new Set(
        seen.flatMap(({ name, payload }) =>
          name === 'visitUpdated' ? [(payload as Visit).id] : name === 'visitorPassed' ? [(payload as { visitId: string }).visitId] : [],
        ),
      );
    return { seen, visitIds, clear: () => seen.splice(0) };
  }

  const visitor = (n: number, over: Partial<Registration> = {}) =>
    demoRegistration({ name: `访客${n}`, phone: `1371234567${n}`, documentNo: residentId(`4403051985122456${n}`), deviceNos: DOORS, ...over });

  /** A door recognised the visitor: the services have handled the simulator's UploadRecord callback. */
  async function passDoor(visit: Visit): Promise<void> {
    const handled = new Promise<void>((resolve) => {
      const off = app.services.events.on('visitorPassed', (p) => {
        if (p.visitId !== visit.id) return;
        off();
        resolve();
      });
    });
    const response = await fetch(`${sim.url}/__sim/pass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorNo: visit.k30No, deviceNo: DOORS[0] }),
    });
    expect(response.status).toBe(200);
    await handled;
  }

  it("sends a kiosk window its own visitor's events only, and none of them after it went back to the welcome screen", async () => {
    const dispatch = createDispatcher(app.services.handlers);
    const window = windowLog();
    const reception = value<Visit>(await dispatch('registerVisit', visitor(1)));
    expect(window.visitIds()).toContain(reception.id); // reception sees everything

    value(await dispatch('setAdminPin', { next: PIN }));
    value(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceMode: true }));
    await sim.callbacksIdle();
    window.clear();

    // Another visitor's pass (a callback) and a change to their visit: not for the kiosk.
    await passDoor(reception);
    const own = value<Visit>(await dispatch('registerVisit', visitor(2, { channel: 'kiosk', consent: { data: true, photo: true } })));
    await passDoor(own);
    expect(window.visitIds()).toEqual(new Set([own.id]));
    expect(window.seen.some(({ name }) => name === 'visitorPassed')).toBe(true);

    // Back at the welcome screen: the last visitor's events stop too.
    value(await dispatch('resetSelfServiceSession', undefined));
    window.clear();
    await passDoor(own);
    await passDoor(reception);
    expect(window.visitIds()).toEqual(new Set());

    // Out of kiosk mode, reception sees every visit's events again.
    value(await dispatch('leaveSelfServiceMode', { pin: PIN }));
    await passDoor(own);
    expect(window.visitIds()).toContain(own.id);
  });

  it('tells a kiosk page nothing about the connection, by answer or by event', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    const full = value<PublicSettings>(await dispatch('getSettings', undefined));
    expect(full).toMatchObject({ server: sim.url, companyno: sim.credentials.companyno });

    value(await dispatch('setAdminPin', { next: PIN }));
    const window = windowLog();
    value(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceMode: true }));
    app.services.settings.save({ language: 'en' });

    const kiosk = value<PublicSettings>(await dispatch('getSettings', undefined));
    const told = JSON.stringify([kiosk, window.seen]);
    for (const secret of [sim.credentials.companyno, sim.url, String(sim.port), app.services.callbackUrl!]) expect(told).not.toContain(secret);
    expect(kiosk).toMatchObject({
      selfServiceMode: true,
      defaultDeviceNos: DOORS,
      secretSource: 'hidden',
      secretsSet: { appSecret: false, aesKey: false, aesIv: false },
    });
    expect(window.seen.filter(({ name }) => name === 'settingsChanged').length).toBeGreaterThan(0);
  });
});
