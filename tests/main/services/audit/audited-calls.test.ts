import { beforeEach, expect, it } from 'vitest';
import type { Visit } from '../../../../src-preload/contract';
import { createDispatcher, type Dispatch } from '../../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { code } from '../../../helpers/results';
import { demoRegistration, residentId } from '../../../helpers/test-data';
import { mapStore } from '../../../helpers/test-ports';

const ADMIN = '246810';
const RECEPTION = '13579';
const SECURITY = '97531';

const app = appRig('audited-');
let dispatch: Dispatch;

const actions = async () =>
  (await app.services.audit.list({})).entries
    .reverse()
    .map((e) => `${e.action}:${e.outcome}:${e.actor.kind}${e.actor.staffName ? `:${e.actor.staffName}` : ''}`);

beforeEach(async () => {
  dispatch = await app.start();
});

it('records a whole journey as the station while staff sign-in is off', async () => {
  const registered = await dispatch('registerVisit', demoRegistration());
  const visit = (registered as { value: Visit }).value;
  expect(code(await dispatch('repushVisit', { visitId: visit.id }))).toBe('ok');
  expect(code(await dispatch('openDoor', { deviceNo: DEMO_DEVICES.campusGateIn }))).toBe('ok');
  expect(code(await dispatch('removeVisit', { visitId: visit.id }))).toBe('ok');
  expect(await actions()).toEqual(['registered:ok:station', 'pushed:ok:station', 're-pushed:ok:station', 'door-opened:ok:station', 'removed:ok:station']);
  const entries = (await app.services.audit.list({})).entries;
  expect(entries.filter((e) => e.action !== 'door-opened').every((e) => e.visitId === visit.id)).toBe(true);
  expect(entries.find((e) => e.action === 'door-opened')?.detail).toBe(DEMO_DEVICES.campusGateIn);
});

it('with staff sign-in on main asks who is acting, and records them; a door wants the PIN each time', async () => {
  expect(code(await dispatch('saveSettings', { staffSignIn: true }))).toBe('pin-required');
  expect(code(await dispatch('setAdminPin', { next: ADMIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { staffSignIn: true, stationName: '一楼前台' }))).toBe('ok');
  // Changing staff now wants an administrator acting, not just the settings session.
  expect(code(await dispatch('addStaff', { name: '王芳', role: 'reception', pin: RECEPTION }))).toBe('staff-required');
  expect(code(await dispatch('signInStaff', { pin: ADMIN }))).toBe('ok');
  expect(code(await dispatch('addStaff', { name: '王芳', role: 'reception', pin: RECEPTION }))).toBe('ok');
  expect(code(await dispatch('addStaff', { name: '保安甲', role: 'security', pin: SECURITY }))).toBe('ok');
  await dispatch('signOutStaff', undefined);

  expect(code(await dispatch('registerVisit', demoRegistration()))).toBe('staff-required');
  expect(app.services.ledger.all()).toEqual([]);
  expect(await dispatch('signInStaff', { pin: RECEPTION })).toMatchObject({
    ok: true,
    value: { station: '一楼前台', staffSignIn: true, staff: { name: '王芳', role: 'reception' } },
  });
  expect(code(await dispatch('registerVisit', demoRegistration()))).toBe('ok');

  expect(code(await dispatch('openDoor', { deviceNo: DEMO_DEVICES.campusGateIn }))).toBe('staff-required');
  expect(code(await dispatch('openDoor', { deviceNo: DEMO_DEVICES.campusGateIn, pin: '0000' }))).toBe('wrong-pin');
  expect(code(await dispatch('openDoor', { deviceNo: DEMO_DEVICES.campusGateIn, pin: SECURITY }))).toBe('ok');

  // Full numbers: reception may not, security may.
  expect(code(await dispatch('getMuster', { scope: 'all', phones: 'full' }))).toBe('not-allowed');
  await dispatch('signInStaff', { pin: SECURITY });
  expect(await dispatch('getMuster', { scope: 'all', phones: 'full' })).toMatchObject({ ok: true, value: { phones: 'full' } });

  const recorded = await actions();
  expect(recorded).toContain('registered:ok:staff:王芳');
  expect(recorded).toContain('door-opened:refused:staff:王芳');
  expect(recorded).toContain('door-opened:ok:staff:保安甲');
  expect(recorded).toContain('full-numbers-shown:ok:staff:保安甲');
  expect(
    (await app.services.audit.list({})).entries.every(
      (e) => e.actor.station === '一楼前台' || e.action === 'settings-changed' || e.action === 'admin-pin-changed',
    ),
  ).toBe(true);
});

it('the security role opens the full-number muster without the admin session, even with sign-in off', async () => {
  expect(code(await dispatch('setAdminPin', { next: ADMIN }))).toBe('ok');
  expect(code(await dispatch('addStaff', { name: '保安甲', role: 'security', pin: SECURITY }))).toBe('ok');
  await dispatch('signOutStaff', undefined);
  // A new window: no admin session (the test opens it by setting the PIN; a fresh services would not have it).
  const d = createDispatcher((await app.another()).handlers);
  expect(code(await d('getMuster', { scope: 'all', phones: 'full' }))).toBe('pin-required');
  expect(code(await d('signInStaff', { pin: SECURITY }))).toBe('ok');
  expect(await d('getMuster', { scope: 'all', phones: 'full' })).toMatchObject({ ok: true, value: { phones: 'full' } });
});

it('kiosk mode entered and left, settings changed and exports are recorded; listing wants the admin session', async () => {
  expect(code(await dispatch('setAdminPin', { next: ADMIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { defaultDeviceNos: [DEMO_DEVICES.campusGateIn], selfServiceMode: true }))).toBe('ok');
  expect(code(await dispatch('listAudit', {}))).toBe('not-allowed');
  expect(code(await dispatch('leaveSelfServiceMode', { pin: ADMIN }))).toBe('ok');
  const csv = await dispatch('exportAudit', {});
  expect(csv).toMatchObject({ ok: true, value: expect.stringContaining('kiosk-mode-entered') });
  expect(await actions()).toEqual([
    'admin-pin-changed:ok:station',
    'settings-changed:ok:station',
    'kiosk-mode-entered:ok:station',
    'kiosk-mode-left:ok:staff:admin',
    'data-exported:ok:staff:admin',
  ]);
});

it('a visit the sweeper removes on its own is recorded as the system acting', async () => {
  let offset = 0;
  const swept = await app.another({ store: mapStore(), sweepIntervalMs: 50, now: () => new Date(Date.now() + offset) });
  const d = createDispatcher(swept.handlers);
  const registered = await d('registerVisit', demoRegistration({}, 5 * 60_000));
  const visitId = (registered as { value: Visit }).value.id;
  offset = 60 * 60_000;
  await expect
    .poll(async () => (await swept.audit.list({})).entries.find((e) => e.action === 'removed'), { timeout: 10_000 })
    .toMatchObject({ visitId, outcome: 'ok', actor: { kind: 'system' }, detail: 'visit ended' });
});

it('exports the page makes itself are recorded with who made them, and not from a kiosk', async () => {
  expect(code(await dispatch('recordExport', { kind: 'muster-csv', count: 12 }))).toBe('ok');
  await app.services.audit.idle();
  expect((await app.services.audit.list({})).entries[0]).toMatchObject({
    action: 'data-exported',
    outcome: 'ok',
    detail: 'muster-csv: 12 rows',
    actor: { kind: 'station' },
  });
  expect(code(await dispatch('setAdminPin', { next: ADMIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { defaultDeviceNos: [DEMO_DEVICES.campusGateIn], selfServiceMode: true }))).toBe('ok');
  expect(code(await dispatch('recordExport', { kind: 'abandoned-csv', count: 1 }))).toBe('not-allowed');
});

it('a photo accepted despite failed checks is recorded with the checks and the reason, before the registration', async () => {
  const photoOverride = { failed: ['several-faces' as const, 'blurred' as const], reason: '被访人全程陪同 13812345678' };
  const registered = await dispatch('registerVisit', demoRegistration({ photoOverride }));
  const visit = (registered as { value: Visit }).value;
  expect(await actions()).toEqual(['photo-override:ok:station', 'registered:ok:station', 'pushed:ok:station']);
  const entry = (await app.services.audit.list({})).entries.find((e) => e.action === 'photo-override');
  expect(entry).toMatchObject({ visitId: visit.id, detail: 'failed: several-faces, blurred; reason: 被访人全程陪同 ***5678' });

  // A photo that passed its checks adds no such entry.
  expect(code(await dispatch('registerVisit', demoRegistration({ name: '访客乙', phone: '13812340000', documentNo: residentId('11010119900307124') })))).toBe(
    'ok',
  );
  expect((await actions()).filter((a) => a.startsWith('photo-override'))).toHaveLength(1);
});

it('forgetting a returning visitor is recorded; with staff sign-in on only an administrator acting may', async () => {
  const remembered = (name: string, phone: string) =>
    dispatch('registerVisit', demoRegistration({ name, phone, documentType: 'passport', documentNo: `E${phone.slice(-8)}`, remember: { photo: true } }));
  expect(code(await remembered('Jane Smith', '13700001111'))).toBe('ok');
  expect(code(await remembered('John Smith', '13700002222'))).toBe('ok');
  const profileOf = async (documentNo: string) =>
    ((await dispatch('findReturningVisitor', { documentNo })) as { value: { profileId: string } }).value.profileId;
  const jane = await profileOf('E00001111');
  const john = await profileOf('E00002222');

  expect(code(await dispatch('forgetVisitor', { profileId: jane }))).toBe('ok');
  const forgotten = (await app.services.audit.list({})).entries.find((e) => e.action === 'visitor-forgotten');
  expect(forgotten).toMatchObject({ outcome: 'ok', actor: { kind: 'station' } });
  expect(forgotten?.detail).not.toMatch(/Jane|Smith|1111/);

  expect(code(await dispatch('setAdminPin', { next: ADMIN }))).toBe('ok');
  expect(code(await dispatch('saveSettings', { staffSignIn: true }))).toBe('ok');
  expect(code(await dispatch('signInStaff', { pin: ADMIN }))).toBe('ok');
  expect(code(await dispatch('addStaff', { name: '王芳', role: 'reception', pin: RECEPTION }))).toBe('ok');
  await dispatch('signOutStaff', undefined);
  expect(code(await dispatch('forgetVisitor', { profileId: john }))).toBe('staff-required');
  await dispatch('signInStaff', { pin: RECEPTION });
  expect(code(await dispatch('forgetVisitor', { profileId: john }))).toBe('not-allowed');
  expect(await profileOf('E00002222')).toBe(john);
  await dispatch('signInStaff', { pin: ADMIN });
  expect(code(await dispatch('forgetVisitor', { profileId: john }))).toBe('ok');
  expect(code(await dispatch('forgetVisitor', { profileId: john }))).toBe('not-found');
  expect((await actions()).filter((a) => a.startsWith('visitor-forgotten'))).toEqual([
    'visitor-forgotten:ok:station',
    'visitor-forgotten:ok:staff:admin',
    'visitor-forgotten:failed:staff:admin',
  ]);
});
