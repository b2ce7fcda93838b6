/**
 * The reception registration journey, driven as a person would: by the accessible names the
 * renderer shows (taken from its own dictionaries, so a wording change is one place). Shared by
 * the browser tests and the Electron test.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { DocumentType, Language } from '../../../src-preload/contract';
import { addDictionary } from '../../../src-renderer/src/i18n/dictionaries';
import { en } from '../../../src-renderer/src/i18n/en';
import { translator, type MessageKey, type Params } from '../../../src-renderer/src/i18n/translate';
import type { Shot, Sim, SimVisitor } from './fixtures';

// The app loads English lazily; the tests need both languages at hand.
addDictionary('en', en);

export type T = (key: MessageKey, params?: Params) => string;
export const tr = (language: Language): T => translator(language);

export interface Visitor {
  name: string;
  phone: string;
  /** The document number (a resident ID unless `documentType` says otherwise). */
  idCard: string;
  documentType?: DocumentType;
  carno?: string;
  reason?: string;
}

export interface HostChoice {
  /** What staff type into the search box (part of the name). */
  query: string;
  no: string;
  name: string;
  dept: string;
  phoneTail: string;
}

export interface JourneyResult {
  /** Door devices the registration was sent to (as ticked in the visit step). */
  deviceNos: string[];
  photoKB: number;
  photoLimitKB: number;
  /** Clicks, key presses and fills the staff member made for this visitor, from the empty form (a measure of effort). */
  interactions: number;
  /** Of `interactions`, the optional fields typed (plate, reason). */
  optionalFields: number;
  /** The header's language button pressed first (0 or 1): a saved setting of the station, not part of a visitor's registration. */
  languageSwitches: number;
}

/**
 * The simulated K30 server holds one visitor more than `before`: this one, with their phone, the
 * host, a photo (within `maxPhotoBytes`, if given) and exactly the doors it was pushed to.
 */
export async function expectVisitorOnServer(
  sim: Sim,
  before: SimVisitor[],
  expected: { visitor: Visitor; host: Pick<HostChoice, 'no'>; deviceNos: string[]; maxPhotoBytes?: number },
): Promise<SimVisitor> {
  const visitors = await sim.visitors();
  expect(visitors).toHaveLength(before.length + 1);
  const visitor = visitors.find((v) => v.name === expected.visitor.name);
  expect(visitor, 'the visitor exists on the (simulated) K30 server').toBeDefined();
  expect(visitor!.phone).toBe(expected.visitor.phone);
  expect(visitor!.staffno).toBe(expected.host.no);
  expect(visitor!.photoBytes).toBeGreaterThan(0);
  if (expected.maxPhotoBytes !== undefined) expect(visitor!.photoBytes).toBeLessThanOrEqual(expected.maxPhotoBytes);
  expect([...visitor!.syncedDevices].sort()).toEqual([...expected.deviceNos].sort());
  return visitor!;
}

/** Counts each user action; `count(n)` for a fill of one field, etc. */
export class Effort {
  n = 0;
  count(k = 1): void {
    this.n += k;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const exactly = (s: string) => new RegExp(`^\\s*${escape(s)}\\s*$`);

/** The visible text of an input's error (aria-describedby → `<id>-error`). */
export function fieldError(page: Page, inputId: string): Locator {
  return page.locator(`[id="${inputId}-error"]`);
}

/** The wizard's steps: visitor & host, photo, and the visit (time, doors, review, submit). */
export type WizardStep = 'visitor' | 'photo' | 'visit' | 'result';

export function stepHeading(page: Page, t: T, step: WizardStep): Locator {
  return page.getByRole('heading', { name: t(`step.${step}`), exact: true });
}

/**
 * The step's primary action is wholly on screen as the step is (the window not scrolled to it):
 * Playwright's click would scroll, so this is checked before it.
 */
export async function expectActionOnScreen(page: Page, action: Locator): Promise<void> {
  const box = await action.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the action is rendered').not.toBeNull();
  expect(viewport).not.toBeNull();
  expect(box!.y, 'top of the action within the window').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `bottom of the action within the ${viewport!.width}×${viewport!.height} window`).toBeLessThanOrEqual(viewport!.height);
  await expect(action).toBeInViewport({ ratio: 1 });
}

/** The primary "Next" of the current step. */
export function nextButton(page: Page, t: T): Locator {
  return page.getByRole('button', { name: t('common.next'), exact: true });
}

/** The visit step's Submit. */
export function submitButton(page: Page, t: T): Locator {
  return page.getByRole('button', { name: t('wizard.submit'), exact: true });
}

/** The door list's "Select all online doors (n)", whatever n is. */
export function selectAllOnlineButton(page: Page, t: T): Locator {
  const name = escape(t('devices.selectAllOnline', { count: 987 })).replace('987', '\\d+');
  return page.getByRole('button', { name: new RegExp(`^${name}$`) });
}

/** The online door devices of the visit step's list (the checkboxes' ids are `reg-devices-<no>`). */
export async function onlineDevices(page: Page): Promise<string[]> {
  const boxes = await page.locator('[id="reg-devices"] .device-option:not(.device-offline) input[type=checkbox]').all();
  return Promise.all(boxes.map(async (box) => ((await box.getAttribute('id')) ?? '').replace(/^reg-devices-/, '')));
}

/** A review part of the visit step (visitor, host, photo), by its title. */
export function reviewSection(page: Page, t: T, part: 'visitor' | 'host' | 'photo'): Locator {
  return page.getByRole('region', { name: t(`wizard.section.${part}`), exact: true });
}

/** Puts the app into `language` with the header's language button (one click when needed). */
export async function useLanguage(page: Page, language: Language, effort?: Effort): Promise<void> {
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  // Each language's button offers the other language: "English" in Chinese, "中文" in English.
  const inTarget = page.getByRole('button', { name: tr(language)('lang.button'), exact: true });
  const inOther = page.getByRole('button', { name: tr(other)('lang.button'), exact: true });
  await expect(inTarget.or(inOther)).toBeVisible();
  if (await inTarget.isVisible()) return;
  await inOther.click();
  effort?.count();
  await expect(inTarget).toBeVisible();
}

/** Goes to a page through the main navigation. */
export async function navigate(page: Page, t: T, to: 'register' | 'visits' | 'devices' | 'settings' | 'security'): Promise<void> {
  const nav = page.getByRole('navigation', { name: t('nav.label') });
  // From the start of the name: 访客 is not 预约访客, 登记 not 团体登记 (a pending dot may follow the name).
  const name = new RegExp(`^${escape(t(`nav.${to}`))}`);
  await nav.getByRole('button', { name }).or(nav.getByRole('link', { name })).first().click();
}

export async function fillVisitor(page: Page, t: T, visitor: Visitor, effort: Effort): Promise<void> {
  await expect(stepHeading(page, t, 'visitor')).toBeVisible();
  if (visitor.documentType && visitor.documentType !== 'id-card') {
    await page.getByLabel(t('field.documentType'), { exact: true }).selectOption({ label: t(`doc.${visitor.documentType}`) });
    effort.count();
  }
  await page.getByLabel(t('field.name'), { exact: true }).fill(visitor.name);
  await page.getByLabel(t('field.phone'), { exact: true }).fill(visitor.phone);
  await page.getByLabel(t('field.documentNo'), { exact: true }).fill(visitor.idCard);
  effort.count(3);
  if (visitor.carno) {
    await page.getByLabel(t('field.carno')).fill(visitor.carno);
    effort.count();
  }
  if (visitor.reason) {
    await page.getByLabel(t('field.reason')).fill(visitor.reason);
    effort.count();
  }
}

/** The host search on the visitor step: type part of the name, pick the person. */
export async function chooseHost(page: Page, t: T, host: HostChoice, effort: Effort): Promise<void> {
  await expect(stepHeading(page, t, 'visitor')).toBeVisible();
  const box = page.getByRole('combobox', { name: t('host.label') });
  await box.fill(host.query);
  effort.count();
  const option = page.getByRole('option', { name: t('host.option', { name: host.name, dept: host.dept, tail: host.phoneTail }) });
  await option.click();
  effort.count();
  await expect(page.getByText(t('host.selected', { name: host.name, dept: host.dept, tail: host.phoneTail }))).toBeVisible();
}

/** Waits until the camera preview is live: the video has real frames (readyState ≥ HAVE_CURRENT_DATA, a size). */
export async function waitForLivePreview(page: Page, t: T): Promise<void> {
  const preview = page.getByLabel(t('photo.preview'));
  await expect(preview).toBeVisible();
  await expect
    .poll(
      () =>
        preview.evaluate(
          (v) => (v as unknown as { readyState: number; videoWidth: number }).readyState >= 2 && (v as unknown as { videoWidth: number }).videoWidth > 0,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Waits for the live preview, captures (3-2-1 countdown), and reads the size shown. */
export async function takePhoto(page: Page, t: T, effort: Effort): Promise<{ kb: number; limitKB: number }> {
  await expect(stepHeading(page, t, 'photo')).toBeVisible();
  await waitForLivePreview(page, t);
  const capture = page.getByRole('button', { name: t('photo.capture'), exact: true });
  await expect(capture).toBeEnabled({ timeout: 20_000 });
  await capture.click();
  effort.count();
  await expect(page.getByRole('img', { name: t('photo.result') })).toBeVisible({ timeout: 30_000 });
  const info = (await page.getByTestId('photo-info').innerText()).replace(/\s+/g, ' ');
  const kb = Number(/([\d.]+)\s*KB/.exec(info)?.[1]);
  const limitKB = Number(/([\d.]+)\s*KB\s*$/.exec(info)?.[1] ?? /(\d+)\s*KB[^\d]*$/.exec(info)?.[1]);
  expect(kb, `photo size shown: "${info}"`).toBeGreaterThan(0);
  // A portrait 3:4 photo of at least 480×640 (the camera gives 1280×720; its middle is kept).
  const img = page.getByRole('img', { name: t('photo.result') });
  const size = await img.evaluate((el) => ({
    w: (el as unknown as { naturalWidth: number }).naturalWidth,
    h: (el as unknown as { naturalHeight: number }).naturalHeight,
  }));
  expect(size.w, 'photo width').toBeGreaterThanOrEqual(480);
  expect(size.h, 'photo height').toBeGreaterThanOrEqual(640);
  expect(Math.abs(size.w / size.h - 3 / 4), `3:4 portrait (${size.w}×${size.h})`).toBeLessThan(0.01);
  // The face check ran on the captured frame and every check passed.
  await expect(page.getByTestId('photo-checks')).toContainText(t('faceCheck.passed', { list: '' }).trim());
  await expect(page.getByTestId('photo-checks')).not.toContainText(t('faceCheck.failed', { list: '' }).trim());
  return { kb, limitKB };
}

/**
 * The visit window's fields are the app's own, in its language: the day as "今天 · 2026年12月1日周二"
 * or "Today · Tue, Dec 1, 2026", hours 00–23; no US date and no AM/PM anywhere on the step.
 */
export async function expectWindowInLanguage(page: Page, t: T, language: Language): Promise<void> {
  const day =
    language === 'zh-CN'
      ? /^((今天|明天) · )?\d{4}年\d{1,2}月\d{1,2}日周[一二三四五六日]$/
      : /^((Today|Tomorrow) · )?[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/;
  for (const field of ['begin', 'end'] as const) {
    const group = page.getByRole('group', { name: t(`field.${field}`), exact: true });
    await expect(group).toBeVisible();
    await expect(page.locator(`[id="reg-${field}"]`)).not.toHaveValue('');
    const chosen = await page.locator(`[id="reg-${field}"] option:checked`).innerText();
    expect(chosen, `the ${field} day in ${language}`).toMatch(day);
    await expect(page.locator(`[id="reg-${field}-hour"]`)).toHaveValue(/^([01]\d|2[0-3])$/);
    await expect(page.locator(`[id="reg-${field}-minute"]`)).toHaveValue(/^[0-5]\d$/);
  }
  const text = await page.locator('form.step').innerText();
  expect(text, 'no US-format date, no AM/PM').not.toMatch(/\d{2}\/\d{2}\/\d{4}|\b[AP]M\b/);
}

/** The ticked door devices of the visit step (the checkboxes' ids are `reg-devices-<no>`). */
export async function tickedDevices(page: Page): Promise<string[]> {
  const group = page.locator('[id="reg-devices"]');
  await expect(group.getByRole('checkbox').first()).toBeVisible();
  const boxes = await group.getByRole('checkbox').all();
  const ticked: string[] = [];
  for (const box of boxes) if (await box.isChecked()) ticked.push(((await box.getAttribute('id')) ?? '').replace(/^reg-devices-/, ''));
  return ticked;
}

export interface RegisterOptions {
  language: Language;
  visitor: Visitor;
  host: HostChoice;
  shot: Shot;
  /** Staff tick or untick these device numbers after "select all online doors" (default: none). */
  toggleDevices?: string[];
  /** The visitor agrees to be remembered (ticked in the review), and to keep the photo. */
  remember?: { photo: boolean };
  /** Run on the visit step before any door is ticked (e.g. to see its error). */
  beforeDoorsTicked?: () => Promise<void>;
  /** 'submitted': stop after pressing submit, whatever the outcome (default: expect "done"). */
  until?: 'done' | 'submitted';
}

/**
 * The whole registration, from an empty form to "done", in three steps: visitor & host, photo,
 * visit (time, doors, review, submit). Screenshots of each step. No default doors are configured
 * in the harness: the doors are the online ones, ticked with one "select all online doors".
 */
export async function registerVisitor(page: Page, options: RegisterOptions): Promise<JourneyResult> {
  const { language, visitor, host, shot } = options;
  const t = tr(language);
  const setup = new Effort();
  const effort = new Effort();

  await useLanguage(page, language, setup);
  await fillVisitor(page, t, visitor, effort);
  await chooseHost(page, t, host, effort);
  await shot(`${language} 1 visitor and host`);
  await expectActionOnScreen(page, nextButton(page, t));
  await nextButton(page, t).click();
  effort.count();

  const photo = await takePhoto(page, t, effort);
  await shot(`${language} 2 photo`);
  await expectActionOnScreen(page, nextButton(page, t));
  await nextButton(page, t).click();
  effort.count();

  await expect(stepHeading(page, t, 'visit')).toBeVisible();
  await expectWindowInLanguage(page, t, language);
  // No default doors are configured here: nothing is ticked, and the step says so (#11: the app
  // never picks every door on its own). One tap ticks the online doors.
  await expect(page.getByTestId('no-default-doors')).toBeVisible();
  expect(await tickedDevices(page)).toEqual([]);
  await options.beforeDoorsTicked?.();
  const online = await onlineDevices(page);
  expect(online.length).toBeGreaterThan(0);
  await selectAllOnlineButton(page, t).click();
  effort.count();
  expect((await tickedDevices(page)).sort()).toEqual([...online].sort());
  for (const no of options.toggleDevices ?? []) {
    await page.locator(`[id="reg-devices-${no}"]`).click();
    effort.count();
  }
  const deviceNos = await tickedDevices(page);
  expect(deviceNos.length).toBeGreaterThan(0);
  await expect(page.getByText(t('devices.selectedCount', { count: deviceNos.length }))).toBeVisible();

  await expect(reviewSection(page, t, 'visitor')).toContainText(visitor.name);
  await expect(reviewSection(page, t, 'host')).toContainText(host.name);
  await expect(reviewSection(page, t, 'photo').getByRole('img', { name: t('photo.result') })).toBeVisible();
  if (options.remember) {
    await page.getByLabel(t('returning.remember', { days: 90 })).check();
    effort.count();
    if (options.remember.photo) {
      await page.getByLabel(t('returning.rememberPhoto', { days: 30 })).check();
      effort.count();
    }
  }
  await shot(`${language} 3 visit`);
  await expectActionOnScreen(page, submitButton(page, t));
  await submitButton(page, t).click();
  effort.count();
  const optionalFields = (visitor.carno ? 1 : 0) + (visitor.reason ? 1 : 0);
  const result = { deviceNos, photoKB: photo.kb, photoLimitKB: photo.limitKB, interactions: effort.n, optionalFields, languageSwitches: setup.n };
  if (options.until === 'submitted') return result;

  await expect(page.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('k30-number')).toHaveText(/^\d+$/);
  await shot(`${language} 4 done`);
  return result;
}

/** The journey's effort in words, for the printed `[interactions]` lines. */
export function effortLine(result: Pick<JourneyResult, 'interactions' | 'optionalFields' | 'languageSwitches'>): string {
  const optional = result.optionalFields ? ` (${result.interactions - result.optionalFields} without the ${result.optionalFields} optional fields typed)` : '';
  const language = result.languageSwitches ? ` (+${result.languageSwitches} language switch first: a saved setting, not per visitor)` : '';
  return `${result.interactions} interactions${optional}${language}`;
}
