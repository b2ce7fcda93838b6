/**
 * Issue #15 item 5 on screen: a door refuses the visitor's photo (its short side is under the
 * simulated terminal's minimum, reported through `authstatus`); the visit names the door and K30's
 * reason, "retake photo" opens the camera with the face check (the one-face feed), and the new
 * photo is registered as a new visitor at the same doors while the old visitor is deleted on K30.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../src-main/k30/simulator/seed';
import type { Visit } from '../../src-preload/contract';
import { demoRegistration, until } from '../helpers/test-data';
import { expect, test } from './support/fixtures';
import { navigate, tr } from './support/journey';

const NAME = '重拍访客';
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];

test('a door refuses the photo: retake it, the new visitor is pushed to the same doors and the old one deleted', async ({ app, harness, sim, shot }) => {
  const t = tr('zh-CN');
  // The campus gate takes only photos whose short side is at least 480 px; the registered one is tiny.
  const limited = await fetch(`${sim.url}/__sim/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ no: DEMO_DEVICES.campusGateIn, online: true, photoMinShortSide: 480 }),
  });
  expect(limited.status).toBe(200);
  const dispatch = createDispatcher(harness.services.handlers);
  const registered = await dispatch('registerVisit', demoRegistration({ name: NAME, deviceNos: DOORS }));
  if (!registered.ok) throw new Error(registered.error.code);
  const old = registered.value as Visit;
  await until(() => harness.services.ledger.get(old.id)!.devices.find((d) => d.no === DEMO_DEVICES.campusGateIn)!.state === 'failed');
  const reason = harness.services.ledger.get(old.id)!.devices.find((d) => d.no === DEMO_DEVICES.campusGateIn)!.message!;
  const gateName = (await sim.state()).devices.find((d) => d.no === DEMO_DEVICES.campusGateIn)!.name;

  await navigate(app, t, 'visits');
  await app.getByTestId('visit-row').filter({ hasText: NAME }).first().getByRole('button').click();
  const detail = app.getByRole('region', { name: NAME, exact: true });
  await expect(detail.getByTestId('photo-refusal')).toContainText(t('retake.refusedAt', { door: gateName, reason }));
  await shot('door refused the photo');

  await detail.getByRole('button', { name: t('retake.button'), exact: true }).click();
  const capture = app.locator('#retake-capture');
  await expect(capture).toHaveText(t('photo.capture'), { timeout: 30_000 });
  await capture.click();
  const send = app.locator('#retake-send');
  await expect(send).toBeEnabled({ timeout: 30_000 });
  await shot('new photo taken');
  await send.click();
  await expect(app.getByText(t('retake.done'), { exact: true })).toBeVisible({ timeout: 30_000 });
  await shot('registered again');

  const replacement = harness.services.ledger.all().find((v) => v.visitor.name === NAME && v.id !== old.id)!;
  expect(replacement.devices.map((d) => d.no)).toEqual(DOORS);
  await until(() => harness.services.ledger.get(replacement.id)!.devices.every((d) => d.state === 'confirmed'), 15_000);
  const onK30 = (await sim.visitors()).map((v) => String(v.no));
  expect(onK30).toContain(replacement.k30No);
  expect(onK30).not.toContain(old.k30No);
  expect(harness.services.ledger.get(old.id)!.state).toBe('removed');

  await app.locator('#retake-open-new').click();
  await expect(
    app
      .getByRole('region', { name: NAME, exact: true })
      .locator('.dl-row')
      .filter({ hasText: t('visit.k30No') }),
  ).toContainText(replacement.k30No!);
  await shot('the new visit');
});
