import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, findChromium } from './chromium';

describe('the Chromium of the browser tests', () => {
  const has =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('prefers KIOSK_CHROMIUM, then Debian’s, then Playwright’s installed one', () => {
    expect(findChromium({ env: '/opt/chrome', managed: '/pw/chrome', exists: has(DEBIAN_CHROMIUM, '/pw/chrome') })).toBe('/opt/chrome');
    expect(findChromium({ managed: '/pw/chrome', exists: has(DEBIAN_CHROMIUM, '/pw/chrome') })).toBe(DEBIAN_CHROMIUM);
    expect(findChromium({ managed: '/pw/chrome', exists: has('/pw/chrome') })).toBe('/pw/chrome');
  });

  it('finds none on a fresh machine (Playwright’s path known but not installed)', () => {
    expect(findChromium({ managed: '/pw/chrome', exists: has() })).toBeUndefined();
    expect(findChromium({ exists: has() })).toBeUndefined();
  });
});
