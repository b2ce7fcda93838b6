/** Shared steps of the front-desk browser tests (expected visits, group visits, the visit log). */
import { expect, type Page } from '@playwright/test';
import { chineseIdCheckDigit, type Language } from '../../../src-preload/contract';
import { type Effort, tr, useLanguage, waitForLivePreview, type T } from './journey';

/** Today as YYYY-MM-DD (local, as the app reads a list). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function validId(seed: number): string {
  const first17 = `3101041990010${String(seed % 10)}${String(100 + seed).slice(-3)}`;
  return first17 + chineseIdCheckDigit(first17);
}

/** Opens a page by the header's navigation, in the language. */
export async function openPage(page: Page, language: Language, to: 'expected' | 'group' | 'log' | 'visits'): Promise<T> {
  await useLanguage(page, language);
  const t = tr(language);
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('link', { name: t(`nav.${to}`), exact: true })
    .click();
  return t;
}

/** Waits for the live camera, then captures (counted as one interaction). */
export async function capture(page: Page, t: T, buttonId: string, effort?: Effort): Promise<void> {
  await waitForLivePreview(page, t);
  const button = page.locator(`[id="${buttonId}"]`);
  await expect(button).toBeEnabled({ timeout: 20_000 });
  await button.click();
  effort?.count();
  await expect(page.getByRole('img', { name: t('photo.result') })).toBeVisible({ timeout: 30_000 });
}
