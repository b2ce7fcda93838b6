/**
 * (b) A visit ends while one of its door devices is offline: the removal stays pending (with the
 * reason) and the visitor stays on the server; once the device is back, removal succeeds.
 *
 * The visit's end is reached by moving the services' clock forward (the harness's test-only
 * `POST /__harness/clock`; createAppServices takes `now`), not by waiting.
 */
import { expect, test } from './support/fixtures';
import { VISITOR_REMOVAL, ZHANG_WEI } from './support/data';
import { navigate, registerVisitor, tr } from './support/journey';

const HOURS = 60 * 60 * 1000;

test('a visit that ends while a device is offline stays "removal pending" until the device is back', async ({ app, harness, sim, shot }) => {
  const t = tr('zh-CN');
  const { deviceNos } = await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_REMOVAL, host: ZHANG_WEI, shot });
  const registered = (await sim.visitors()).find((v) => v.name === VISITOR_REMOVAL.name);
  expect(registered, 'registered on the server').toBeDefined();
  expect(registered!.syncedDevices.length).toBeGreaterThan(0);

  // One of the doors it was pushed to goes offline; then the visit's end (default 2 h) passes.
  const offlineDevice = registered!.syncedDevices[0];
  expect(deviceNos).toContain(offlineDevice);
  await sim.setDevice(offlineDevice, false);
  const clock = await fetch(`${harness.appUrl}/__harness/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs: 3 * HOURS }),
  });
  expect(clock.status).toBe(200);

  await navigate(app, t, 'visits');
  await expect(app.getByRole('heading', { name: t('visits.title'), exact: true })).toBeVisible();
  await app.getByRole('button', { name: t('visits.removeExpired'), exact: true }).click();
  const confirm = app.getByRole('dialog', { name: t('visits.removeExpiredConfirmTitle') });
  await expect(confirm).toBeVisible();
  await shot('confirm remove expired');
  await confirm.getByRole('button', { name: t('visits.removeExpired'), exact: true }).click();

  const outcome = app.getByTestId('remove-expired-result');
  await expect(outcome).toContainText(t('visits.removeExpiredResult', { removed: 0, pending: 1 }));
  await expect(outcome).toContainText(t('visits.removeExpiredFailed', { count: 1 }));

  // The pending tab lists it; its detail says why.
  await app.getByRole('tab', { name: new RegExp(t('visits.tab.removal')) }).click();
  const row = app.getByTestId('visit-row').filter({ hasText: VISITOR_REMOVAL.name });
  await expect(row).toHaveAttribute('data-state', 'removal-pending');
  await expect(row).toContainText(t('state.removal-pending'));
  await row.getByRole('button').click();
  const detail = app.getByRole('region', { name: VISITOR_REMOVAL.name });
  await expect(detail).toBeVisible();
  const info = detail.getByTestId('removal-info');
  await expect(info).toContainText(t('visit.removalTitle'));
  await expect(info).toContainText(/原因：.*(离线|offline)/i);
  await expect(info).toContainText(t('visit.removalAttempts', { n: 1 }));
  await shot('removal pending with reason');

  // The server still has the visitor, and the offline door still holds its record.
  const pending = (await sim.visitors()).find((v) => v.no === registered!.no);
  expect(pending, 'still on the server while a device is offline').toBeDefined();
  expect(pending!.syncedDevices).toContain(offlineDevice);

  // The door comes back; staff remove it now.
  await sim.setDevice(offlineDevice, true);
  await detail.getByRole('button', { name: t('visit.remove'), exact: true }).click();
  const confirmOne = app.getByRole('dialog', { name: t('visit.removeConfirmTitle', { name: VISITOR_REMOVAL.name }) });
  await confirmOne.getByRole('button', { name: t('visit.removeConfirmOk'), exact: true }).click();
  await expect(detail.getByRole('status')).toHaveText(t('visit.removed'));
  await expect(detail.locator('.dl-row').filter({ hasText: t('visit.state') })).toContainText(t('state.removed'));
  await expect(detail.getByTestId('removal-info')).toHaveCount(0);
  await app.getByRole('tab', { name: new RegExp(t('visits.tab.ended')) }).click();
  await expect(app.getByTestId('visit-row').filter({ hasText: VISITOR_REMOVAL.name })).toHaveAttribute('data-state', 'removed');
  await shot('removed');

  expect(
    (await sim.visitors()).find((v) => v.no === registered!.no),
    'gone from the server',
  ).toBeUndefined();
});
