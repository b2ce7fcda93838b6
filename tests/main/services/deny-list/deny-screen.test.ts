import { beforeEach, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import type { DenyListHitEvent } from '../../../../src-main/services/main-events';
import { MATCH_KEY_STORE_KEY } from '../../../../src-main/services/personal-data/match-key';
import { appRig } from '../../../helpers/app-rig';
import { code } from '../../../helpers/results';
import { demoRegistration, residentId } from '../../../helpers/test-data';

const PIN = '246810';
const DENIED_PHONE = '13955556666';
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];

const app = appRig('deny-screen-');
let dispatch: Dispatch;
let hits: DenyListHitEvent[];

const simVisitors = async () => (await app.demoSim<{ visitors: { phone: string }[] }>('state')).visitors;
const audit = async () => (await app.services.audit.list({})).entries.reverse();

beforeEach(async () => {
  dispatch = await app.start();
  hits = [];
  app.services.mainEvents.on('denyListHit', (hit) => hits.push(hit));
  expect(code(await dispatch('setAdminPin', { next: PIN }))).toBe('ok');
  expect(code(await dispatch('addDenyEntry', { name: '黑名单', phone: DENIED_PHONE, reason: '曾在园区闹事' }))).toBe('ok');
});

it('reception is told who matched and why; nothing is recorded or sent to K30', async () => {
  const before = (await simVisitors()).length;
  const result = await dispatch('registerVisit', demoRegistration({ phone: DENIED_PHONE, name: '某人' }));
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'deny-listed', denyList: { entries: [{ name: '黑名单', reason: '曾在园区闹事', phoneHint: '6666', documentHint: '' }] } },
  });
  expect(JSON.stringify(result)).not.toContain(DENIED_PHONE);
  expect((await simVisitors()).length).toBe(before);
  expect(app.services.ledger.all()).toEqual([]);
  expect(hits).toEqual([
    expect.objectContaining({ channel: 'reception', outcome: 'blocked', visitorName: '某人', entries: [expect.objectContaining({ name: '黑名单' })] }),
  ]);
  expect(await audit()).toContainEqual(
    expect.objectContaining({ action: 'deny-list-blocked', outcome: 'refused', actor: expect.objectContaining({ kind: 'station' }) }),
  );
});

it('an administrator PIN overrides at reception, recorded before the registration goes ahead', async () => {
  expect(code(await dispatch('registerVisit', demoRegistration({ phone: DENIED_PHONE, denyListOverride: { pin: '0000' } })))).toBe('wrong-pin');
  expect(app.services.ledger.all()).toEqual([]);

  // A reception member's PIN is not an administrator's.
  await dispatch('addStaff', { name: '王芳', role: 'reception', pin: '13579' });
  expect(code(await dispatch('registerVisit', demoRegistration({ phone: DENIED_PHONE, denyListOverride: { pin: '13579' } })))).toBe('not-allowed');

  const result = await dispatch('registerVisit', demoRegistration({ phone: DENIED_PHONE, denyListOverride: { pin: PIN } }));
  expect(result).toMatchObject({ ok: true, value: { state: 'pushed' } });
  const visitId = (result as { value: { id: string } }).value.id;
  expect((await simVisitors()).some((v) => v.phone === DENIED_PHONE)).toBe(true);
  const entries = await audit();
  const override = entries.findIndex((e) => e.action === 'deny-list-override' && e.outcome === 'ok');
  const registered = entries.findIndex((e) => e.action === 'registered' && e.outcome === 'ok');
  expect(entries[override]).toMatchObject({ visitId, actor: { kind: 'staff', staffId: 'admin', role: 'admin' } });
  expect(override).toBeLessThan(registered);
  expect(entries.filter((e) => e.action === 'deny-list-override' && e.outcome === 'refused')).toHaveLength(2);
  expect(hits.at(-1)).toMatchObject({ outcome: 'overridden', visitId });
});

it('the kiosk only says "see reception", cannot override, and nothing reaches K30', async () => {
  expect(code(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceMode: true }))).toBe('ok');
  const kiosk = (over = {}) => demoRegistration({ phone: DENIED_PHONE, deviceNos: DOORS, channel: 'kiosk', consent: { data: true, photo: true }, ...over });
  const before = (await simVisitors()).length;
  const result = await dispatch('registerVisit', kiosk());
  expect(result).toMatchObject({ ok: false, error: { code: 'see-reception' } });
  expect(JSON.stringify(result)).not.toMatch(/黑名单|闹事/);
  expect(code(await dispatch('registerVisit', kiosk({ denyListOverride: { pin: PIN } })))).toBe('not-allowed');
  expect((await simVisitors()).length).toBe(before);
  expect(hits).toEqual([expect.objectContaining({ channel: 'kiosk', outcome: 'blocked' })]);
  expect(await audit()).toContainEqual(expect.objectContaining({ action: 'deny-list-blocked', actor: expect.objectContaining({ kind: 'self-service' }) }));
});

it('a match key that cannot be opened refuses every registration before anything is sent', async () => {
  await app.stop();
  app.store.set(MATCH_KEY_STORE_KEY, 'sealed-by-another-machine');
  dispatch = await app.start({}, { awaitReady: false });
  const before = (await simVisitors()).length;
  expect(code(await dispatch('registerVisit', demoRegistration({ phone: '13711112222', documentNo: residentId('11010119850101123') })))).toBe(
    'deny-list-unavailable',
  );
  expect((await simVisitors()).length).toBe(before);
  expect(app.services.ledger.all()).toEqual([]);
});
