import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppOrigin, isTrustedSender } from '../../../src-main/ipc/sender-check';
import { APP_ORIGIN, mimeTypeOf, resolveAppRequest } from '../../../src-main/runtime/app-origin';

const ROOT = '/opt/k30/resources/app.asar/out/renderer';

describe('app://kiosk requests', () => {
  it('maps our paths to files under the renderer dir, / to index.html, with their MIME type', () => {
    expect(resolveAppRequest('app://kiosk/', ROOT)).toEqual({ ok: true, file: join(ROOT, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://kiosk/assets/index-abc.js?v=1#x', ROOT)).toEqual({
      ok: true,
      file: join(ROOT, 'assets/index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://kiosk/assets/a%20b.css', ROOT)).toMatchObject({
      ok: true,
      file: join(ROOT, 'assets/a b.css'),
      mimeType: 'text/css; charset=utf-8',
    });
    expect(mimeTypeOf('x.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it('refuses traversal in every spelling, other hosts and schemes, and junk', () => {
    for (const url of [
      'app://kiosk/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
      'app://kiosk/assets%2f..%2fmain.js',
      'app://kiosk/assets/..%5c..%5cmain.js',
      'app://kiosk/a%00.js',
      'app://kiosk/%252e%252e/x',
      'app://evil/index.html',
      'app://kiosk:8080/index.html',
      'file:///etc/passwd',
      'https://kiosk/index.html',
    ]) {
      expect(resolveAppRequest(url, ROOT).ok, url).toBe(false);
    }
    // The URL parser itself folds plain ../ away: still inside the root.
    const folded = resolveAppRequest('app://kiosk/assets/../../../etc/passwd', ROOT);
    expect(folded).toMatchObject({ ok: true, file: join(ROOT, 'etc/passwd') });
    expect(resolveAppRequest('not a url', ROOT)).toEqual({ ok: false, status: 400 });
  });

  it('is the trusted origin for IPC and permissions', () => {
    const trusted = { origin: APP_ORIGIN };
    expect(isTrustedSender({ url: 'app://kiosk/index.html', isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'app://kiosk/index.html', isMainFrame: false }, trusted)).toBe(false);
    for (const url of ['app://evil/index.html', 'app://kiosk:1/index.html', 'file:///opt/x/index.html', 'http://kiosk/index.html', 'app://user@kiosk/']) {
      expect(isTrustedSender({ url, isMainFrame: true }, trusted), url).toBe(false);
    }
    expect(isAppOrigin('app://kiosk', trusted)).toBe(true);
    expect(isAppOrigin('app://evil', trusted)).toBe(false);
    expect(isAppOrigin('file://', trusted)).toBe(false);
  });
});
