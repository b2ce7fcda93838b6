/** Which senders main answers: only our own renderer, by origin and path. */
import { describe, expect, it } from 'vitest';
import { isAppOrigin, isTrustedSender } from '../../../src-main/ipc/sender-check';
import { dev, ourFile, prod } from '../../helpers/trusted-apps';

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
