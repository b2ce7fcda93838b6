/**
 * The face check at reception, with real faces from the detector package's group photo (see
 * support/face-feeds.ts): one face is captured, cropped 3:4 around the face and pushed; no face,
 * two faces or a face too small cannot be captured and the button says why; staff may still take
 * a failing photo, and then register it only with a reason, which main keeps on the visit.
 */
import type { Page } from '@playwright/test';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import { expect, test } from './support/fixtures';
import { openAppWithFeed } from './support/feed-browser';
import {
  chooseHost,
  Effort,
  expectVisitorOnServer,
  fillVisitor,
  nextButton,
  registerVisitor,
  selectAllOnlineButton,
  stepHeading,
  submitButton,
  tr,
  useLanguage,
  type T,
} from './support/journey';

const en = tr('en');

/** From an empty form to the live camera of the photo step. */
async function upToPhoto(page: Page, t: T): Promise<void> {
  const effort = new Effort();
  await useLanguage(page, 'en', effort);
  await fillVisitor(page, t, VISITOR_ZH, effort);
  await chooseHost(page, t, ZHANG_WEI, effort);
  await nextButton(page, t).click();
  await expect(stepHeading(page, t, 'photo')).toBeVisible();
}

const waiting = (t: T, advice: Parameters<T>[0]) => t('faceCheck.waiting', { why: t(advice) });

test.describe('face check at reception', () => {
  test('one face: guidance says ready, the photo is cropped 3:4 around the face, passes every check, and the simulator receives it', async ({
    app,
    sim,
    shot,
  }) => {
    const before = await sim.visitors();
    const result = await registerVisitor(app, { language: 'en', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
    expect(result.photoKB).toBeLessThanOrEqual(result.photoLimitKB);
    await expectVisitorOnServer(sim, before, { visitor: VISITOR_ZH, host: ZHANG_WEI, deviceNos: result.deviceNos, maxPhotoBytes: result.photoLimitKB * 1024 });
  });

  for (const [feed, advice] of [
    ['noFace', 'faceCheck.advice.no-face'],
    ['group', 'faceCheck.advice.several-faces'],
    ['smallFace', 'faceCheck.advice.face-too-small'],
  ] as const) {
    test(`${feed}: cannot be captured, and the button and the guidance say why`, async ({ harness }, testInfo) => {
      const feedApp = await openAppWithFeed(harness, feed);
      try {
        const { page } = feedApp;
        await upToPhoto(page, en);
        const capture = page.locator('#reg-photo');
        await expect(capture).toHaveText(waiting(en, advice), { timeout: 30_000 });
        await expect(capture).toBeDisabled();
        await expect(page.getByTestId('face-guidance')).toHaveText(en(advice));
        // It stays so: not a passing frame in a row of checks.
        await page.waitForTimeout(1500);
        await expect(capture).toHaveText(waiting(en, advice));
        await page.screenshot({ path: testInfo.outputPath(`${feed}-waiting.png`) });
        expect(feedApp.problems).toEqual([]);
      } finally {
        await feedApp.close();
      }
    });
  }

  test('staff take a failing photo anyway: it is registered only with a reason, kept on the visit', async ({ harness, sim }, testInfo) => {
    const feedApp = await openAppWithFeed(harness, 'group');
    try {
      const { page } = feedApp;
      const before = await sim.visitors();
      await upToPhoto(page, en);
      await page.getByRole('button', { name: en('faceCheck.captureAnyway'), exact: true }).click();
      await expect(page.getByTestId('photo-checks')).toContainText(en('faceCheck.failed', { list: en('faceCheck.name.several-faces') }), { timeout: 30_000 });
      await nextButton(page, en).click();
      await expect(page.getByText(en('faceCheck.overrideRequired'))).toBeVisible();
      await expect(stepHeading(page, en, 'photo')).toBeVisible();
      await page.getByLabel(en('faceCheck.overrideLabel')).fill('Visitor escorted by host all day');
      await nextButton(page, en).click();
      await expect(stepHeading(page, en, 'visit')).toBeVisible();
      await selectAllOnlineButton(page, en).click();
      await submitButton(page, en).click();
      await expect(page.getByRole('heading', { name: en('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: testInfo.outputPath('override-done.png') });
      expect((await sim.visitors()).length).toBe(before.length + 1);
      const visit = harness.services.ledger.all().find((v) => v.visitor.name === VISITOR_ZH.name);
      expect(visit?.photoOverride).toEqual({ failed: ['several-faces'], reason: 'Visitor escorted by host all day' });
      expect(feedApp.problems).toEqual([]);
    } finally {
      await feedApp.close();
    }
  });
});
