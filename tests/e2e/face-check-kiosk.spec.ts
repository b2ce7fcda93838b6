/**
 * The self-service kiosk cannot accept a photo that fails the face check: each press of the
 * capture button is a try that says why; after 3 failed tries the visitor is sent to reception,
 * told why, and nothing is registered. (Reception's side: face-check.spec.ts.)
 */
import { expect, test } from './support/fixtures';
import { openAppWithFeed } from './support/feed-browser';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { DOORS, heading, PIN, toPhotoStep, visitCount, zh } from './support/self-service';
import { PHOTO_TRIES } from '../../src-renderer/src/self-service/store';

test('kiosk: two faces in the picture, 3 failed tries, then "please see reception" saying why; nothing registered', async ({ harness, sim }, testInfo) => {
  // Kiosk mode with a long idle time: a slow machine must not wipe the visitor mid-test.
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('setAdminPin', { next: PIN })).toMatchObject({ ok: true });
  expect(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceIdleSeconds: 600, selfServiceMode: true })).toMatchObject({ ok: true });
  const before = (await sim.visitors()).length;
  const feedApp = await openAppWithFeed(harness, 'group', { width: 1080, height: 1920 });
  try {
    const { page } = feedApp;
    const t = zh;
    // Consent first, then details and host, then the photo.
    await toPhotoStep(page, t);

    const why = t('faceCheck.advice.several-faces');
    const capture = page.getByRole('button', { name: t('faceCheck.waiting', { why }), exact: true });
    await expect(capture).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('face-guidance')).toHaveText(why);
    for (let n = 1; n < PHOTO_TRIES; n++) {
      await capture.click();
      const alert = page.getByTestId('photo-not-taken');
      await expect(alert).toContainText(t('faceCheck.notTaken', { why }));
      await expect(alert).toContainText(t('faceCheck.triesLeft', { n, max: PHOTO_TRIES }));
      await expect(page.getByRole('img', { name: t('selfService.photo.yours') })).toHaveCount(0);
    }
    await page.screenshot({ path: testInfo.outputPath('kiosk-tries.png') });
    await capture.click();
    await expect(heading(page, t('selfService.reception.title'))).toBeVisible();
    await expect(page.getByText(t('selfService.reception.photo'))).toBeVisible();
    await expect(
      page.getByText(t('selfService.reception.photoWhy', { why: t('faceCheck.failed', { list: t('faceCheck.name.several-faces') }) })),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('kiosk-reception.png') });
    expect(visitCount(harness)).toBe(0);
    expect((await sim.visitors()).length).toBe(before);
    expect(feedApp.problems).toEqual([]);
  } finally {
    await feedApp.close();
  }
});
