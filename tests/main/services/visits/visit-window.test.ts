/**
 * Issue #8 B5: main, not the page, decides how long a visit opens the doors. A kiosk page's times
 * are ignored; every registration has a configurable maximum length; a kiosk may register only so
 * many visitors a minute. Against the demo simulator over HTTP, with the services' clock injected.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Registration, Visit } from '../../../../src-preload/contract';
import { createDispatcher, type Dispatch } from '../../../../src-main/ipc/dispatch';
import { k30DateTime } from '../../../../src-main/k30/protocol/timestamp';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { ok as value } from '../../../helpers/results';
import { demoRegistration, residentId } from '../../../helpers/test-data';

const PIN = '2468';
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const app = appRig('visit-window-');
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);

/** A self-registration as a kiosk page might send it; each visitor their own phone and ID. */
function kioskRegistration(n: number, over: Partial<Registration> = {}): Registration {
  return demoRegistration({
    name: `自助访客${n}`,
    phone: `1371234567${n}`,
    documentNo: residentId(`4403051985122456${n}`),
    channel: 'kiosk',
    consent: { data: true, photo: true },
    deviceNos: DOORS,
    ...over,
  });
}

async function simVisitor(no: string): Promise<{ begintime: string; endtime: string }> {
  const state = await app.demoSim<{ visitors: { no: string; begintime: string; endtime: string }[] }>('state');
  const visitor = state.visitors.find((v) => v.no === no);
  if (!visitor) throw new Error(`visitor ${no} is not on the server`);
  return visitor;
}

async function selfServiceOn(dispatch: Dispatch, over: Record<string, unknown> = {}): Promise<void> {
  value(await dispatch('setAdminPin', { next: PIN }));
  value(await dispatch('saveSettings', { defaultDeviceNos: DOORS, defaultVisitMinutes: 90, ...over, selfServiceMode: true }));
}

beforeEach(async () => {
  offsetMs = 0;
  await app.start({ now });
});

describe('the self-service visit window', () => {
  it('ignores the page: begin 30 days ago and end in a year become now and now + the default (90 min) on the doors', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch);
    const sent = now().getTime();
    const asked = kioskRegistration(1, { begin: new Date(sent - 30 * DAY).toISOString(), end: new Date(sent + 365 * DAY).toISOString() });
    const visit = value<Visit>(await dispatch('registerVisit', asked));

    const begin = Date.parse(visit.begin);
    expect(Math.abs(begin - sent)).toBeLessThan(5_000);
    expect(Date.parse(visit.end) - begin).toBe(90 * 60_000);
    // What was pushed to the doors is what main decided, not what the page asked.
    const onServer = await simVisitor(visit.k30No!);
    expect(onServer).toMatchObject({ begintime: k30DateTime(new Date(visit.begin)), endtime: k30DateTime(new Date(visit.end)) });
  });

  it('a default longer than the maximum is cut to the maximum', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch, { defaultVisitMinutes: 3 * 24 * 60 });
    const visit = value<Visit>(await dispatch('registerVisit', kioskRegistration(2)));
    expect(Date.parse(visit.end) - Date.parse(visit.begin)).toBe(24 * HOUR);
  });
});

describe('the maximum visit length (every registration)', () => {
  it('refuses a reception visit over 24 h by default, sending and recording nothing; an admin may raise it', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    const before = await app.demoSim<{ visitors: unknown[] }>('state');
    const long = demoRegistration({ channel: 'reception' }, 24 * HOUR + 60_000);
    expect(await dispatch('registerVisit', long)).toMatchObject({ ok: false, error: { code: 'visit-too-long', field: 'end' } });
    expect(app.services.ledger.all()).toEqual([]);
    const after = await app.demoSim<{ visitors: unknown[] }>('state');
    expect(after.visitors).toHaveLength(before.visitors.length);

    expect(value<Visit>(await dispatch('registerVisit', demoRegistration({ channel: 'reception' }, 24 * HOUR))).state).toBe('pushed');

    value(await dispatch('saveSettings', { maxVisitHours: 72 }));
    const multiDay = demoRegistration({ channel: 'reception', phone: '13912345678', documentNo: residentId('11010519491231002') }, 48 * HOUR);
    const visit = value<Visit>(await dispatch('registerVisit', multiDay));
    expect(Date.parse(visit.end) - Date.parse(visit.begin)).toBe(48 * HOUR);
    expect(await dispatch('saveSettings', { maxVisitHours: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'maxVisitHours' } });
    expect(await dispatch('saveSettings', { maxVisitHours: 24 * 30 + 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('self-registrations per minute', () => {
  it('allows 3 a minute by default, refuses the 4th with its own code before anything is sent, and allows again a minute later', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch);
    for (let n = 1; n <= 3; n++) expect(value<Visit>(await dispatch('registerVisit', kioskRegistration(n))).state).toBe('pushed');
    offsetMs += 50_000;
    expect(await dispatch('registerVisit', kioskRegistration(4))).toMatchObject({ ok: false, error: { code: 'too-many-registrations' } });
    expect(app.services.ledger.all()).toHaveLength(3);
    offsetMs += 10_000;
    expect(value<Visit>(await dispatch('registerVisit', kioskRegistration(4))).state).toBe('pushed');
  });

  it('follows the setting', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch, { selfServiceRegistrationsPerMinute: 1 });
    expect(value<Visit>(await dispatch('registerVisit', kioskRegistration(1))).state).toBe('pushed');
    expect(await dispatch('registerVisit', kioskRegistration(2))).toMatchObject({ ok: false, error: { code: 'too-many-registrations' } });
  });

  it('does not limit reception', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    for (let n = 1; n <= 4; n++) {
      const visit = value<Visit>(
        await dispatch('registerVisit', demoRegistration({ phone: `1381234567${n}`, documentNo: residentId(`1101011990030712${n}`) })),
      );
      expect(visit.state).toBe('pushed');
    }
  });
});
