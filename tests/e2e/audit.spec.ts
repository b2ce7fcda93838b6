/**
 * The audit log shows every action of a full journey: registered, pushed, signed out, with who
 * (the station, named in the header) and the outcome, viewed in Settings with the admin PIN.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { VISITOR_EN, LI_NA } from './support/data';
import { expect, test } from './support/fixtures';
import { navigate, registerVisitor, tr } from './support/journey';

const PIN = '2468';
const STATION = '一楼前台';

test.use({ viewport: { width: 1366, height: 768 } });

test('a full journey appears in the audit log, and the station name in the header', async ({ app, harness, shot }) => {
  const t = tr('zh-CN');
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('setAdminPin', { next: PIN })).toMatchObject({ ok: true });
  expect(await dispatch('saveSettings', { stationName: STATION })).toMatchObject({ ok: true });
  await expect(app.getByTestId('acting')).toContainText(t('acting.station', { name: STATION }));

  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_EN, host: LI_NA, shot });

  await navigate(app, t, 'visits');
  const row = app.getByTestId('visit-row').filter({ hasText: VISITOR_EN.name });
  await row.getByRole('button').click();
  const detail = app.getByRole('region', { name: VISITOR_EN.name });
  await detail.getByRole('button', { name: t('visit.signOut'), exact: true }).click();
  const confirm = app.getByRole('dialog', { name: t('visit.signOutConfirmTitle', { name: VISITOR_EN.name }) });
  await confirm.getByRole('button', { name: t('visit.signOutConfirmOk'), exact: true }).click();
  await expect(detail.getByRole('status')).toHaveText(t('visit.signedOut'));

  await navigate(app, t, 'settings');
  await app.getByLabel(t('settings.pin')).fill(PIN);
  await app.getByRole('button', { name: t('settings.unlock'), exact: true }).click();
  const table = app.getByTestId('audit-log');
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeVisible();
  for (const action of ['registered', 'pushed', 'signed-out'] as const) {
    const entry = table.locator(`tr[data-action="${action}"]`);
    await expect(entry, action).toHaveCount(1);
    await expect(entry).toHaveAttribute('data-outcome', 'ok');
    await expect(entry).toContainText(t(`audit.action.${action}`));
    await expect(entry).toContainText(`${t('audit.actor.station')} @ ${STATION}`);
  }
  await expect(table.locator('tr[data-action="settings-changed"]')).toHaveCount(1);
  await shot('audit log', { fullPage: true });

  // The export is recorded too, and holds no full number.
  const csv = await dispatch('exportAudit', {});
  expect(csv.ok && csv.value).toContain('signed-out');
  expect(JSON.stringify(csv)).not.toContain(VISITOR_EN.phone);
});
