/**
 * Playwright fixtures for the browser tests: every test gets its own harness (real services, the
 * K30 simulator with the demo seed, the built renderer) on a random loopback port, a `sim` helper
 * for the simulator's control plane, and `shot(name)` to keep a named screenshot of each step.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { Visitor as SimulatedVisitor } from '../../../src-main/k30/simulator/state';
import { startHarness, type Harness } from '../../harness/harness';
import { axeViolations } from './axe';

/** What `GET /__sim/state` answers (the parts the tests read; the rest passes through). */
/** A visitor as the simulator keeps it (its own type, so the tests read only what it has). */
export type SimVisitor = SimulatedVisitor;
export interface SimDevice {
  no: string;
  name: string;
  regionname: string;
  /** 1 online, 0 offline. */
  onlinestatus: number;
  [key: string]: unknown;
}
export interface SimState {
  visitors: SimVisitor[];
  devices: SimDevice[];
  [key: string]: unknown;
}

export interface Sim {
  url: string;
  state(): Promise<SimState>;
  visitors(): Promise<SimVisitor[]>;
  setDevice(no: string, online: boolean): Promise<unknown>;
  /** `{ personNo | visitorNo, deviceNo, addTime? }`: a device recognised someone. */
  pass(body: { personNo?: string; visitorNo?: string; deviceNo: string; addTime?: string }): Promise<unknown>;
  /** `{ latencyMs, http500, beforeCommitStatus, malformed, dropAfterCommit, http5xxAfterCommit, afterCommitStatus, paths? }`; `{}` clears. */
  faults(body: {
    latencyMs?: number;
    http500?: number;
    beforeCommitStatus?: number;
    malformed?: number;
    dropAfterCommit?: number;
    http5xxAfterCommit?: number;
    afterCommitStatus?: number;
    paths?: string[];
    reset?: boolean;
  }): Promise<unknown>;
  reset(): Promise<unknown>;
}

export type Shot = (name: string, options?: { page?: Page; fullPage?: boolean }) => Promise<void>;
/** axe-core finds no violation on the screen as it is (soft: the test goes on to the next screen), then `shot`. */
export type CheckScreen = Shot;

async function simRequest(url: string, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Whatever shape the simulator uses for collections (array or keyed object), as an array. */
function asArray<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') return Object.values(value) as T[];
  return [];
}

export function simClient(url: string): Sim {
  const state = async (): Promise<SimState> => {
    const raw = (await simRequest(`${url}/__sim/state`, 'GET')) as Record<string, unknown>;
    return { ...raw, visitors: asArray<SimVisitor>(raw.visitors), devices: asArray<SimDevice>(raw.devices) };
  };
  return {
    url,
    state,
    visitors: async () => (await state()).visitors,
    setDevice: (no, online) => simRequest(`${url}/__sim/device`, 'POST', { no, online }),
    pass: (body) => simRequest(`${url}/__sim/pass`, 'POST', body),
    faults: (body) => simRequest(`${url}/__sim/faults`, 'POST', body),
    reset: () => simRequest(`${url}/__sim/reset`, 'POST', {}),
  };
}

/** Saves a numbered, named screenshot into the test's output folder and attaches it to the report. */
export function screenshotter(page: Page, testInfo: TestInfo): Shot {
  let n = 0;
  return async (name, options = {}) => {
    const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
    const file = testInfo.outputPath(`${String(++n).padStart(2, '0')}-${safe}.png`);
    await (options.page ?? page).screenshot({ path: file, fullPage: options.fullPage ?? true });
    await testInfo.attach(`${String(n).padStart(2, '0')} ${name}`, { path: file, contentType: 'image/png' });
  };
}

/**
 * Collects what a page reports going wrong: uncaught errors, console errors about the CSP, and
 * every `securitypolicyviolation` event (some violations never reach the console). Call before
 * the page loads.
 */
export async function watchPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => void problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    type Violation = { effectiveDirective: string; blockedURI: string; sourceFile: string; lineNumber: number };
    const page = globalThis as unknown as {
      __reportCspViolation: (text: string) => void;
      document: { addEventListener(type: string, listener: (event: Violation) => void): void };
    };
    page.document.addEventListener('securitypolicyviolation', (event) => {
      page.__reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile || 'page'}:${event.lineNumber})`);
    });
  });
  return problems;
}

type Fixtures = {
  harness: Harness;
  sim: Sim;
  shot: Shot;
  checkScreen: CheckScreen;
  /** The app, opened in the page and ready (window.kiosk present). */
  app: Page;
  /** Problems the page reported (uncaught errors, CSP violations); the test fails on any. */
  pageProblems: string[];
};

export const test = base.extend<Fixtures>({
  // The test's pages talk to its harness, so they close first: Playwright tears fixtures down in
  // the reverse order of setup, and the built-in context, set up before the harness, used to close
  // after it. Meanwhile the page went on calling (the security view's auto-refresh, a call in
  // flight) into a closed port, ERR_CONNECTION_REFUSED, and the screenshot and trace Playwright
  // take as the context closes showed an "internal" error the test never caused.
  context: async ({ context, harness }, use) => {
    void harness;
    await use(context);
    await context.close();
  },

  harness: async ({}, use, testInfo) => {
    const harness = await startHarness({ port: 0 });
    try {
      await use(harness);
    } finally {
      await harness.close();
      const errors = harness.log.lines.filter((line) => line.startsWith('error '));
      if (errors.length > 0) await testInfo.attach('services error log', { body: errors.join('\n'), contentType: 'text/plain' });
    }
  },

  sim: async ({ harness }, use) => {
    if (!harness.simulatorUrl) throw new Error('the harness started no simulator (is a K30 server configured?)');
    await use(simClient(harness.simulatorUrl));
  },

  shot: async ({ page }, use, testInfo) => {
    await use(screenshotter(page, testInfo));
  },

  checkScreen: async ({ page, shot }, use, testInfo) => {
    await use(async (name, options = {}) => {
      const t0 = Date.now();
      const violations = await axeViolations(options.page ?? page, testInfo, name);
      const t1 = Date.now();
      expect.soft(violations, `axe-core violations on "${name}"`).toEqual([]);
      await shot(name, options);
      console.log(`[screen] ${name}: axe ${t1 - t0} ms, shot ${Date.now() - t1} ms, ${violations.length} violations`);
    });
  },

  pageProblems: async ({ page }, use, testInfo) => {
    const problems = await watchPageProblems(page);
    await use(problems);
    if (problems.length > 0) await testInfo.attach('page problems', { body: problems.join('\n'), contentType: 'text/plain' });
    expect(problems, 'the page reported errors').toEqual([]);
  },

  app: async ({ page, harness, pageProblems }, use) => {
    void pageProblems;
    await page.goto(harness.appUrl);
    await page.waitForFunction(() => typeof (globalThis as { kiosk?: unknown }).kiosk === 'object');
    await use(page);
  },
});

export { expect };
