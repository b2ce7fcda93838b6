/**
 * Run before `playwright test` (npm run test:e2e): one line and exit 1 when no Chromium is found,
 * rather than every browser test failing on its own.
 */
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium';

let managed: string | undefined;
try {
  managed = chromium.executablePath();
} catch {
  managed = undefined;
}
if (!findChromium({ env: process.env.KIOSK_CHROMIUM, managed })) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
