/**
 * The real Electron window under Playwright: `_electron.launch` of the built app
 * (`out/main/index.js`). Electron's binary is fetched by its install script, which this project
 * does not run (`.npmrc ignore-scripts=true`); where the binary is missing the test is skipped
 * with the reason, and everything else is covered in Chromium through the browser harness.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { test } from '@playwright/test';
import { DEMO_CONTROL_PLANE_ENV } from '../../../src-main/electron/test-switches';
import { screenshotter, type Shot } from './fixtures';
import { cameraY4m, repoRoot } from './paths';

export const ELECTRON_SKIP_REASON =
  'Electron binary not installed here (cannot be downloaded without internet); run npm install with scripts enabled where GitHub is reachable';

/** The Electron executable, if its install script has put one in place (what `require('electron')` would answer). */
export function electronExecutable(): string | undefined {
  try {
    const require = createRequire(path.join(repoRoot, 'package.json'));
    const dir = path.dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = path.join(dir, 'path.txt');
    if (!override && !existsSync(pathFile)) return undefined;
    const executable = override
      ? path.join(override, readFileSync(pathFile, 'utf8').trim() || 'electron')
      : path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

/** main's log files (userData/logs/main.log; userData is XDG_CONFIG_HOME/<app name> here). */
function mainLogs(root: string): string {
  let text = '';
  for (const dir of [
    root,
    ...readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(root, e.name)),
  ]) {
    const file = path.join(dir, 'logs/main.log');
    if (existsSync(file)) text += readFileSync(file, 'utf8');
  }
  return text;
}

/**
 * KIOSK_E2E_PACKAGED=1: the journey runs against the packaged test build instead
 * (`npm run dist -- --e2e` → dist/e2e/<platform>-unpacked; its inspect fuse is on for Playwright).
 */
export function packagedExecutable(): string | undefined {
  if (process.env.KIOSK_E2E_PACKAGED !== '1') return undefined;
  const name = process.platform === 'win32' ? 'k30-visitor-kiosk.exe' : 'k30-visitor-kiosk';
  const dir = process.platform === 'win32' ? 'win-unpacked' : 'linux-unpacked';
  const executable = path.join(repoRoot, 'dist/e2e', dir, name);
  return existsSync(executable) ? executable : undefined;
}

export const electronBinaryAvailable = (): boolean => electronExecutable() !== undefined || packagedExecutable() !== undefined;

export interface ElectronContext {
  app: ElectronApplication;
  window: Page;
  shot: Shot;
  /** The app's user-data dir for this run (temporary). */
  userDataDir: string;
  /** What the main process printed (stdout + stderr). */
  output: () => string;
  /** The demo simulator's URL, from main's log line `demo mode: simulator at URL`. */
  simulatorUrl: () => Promise<string>;
  testInfo: TestInfo;
}

/**
 * The body of one test against the real Electron window of the built app, with a fresh profile:
 * `test('title', electronTest(async ({ window, shot }) => { ... }))`. Skipped (with the reason)
 * where Electron's binary is not installed.
 */
export function electronTest(body: (context: ElectronContext) => Promise<void>): (args: object, testInfo: TestInfo) => Promise<void> {
  return async ({}, testInfo) => {
    if (!electronBinaryAvailable()) console.log(`[electron] skipped: ${ELECTRON_SKIP_REASON}`);
    test.skip(!electronBinaryAvailable(), ELECTRON_SKIP_REASON);
    const packaged = packagedExecutable();
    const main = path.join(repoRoot, 'out/main/index.js');
    if (!packaged && !existsSync(main)) throw new Error(`${main} is missing: run electron-vite build (global setup does)`);

    const userDataDir = mkdtempSync(path.join(tmpdir(), 'self-service-electron-'));
    let output = '';
    const app = await _electron.launch({
      executablePath: packaged ?? electronExecutable(),
      // Chromium switches reach Electron's Chromium from its command line: the same fake webcam.
      args: [
        ...(packaged ? [] : [main]),
        '--no-sandbox',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraY4m}`,
      ],
      cwd: repoRoot,
      // A fresh profile: userData follows XDG_CONFIG_HOME on Linux. The test drives the demo
      // simulator through its control plane, which only an unpackaged app serves, and only so.
      env: { ...process.env, XDG_CONFIG_HOME: userDataDir, NODE_ENV: 'test', ELECTRON_ENABLE_LOGGING: '1', [DEMO_CONTROL_PLANE_ENV]: '1' },
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      const simulatorUrl = async () => {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const found = /demo mode: simulator at (http:\/\/[\w.:[\]-]+)/.exec(output + mainLogs(userDataDir));
          if (found) return found[1];
          if (Date.now() > deadline) throw new Error(`main never logged the demo simulator's URL; output:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      await body({ app, window, shot: screenshotter(window, testInfo), userDataDir, output: () => output, simulatorUrl, testInfo });
    } finally {
      await app.close().catch(() => {});
      if (output) await testInfo.attach('electron main output', { body: output, contentType: 'text/plain' });
      rmSync(userDataDir, { recursive: true, force: true });
    }
  };
}
