/** The app's security policy: permissions, the content security policy, where a window may navigate. */
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  navigationAllowed,
  REACT_REFRESH_PREAMBLE_HASH,
  permissionCheckAllowed,
  permissionRequestAllowed,
  withCsp,
} from '../../src-main/security-policy';
import { dev, ourFile, prod } from '../helpers/trusted-apps';

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
      for (const permission of [
        'display-capture',
        'geolocation',
        'notifications',
        'clipboard-read',
        'openExternal',
        'fullscreen',
        'midi',
        'hid',
        'usb',
        'serial',
        'unknown',
      ]) {
        expect(permissionRequestAllowed(permission, { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] }, trusted), permission).toBe(false);
      }
    }
  });

  it('refuses video to any other origin', () => {
    expect(permissionRequestAllowed('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] }, prod)).toBe(false);
    expect(permissionRequestAllowed('media', { requestingUrl: 'file:///tmp/evil.html', isMainFrame: true, mediaTypes: ['video'] }, prod)).toBe(false);
    expect(
      permissionRequestAllowed(
        'media',
        { requestingUrl: 'http://localhost:5173/', isMainFrame: true, mediaTypes: ['video'], securityOrigin: 'https://evil.example' },
        dev,
      ),
    ).toBe(false);
  });

  it('answers permission checks the same way', () => {
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: true, requestingUrl: ourFile }, prod)).toBe(true);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: true }, prod)).toBe(true);
    expect(
      permissionCheckAllowed('media', 'http://localhost:5173', { mediaType: 'video', isMainFrame: true, securityOrigin: 'http://localhost:5173' }, dev),
    ).toBe(true);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'audio', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'unknown', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'https://evil.example', { mediaType: 'video', isMainFrame: true }, prod)).toBe(false);
    expect(permissionCheckAllowed('media', 'file://', { mediaType: 'video', isMainFrame: false }, prod)).toBe(false);
    expect(permissionCheckAllowed('notifications', 'file://', { isMainFrame: true, requestingUrl: ourFile }, prod)).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );

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

  it('replaces any CSP a response carried with ours', () => {
    const headers = withCsp(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'], 'Content-Security-Policy-Report-Only': ['x'] },
      "default-src 'self'",
    );
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
