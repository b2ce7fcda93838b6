/**
 * `npm run bench:photo`: the face check's cost on this machine, in Chromium with the fake camera
 * playing the one-face feed (made from the detector package's group photo, as in the browser
 * tests), with the app's own code and CSP, and the backend it ran on (--disable-gpu, as the tests).
 * Prints: per preview frame (scale down → detect + landmarks → face statistics → rules) p50/p95;
 * capture → check → 3:4 crop → fitted JPEG p50/p95; detector load time; the lazily loaded chunk,
 * models and WASM sizes. CHECKS, CAPTURES change the counts. Targets (issue #15): check p95 ≤ 150 ms,
 * capture p95 ≤ 300 ms.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { mimeTypeOf } from '../src-main/runtime/app-origin';
import { metaContentSecurityPolicy } from '../src-main/security-policy';
import type { BenchResult } from './photo-page/bench-result';
import { chromiumArgs, faceFeeds, makeFaceFeeds } from '../tests/e2e/support/face-feeds';
import { chromiumPath, repoRoot } from '../tests/e2e/support/paths';

const CHECKS = Number(process.env.CHECKS ?? 40);
const CAPTURES = Number(process.env.CAPTURES ?? 10);
const MAX_KB = 200;

const out = mkdtempSync(join(tmpdir(), 'photo-bench-'));
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  await build({ root: join(repoRoot, 'bench/photo-page'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true, minify: true } });
  if (!existsSync(faceFeeds.oneFace)) await makeFaceFeeds();
  const csp = metaContentSecurityPolicy();
  const server = createServer((req, res) => {
    const path = normalize(
      join(out, decodeURIComponent((req.url ?? '/').split('?')[0]) === '/' ? 'index.html' : decodeURIComponent((req.url ?? '/').split('?')[0])),
    );
    if (!path.startsWith(out) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': mimeTypeOf(path), 'content-security-policy': csp }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs(faceFeeds.oneFace) });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('"runPhotoBench" in window');
    const r = await page.evaluate<BenchResult>(`window.runPhotoBench(${CHECKS}, ${CAPTURES}, ${MAX_KB})`);
    console.log(`backend: ${r.backend} (Chromium --disable-gpu, headless); camera frame ${r.frame.width}×${r.frame.height}`);
    console.log(`detector load (chunk + models + WASM, first time): ${ms(r.loadMs)}`);
    console.log(`face check per preview frame (${CHECKS}): p50 ${ms(percentile(r.checkMs, 50))}  p95 ${ms(percentile(r.checkMs, 95))}  (target p95 ≤ 150 ms)`);
    console.log(
      `capture → check → crop → fitted JPEG (${CAPTURES}): p50 ${ms(percentile(r.captureMs, 50))}  p95 ${ms(percentile(r.captureMs, 95))}  (target p95 ≤ 300 ms)`,
    );
    console.log(`photo: ${r.photo.width}×${r.photo.height}, ${kb(r.photo.bytes)} (limit ${MAX_KB} KB), failed checks: ${r.photo.failed.join(', ') || 'none'}`);
    if (problems.length) console.log(`page problems: ${problems.join(' | ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  console.log('lazily loaded on the photo step:');
  for (const file of readdirSync(join(out, 'assets'))) {
    if (!/^face-engine|\.bin$|\.wasm$/.test(file)) continue;
    const data = readFileSync(join(out, 'assets', file));
    console.log(`  ${file.padEnd(52)} ${kb(data.length).padStart(10)} raw ${kb(gzipSync(data).length).padStart(10)} gzip`);
  }
  console.log('  (of the three WASM files Chromium fetches one: SIMD here; threaded-SIMD needs cross-origin isolation, which the app does not have)');
  rmSync(out, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
