/**
 * The visitor slip: printed to PDF by Chromium (what a printer would get) it holds the name, host,
 * validity, doors and visit code on the paper's page size; a screenshot of the slip decodes (jsQR)
 * back to the visit code.
 */
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { SlipPaper, Visit } from '../../src-preload/contract';
import { demoRegistration } from '../helpers/test-data';
import { expect, test } from './support/fixtures';
import { navigate, registerVisitor, tr } from './support/journey';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import type { Harness } from '../harness/harness';

const t = tr('zh-CN');
/** Points per millimetre in a PDF. */
const PT_PER_MM = 72 / 25.4;
const PAGES: Record<SlipPaper, [number, number]> = { '58mm': [58, 150], '80mm': [80, 160], a6: [105, 148] };

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string; size: [number, number] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const first = await doc.getPage(1);
  const content = await first.getTextContent();
  // The embedded font maps some characters to their compatibility forms (⽰ for 示, ‒ for –): NFKC and one dash.
  const text = content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join('')
    .normalize('NFKC')
    .replace(/[‒–—]/g, '-');
  const [, , w, h] = first.view;
  return { pages: doc.numPages, text, size: [w / PT_PER_MM, h / PT_PER_MM] };
}

async function setUp(harness: Harness, paper: SlipPaper): Promise<Visit> {
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('saveSlipSettings', { companyName: '示例科技有限公司', paper })).toMatchObject({ ok: true });
  const result = await dispatch('registerVisit', demoRegistration({ name: '韩梅梅', reason: '面试' }));
  if (!result.ok) throw new Error(result.error.code);
  return result.value as Visit;
}

/** The harness has no Electron printer: the page prints itself; count the calls instead of a dialog. */
async function openSlip(page: Page, harness: Harness, visit: Visit) {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number };
    w.__printed = 0;
    w.print = () => void (w.__printed += 1);
  });
  await page.goto(harness.appUrl);
  await navigate(page, t, 'visits');
  await page.getByTestId('visit-row').filter({ hasText: visit.visitor.name }).getByRole('button').click();
  await page.getByRole('button', { name: t('slip.reprint'), exact: true }).click();
  const preview = page.getByTestId('slip-preview');
  await expect(preview.locator('canvas.visit-code-qr')).toHaveAttribute('data-code', visit.visitCode!);
  return preview;
}

test('the slip prints to a PDF with name, host, validity and code, and its QR decodes to the visit code', async ({ page, harness, shot, pageProblems }) => {
  void pageProblems;
  const visit = await setUp(harness, '80mm');
  const preview = await openSlip(page, harness, visit);
  await shot('slip preview');

  const png = PNG.sync.read(await preview.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  expect(decoded?.data).toBe(visit.visitCode);

  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('slip.print'), exact: true })
    .click();
  await expect(page.getByTestId('slip-printed')).toHaveText(t('slip.printed.browser'));
  expect(await page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);

  const { pages, text, size } = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages).toBe(1);
  expect(size[0]).toBeCloseTo(80, 0);
  expect(size[1]).toBeCloseTo(160, 0);
  for (const part of ['示例科技有限公司', '访客单', '韩梅梅', '张伟', visit.visitCode!]) expect(text).toContain(part);
  // The validity, as the slip says it (the app's date format), begin and end.
  const shown = await page.locator('.slip-print-area .slip-facts dd').nth(2).innerText();
  expect(shown).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} – \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
  expect(text.replace(/\s/g, '')).toContain(shown.replace(/\s/g, '').replace(/[‒–—]/g, '-'));
  // Nothing but the slip is printed: no navigation, no visit list.
  for (const outside of [t('nav.settings'), t('app.title'), visit.k30No!]) expect(text).not.toContain(outside);
});

for (const paper of ['58mm', 'a6'] as const) {
  test(`the ${paper} slip has its page size and the visit code`, async ({ page, harness }) => {
    const visit = await setUp(harness, paper);
    await openSlip(page, harness, visit);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('slip.print'), exact: true })
      .click();
    await expect(page.getByTestId('slip-printed')).toBeVisible();
    const { pages, text, size } = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages).toBe(1);
    expect(size[0]).toBeCloseTo(PAGES[paper][0], 0);
    expect(size[1]).toBeCloseTo(PAGES[paper][1], 0);
    expect(text).toContain(visit.visitCode!);
    expect(text).toContain('韩梅梅');
  });
}

test('auto-print: the slip with the photo just taken prints once when a registration is done', async ({ app, harness, shot }) => {
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('saveSlipSettings', { autoPrint: true, paper: '58mm' })).toMatchObject({ ok: true });
  await app.addInitScript(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number };
    w.__printed = 0;
    w.print = () => void (w.__printed += 1);
  });
  await app.reload();
  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
  const [visit] = harness.services.ledger.all();
  await expect(app.locator('.slip-print-area canvas.visit-code-qr')).toHaveAttribute('data-code', visit.visitCode!);
  await expect(app.locator('.slip-print-area img.slip-photo')).toHaveAttribute('src', /^data:image\/jpeg;base64,\/9j\//);
  const { text, size } = await pdfText(await app.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(size[0]).toBeCloseTo(58, 0);
  expect(text).toContain(VISITOR_ZH.name);
  // Once per visit: nothing more is printed while the result stays on screen.
  await app.waitForTimeout(500);
  expect(await app.evaluate(() => (globalThis as unknown as { __printed: number }).__printed)).toBe(1);
});
