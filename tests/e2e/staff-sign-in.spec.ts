/**
 * Staff sign-in on: the app asks who is acting (a PIN, main finds the member) before a
 * registration goes out, shows them in the header, and the audit log names them; opening a door
 * asks for the PIN every time.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../src-main/k30/simulator/seed';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import { expect, test } from './support/fixtures';
import { navigate, registerVisitor, tr } from './support/journey';

const ADMIN_PIN = '2468';
const RECEPTION_PIN = '13579';
const SECURITY_PIN = '97531';

test.use({ viewport: { width: 1366, height: 768 } });

test('who is acting is asked by main, shown in the header and recorded', async ({ app, harness, sim, shot }) => {
  const t = tr('zh-CN');
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('setAdminPin', { next: ADMIN_PIN })).toMatchObject({ ok: true });
  expect(await dispatch('addStaff', { name: '王芳', role: 'reception', pin: RECEPTION_PIN })).toMatchObject({ ok: true });
  expect(await dispatch('addStaff', { name: '保安甲', role: 'security', pin: SECURITY_PIN })).toMatchObject({ ok: true });
  expect(await dispatch('saveSettings', { staffSignIn: true, stationName: '一楼前台' })).toMatchObject({ ok: true });
  await dispatch('signOutStaff', undefined);
  const before = (await sim.visitors()).length;

  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot, until: 'submitted' });
  const dialog = app.getByRole('dialog', { name: t('acting.title') });
  await expect(dialog).toBeVisible();
  expect((await sim.visitors()).length, 'nothing sent before someone is acting').toBe(before);
  await dialog.getByLabel(t('acting.pin')).fill('0000');
  await dialog.getByRole('button', { name: t('acting.confirm'), exact: true }).click();
  await expect(dialog.locator('[data-error-code="wrong-pin"]')).toBeVisible();
  await dialog.getByLabel(t('acting.pin')).fill(RECEPTION_PIN);
  await shot('who is acting');
  await dialog.getByRole('button', { name: t('acting.confirm'), exact: true }).click();
  await expect(app.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('acting-staff')).toHaveText(t('acting.staff', { name: '王芳', role: t('role.reception') }));
  await shot('signed in, registered');
  expect((await sim.visitors()).length).toBe(before + 1);

  // A door: the PIN every time, even while signed in.
  await navigate(app, t, 'devices');
  const openFor = app.getByRole('button', { name: t('devicesPage.openDoorFor', { name: '园区南门入口' }) });
  await openFor.click();
  await app
    .getByRole('dialog')
    .last()
    .getByRole('button', { name: t('devicesPage.openDoor'), exact: true })
    .click();
  const doorDialog = app.getByRole('dialog', { name: t('acting.title') });
  await expect(doorDialog).toContainText(t('acting.doorBody'));
  await doorDialog.getByLabel(t('acting.pin')).fill(SECURITY_PIN);
  await doorDialog.getByRole('button', { name: t('acting.confirm'), exact: true }).click();
  await expect(doorDialog).toBeHidden();
  await expect(app.getByText(t('devicesPage.opened', { name: '园区南门入口' }))).toBeVisible();

  await expect
    .poll(async () => (await harness.services.audit.list({})).entries.map((e) => `${e.action}:${e.outcome}:${e.actor.staffName ?? e.actor.kind}`))
    .toEqual(
      expect.arrayContaining(['registered:ok:王芳', 'pushed:ok:王芳', 'door-opened:ok:保安甲', 'staff-signed-in:refused:station', 'staff-signed-in:ok:王芳']),
    );
  const door = (await harness.services.audit.list({})).entries.find((e) => e.action === 'door-opened');
  expect(door?.detail).toBe(DEMO_DEVICES.campusGateIn);
});
