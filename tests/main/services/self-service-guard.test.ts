import { beforeEach, expect, it } from 'vitest';
import type { Registration } from '../../../src-preload/contract';
import type { Dispatch } from '../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../src-main/k30/simulator/seed';
import { SELF_SERVICE_CALLS } from '../../../src-main/services/self-service-guard';
import { appRig } from '../../helpers/app-rig';
import { code } from '../../helpers/results';
import { demoRegistration } from '../../helpers/test-data';

const DEFAULT_DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];
const PIN = '246810';

function selfRegistration(over: Partial<Registration> = {}): Registration {
  return demoRegistration({
    name: '自助访客',
    phone: '13612345678',
    documentType: 'passport',
    documentNo: 'E12345678',
    deviceNos: DEFAULT_DOORS,
    channel: 'kiosk',
    consent: { data: true, photo: true },
    ...over,
  });
}

async function simVisitors(url: string): Promise<unknown[]> {
  return ((await (await fetch(`${url}/__sim/state`)).json()) as { visitors: unknown[] }).visitors;
}

const app = appRig('kiosk-guard-');
let dispatch: Dispatch;

beforeEach(async () => {
  dispatch = await app.start();
  expect(code(await dispatch('setAdminPin', { next: PIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { defaultDeviceNos: DEFAULT_DOORS, selfServiceMode: true }))).toBe('ok');
});

it('in kiosk mode main refuses lists, settings, doors and other visitors, whatever the renderer shows', async () => {
  for (const [name, input] of [
    ['listVisits', undefined],
    ['listDevices', undefined],
    ['removeExpired', undefined],
    ['saveSettings', { server: 'http://10.0.0.1:8030' }],
    ['setAdminPin', { current: PIN, next: '1111' }],
    ['openDoor', { deviceNo: DEMO_DEVICES.campusGateIn }],
    ['listRegions', undefined],
    ['testConnection', undefined],
  ] as const) {
    expect(code(await dispatch(name, input)), name).toBe('not-allowed');
  }
  expect(SELF_SERVICE_CALLS.has('listVisits')).toBe(false);
  expect(app.services.settings.values.server).toBe('');
});

it('a self-registration gets the default doors and nothing else; a reception registration is refused', async () => {
  const before = (await simVisitors(app.services.demo!.url)).length;
  expect(code(await dispatch('registerVisit', selfRegistration({ deviceNos: [...DEFAULT_DOORS, DEMO_DEVICES.parkingIn] })))).toBe('not-allowed');
  expect(code(await dispatch('registerVisit', selfRegistration({ channel: 'reception', consent: undefined })))).toBe('not-allowed');
  expect((await simVisitors(app.services.demo!.url)).length).toBe(before);

  expect(code(await dispatch('registerVisit', selfRegistration({ deviceNos: [...DEFAULT_DOORS].reverse() })))).toBe('ok');
  const after = await simVisitors(app.services.demo!.url);
  expect(after.length).toBe(before + 1);
});

it('the admin PIN leaves kiosk mode, and then everything is open again', async () => {
  expect(code(await dispatch('leaveSelfServiceMode', { pin: '000000' }))).toBe('wrong-pin');
  expect(code(await dispatch('listVisits', undefined))).toBe('not-allowed');
  expect(code(await dispatch('leaveSelfServiceMode', { pin: PIN }))).toBe('ok');
  expect(code(await dispatch('listVisits', undefined))).toBe('ok');
});

it('returning visitors at the kiosk: only the own-profile shape (full phone + document tail), at most 5 a minute; no reception lookup, pre-fill, list or forget', async () => {
  for (const [name, input] of [
    ['findReturningVisitor', { phone: '13612345678' }],
    ['useReturningVisitor', { profileId: 'x' }],
    ['searchVisitorProfiles', { query: '' }],
    ['forgetVisitor', { profileId: 'x' }],
  ] as const) {
    expect(code(await dispatch(name, input)), name).toBe('not-allowed');
  }
  // The shape itself: a document tail is exactly 4 characters, a phone at least 6.
  expect(code(await dispatch('findMyProfile', { phone: '13612345678', documentTail: '45678' }))).toBe('invalid-input');
  expect(code(await dispatch('findMyProfile', { phone: '136', documentTail: '5678' }))).toBe('invalid-input');
  for (let n = 0; n < 5; n++) expect(code(await dispatch('findMyProfile', { phone: '13612345678', documentTail: `000${n}` }))).toBe('ok');
  expect(code(await dispatch('findMyProfile', { phone: '13612345678', documentTail: '5678' }))).toBe('rate-limited');
});

it('a kiosk is told the data controller and whether hosts are notified (none are yet), but nothing about the connection', async () => {
  expect(code(await dispatch('leaveSelfServiceMode', { pin: PIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { companyName: 'x'.repeat(61) })), 'the name is bounded').toBe('invalid-input');
  expect(code(await dispatch('saveSettings', { companyName: ' 示例科技有限公司 ', selfServiceMode: true }))).toBe('ok');
  const seen = await dispatch('getSettings', undefined);
  expect(seen).toMatchObject({ ok: true, value: { companyName: '示例科技有限公司', hostNotificationConfigured: false, companyno: '', server: '' } });
});
