/**
 * The app's CSP allows no inline style, the app runs under it without a single violation (every
 * other spec's fixture fails on one), and a violation is caught, not only logged.
 */
import { expect, test, watchPageProblems } from './support/fixtures';

test('the CSP has no unsafe-inline, and an inline style is blocked and reported', async ({ page, harness }) => {
  const problems = await watchPageProblems(page);
  const response = await page.goto(harness.appUrl);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toMatch(/style-src 'self'(;|$)/);
  expect(header).not.toContain('unsafe-inline');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).not.toContain('unsafe-inline');
  await page.waitForFunction(() => typeof (globalThis as { kiosk?: unknown }).kiosk === 'object');
  await expect(page.locator('header.header')).toBeVisible();
  expect(problems, 'the app itself caused no violation').toEqual([]);

  // An inline style attribute and a <style> element, as an injected script might add them.
  const color = await page.evaluate(`(() => {
    const probe = document.createElement('div');
    probe.id = 'csp-probe';
    probe.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(probe);
    const sheet = document.createElement('style');
    sheet.textContent = '#csp-probe { background-color: rgb(255, 0, 0) }';
    document.head.append(sheet);
    const style = getComputedStyle(probe);
    return style.color + ' / ' + style.backgroundColor;
  })()`);
  expect(color).not.toContain('rgb(255, 0, 0)');
  await expect.poll(() => problems.filter((p) => /style-src/.test(p)).length).toBeGreaterThanOrEqual(2);
});
