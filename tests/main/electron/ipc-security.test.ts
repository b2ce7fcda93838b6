import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel, EVENT_NAMES, type CallName, type EventName, type Result } from '../../../src-preload/contract';
import { createKioskApi } from '../../../src-preload/kiosk-api';
import { createFileLogger, redactLine } from '../../../src-main/electron/file-logger';
import { registerIpc } from '../../../src-main/electron/ipc-registration';
import { isAppOrigin, isTrustedSender, type TrustedApp } from '../../../src-main/ipc/sender-check';
import { contentSecurityPolicy, metaContentSecurityPolicy, navigationAllowed, REACT_REFRESH_PREAMBLE_HASH, permissionCheckAllowed, permissionRequestAllowed, withCsp } from '../../../src-main/security-policy';

const RENDERER_DIR = '/opt/k30-kiosk/resources/app.asar/out/renderer';
const prod: TrustedApp = { origin: 'file://', rendererPath: RENDERER_DIR };
const dev: TrustedApp = { origin: 'http://localhost:5173' };
const ourFile = pathToFileURL(join(RENDERER_DIR, 'index.html')).href;

describe('isTrustedSender', () => {
  it('accepts our main frame, in production and in development', () => {
    expect(isTrustedSender({ url: ourFile, isMainFrame: true }, prod)).toBe(true);
    expect(isTrustedSender({ url: `${ourFile}#/settings?x=1`, isMainFrame: true }, prod)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, dev)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/index.html#/kiosk', isMainFrame: true }, dev)).toBe(true);
  });

  it('refuses a null or missing frame', () => {
    expect(isTrustedSender(null, prod)).toBe(false);
    expect(isTrustedSender(undefined, dev)).toBe(false);
  });

  it('refuses a subframe, even showing our page', () => {
    expect(isTrustedSender({ url: ourFile, isMainFrame: false }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: false }, dev)).toBe(false);
  });

  it('refuses a foreign origin', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost.evil.example:5173/',
      'http://localhost:5173@evil.example/',
      'about:blank',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
      'chrome-error://chromewebdata/',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender({ url, isMainFrame: true }, dev), url).toBe(false);
      expect(isTrustedSender({ url, isMainFrame: true }, prod), url).toBe(false);
    }
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, prod)).toBe(false);
    expect(isTrustedSender({ url: ourFile, isMainFrame: true }, dev)).toBe(false);
  });

  it('refuses a file: URL outside the renderer directory', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///tmp/evil.html',
      'file:///opt/k30-kiosk/resources/app.asar/out/renderer-evil/index.html',
      'file:///opt/k30-kiosk/resources/app.asar/out/renderer/../main/index.html',
      'file:///opt/k30-kiosk/resources/app.asar/out/renderer/%2e%2e/main/index.html',
      'file:///opt/k30-kiosk/resources/app.asar/out/renderer%2f..%2fevil.html',
      'file:///opt/k30-kiosk/resources/app.asar/out/renderer',
      'file://evil-host/opt/k30-kiosk/resources/app.asar/out/renderer/index.html',
    ]) {
      expect(isTrustedSender({ url, isMainFrame: true }, prod), url).toBe(false);
    }
  });

  it('fails closed: a file: origin without a renderer path trusts nothing', () => {
    expect(isTrustedSender({ url: ourFile, isMainFrame: true }, { origin: 'file://' })).toBe(false);
  });

  it('tells our origins from others', () => {
    expect(isAppOrigin('file://', prod)).toBe(true);
    expect(isAppOrigin('http://localhost:5173', dev)).toBe(true);
    expect(isAppOrigin('http://localhost:5173/', dev)).toBe(true);
    expect(isAppOrigin('http://localhost:5174', dev)).toBe(false);
    expect(isAppOrigin('https://evil.example', prod)).toBe(false);
    expect(isAppOrigin(undefined, prod)).toBe(false);
  });
});

describe('permission policy', () => {
  it('grants only video media to our main frame', () => {
    for (const trusted of [prod, dev]) {
      const url = trusted === prod ? ourFile : 'http://localhost:5173/';
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] }, trusted)).toBe(true);
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['video', 'audio'] }, trusted)).toBe(false);
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['audio'] }, trusted)).toBe(false);
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: true, mediaTypes: [] }, trusted)).toBe(false);
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: true }, trusted)).toBe(false);
      expect(permissionRequestAllowed('media', { requestingUrl: url, isMainFrame: false, mediaTypes: ['video'] }, trusted)).toBe(false);
      for (const permission of ['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'hid', 'usb', 'serial', 'unknown']) {
        expect(permissionRequestAllowed(permission, { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] }, trusted), permission).toBe(false);
      }
    }
  });

  it('refuses video to any other origin', () => {
    expect(permissionRequestAllowed('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] }, prod)).toBe(false);
    expect(permissionRequestAllowed('media', { requestingUrl: 'file:///tmp/evil.html', isMainFrame: true, mediaTypes: ['video'] }, prod)).toBe(false);
    expect(permissionRequestAllowed('media', { requestingUrl: 'http://localhost:5173/', isMainFrame: true, mediaTypes: ['video'], securityOrigin: 'https://evil.example' }, dev)).toBe(false);
  });

  it('answers permission checks the same way', () => {
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: true, requestingUrl: ourFile }, prod)).toBe(true);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: true }, prod)).toBe(true);
    expect(permissionCheckAllowed('media', 'http://localhost:5173', { mediaType: 'video', isMainFrame: true, securityOrigin: 'http://localhost:5173' }, dev)).toBe(true);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'audio', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'unknown', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'https://evil.example', { mediaType: 'video', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: false }, prod)).toBe(false);
    expect(permissionCheckAllowed('notifications', 'file://', { isMainFrame: true, requestingUrl: ourFile }, prod)).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

  it("is the documented policy: nothing remote, no inline or eval script (WebAssembly compilation only: 'wasm-unsafe-eval')", () => {
    const csp = contentSecurityPolicy();
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|wss?:|\*/);
    for (const sources of d.values()) for (const source of sources) expect(source).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|data:|blob:|mediastream:)$/);
  });

  it('the page <meta> carries the same policy, less frame-ancestors (ignored, with an error, in a meta)', () => {
    expect(metaContentSecurityPolicy()).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''));
  });

  it("in development adds only the dev server websocket, the React refresh preamble's hash and inline style (Vite's injected CSS)", () => {
    const d = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", REACT_REFRESH_PREAMBLE_HASH]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // The hash is of the preamble the installed plugin really injects (base '/').
    const preamble = react.preambleCode.replace('__BASE__', '/');
    expect(REACT_REFRESH_PREAMBLE_HASH).toBe(`'sha256-${createHash('sha256').update(preamble).digest('base64')}'`);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it("replaces any CSP a response carried with ours", () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'], 'Content-Security-Policy-Report-Only': ['x'] }, 'default-src \'self\'');
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('navigation policy', () => {
  it('allows only same-document navigation', () => {
    expect(navigationAllowed({ url: `${ourFile}#/settings`, isSameDocument: true })).toBe(true);
    expect(navigationAllowed({ url: 'https://evil.example/', isSameDocument: false })).toBe(false);
    expect(navigationAllowed({ url: ourFile, isSameDocument: false })).toBe(false);
    expect(navigationAllowed({ url: 'file:///etc/passwd' })).toBe(false);
  });
});

describe('registerIpc', () => {
  function fakeIpcMain() {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    return {
      handlers,
      handle: (channel: string, listener: (event: never, ...args: never[]) => unknown) => {
        handlers.set(channel, listener as never);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    };
  }

  it('registers one handler per call; refuses an untrusted sender before dispatching', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { name, input } }));
    const refused: string[] = [];
    const trustedEvent = { trusted: true };
    const undo = registerIpc(ipc, dispatch, (event) => (event as unknown as typeof trustedEvent).trusted === true, (channel) => refused.push(channel));
    expect([...ipc.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());

    expect(await ipc.handlers.get(callChannel('searchHosts'))!(trustedEvent, { query: 'li' })).toEqual({ ok: true, value: { name: 'searchHosts', input: { query: 'li' } } });
    expect(await ipc.handlers.get(callChannel('searchHosts'))!({ trusted: false }, { query: 'li' })).toEqual({ ok: false, error: { code: 'not-allowed', message: 'sender not allowed' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(refused).toEqual([callChannel('searchHosts')]);

    // A sender check that throws counts as a refusal.
    const ipc2 = fakeIpcMain();
    registerIpc(ipc2, dispatch, () => {
      throw new Error('frame gone');
    });
    expect(await ipc2.handlers.get(callChannel('getSettings'))!({}, undefined)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(dispatch).toHaveBeenCalledTimes(1);

    undo();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('createKioskApi (what the preload exposes)', () => {
  it('has exactly one method per call plus on, and passes name and input through', async () => {
    const invoke = vi.fn(async (name: CallName, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: [name, input] }));
    const api = createKioskApi(invoke, () => () => {});
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.searchHosts({ query: 'wang' })).toEqual({ ok: true, value: ['searchHosts', { query: 'wang' }] });
    expect(await api.getSettings()).toEqual({ ok: true, value: ['getSettings', undefined] });
  });

  it('never throws from a call: a failing transport is an internal error Result', async () => {
    const api = createKioskApi(
      async () => {
        throw new Error('Error invoking remote method: secret stack');
      },
      () => () => {},
    );
    const result = await api.listVisits();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret stack');
    const odd = createKioskApi(async () => 'not a result' as never, () => () => {});
    expect(await odd.listVisits()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes to known events only, hands over the payload alone, and unsubscribes once', () => {
    const listeners = new Map<EventName, (payload: unknown) => void>();
    const unsubscribed: EventName[] = [];
    const api = createKioskApi(
      async () => ({ ok: true, value: null }),
      (event, listener) => {
        listeners.set(event, listener);
        return () => unsubscribed.push(event);
      },
    );
    const seen: unknown[] = [];
    const off = api.on('settingsChanged', (payload) => seen.push(payload));
    listeners.get('settingsChanged')!({ language: 'en' });
    expect(seen).toEqual([{ language: 'en' }]);
    off();
    off();
    expect(unsubscribed).toEqual(['settingsChanged']);
    listeners.get('settingsChanged')!({ language: 'zh-CN' });
    expect(seen).toHaveLength(1);
    expect(() => api.on('nope' as EventName, () => {})).toThrow(TypeError);
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
  });
});

describe('file logger', () => {
  it('masks registered secrets and secret-looking pairs, shortens blobs', () => {
    const line = redactLine('sign=abc123&key=k30-demo-code appSecret: "s3cr3t-value" data:image/jpeg;base64,' + 'A'.repeat(500) + ' code MY-SECRET-9', ['MY-SECRET-9']);
    for (const secret of ['abc123', 'k30-demo-code', 's3cr3t-value', 'MY-SECRET-9', 'A'.repeat(200)]) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
    expect(line).toContain('[523 chars]');
  });

  it('writes lines to logs/main.log without secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k30-log-'));
    try {
      const log = createFileLogger(dir);
      log.setSecrets(['hunter2-secret']);
      log.info('connected with hunter2-secret');
      log.warn('multi\nline');
      await log.close();
      const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
      expect(text).toMatch(/ info connected with \[redacted\]\n/);
      expect(text).toMatch(/ warn multi line\n/);
      expect(text).not.toContain('hunter2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
