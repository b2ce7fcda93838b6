/**
 * The deny list in the browser against the real services: a listed person is stopped at
 * reception (who and why shown, nothing sent to the simulator) and let through only with an
 * administrator's PIN (in the audit log); at the kiosk the visitor is only told to see reception.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { DenyListHitEvent } from '../../src-main/services/main-events';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import { expect, test } from './support/fixtures';
import { registerVisitor, stepHeading, tr } from './support/journey';
import { expectWelcome, heading, PIN, takePhoto, turnSelfServiceOn, upToPhoto, VISITOR, zh } from './support/self-service';

const REASON = '曾在园区闹事';

test.use({ viewport: { width: 1366, height: 768 } });

test('reception: a deny-listed visitor is stopped before K30, and an administrator PIN lets them through (logged)', async ({ app, harness, sim, shot }) => {
  const t = tr('zh-CN');
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('setAdminPin', { next: PIN })).toMatchObject({ ok: true });
  expect(await dispatch('addDenyEntry', { name: VISITOR_ZH.name, documentNo: VISITOR_ZH.idCard, reason: REASON })).toMatchObject({ ok: true });
  const before = await sim.visitors();

  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot, until: 'submitted' });
  const alert = app.getByTestId('deny-alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(t('deny.title'));
  await expect(alert).toContainText(t('deny.entry', { name: VISITOR_ZH.name, reason: REASON }));
  await expect(alert).toContainText(VISITOR_ZH.idCard.slice(-4));
  await expect(alert).not.toContainText(VISITOR_ZH.idCard);
  await expect(stepHeading(app, t, 'visit')).toBeVisible();
  await shot('deny alert at reception');
  expect(await sim.visitors(), 'nothing reached the simulator').toHaveLength(before.length);
  expect(harness.services.ledger.all(), 'nothing was recorded').toEqual([]);

  // A wrong PIN does not override.
  await alert.getByLabel(t('deny.overridePin')).fill('0000');
  await alert.getByRole('button', { name: t('deny.override'), exact: true }).click();
  await expect(app.locator('[data-error-code="wrong-pin"]')).toBeVisible();
  await expect(app.getByTestId('deny-alert')).toBeVisible();
  expect(await sim.visitors()).toHaveLength(before.length);

  await app.getByTestId('deny-alert').getByLabel(t('deny.overridePin')).fill(PIN);
  await app
    .getByTestId('deny-alert')
    .getByRole('button', { name: t('deny.override'), exact: true })
    .click();
  await expect(app.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });
  await shot('overridden and registered');
  expect(await sim.visitors()).toHaveLength(before.length + 1);

  const log = (await harness.services.audit.list({})).entries.reverse();
  const actions = log.map((e) => `${e.action}:${e.outcome}`);
  expect(actions).toEqual(
    expect.arrayContaining(['deny-list-blocked:refused', 'deny-list-override:refused', 'deny-list-override:ok', 'registered:ok', 'pushed:ok']),
  );
  expect(actions.indexOf('deny-list-override:ok')).toBeLessThan(actions.indexOf('registered:ok'));
  expect(log.find((e) => e.action === 'deny-list-override' && e.outcome === 'ok')?.actor).toMatchObject({ kind: 'staff', role: 'admin' });
  expect(JSON.stringify(log)).not.toContain(VISITOR_ZH.idCard);
});

test('kiosk: a deny-listed visitor is told to see reception, never why; nothing reaches the simulator', async ({ app, harness, sim, shot }) => {
  const hits: DenyListHitEvent[] = [];
  harness.services.mainEvents.on('denyListHit', (hit) => hits.push(hit));
  const dispatch = createDispatcher(harness.services.handlers);
  // Before any PIN: the administrator's calls are open.
  expect(await dispatch('addDenyEntry', { name: '黑名单人员', phone: VISITOR.phone, reason: REASON })).toMatchObject({ ok: true });
  await turnSelfServiceOn(harness);
  await expectWelcome(app);
  const before = (await sim.visitors()).length;

  await upToPhoto(app);
  await takePhoto(app);
  await app.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();
  await expect(heading(app, zh('selfService.reception.title'))).toBeVisible({ timeout: 30_000 });
  await expect(app.getByText(zh('selfService.reception.unavailable'))).toBeVisible();
  await expect(app.locator('body')).not.toContainText(REASON);
  await expect(app.locator('body')).not.toContainText('黑名单');
  await shot('kiosk: please see reception');

  expect((await sim.visitors()).length, 'nothing reached the simulator').toBe(before);
  expect(harness.services.ledger.all()).toEqual([]);
  expect(hits).toEqual([
    expect.objectContaining({ channel: 'kiosk', outcome: 'blocked', visitorName: VISITOR.name, entries: [expect.objectContaining({ reason: REASON })] }),
  ]);
  const log = (await harness.services.audit.list({})).entries;
  expect(log).toContainEqual(
    expect.objectContaining({ action: 'deny-list-blocked', outcome: 'refused', actor: expect.objectContaining({ kind: 'self-service' }) }),
  );
  await expectWelcome(app, zh, 15_000);
});
