/**
 * Walking the reception app's screens other than the wizard (visits, a visit's detail, devices,
 * settings, security) with an axe-core check and a screenshot of each, and the checks that what
 * has focus or is scrolled to lies on screen below the sticky header.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CheckScreen } from './fixtures';
import { fieldError, navigate, nextButton, stepHeading, submitButton, type T } from './journey';

/** Waits until the window has not scrolled for a few frames (focus scrolls smoothly). */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const window = globalThis as unknown as { scrollY: number; requestAnimationFrame(callback: () => void): number };
        let last = -1;
        let still = 0;
        const tick = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 5) resolve();
          else window.requestAnimationFrame(tick);
        };
        window.requestAnimationFrame(tick);
      }),
  );
}

/** The element is wholly inside the window and not under the sticky header (nor the step's action bar). */
export async function expectBelowHeader(page: Page, target: Locator, what: string): Promise<void> {
  await scrollSettled(page);
  const box = await target.boundingBox();
  const header = await page.locator('header.header').boundingBox();
  const bar = await page.locator('.step-actions').boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.y, `${what}: top below the sticky header`).toBeGreaterThanOrEqual(header ? header.y + header.height - 1 : 0);
  expect(box!.y + Math.min(box!.height, 40), `${what}: its first line above the action bar`).toBeLessThanOrEqual(bar ? bar.y + 1 : viewport.height);
}

/** An empty visitor step: Next shows the errors, focus goes to the first field at fault, on screen. */
export async function probeVisitorErrors(page: Page, t: T, checkScreen: CheckScreen): Promise<void> {
  await expect(stepHeading(page, t, 'visitor')).toBeVisible();
  await nextButton(page, t).click();
  const name = page.getByLabel(t('field.name'), { exact: true });
  await expect(fieldError(page, 'reg-name')).toBeVisible();
  await expect(name).toBeFocused();
  await expectBelowHeader(page, name, 'the first field at fault');
  await checkScreen('visitor step with errors', { fullPage: false });
}

/** No door ticked on the visit step: Submit shows the error, on screen with the list it is about; nothing is sent. */
export async function probeDevicesError(page: Page, t: T): Promise<void> {
  await expect(stepHeading(page, t, 'visit')).toBeVisible();
  await submitButton(page, t).click();
  await expect(stepHeading(page, t, 'visit')).toBeVisible();
  const error = fieldError(page, 'reg-devices');
  await expect(error).toBeVisible();
  await expect(page.locator('[id="reg-devices"]')).toBeFocused();
  await expectBelowHeader(page, error, 'the devices error');
  // Keyboard focus moving through the long list never lands under the header or the action bar.
  await page.locator('[id="reg-devices"] input[type=checkbox]').last().focus();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    await expectBelowHeader(page, page.locator(':focus'), `focus after ${i + 1} × Shift+Tab`);
  }
  // Per region: "select all in X" ticks that region's doors, "clear X" unticks them again.
  const region = page.locator('[id="reg-devices"] fieldset.region').first();
  const name = (await region.locator('legend').innerText()).trim();
  const boxes = region.getByRole('checkbox');
  await region.getByRole('button', { name: t('devices.selectRegion', { region: name }), exact: true }).click();
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await region.getByRole('button', { name: t('devices.clearRegion', { region: name }), exact: true }).click();
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
}

/**
 * Visits (with the visit just registered open), devices (with the "open door?" question for an
 * offline door), settings and security: each checked with axe and kept as a screenshot.
 */
export async function walkOtherScreens(
  page: Page,
  t: T,
  checkScreen: CheckScreen,
  visitorName: string,
  offlineDoor: { no: string; name: string },
): Promise<void> {
  await navigate(page, t, 'visits');
  await expect(page.getByRole('heading', { name: t('visits.title'), exact: true })).toBeVisible();
  const row = page.getByTestId('visit-row').filter({ hasText: visitorName });
  await expect(row).toHaveCount(1);
  await checkScreen('visits');
  await row.getByRole('button').click();
  const detail = page.getByRole('region', { name: visitorName });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { name: t('visit.history'), exact: true })).toBeVisible();
  await checkScreen('visit detail');

  await navigate(page, t, 'devices');
  await expect(page.getByRole('heading', { name: t('devicesPage.title'), exact: true })).toBeVisible();
  await expect(page.getByTestId('device-row').first()).toBeVisible();
  await checkScreen('devices');
  await page.getByRole('button', { name: t('devicesPage.openDoorFor', { name: offlineDoor.name }), exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // An offline door is said to be offline before anything is sent.
  await expect(dialog).toContainText(t('devicesPage.confirmOffline'));
  await checkScreen('devices open an offline door', { fullPage: false });
  await dialog.getByRole('button', { name: t('common.cancel'), exact: true }).click();
  await expect(dialog).toBeHidden();

  await navigate(page, t, 'settings');
  await expect(page.getByRole('heading', { name: t('settings.title'), exact: true })).toBeVisible();
  await checkScreen('settings');

  await navigate(page, t, 'security');
  await expect(page.getByRole('heading', { name: t('security.title'), exact: true })).toBeVisible();
  await expect(page.getByTestId('region-button').first()).toBeVisible();
  await checkScreen('security');
}

/** WCAG contrast of two CSS rgb()/rgba() colours (alpha ignored: the header's colours are opaque). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The header's language button stays readable under the pointer (≥ 4.5:1; it was ~1.1:1). */
export async function expectHeaderButtonReadableOnHover(page: Page, t: T): Promise<void> {
  const button = page.locator('header.header').getByRole('button', { name: t('lang.button'), exact: true });
  await button.hover();
  const colours = await button.evaluate((el) => {
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string } }).getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
  expect(contrastRatio(colours.color, colours.background), `hover ${colours.color} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
  await page.mouse.move(0, page.viewportSize()!.height - 1);
}
