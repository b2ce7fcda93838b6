/**
 * Which Chromium the browser tests use: KIOSK_CHROMIUM, else Debian's /usr/bin/chromium, else
 * Playwright's own managed Chromium when it has been installed; undefined when there is none.
 */
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM_MESSAGE =
  "No Chromium for the browser tests: install Debian's (sudo apt-get install chromium) or Playwright's (npx playwright install chromium), or set KIOSK_CHROMIUM=/path/to/chrome";

export interface ChromiumCandidates {
  env?: string;
  /** Playwright's managed Chromium (chromium.executablePath()), installed or not. */
  managed?: string;
  exists?: (path: string) => boolean;
}

export function findChromium({ env, managed, exists = existsSync }: ChromiumCandidates): string | undefined {
  if (env) return env;
  if (exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (managed && exists(managed)) return managed;
  return undefined;
}
