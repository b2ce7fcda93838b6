/**
 * The page dies before its harness: a test's page that still calls `window.kiosk` (an auto-refresh,
 * a call in flight) while the fixtures are torn down must not meet a closed harness. It did: the
 * harness closed first, the page's next call met ERR_CONNECTION_REFUSED, and the screenshot and the
 * trace Playwright take when the context closes showed an "internal" error the test never caused.
 */
import { expect, test } from './support/fixtures';

const refusedAfterTheTest: string[] = [];

test('a page calling the services every 20 ms while the test ends', async ({ app }) => {
  let ended = false;
  app.on('requestfailed', (request) => {
    if (ended && /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/.test(request.failure()?.errorText ?? ''))
      refusedAfterTheTest.push(`${request.url()} ${request.failure()?.errorText}`);
  });
  await app.evaluate(() => {
    const kiosk = (globalThis as unknown as { kiosk: { listDevices(): Promise<unknown> } }).kiosk;
    setInterval(() => void kiosk.listDevices(), 20);
  });
  // The calls are answered while the test runs.
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { kiosk: { listDevices(): Promise<{ ok: boolean }> } }).kiosk.listDevices().then((r) => r.ok)))
    .toBe(true);
  ended = true;
});

test.afterAll(() => {
  expect(refusedAfterTheTest, 'calls of the page that met a closed harness after the test').toEqual([]);
});
