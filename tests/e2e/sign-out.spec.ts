/**
 * Staff sign a visitor out (签离): the visit ends now and the visitor is gone from the simulator;
 * an active visit offers "sign out", not "delete". In Chinese only: the behaviour is the same in
 * both languages (issue #13: a behaviour once, unless its point is layout or language).
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { Language, Visit } from '../../src-preload/contract';
import { demoRegistration } from '../helpers/test-data';
import { expect, test } from './support/fixtures';
import { navigate, tr } from './support/journey';

for (const language of ['zh-CN'] as Language[]) {
  test(`staff sign a visitor out (${language}): removed from K30 and the doors`, async ({ app, harness, sim, shot }) => {
    const t = tr(language);
    const dispatch = createDispatcher(harness.services.handlers);
    const registered = await dispatch('registerVisit', demoRegistration({ name: '签离访客' }));
    if (!registered.ok) throw new Error(registered.error.code);
    const visit = registered.value as Visit;
    expect((await sim.visitors()).map((v) => String(v.no))).toContain(visit.k30No);

    if (language === 'en') await app.getByRole('button', { name: tr('zh-CN')('lang.button'), exact: true }).click();
    await navigate(app, t, 'visits');
    await app.getByTestId('visit-row').filter({ hasText: '签离访客' }).getByRole('button').click();
    const detail = app.getByRole('region', { name: '签离访客' });
    await expect(detail.getByRole('button', { name: t('visit.remove'), exact: true })).toHaveCount(0);
    await detail.getByRole('button', { name: t('visit.signOut'), exact: true }).click();
    const confirm = app.getByRole('dialog', { name: t('visit.signOutConfirmTitle', { name: '签离访客' }) });
    await expect(confirm).toContainText(t('visit.signOutConfirmBody'));
    await shot('confirm sign-out');
    await confirm.getByRole('button', { name: t('visit.signOutConfirmOk'), exact: true }).click();
    await expect(detail.getByRole('status')).toHaveText(t('visit.signedOut'));
    await expect(detail.locator('.dl-row').filter({ hasText: t('visit.state') })).toContainText(t('state.removed'));
    await expect(detail.locator('.dl-row').filter({ hasText: t('visit.signedOutAt') })).toBeVisible();
    await shot('signed out');
    expect((await sim.visitors()).map((v) => String(v.no))).not.toContain(visit.k30No);
    expect(harness.services.ledger.get(visit.id)).toMatchObject({ state: 'removed', signedOutAt: expect.any(String) });
  });
}
