/**
 * Driving the self-service kiosk as a visitor would (by the accessible names the renderer shows,
 * from its own dictionaries): shared by the kiosk's browser tests.
 */
import type { Page } from '@playwright/test';
import { createDispatcher, type Dispatch } from '../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../src-main/k30/simulator/seed';
import type { Harness } from '../../harness/harness';
import { idCard, ZHANG_WEI } from './data';
import { expect } from './fixtures';
import { tr, type HostChoice, type T, type Visitor } from './journey';

export const PIN = '2468';
/**
 * The kiosk's idle time in these tests: long, so that a slow, loaded machine never wipes a visitor
 * in a test about something else; the idle tests move the page's own clock instead of waiting.
 */
export const IDLE_SECONDS = 300;
/** The "are you still there?" countdown. */
export const WARNING_SECONDS = 10;
export const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];
export const VISITOR: Visitor = { name: '孙悦', phone: '13712345678', idCard: idCard('44010619880512345'), carno: '粤B66666', reason: '拜访' };

export const zh = tr('zh-CN');
export const en = tr('en');

/** Sets the admin PIN, the default doors and the shortest idle time, then turns kiosk mode on (as an admin would). */
export async function turnSelfServiceOn(harness: Harness): Promise<Dispatch> {
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('saveSettings', { selfServiceMode: true }), 'no kiosk mode without a PIN').toMatchObject({
    ok: false,
    error: { code: 'pin-required' },
  });
  expect(await dispatch('setAdminPin', { next: PIN })).toMatchObject({ ok: true, value: { adminPinSet: true } });
  expect(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceIdleSeconds: IDLE_SECONDS, selfServiceMode: true })).toMatchObject({
    ok: true,
    value: { selfServiceMode: true, selfServiceIdleSeconds: IDLE_SECONDS, defaultDeviceNos: DOORS },
  });
  return dispatch;
}

/** Main refuses listVisits in kiosk mode, so the test reads the ledger itself. */
export function visitCount(harness: Harness): number {
  return harness.services.ledger.all().length;
}

/** A message with its placeholders ({n}) matching any number. */
export function template(message: string, whole = true): RegExp {
  const pattern = message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '\\d+');
  return new RegExp(whole ? `^\\s*${pattern}\\s*$` : pattern);
}

export const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

export async function expectWelcome(page: Page, t: T = zh, timeout?: number): Promise<void> {
  await expect(heading(page, t('selfService.welcome.title'))).toBeVisible({ timeout });
  // Only the kiosk: no navigation, no other page.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('lang.button'), exact: true })).toBeVisible();
}

export async function fillDetails(page: Page, t: T, visitor: Visitor): Promise<void> {
  await expect(heading(page, t('selfService.step.details'))).toBeVisible();
  await page.getByLabel(t('field.name'), { exact: true }).fill(visitor.name);
  await page.getByLabel(t('field.phone'), { exact: true }).fill(visitor.phone);
  await page.getByLabel(t('field.documentNo'), { exact: true }).fill(visitor.idCard);
  if (visitor.carno) await page.getByLabel(t('field.carno')).fill(visitor.carno);
  if (visitor.reason) await page.getByLabel(t('field.reason')).fill(visitor.reason);
}

export async function chooseHost(page: Page, t: T, host: HostChoice): Promise<void> {
  // The step puts focus on its heading once drawn: typing before that would lose the list of hosts
  // to the focus move (a race seen on a loaded machine).
  await expect(heading(page, t('selfService.step.host'))).toBeFocused();
  // The kiosk searches names of at least two characters, and shows name · department only.
  await page.getByRole('combobox', { name: t('host.label') }).fill(host.name);
  const option = page.getByRole('option', { name: t('host.optionNoTail', { name: host.name, dept: host.dept }), exact: true });
  await option.click();
  await expect(page.getByText(t('host.selectedNoTail', { name: host.name, dept: host.dept }), { exact: true })).toBeVisible();
}

export const next = (page: Page, t: T) => page.getByRole('button', { name: t('common.next'), exact: true }).click();

/** The consent screen (the first step, before anything is typed): both choices ticked, agreed. */
export async function agree(page: Page, t: T = zh): Promise<void> {
  await expect(heading(page, t('selfService.step.consent'))).toBeVisible();
  await page.getByLabel(t('selfService.consent.data')).check();
  await page.getByLabel(t('selfService.consent.photo')).check();
  await page.getByRole('button', { name: t('selfService.consent.accept'), exact: true }).click();
}

/** From the welcome screen to the photo step, agreeing to both: consent, details, host. */
export async function toPhotoStep(page: Page, t: T = zh): Promise<void> {
  await page.getByRole('button', { name: t('selfService.welcome.start'), exact: true }).click();
  await agree(page, t);
  await fillDetails(page, t, VISITOR);
  await next(page, t);
  await chooseHost(page, t, ZHANG_WEI);
  await next(page, t);
}

/** From the welcome screen to the live camera, agreeing to both. */
export async function upToPhoto(page: Page, t: T = zh): Promise<void> {
  await toPhotoStep(page, t);
  await expect(page.getByRole('button', { name: t('photo.capture'), exact: true })).toBeEnabled({ timeout: 20_000 });
}

/**
 * The done screen. No notification channel is configured (none exists yet), so it promises no
 * message to the host: "please wait at reception".
 */
export async function expectDone(page: Page, t: T = zh, host = ZHANG_WEI.name): Promise<void> {
  await expect(heading(page, t('selfService.done.title'))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('self-service-done-message')).toHaveText(t('selfService.done.waitReception', { host }));
}

export async function takePhoto(page: Page, t: T = zh): Promise<void> {
  await page.getByRole('button', { name: t('photo.capture'), exact: true }).click();
  await expect(page.getByRole('img', { name: t('selfService.photo.yours') })).toBeVisible({ timeout: 30_000 });
}
