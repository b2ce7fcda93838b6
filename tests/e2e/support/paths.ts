import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium';

/** The repository root (this file is tests/e2e/support/paths.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Playwright's output (cleared at the start of each run); KIOSK_E2E_OUTPUT moves it, e.g. so two
 * people running tests in one checkout do not clear each other's artifacts. */
export const outputDir = path.resolve(repoRoot, process.env.KIOSK_E2E_OUTPUT ?? 'test-results');
/** Made at global setup; Chromium's fake webcam plays it (--use-file-for-fake-video-capture). */
export const cameraY4m = path.join(outputDir, 'busy-camera.y4m');
/** The shared camera tool; `../shared` relative to the repo root (on CI too). */
export const sharedCameraTool = path.resolve(repoRoot, '../shared/camera/make-busy-y4m.mjs');
/** The Chromium of the browser tests (see chromium.ts); undefined lets Playwright use its own. */
export const chromiumPath = findChromium({ env: process.env.KIOSK_CHROMIUM, managed: managedChromium() });

function managedChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
