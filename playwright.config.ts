import { defineConfig } from '@playwright/test';
import { chromiumPath, outputDir } from './tests/e2e/support/paths';
import { chromiumArgs, faceFeeds } from './tests/e2e/support/face-feeds';

/**
 * Browser tests of the built renderer against the real services (tests/harness), in Debian's
 * Chromium with a fake webcam that plays a face cropped from a group photo (made at global setup). Each test starts its
 * own harness on a random loopback port with its own temp data dir (tests/e2e/support/fixtures.ts),
 * and the demo simulator and callback receiver bind port 0: nothing is shared, so tests run two at a
 * time, spread by test rather than by file (the longest files no longer set the pace).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir,
  workers: 2,
  // One retry, and Playwright lists a test that passed only on it as "flaky" in the summary line
  // .ci/run prints. Two causes of flakes are fixed: the harness closing before the test's page
  // (fixtures.ts closes the context first) and the K30 list-call limiter being shared by every
  // harness in a worker process (a muster waited for other tests' minute; it is per server now).
  // Whole-suite runs since: 0 flaky on a quiet machine. The retry stays for loaded CI machines,
  // where a camera test may still time out.
  retries: 1,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      // One face, large and centred: every test not about the face check photographs a visitor who passes it.
      args: chromiumArgs(faceFeeds.oneFace),
    },
    viewport: { width: 1280, height: 800 },
    // The tests keep a named screenshot of every step they look at (fixtures' shot/checkScreen);
    // Playwright's own, of the last state, only when a test fails.
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
