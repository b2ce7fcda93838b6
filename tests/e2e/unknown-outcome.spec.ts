/**
 * Issue #8 A3, A2, C9 on screen: a registration whose outcome is unknown offers "register again"
 * (with the duplicate warning) and "abandon" (listed in the K30 admin's CSV report), neither as the
 * safe default; the banners for unproven removals and for K30 results not yet saved.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { VISITOR_UNKNOWN, ZHANG_WEI } from './support/data';
import { navigate, registerVisitor, tr } from './support/journey';

test('an unknown outcome: register again warns of a duplicate, abandon is listed in the admin report', async ({ app, sim, shot }) => {
  const t = tr('zh-CN');
  // K30 creates the visitor, then the connection drops: the answer is lost.
  await sim.faults({ dropAfterCommit: 1, paths: ['visitor/Create'] });
  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_UNKNOWN, host: ZHANG_WEI, shot, until: 'submitted' });
  await expect(app.getByRole('heading', { name: t('result.unknownTitle'), exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText(t('result.unknownBody'))).toBeVisible();

  const again = app.getByRole('button', { name: t('result.sendAgain'), exact: true });
  const abandon = app.getByRole('button', { name: t('result.cancelVisit'), exact: true });
  // Neither way out is presented as the safe default.
  await expect(again).not.toHaveClass(/button-primary/);
  await expect(abandon).not.toHaveClass(/button-primary/);
  await shot('unknown outcome');

  // "Register again" first says what it risks; staff step back.
  await again.click();
  const againDialog = app.getByRole('dialog', { name: t('result.againConfirmTitle') });
  await expect(againDialog).toContainText(t('result.againConfirmBody'));
  await shot('register again warns of a duplicate');
  await againDialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
  expect((await sim.visitors()).filter((v) => v.name === VISITOR_UNKNOWN.name)).toHaveLength(1);

  // Abandon: recorded as possibly left on K30.
  await abandon.click();
  const abandonDialog = app.getByRole('dialog', { name: t('result.abandonConfirmTitle') });
  await expect(abandonDialog).toContainText(t('result.abandonConfirmBody'));
  await abandonDialog.getByRole('button', { name: t('result.cancelVisit'), exact: true }).click();
  await expect(app.getByRole('heading', { name: t('result.abandoned'), exact: true })).toBeVisible();

  // The visitor is still on K30, never pushed to a door; the admin's report lists it.
  const left = (await sim.visitors()).filter((v) => v.name === VISITOR_UNKNOWN.name);
  expect(left).toHaveLength(1);
  expect(left[0].syncedDevices).toEqual([]);
  await navigate(app, t, 'visits');
  const report = app.getByTestId('abandoned-report');
  await expect(report).toHaveText(t('visits.abandonedReport', { count: 1 }));
  const download = app.waitForEvent('download');
  await report.click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv).toContain(t('report.col.abandonedAt'));
  expect(csv).toContain(VISITOR_UNKNOWN.name);
  expect(csv).toContain(ZHANG_WEI.name);
  await shot('abandoned report');
});

test('banners: removals cannot be proven while answers are not verified; a K30 result not yet saved; the clocks disagree', async ({ app, harness, shot }) => {
  const t = tr('zh-CN');
  await expect(app.getByRole('navigation', { name: t('nav.label') })).toBeVisible();
  await expect(app.getByTestId('unproven-removals')).toHaveCount(0);

  // The installer chose 'warn' for a server whose answers do not verify.
  harness.services.settings.save({ responseSignPolicy: 'warn' });
  await expect(app.getByTestId('unproven-removals')).toHaveText(t('status.unprovenRemovals'));
  await shot('unproven removals banner');
  harness.services.settings.save({ responseSignPolicy: 'strict' });
  await expect(app.getByTestId('unproven-removals')).toHaveCount(0);

  // Main reports a K30 result it could not save (the disk is full): a banner in the user's words.
  harness.services.events.emit('statusChanged', {
    ledgerProblems: [],
    ledgerUnwritable: 'full',
    unsaved: [{ visitId: 'v1', name: '孙悦', state: 'created', k30No: '1001', since: new Date().toISOString() }],
  });
  const banner = app.getByTestId('disk-problems');
  await expect(banner).toContainText(t('status.ledgerUnwritable', { disk: t('disk.full') }));
  await expect(banner).toContainText(t('status.unsaved', { name: '孙悦', state: t('state.created'), no: '1001' }));
  await shot('disk banner');
  harness.services.events.emit('statusChanged', { ledgerProblems: [], unsaved: [] });
  await expect(banner).toHaveCount(0);

  // Door confirmations refused for their time: K30's clock is 12 minutes ahead of this PC's.
  const skew = { code: 'server-ahead' as const, minutes: 12, rejected: 3, at: new Date().toISOString() };
  harness.services.events.emit('statusChanged', { ledgerProblems: [], unsaved: [], clockSkew: skew });
  await expect(app.getByTestId('clock-skew')).toHaveText(t('status.clockSkew.server-ahead', { minutes: 12, count: 3 }));
  await shot('clock skew banner');
  harness.services.events.emit('statusChanged', { ledgerProblems: [], unsaved: [] });
  await expect(app.getByTestId('clock-skew')).toHaveCount(0);
});
