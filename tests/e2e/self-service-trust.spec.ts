/**
 * What main refuses to trust, where the screen is the point (issue #8 B4, B5): the banner while
 * registration is paused for want of an app secret, the permanent warning when the company number
 * signs, the kiosk's paused welcome screen, and the kiosk's message when it has registered its
 * per-minute maximum. Against the real services through the harness.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { expect, test } from './support/fixtures';
import { exactly, navigate } from './support/journey';
import { expectDone, heading, takePhoto, turnSelfServiceOn, upToPhoto, VISITOR, zh } from './support/self-service';

/** Nothing is ever sent there: registration is paused before any request. */
const UNUSED_SERVER = 'http://127.0.0.1:9';

test.describe('signing without an app secret', () => {
  test('an install with server and company number but no app secret shows registration paused, pointing at Settings, until the secret is entered', async ({
    page,
    harness,
    shot,
  }) => {
    const dispatch = createDispatcher(harness.services.handlers);
    expect(await dispatch('saveSettings', { server: UNUSED_SERVER, companyno: 'K30DEMO' })).toMatchObject({ ok: true, value: { registrationPaused: true } });
    await page.goto(harness.appUrl);

    const paused = page.getByTestId('registration-paused');
    await expect(paused).toContainText(zh('app.registrationPaused'));
    await shot('1 registration paused');
    await paused.getByRole('link', { name: zh('nav.settings') }).click();
    await expect(page.getByRole('heading', { name: zh('settings.title'), level: 1 })).toBeVisible();
    // Still there on the settings page, where it is fixed.
    await expect(paused).toBeVisible();

    // The explicit, insecure choice: a permanent warning instead of the pause.
    await page.getByLabel(zh('settings.useCompanyNoAsSecret')).check();
    await page.getByRole('button', { name: zh('settings.save'), exact: true }).click();
    const warning = page.getByTestId('company-number-secret');
    await expect(warning).toContainText(zh('app.companyNoAsSecret'));
    await expect(paused).toHaveCount(0);
    await navigate(page, zh, 'register');
    await expect(warning, 'the warning stays on every page').toBeVisible();
    await shot('2 signing with the company number');

    // The app secret entered: no pause, no warning.
    await navigate(page, zh, 'settings');
    await page.getByLabel(zh('settings.appSecret'), { exact: true }).fill('k30-demo-code');
    await page.getByLabel(zh('settings.useCompanyNoAsSecret')).uncheck();
    await page.getByRole('button', { name: zh('settings.save'), exact: true }).click();
    await expect(page.getByText(zh('settings.saved'))).toBeVisible();
    await expect(warning).toHaveCount(0);
    await expect(paused).toHaveCount(0);
    await shot('3 app secret set');
  });

  test('a kiosk whose registration is paused says so on its welcome screen, with nothing to start', async ({ page, harness, shot }) => {
    const dispatch = createDispatcher(harness.services.handlers);
    expect((await dispatch('saveSettings', { server: UNUSED_SERVER, companyno: 'K30DEMO' })).ok).toBe(true);
    await turnSelfServiceOn(harness);
    await page.goto(harness.appUrl);
    await expect(heading(page, zh('selfService.paused.title'))).toBeVisible();
    await expect(page.getByText(zh('selfService.paused.body'))).toBeVisible();
    await expect(page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true })).toHaveCount(0);
    await shot('kiosk paused');
  });
});

test.describe('self-registrations per minute', () => {
  test('the kiosk says plainly that too many have just registered; a minute later "try again" works', async ({ page, harness, sim, shot }) => {
    const dispatch = createDispatcher(harness.services.handlers);
    expect((await dispatch('saveSettings', { selfServiceRegistrationsPerMinute: 1 })).ok).toBe(true);
    await turnSelfServiceOn(harness);
    await page.goto(harness.appUrl);

    await upToPhoto(page);
    await takePhoto(page);
    await page.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();
    await expectDone(page);
    await page.getByRole('button', { name: zh('selfService.done.finish'), exact: true }).click();
    const visitorsAfterFirst = (await sim.visitors()).length;

    // The next visitor, within the same minute.
    await upToPhoto(page);
    await takePhoto(page);
    await page.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();
    await expect(heading(page, zh('selfService.failed.title'))).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveText(exactly(zh('selfService.error.tooMany')));
    await shot('1 too many registrations');
    expect((await sim.visitors()).length, 'nothing was sent').toBe(visitorsAfterFirst);

    harness.setClockOffset(61_000);
    await page.getByRole('button', { name: zh('selfService.retry'), exact: true }).click();
    await expectDone(page);
    expect((await sim.visitors()).filter((v) => v.name === VISITOR.name)).toHaveLength(2);
    await shot('2 registered a minute later');
  });
});
