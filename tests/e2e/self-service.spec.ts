/**
 * Self-service kiosk mode, driven as a visitor at the touch screen would (by the accessible names
 * the renderer shows, from its own dictionaries), against the real services and the simulator:
 * a self-registration with consent and a photo; a declined consent that stores nothing; the idle
 * reset; leaving the mode with the admin PIN.
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { DONE_RETURN_SECONDS } from '../../src-renderer/src/self-service/flow';
import { ZHANG_WEI } from './support/data';
import { expect, test } from './support/fixtures';
import { exactly, expectVisitorOnServer, waitForLivePreview } from './support/journey';
import {
  agree,
  chooseHost,
  DOORS,
  en,
  expectDone,
  expectWelcome,
  fillDetails,
  heading,
  IDLE_SECONDS,
  next,
  PIN,
  takePhoto,
  template,
  turnSelfServiceOn,
  upToPhoto,
  visitCount,
  VISITOR,
  WARNING_SECONDS,
  zh,
} from './support/self-service';

test.describe('self-service kiosk', () => {
  test('a visitor registers themselves: details, host, consent, photo; the server gets them on the default doors', async ({
    page,
    harness,
    sim,
    shot,
    pageProblems,
  }, testInfo) => {
    void pageProblems;
    const dispatch = await turnSelfServiceOn(harness);
    const before = await sim.visitors();

    // Kiosk mode is already on when the app starts.
    await page.goto(harness.appUrl);
    await expectWelcome(page);
    await shot('1 welcome');
    await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();

    // First, before anything is typed: who is responsible, everything the form collects, two choices.
    await expect(heading(page, zh('selfService.step.consent'))).toBeVisible();
    await expect(page.getByLabel(zh('field.name'), { exact: true }), 'nothing personal is asked before consent').toHaveCount(0);
    await expect(page.getByText(zh('selfService.consent.whatList'))).toBeVisible();
    await expect(page.getByText(zh('selfService.consent.whyDoors'))).toBeVisible();
    await expect(page.getByTestId('consent-controller')).toHaveText(zh('selfService.consent.controllerUnset'));
    await expect(page.getByText(zh('selfService.consent.keep', { days: 30 }))).toBeVisible();
    await expect(page.getByText(zh('selfService.consent.noPhoto'))).toBeVisible();
    const accept = page.getByRole('button', { name: zh('selfService.consent.accept'), exact: true });
    await expect(accept).toBeDisabled();
    await page.getByLabel(zh('selfService.consent.data')).check();
    await expect(accept, 'both consents are needed').toBeDisabled();
    await page.getByLabel(zh('selfService.consent.photo')).check();
    await expect(accept).toBeEnabled();
    await shot('2 consent');
    await accept.click();

    // A wrong check digit is caught on the spot.
    await expect(heading(page, zh('selfService.step.details'))).toBeVisible();
    await page.getByLabel(zh('field.documentNo'), { exact: true }).fill(VISITOR.idCard.slice(0, 17) + (VISITOR.idCard[17] === '1' ? '2' : '1'));
    await next(page, zh);
    await expect(page.locator('[id="self-service-documentNo-error"]')).toHaveText(zh('validation.idChecksum'));
    await fillDetails(page, zh, VISITOR);
    await shot('3 details');
    await next(page, zh);

    await chooseHost(page, zh, ZHANG_WEI);
    await shot('4 host');
    await next(page, zh);

    await expect(heading(page, zh('selfService.step.photo'))).toBeVisible();
    await waitForLivePreview(page, zh);
    const capture = page.getByRole('button', { name: zh('photo.capture'), exact: true });
    await expect(capture).toBeEnabled({ timeout: 20_000 });
    const box = await capture.boundingBox();
    expect(box!.height, 'touch targets of at least 64 px').toBeGreaterThanOrEqual(64);
    await capture.click();
    await expect(page.getByRole('img', { name: zh('selfService.photo.yours') })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: zh('photo.retake'), exact: true })).toBeVisible();
    await shot('5 photo');
    await page.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();

    // "登记成功": no notification channel, so "please wait at reception", with the visit number.
    await expectDone(page);
    await expect(page.getByTestId('self-service-visit-number')).toHaveText(/^\d+$/);
    await shot('6 done');

    const visitor = await expectVisitorOnServer(sim, before, { visitor: VISITOR, host: ZHANG_WEI, deviceNos: DOORS });
    await expect(page.getByTestId('self-service-visit-number')).toHaveText(visitor.no);
    expect(await dispatch('listVisits', undefined), 'kiosk mode keeps the visit list out of reach').toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(harness.services.ledger.all()[0]).toMatchObject({ channel: 'kiosk', visitor: { name: VISITOR.name }, host: { no: ZHANG_WEI.no } });
    await testInfo.attach('simulator visitor', { body: JSON.stringify(visitor, null, 2), contentType: 'application/json' });

    // DONE_RETURN_SECONDS later the next visitor is greeted, and nothing of this one is left.
    await expectWelcome(page, zh, (DONE_RETURN_SECONDS + 5) * 1000);
    await expect(page.getByText(VISITOR.name)).toHaveCount(0);
    await shot('7 back to welcome');
  });

  test('a declined consent, before anything is typed, stores nothing and sends the visitor to reception', async ({ app, harness, sim, shot }) => {
    await turnSelfServiceOn(harness);
    // The app was open: it switches to the kiosk at once.
    await expectWelcome(app);
    const visitorsBefore = (await sim.visitors()).length;
    const visitsBefore = visitCount(harness);

    // This visitor reads English.
    await app.getByRole('button', { name: zh('lang.button'), exact: true }).click();
    await expect(heading(app, en('selfService.welcome.title'))).toBeVisible();
    await app.getByRole('button', { name: en('selfService.welcome.start'), exact: true }).click();
    await expect(heading(app, en('selfService.step.consent'))).toBeVisible();
    await app.getByLabel(en('selfService.consent.data')).check();
    await shot('1 consent, one box ticked');
    await app.getByRole('button', { name: en('selfService.consent.decline'), exact: true }).click();

    await expect(heading(app, en('selfService.reception.title'))).toBeVisible();
    await expect(app.getByText(en('selfService.reception.declined'))).toBeVisible();
    await shot('2 please see reception');

    expect((await sim.visitors()).length, 'nothing reached the server').toBe(visitorsBefore);
    expect(visitCount(harness), 'nothing was recorded').toBe(visitsBefore);
    expect(harness.log.lines.some((l) => l.includes(VISITOR.name) || l.includes(VISITOR.phone))).toBe(false);

    // A few seconds later: the welcome screen, in Chinese again, and an empty form.
    await expectWelcome(app, zh, 15_000);
    await shot('3 back to welcome');
    await app.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
    await expect(app.getByLabel(zh('selfService.consent.data'))).not.toBeChecked();
    await agree(app, zh);
    await expect(app.getByLabel(zh('field.name'), { exact: true })).toHaveValue('');
    await expect(app.getByLabel(zh('field.phone'), { exact: true })).toHaveValue('');
    await expect(app.getByLabel(zh('field.documentNo'), { exact: true })).toHaveValue('');
  });

  test('a failed call keeps everything entered: a large, specific message, then "try again" works', async ({ app, harness, sim, shot }) => {
    await turnSelfServiceOn(harness);
    await expectWelcome(app);
    await upToPhoto(app);
    await takePhoto(app);
    // The server refuses the visitor creation outright (HTTP 400, before acting) for a while. A
    // 5xx would not do: it may come after K30 created the visitor, so its outcome is unknown.
    await sim.faults({ http500: 20, beforeCommitStatus: 400, paths: ['visitor/Create'] });
    await app.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();

    await expect(heading(app, zh('selfService.failed.title'))).toBeVisible({ timeout: 30_000 });
    await expect(app.getByRole('alert')).toHaveText(exactly(zh('selfService.error.server')));
    await expect(app.getByText(zh('selfService.failed.kept'))).toBeVisible();
    await expect(app.getByRole('button', { name: zh('selfService.seeReception'), exact: true })).toBeVisible();
    await shot('1 failed, try again');
    expect(await sim.visitors()).not.toContainEqual(expect.objectContaining({ name: VISITOR.name }));

    // Try again while the server still fails: the same message, nothing lost.
    await app.getByRole('button', { name: zh('selfService.retry'), exact: true }).click();
    await expect(heading(app, zh('selfService.failed.title'))).toBeVisible({ timeout: 30_000 });

    // Nothing typed was lost: every screen still holds what was entered.
    await app.getByRole('button', { name: zh('selfService.edit'), exact: true }).click();
    await expect(app.getByLabel(zh('field.name'), { exact: true })).toHaveValue(VISITOR.name);
    await expect(app.getByLabel(zh('field.phone'), { exact: true })).toHaveValue(VISITOR.phone);
    await expect(app.getByLabel(zh('field.documentNo'), { exact: true })).toHaveValue(VISITOR.idCard);
    await next(app, zh);
    await expect(app.getByText(zh('host.selectedNoTail', { name: ZHANG_WEI.name, dept: ZHANG_WEI.dept }), { exact: true })).toBeVisible();
    await next(app, zh);
    await expect(app.getByRole('img', { name: zh('selfService.photo.yours') })).toBeVisible();

    await sim.faults({ reset: true });
    await app.getByRole('button', { name: zh('selfService.submit'), exact: true }).click();
    await expectDone(app);
    await shot('2 done after retry');
    const visitor = (await sim.visitors()).find((v) => v.name === VISITOR.name);
    expect(visitor?.photoBytes).toBeGreaterThan(0);
    expect(visitor?.phone).toBe(VISITOR.phone);
  });

  test('an admin turns kiosk mode on in Settings, only once a PIN is set; without default doors visitors are sent to reception', async ({
    app,
    harness,
    shot,
  }) => {
    await app
      .getByRole('navigation', { name: zh('nav.label') })
      .getByRole('link', { name: zh('nav.settings') })
      .click();
    const selfServiceBox = app.getByLabel(zh('settings.selfServiceMode'));
    await expect(selfServiceBox).toBeDisabled();
    await expect(app.getByText(zh('settings.selfServiceNeedsPin'))).toBeVisible();
    await shot('1 settings, no PIN yet');

    await app.getByLabel(zh('settings.newPin')).fill(PIN);
    await app.getByLabel(zh('settings.confirmPin')).fill(PIN);
    await app.getByRole('button', { name: zh('settings.setPin'), exact: true }).click();
    // The admin who set the PIN stays in: the page neither locks nor starts afresh, so its notice stays.
    const pinSaved = app.getByRole('status').filter({ hasText: zh('settings.pinSaved') });
    await expect(pinSaved).toBeVisible();
    await expect(app.getByText(zh('settings.pinStatusSet'))).toBeVisible();
    await expect(app.getByRole('heading', { name: zh('settings.pinTitle') })).toHaveCount(0);
    await expect(selfServiceBox).toBeEnabled();
    await expect(pinSaved, 'the notice is not lost a moment later').toBeVisible();
    await selfServiceBox.check();
    await expect(app.getByText(zh('settings.selfServiceNoDevices'))).toBeVisible();
    await shot('2 kiosk mode ticked');
    await app.getByRole('button', { name: zh('settings.save'), exact: true }).click();

    // Saved: the window is the kiosk now, nothing else.
    await expectWelcome(app);
    const dispatch = createDispatcher(harness.services.handlers);
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { selfServiceMode: true, adminPinSet: true, defaultDeviceNos: [] } });
    await app.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
    await expect(heading(app, zh('selfService.reception.title'))).toBeVisible();
    await expect(app.getByText(zh('selfService.reception.no-devices'))).toBeVisible();
    await shot('3 no default doors: see reception');
  });

  test('left idle, a half-filled form is wiped after "are you still there?"', async ({ page, harness, shot }) => {
    await turnSelfServiceOn(harness);
    // The page's own clock: the idle time and the countdown pass when the test says, not in real time.
    await page.clock.install();
    await page.goto(harness.appUrl);
    await expectWelcome(page);
    await page.clock.pauseAt(Date.now() + 1000);
    await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
    await agree(page, zh);
    const name = page.getByLabel(zh('field.name'), { exact: true });
    await name.fill(VISITOR.name);
    await page.getByLabel(zh('field.phone'), { exact: true }).fill(VISITOR.phone);
    await shot('1 half-filled');

    // After the idle time, not before: the warning. A touch keeps everything.
    const still = page.getByRole('alertdialog', { name: zh('selfService.idle.title') });
    await page.clock.runFor(IDLE_SECONDS * 1000 - 1000);
    await expect(still).toBeHidden();
    await page.clock.runFor(1000);
    await expect(still).toBeVisible();
    await expect(still).toContainText(template(zh('selfService.idle.body'), false));
    await shot('2 are you still there');
    // A touch, as on the screen: the warning goes at the touch itself (pointerdown), so a raw tap.
    const stay = await still.getByRole('button', { name: zh('selfService.idle.stay'), exact: true }).boundingBox();
    await page.mouse.click(stay!.x + stay!.width / 2, stay!.y + stay!.height / 2);
    await expect(still).toBeHidden();
    await expect(name).toHaveValue(VISITOR.name);

    // Left alone again: the full idle time, the whole countdown, then the welcome screen.
    await page.clock.runFor(IDLE_SECONDS * 1000 - 1000);
    await expect(still).toBeHidden();
    await page.clock.runFor(1000);
    await expect(still).toBeVisible();
    await page.clock.runFor(WARNING_SECONDS * 1000 - 1000);
    await expect(still, 'the countdown is not over yet').toBeVisible();
    await expect(name).toHaveValue(VISITOR.name);
    await page.clock.runFor(1000);
    await expectWelcome(page, zh);
    await shot('3 wiped, welcome');

    await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
    await agree(page, zh);
    await expect(name).toHaveValue('');
    await expect(page.getByLabel(zh('field.phone'), { exact: true })).toHaveValue('');
    await shot('4 empty form');
  });

  test('left idle on the photo screen, the camera is released', async ({ page, harness, shot, pageProblems }) => {
    void pageProblems;
    // Every camera stream the page opens, to check that each one is stopped.
    await page.addInitScript(() => {
      type Stream = { getTracks(): { readyState: string }[] };
      const g = globalThis as unknown as { __streams: Stream[]; navigator: { mediaDevices: { getUserMedia(constraints: unknown): Promise<Stream> } } };
      g.__streams = [];
      const media = g.navigator.mediaDevices;
      const original = media.getUserMedia.bind(media);
      media.getUserMedia = async (constraints: unknown) => {
        const stream = await original(constraints);
        g.__streams.push(stream);
        return stream;
      };
    });
    await turnSelfServiceOn(harness);
    await page.clock.install();
    await page.goto(harness.appUrl);
    await expectWelcome(page);
    await upToPhoto(page);
    const live = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { __streams: { getTracks(): { readyState: string }[] }[] }).__streams
            .flatMap((s) => s.getTracks())
            .filter((t) => t.readyState === 'live').length,
      );
    expect(await live()).toBeGreaterThan(0);
    await shot('1 camera on');

    // The idle time and the countdown on the page's own clock (installed before the page loaded).
    // Jumps, not runFor: the live face check runs several times a second, and running every one of
    // its frames for five minutes of page time would take minutes of real time.
    await page.clock.fastForward(IDLE_SECONDS * 1000);
    for (let second = 0; second <= WARNING_SECONDS; second++) await page.clock.fastForward(1000);
    await expectWelcome(page, zh);
    await expect.poll(live, { message: 'every camera track stopped' }).toBe(0);
    await shot('2 wiped, camera off');
    await page.getByRole('button', { name: zh('selfService.welcome.start'), exact: true }).click();
    await agree(page, zh);
    await expect(page.getByLabel(zh('field.name'), { exact: true })).toHaveValue('');
  });

  test('leaving kiosk mode takes the admin PIN: a wrong one is refused, the right one returns the app', async ({ app, harness, shot }) => {
    const dispatch = await turnSelfServiceOn(harness);
    await expectWelcome(app);

    const exit = app.getByRole('button', { name: zh('selfService.admin.button'), exact: true });
    await exit.click();
    const dialog = app.getByRole('dialog', { name: zh('selfService.admin.title') });
    await expect(dialog).toBeVisible();
    for (const digit of '1357') await dialog.getByRole('button', { name: digit, exact: true }).click();
    await shot('1 PIN pad');
    await dialog.getByRole('button', { name: zh('selfService.admin.confirm'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(exactly(zh('selfService.admin.wrong')));
    await expect(dialog.getByLabel(zh('selfService.admin.pin'))).toHaveValue('');
    await shot('2 wrong PIN');
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { selfServiceMode: true } });

    for (const digit of PIN) await dialog.getByRole('button', { name: digit, exact: true }).click();
    await dialog.getByRole('button', { name: zh('selfService.admin.confirm'), exact: true }).click();

    // The normal app is back, with its navigation.
    await expect(app.getByRole('navigation', { name: zh('nav.label') })).toBeVisible();
    await expect(app.getByRole('button', { name: zh('selfService.admin.button') })).toHaveCount(0);
    await shot('3 normal app');
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { selfServiceMode: false } });
  });

  test('too many wrong PINs lock the exit out', async ({ app, harness, shot }) => {
    await turnSelfServiceOn(harness);
    await expectWelcome(app);
    await app.getByRole('button', { name: zh('selfService.admin.button'), exact: true }).click();
    const dialog = app.getByRole('dialog', { name: zh('selfService.admin.title') });
    const pin = dialog.getByLabel(zh('selfService.admin.pin'));
    const confirm = dialog.getByRole('button', { name: zh('selfService.admin.confirm'), exact: true });
    for (let i = 0; i < 5; i++) {
      await pin.fill('0000');
      await confirm.click();
      await expect(dialog.getByRole('alert')).toHaveText(exactly(zh('selfService.admin.wrong')));
    }
    // Locked now: even the right PIN is refused, with how long to wait.
    await pin.fill(PIN);
    await confirm.click();
    await expect(dialog.getByRole('alert')).toHaveText(template(zh('selfService.admin.locked')));
    await shot('1 locked out');
    await expect(app.getByRole('navigation')).toHaveCount(0);
  });
});
