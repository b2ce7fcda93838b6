/**
 * The kiosk's "I'm leaving" (签离) by the visit code: a wrong code reveals nothing and removes no
 * one; the right code (typed in any case, or its QR held to the camera) signs the visitor out and
 * the simulator no longer has them. Never by phone number. The code is typed in English, the QR
 * held up in Chinese: one behaviour, once each (issue #13).
 */
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { Visit } from '../../src-preload/contract';
import { demoRegistration } from '../helpers/test-data';
import { chromium } from 'playwright-core';
import { expect, test, watchPageProblems } from './support/fixtures';
import { chromiumPath } from './support/paths';
import { writeQrY4m } from './support/qr-y4m';
import { DOORS, en, expectWelcome, heading, turnSelfServiceOn, zh } from './support/self-service';
import type { T } from './support/journey';

async function registerAtReception(harness: Parameters<typeof turnSelfServiceOn>[0], name: string): Promise<Visit> {
  const dispatch = createDispatcher(harness.services.handlers);
  const result = await dispatch('registerVisit', demoRegistration({ name, deviceNos: DOORS, duplicateAccepted: true }));
  if (!result.ok) throw new Error(`registration failed: ${result.error.code}`);
  return result.value as Visit;
}

async function typeCode(page: import('@playwright/test').Page, t: T, code: string): Promise<void> {
  await page.getByLabel(t('selfService.leave.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t('selfService.leave.submit'), exact: true }).click();
}

for (const [language, t] of [['en', en]] as const) {
  test(`kiosk sign-out by visit code (${language}): a wrong code reveals nothing, the right one removes the visitor from K30`, async ({
    page,
    harness,
    sim,
    shot,
    pageProblems,
  }) => {
    void pageProblems;
    const visit = await registerAtReception(harness, '离场访客');
    const other = await registerAtReception(harness, '其他访客');
    expect(visit.visitCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    await turnSelfServiceOn(harness);
    await page.goto(harness.appUrl);
    await expectWelcome(page);
    if (language === 'en') await page.getByRole('button', { name: zh('lang.button'), exact: true }).click();
    await page.getByRole('button', { name: t('selfService.welcome.leave'), exact: true }).click();
    await expect(heading(page, t('selfService.leave.title'))).toBeVisible();
    await shot('leave screen');

    // A phone number is not a code; a wrong code gets the one answer, and nobody is removed.
    await typeCode(page, t, '13812345678');
    await expect(page.getByTestId('leave-message')).toHaveText(t('selfService.leave.format'));
    const wrong = visit.visitCode!.slice(0, 7) + (visit.visitCode!.endsWith('Z') ? 'Y' : 'Z');
    await typeCode(page, t, wrong);
    await expect(page.getByTestId('leave-message')).toHaveText(t('selfService.leave.wrong'));
    await expect(page.getByText('离场访客')).toHaveCount(0);
    await expect(page.getByText('其他访客')).toHaveCount(0);
    const onServer = (await sim.visitors()).map((v) => String(v.no));
    expect(onServer).toEqual(expect.arrayContaining([visit.k30No, other.k30No]));
    await shot('wrong code');

    // The right code, typed in lower case with a hyphen.
    await typeCode(page, t, `${visit.visitCode!.slice(0, 4)}-${visit.visitCode!.slice(4)}`.toLowerCase());
    await expect(page.getByTestId('self-service-left')).toHaveText(t('selfService.left.title'), { timeout: 20_000 });
    await shot('signed out');
    const after = (await sim.visitors()).map((v) => String(v.no));
    expect(after).not.toContain(visit.k30No);
    expect(after).toContain(other.k30No);
    expect(harness.services.ledger.get(visit.id)).toMatchObject({ state: 'removed', signedOutAt: expect.any(String) });
    expect(harness.services.ledger.get(other.id)?.state).toBe('pushed');
  });
}

test('kiosk sign-out by the QR code held to the camera', async ({ harness, sim }, testInfo) => {
  const visit = await registerAtReception(harness, '扫码访客');
  await turnSelfServiceOn(harness);
  // A browser whose fake camera shows this visit's QR code (as on its slip).
  const camera = testInfo.outputPath('visit-code-qr.y4m');
  writeQrY4m(camera, visit.visitCode!);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
      '--disable-gpu',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchPageProblems(page);
    await page.goto(harness.appUrl);
    await expectWelcome(page);
    await page.getByRole('button', { name: zh('selfService.welcome.leave'), exact: true }).click();
    await page.getByRole('button', { name: zh('selfService.leave.scan'), exact: true }).click();
    await expect(page.getByTestId('self-service-left')).toHaveText(zh('selfService.left.title'), { timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('signed-out-by-qr.png') });
    expect((await sim.visitors()).map((v) => String(v.no))).not.toContain(visit.k30No);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
