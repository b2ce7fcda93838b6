/**
 * Boots the built main process (out/main/index.js, as electron-vite builds it) under Node with a
 * stand-in `electron` module that records what main does (tests/helpers/stub-electron), as a
 * packaged app with ELECTRON_RENDERER_URL set (which production must ignore), and checks the
 * window, the app protocol, IPC, permissions, navigation and the single-instance lock.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, callChannel } from '../../src-preload/contract';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src-main/security-policy';
import { buildApp, repoRoot } from '../helpers/build-app';

const STUB = join(repoRoot, 'tests/helpers/stub-electron');
let outDir: string;
let userData: string;
/** The driver's JSON report (tests/helpers/stub-electron/boot-driver.mjs). */
let boot: any;

beforeAll(() => {
  outDir = buildApp();
  userData = mkdtempSync(join(tmpdir(), 'k30-boot-'));
  const output = execFileSync(process.execPath, ['--import', join(STUB, 'register.mjs'), join(STUB, 'boot-driver.mjs'), outDir], {
    env: {
      ...process.env,
      STUB_USER_DATA: userData,
      STUB_PACKAGED: '1',
      STUB_RESOURCES_PATH: '/opt/k30/resources',
      ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = output.split('\n').find((l) => l.startsWith('BOOT:'));
  if (!line) throw new Error(`the boot driver printed no report:\n${output}`);
  boot = JSON.parse(line.slice(5));
}, 120_000);

afterAll(() => {
  for (const dir of [outDir, userData]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built main process, booted with a stand-in electron', () => {
  it('makes a hardened window with a preload that exists, loading app://kiosk (not the dev server) when packaged', () => {
    expect(boot.error).toBeUndefined();
    expect(boot.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(boot.preloadExists).toBe(true);
    expect(boot.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(boot.loaded).toBe('app://kiosk/index.html');
    // Packaged: the icon is inside app.asar under process.resourcesPath, not ../../resources.
    expect(boot.icon).toBe(join('/opt/k30/resources', 'app.asar', 'resources', 'icon.png'));
    expect(boot.sandboxEnabled).toBe(true);
    expect(boot.singleInstanceLock).toBe(true);
    expect(boot.applicationMenu).toBeNull();
    expect(boot.crashReporter).toEqual({ uploadToServer: false });
  });

  it('registers app: as a privileged scheme and serves index.html with the CSP header and its MIME type', () => {
    expect(boot.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const csp = contentSecurityPolicy();
    for (const answer of [boot.index, boot.root]) {
      expect(answer).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', csp });
      expect(answer.body).toMatch(/^<!doctype html>/i);
    }
    // The page's meta carries the same policy (from the same definition), minus frame-ancestors.
    expect(boot.index.metaCsp).toBe(metaContentSecurityPolicy());
    expect(csp.startsWith(boot.index.metaCsp)).toBe(true);
  });

  it('serves nothing outside the renderer: traversal, encoded slashes, other hosts, missing files, POST', () => {
    expect(boot.traversal.status).toBe(404);
    expect(boot.encodedSlash.status).toBe(403);
    expect(boot.otherHost.status).toBe(403);
    expect(boot.missing.status).toBe(404);
    expect(boot.post.status).toBe(405);
    for (const answer of [boot.traversal, boot.encodedSlash, boot.otherHost, boot.missing]) expect(answer.body).toBe('');
  });

  it('handles every contract call and nothing else, and serves our page but not a foreign one', () => {
    expect(boot.ipcHandles).toEqual(CALL_NAMES.map(callChannel).sort());
    // electron-store's own synchronous channel (renderer-side electron-store, unused here).
    expect(boot.ipcListeners).toEqual(['electron-store-get-data']);
    expect(boot.ipc.oursOk).toBe(true);
    expect(boot.ipc.foreign).toEqual({ ok: false, error: { code: 'not-allowed', message: 'sender not allowed' } });
  });

  it('grants only the camera to our page, and refuses navigation and window.open', () => {
    expect(boot.permissions).toEqual({ video: true, audio: false, videoElsewhere: false, geolocation: false, notifications: false });
    expect(boot.navigationRefused).toBe(true);
    expect(boot.windowOpen).toEqual({ action: 'deny' });
  });
});
