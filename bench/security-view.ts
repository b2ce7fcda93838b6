/**
 * The security view with 10 000 people in one region, in Debian's Chromium against the real
 * services (tests/harness) and the demo simulator:
 *
 *   1. `POST /__sim/people/bulk` puts COUNT people (default 10 000) into the parking region;
 *   2. the app opens on the security view; we click that region and time until the first rows
 *      show with their data;
 *   3. we scroll the list to the bottom in steps of STEP_PX (default one screen) every STEP_MS
 *      (default 16 ms, a fast fling), counting the DOM rows kept at every step and the longest
 *      gap between animation frames, then time until the last row shows its data;
 *   4. we print the list calls the renderer made (each is at most one K30 call; main reuses a
 *      recent answer), which all share main's limiter of 55 a minute;
 *   5. with main's presence snapshot expired (the services' clock moved on), we export the
 *      all-regions muster as CSV and time it until the file is complete, while host searches go
 *      to main every SEARCH_MS (default 4 s; their answer times are printed: the limiter keeps
 *      them a reserve of its 55 list calls a minute); then print from that snapshot (until
 *      window.print is called with every person on paper);
 *   6. every answer main gave the page and the searches is checked for a refused list call.
 *
 *   npm run bench:security            (COUNT=…, STEP_PX=…, STEP_MS=…, SEARCH_MS=…, BENCH_SKIP_BUILD=1 to reuse out/renderer)
 */
import { chromium, type Page } from 'playwright-core';
import { DEMO_REGIONS } from '../src-main/k30/simulator/seed';
import { startHarness } from '../tests/harness/harness';

const COUNT = Number(process.env.COUNT) || 10_000;
const STEP_MS = Number(process.env.STEP_MS) || 16;
const SEARCH_MS = Number(process.env.SEARCH_MS) || 4000;
const CHROMIUM = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';
const REGION = DEMO_REGIONS.parking;

const ROW = '[data-testid=presence-row]';

/** Answers of main that say the K30 server refused a call (over its list limit or otherwise). */
let refused = 0;
const countRefusal = (body: string) => {
  if (/"ok":false/.test(body) && /"code":"(rate-limited|server-refused)"/.test(body)) refused++;
};
const LOADED_ROW = `${ROW}:not([data-loading])`;

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Page-side code as strings: this file is type-checked without the DOM library. */
const js = {
  scrollInfo: `(() => { const el = document.querySelector('[data-testid=presence-list]'); return { top: el.scrollTop, height: el.clientHeight, max: el.scrollHeight - el.clientHeight }; })()`,
  scrollBy: (px: number) =>
    `(() => { const el = document.querySelector('[data-testid=presence-list]'); el.scrollTop = Math.min(el.scrollTop + ${px}, el.scrollHeight); return el.scrollTop; })()`,
  rows: `document.querySelectorAll('${ROW}').length`,
  frameWatch: `(() => { const w = window; w.__gaps = []; let last = performance.now(); const loop = (t) => { w.__gaps.push(t - last); last = t; if (!w.__stopGaps) requestAnimationFrame(loop); }; requestAnimationFrame(loop); })()`,
  frameStop: `(() => { window.__stopGaps = true; const g = window.__gaps.slice(1).sort((a, b) => a - b); return { frames: g.length, p95: g[Math.floor(g.length * 0.95)] ?? 0, max: g[g.length - 1] ?? 0 }; })()`,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `selector` matches (and the text of `textSelector` holds `text`). A function, not a
 * string: the app's CSP (no 'unsafe-eval') refuses Playwright's in-page eval of string predicates.
 */
async function waitFor(page: Page, selector: string, timeoutMs: number, text?: { selector: string; includes: string }): Promise<void> {
  await page.waitForFunction(
    ({ selector, text }) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return !!doc.querySelector(selector) && (!text || (doc.querySelector(text.selector)?.textContent ?? '').includes(text.includes));
    },
    { selector, text },
    { timeout: timeoutMs, polling: 'raf' },
  );
}

async function main(): Promise<void> {
  const harness = await startHarness({ port: 0, build: process.env.BENCH_SKIP_BUILD !== '1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    if (!harness.simulatorUrl) throw new Error('the harness started no simulator');
    const bulkStarted = performance.now();
    const bulk = (await post(`${harness.simulatorUrl}/__sim/people/bulk`, { regionNo: REGION, count: COUNT })) as { inside: number };
    console.log(`region ${REGION}: ${bulk.inside} people inside (bulk insert ${(performance.now() - bulkStarted).toFixed(0)} ms)`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const calls: Record<string, number> = {};
    page.on('request', (request) => {
      const m = /\/__kiosk\/call\/(\w+)/.exec(request.url());
      if (m) calls[m[1]] = (calls[m[1]] ?? 0) + 1;
    });
    page.on('response', (response) => {
      if (/\/__kiosk\/call\//.test(response.url())) void response.text().then(countRefusal, () => {});
    });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

    await page.goto(`${harness.appUrl}/#/security`);
    const button = page.locator(`[data-testid=region-button][data-region-no="${REGION}"]`);
    await button.waitFor({ timeout: 60_000 });
    // The demo selects the top region first; let that settle so the timing below is ours alone.
    await waitFor(page, LOADED_ROW, 60_000);

    const clicked = performance.now();
    await button.click();
    await waitFor(page, `${LOADED_ROW}[data-person-no]`, 60_000, { selector: '[data-testid=presence-total]', includes: String(bulk.inside) });
    const firstRowsMs = performance.now() - clicked;
    const firstRows = await page.evaluate<number>(js.rows);
    console.log(`first rows: ${firstRowsMs.toFixed(0)} ms after the click (${firstRows} rows in the DOM)`);

    // The muster first, while the list budget is fresh (the fling below spends it on purpose).
    await musterBench(page, harness.appUrl, bulk.inside);

    const info = await page.evaluate<{ top: number; height: number; max: number }>(js.scrollInfo);
    const step = Number(process.env.STEP_PX) || info.height;
    await page.evaluate(js.frameWatch);
    let maxRows = firstRows;
    let steps = 0;
    const scrollStarted = performance.now();
    for (let top = info.top; top < info.max; steps++) {
      top = await page.evaluate<number>(js.scrollBy(step));
      await sleep(STEP_MS);
      maxRows = Math.max(maxRows, await page.evaluate<number>(js.rows));
    }
    const scrolledMs = performance.now() - scrollStarted;
    const frames = await page.evaluate<{ frames: number; p95: number; max: number }>(js.frameStop);
    await waitFor(page, `${LOADED_ROW}[aria-rowindex="${bulk.inside + 1}"]`, 180_000);
    const endMs = performance.now() - scrollStarted;
    maxRows = Math.max(maxRows, await page.evaluate<number>(js.rows));

    console.log(
      `scroll: ${steps} steps of ${step} px every ${STEP_MS} ms, ${scrolledMs.toFixed(0)} ms; frames while scrolling: ${frames.frames}, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms`,
    );
    console.log(`max DOM rows while scrolling: ${maxRows} (of ${bulk.inside})`);
    console.log(`end of the list (row ${bulk.inside} with its data): ${endMs.toFixed(0)} ms after scrolling started`);
    console.log(
      `calls from the renderer: listRegionPeople ${calls.listRegionPeople ?? 0}, listRegions ${calls.listRegions ?? 0}, getPhoto ${calls.getPhoto ?? 0} (list calls share main's limiter, 55 a minute)`,
    );
    console.log(`refused list calls: ${refused}`);
  } finally {
    await browser.close();
    await harness.close();
  }
}

/** Host searches (one K30 list call each) every SEARCH_MS until stopped, a busy desk: their answer times. */
function searchWhile(appUrl: string): { stop: () => Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      const response = await fetch(`${appUrl}/__kiosk/call/searchHosts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ['张', '李', '王', '刘'][i % 4] }),
      });
      const body = await response.text();
      countRefusal(body);
      if (!/"ok":true/.test(body)) throw new Error(`host search failed: ${body.slice(0, 200)}`);
      times.push(performance.now() - started);
      await sleep(SEARCH_MS);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

const fmt = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${sorted.length} searches, median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms`;
};

/** The all-regions muster, from an expired snapshot: CSV complete, then print. */
async function musterBench(page: Page, appUrl: string, inRegion: number): Promise<void> {
  const expire = async (offsetMs: number) => {
    const r = await fetch(`${appUrl}/__harness/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
    if (!r.ok) throw new Error(`clock: ${r.status}`);
  };
  await page.locator('#muster-scope-all').check();

  await expire(60_000);
  let searches = searchWhile(appUrl);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  const csvStarted = performance.now();
  await page.locator('[data-testid=muster-csv]').click();
  const file = await download;
  const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  const csvMs = performance.now() - csvStarted;
  const lines = text.split('\r\n').filter(Boolean).length - 1;
  console.log(
    `muster (all regions) as CSV: ${csvMs.toFixed(0)} ms from a cold snapshot, ${lines} people (${inRegion} in the bulk region); host search meanwhile: ${fmt(await searches.stop())}`,
  );

  await page.evaluate(
    `(() => { window.__printed = 0; window.print = () => { window.__printed = document.querySelectorAll('[data-testid=print-muster] tbody tr').length; }; })()`,
  );
  searches = searchWhile(appUrl);
  const printStarted = performance.now();
  await page.locator('[data-testid=muster-print]').click();
  let printed = 0;
  while (!printed && performance.now() - printStarted < 120_000) {
    await sleep(20);
    printed = await page.evaluate<number>('window.__printed');
  }
  const printMs = performance.now() - printStarted;
  console.log(
    `muster (all regions) to print: ${printMs.toFixed(0)} ms from main's fresh snapshot, ${printed} rows on paper; host search meanwhile: ${fmt(await searches.stop())}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
