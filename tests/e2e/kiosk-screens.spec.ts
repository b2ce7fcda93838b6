/**
 * The self-service kiosk at the screens it stands in (1080×1920 portrait, 1920×1080 landscape)
 * and at 1366×768, in Chinese and in English: consent comes before anything is typed and says who
 * is responsible and everything collected; declining the photo says "see reception" before a thing
 * is typed; the camera preview is large (≥ 60% of the width in portrait); each step's primary
 * action is on screen without scrolling (and at thumb height in portrait); the photo is portrait
 * 3:4, at least 480×640 and under the limit; the done screen promises no message to the host
 * (none is configured). axe-core finds no violation on any screen; a screenshot of each is kept.
 */
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../src-preload/contract';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { VISITOR_EN, ZHANG_WEI } from './support/data';
import { expect, test, type CheckScreen } from './support/fixtures';
import { expectActionOnScreen, expectVisitorOnServer, tr, type T, type Visitor } from './support/journey';
import { chooseHost, DOORS, expectDone, expectWelcome, fillDetails, heading, PIN, VISITOR } from './support/self-service';

const COMPANY = '示例科技有限公司';
const PHOTO_LIMIT_KB = 200;

const SIZES = [
  { width: 1080, height: 1920, languages: ['zh-CN', 'en'] as Language[] },
  { width: 1920, height: 1080, languages: ['zh-CN'] as Language[] },
  { width: 1366, height: 768, languages: ['zh-CN', 'en'] as Language[] },
];

const VISITORS: Record<Language, Visitor> = { 'zh-CN': VISITOR, en: { ...VISITOR_EN, carno: '沪A12345' } };

const primary = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** On screen without scrolling; in portrait also at thumb height (the lower part, not the bottom edge). */
async function expectPrimaryInReach(page: Page, action: Locator, portrait: boolean): Promise<void> {
  await expectActionOnScreen(page, action);
  if (!portrait) return;
  const box = (await action.boundingBox())!;
  const height = page.viewportSize()!.height;
  const centre = (box.y + box.height / 2) / height;
  expect(centre, `primary action at ${(centre * 100).toFixed(0)}% of the height`).toBeGreaterThanOrEqual(0.5);
  expect(centre, `primary action at ${(centre * 100).toFixed(0)}% of the height`).toBeLessThanOrEqual(0.9);
}

async function walkKiosk(page: Page, t: T, language: Language, portrait: boolean, checkScreen: CheckScreen): Promise<string> {
  const who = VISITORS[language];
  const tag = language;
  if (language === 'en') await page.getByRole('button', { name: tr('zh-CN')('lang.button'), exact: true }).click();
  await expect(heading(page, t('selfService.welcome.title'))).toBeVisible();
  await checkScreen(`${tag} kiosk 1 welcome`);
  const start = primary(page, t('selfService.welcome.start'));
  await expectPrimaryInReach(page, start, false);

  // Declining the photo, before anything is typed: "please see reception".
  await start.click();
  await expect(heading(page, t('selfService.step.consent'))).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('button', { name: t('selfService.consent.noPhotoButton'), exact: true }).click();
  await expect(heading(page, t('selfService.reception.title'))).toBeVisible();
  await expect(page.getByText(t('selfService.reception.no-photo'))).toBeVisible();
  await checkScreen(`${tag} kiosk 2 no photo, see reception`);
  await primary(page, t('selfService.backToStart')).click();
  if (language === 'en') await page.getByRole('button', { name: tr('zh-CN')('lang.button'), exact: true }).click();

  // Consent first: who is responsible, everything collected (plate and reason too), two choices.
  await primary(page, t('selfService.welcome.start')).click();
  await expect(heading(page, t('selfService.step.consent'))).toBeVisible();
  await expect(page.getByTestId('consent-controller')).toHaveText(t('selfService.consent.controller', { company: COMPANY }));
  await expect(page.getByText(t('selfService.consent.whatList'))).toBeVisible();
  await page.getByLabel(t('selfService.consent.data')).check();
  await page.getByLabel(t('selfService.consent.photo')).check();
  const accept = primary(page, t('selfService.consent.accept'));
  await expectPrimaryInReach(page, accept, portrait);
  await checkScreen(`${tag} kiosk 3 consent`);
  await accept.click();

  await fillDetails(page, t, who);
  await expectPrimaryInReach(page, primary(page, t('common.next')), portrait);
  await checkScreen(`${tag} kiosk 4 details`);
  await primary(page, t('common.next')).click();

  await chooseHost(page, t, ZHANG_WEI);
  await expectPrimaryInReach(page, primary(page, t('common.next')), portrait);
  await checkScreen(`${tag} kiosk 5 host`);
  await primary(page, t('common.next')).click();

  // The live preview: large, portrait 3:4, centred.
  await expect(heading(page, t('selfService.step.photo'))).toBeVisible();
  const preview = page.getByLabel(t('photo.preview'));
  const capture = primary(page, t('photo.capture'));
  await expect(capture).toBeEnabled({ timeout: 20_000 });
  const frame = (await page.locator('.self-service-camera').boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(Math.abs(frame.width / frame.height - 3 / 4), 'the preview is portrait 3:4').toBeLessThan(0.02);
  if (portrait) {
    expect(frame.width / width, `preview ${frame.width} px of ${width} px`).toBeGreaterThanOrEqual(0.6);
    expect(Math.abs(frame.x + frame.width / 2 - width / 2), 'the preview is centred').toBeLessThan(2);
  } else {
    // Beside it only the guide and the capture button: the preview takes most of the height.
    expect(frame.height / page.viewportSize()!.height, `preview ${frame.height} px high`).toBeGreaterThanOrEqual(0.45);
  }
  await expect(preview).toBeVisible();
  await expectActionOnScreen(page, capture);
  await checkScreen(`${tag} kiosk 6 photo, live`);
  await capture.click();
  const photo = page.getByRole('img', { name: t('selfService.photo.yours') });
  await expect(photo).toBeVisible({ timeout: 30_000 });
  const size = await photo.evaluate((el) => ({
    w: (el as unknown as { naturalWidth: number }).naturalWidth,
    h: (el as unknown as { naturalHeight: number }).naturalHeight,
  }));
  expect(size.w, 'photo width').toBeGreaterThanOrEqual(480);
  expect(size.h, 'photo height').toBeGreaterThanOrEqual(640);
  expect(Math.abs(size.w / size.h - 3 / 4), `3:4 portrait (${size.w}×${size.h})`).toBeLessThan(0.01);
  const submit = primary(page, t('selfService.submit'));
  await expectPrimaryInReach(page, submit, portrait);
  await checkScreen(`${tag} kiosk 7 photo, taken`);
  await submit.click();

  await expectDone(page, t);
  await checkScreen(`${tag} kiosk 8 done`);
  await primary(page, t('selfService.done.finish')).click();
  await expectWelcome(page, tr('zh-CN'));
  return who.name;
}

for (const size of SIZES) {
  test.describe(`kiosk at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`every kiosk screen in ${size.languages.join(' and ')}: consent first, large preview, actions in reach, axe`, async ({
      page,
      harness,
      sim,
      checkScreen,
      pageProblems,
    }) => {
      void pageProblems;
      test.setTimeout(300_000);
      // As an admin would: a PIN, the default doors, the data controller's name, then kiosk mode.
      // Idle time at its longest here: the checks between two screens take longer than a visitor.
      const dispatch = createDispatcher(harness.services.handlers);
      expect(await dispatch('setAdminPin', { next: PIN })).toMatchObject({ ok: true });
      expect(
        await dispatch('saveSettings', { defaultDeviceNos: DOORS, companyName: COMPANY, selfServiceIdleSeconds: 3600, selfServiceMode: true }),
      ).toMatchObject({
        ok: true,
        value: { selfServiceMode: true, companyName: COMPANY, hostNotificationConfigured: false },
      });
      await page.goto(harness.appUrl);
      await expectWelcome(page);
      const portrait = size.height > size.width;

      for (const language of size.languages) {
        const before = await sim.visitors();
        const name = await walkKiosk(page, tr(language), language, portrait, checkScreen);
        const on = await expectVisitorOnServer(sim, before, {
          visitor: VISITORS[language],
          host: ZHANG_WEI,
          deviceNos: DOORS,
          maxPhotoBytes: PHOTO_LIMIT_KB * 1024,
        });
        expect(on.name).toBe(name);
      }

      // The staff's way out: the PIN pad.
      await page.getByRole('button', { name: tr('zh-CN')('selfService.admin.button'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: tr('zh-CN')('selfService.admin.title') });
      await expect(dialog).toBeVisible();
      await checkScreen('kiosk admin PIN pad', { fullPage: false });
    });
  });
}
