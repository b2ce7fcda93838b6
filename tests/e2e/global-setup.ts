/**
 * Once per run: build the app (`electron-vite build`: renderer for the browser tests, main and
 * preload for the Electron test) and make the fake webcam's videos: the busy pattern (no face) and
 * the face feeds (support/face-feeds.ts; the one-face feed is the default camera), and bundle the
 * harness's browser shim for every worker. Starts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildRenderer, bundleShim, PREBUILT_SHIM_ENV } from '../harness/harness';
import { writeBusyY4m } from './support/busy-y4m';
import { makeFaceFeeds } from './support/face-feeds';
import { cameraY4m, outputDir, sharedCameraTool } from './support/paths';

export default async function globalSetup(): Promise<void> {
  mkdirSync(outputDir, { recursive: true });

  const started = Date.now();
  if (process.env.KIOSK_E2E_SKIP_BUILD !== '1') await buildRenderer();
  console.log(`[e2e] app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The harness's browser shim, bundled once here: the workers inherit this environment.
  const shimFile = path.join(outputDir, 'harness-shim.js');
  writeFileSync(shimFile, await bundleShim());
  process.env[PREBUILT_SHIM_ENV] = shimFile;

  let made = false;
  if (existsSync(sharedCameraTool)) {
    // 1280×720: enough for the portrait 3:4 crop of at least 480×640 (540×720).
    const run = spawnSync(process.execPath, [sharedCameraTool, cameraY4m, '1280', '720'], { encoding: 'utf8' });
    made = run.status === 0 && existsSync(cameraY4m);
    if (!made) console.warn(`[e2e] ${sharedCameraTool} failed (${run.status}): ${run.stderr}; using the built-in generator`);
  }
  if (!made) writeBusyY4m(cameraY4m);
  const feedsStarted = Date.now();
  await makeFaceFeeds();
  console.log(`[e2e] face feeds made from the detector package's group photo in ${((Date.now() - feedsStarted) / 1000).toFixed(1)} s`);
  console.log(`[e2e] busy pattern (no face): ${cameraY4m} (${(statSync(cameraY4m).size / 1e6).toFixed(1)} MB, ${made ? 'shared tool' : 'built-in generator'})`);
}
