/**
 * Browser harness (dev/test only; never part of the packaged app).
 *
 * Runs the REAL main-process services (`createAppServices`) under plain Node, serves the BUILT
 * renderer (`out/renderer/`) on loopback with the app's CSP, and gives the page `window.kiosk`
 * over HTTP through the same contract and dispatcher Electron's IPC uses:
 *
 *   POST /__kiosk/call/<name>   JSON body → dispatch(name, body) → JSON Result
 *   GET  /__kiosk/events        Server-Sent Events, one `event:` per contract event
 *   GET  /__kiosk/shim.js       the browser shim (tests/harness/browser-shim.ts, bundled by vite)
 *   POST /__harness/clock       test-only: {"offsetMs": N} shifts the services' clock (`now`) by N ms
 *                               (GET answers the current offset); the simulator keeps real time
 */
import { describeError } from '../../src-main/k30/protocol';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_NAMES, type EventName } from '../../src-preload/contract';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createAppServices } from '../../src-main/services/app-services';
import { memoryLogger } from '../../src-main/services/ports';
import { contentSecurityPolicy } from '../../src-main/security-policy';
import { mimeTypeOf } from '../../src-main/runtime/app-origin';
import { basicTextSecretBox, confStore } from './stores';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDir = path.join(repoRoot, 'out/renderer');
const rendererIndex = path.join(rendererDir, 'index.html');

export type AppServices = Awaited<ReturnType<typeof createAppServices>>;

export interface HarnessOptions {
  /** 0 = a random free port. Default 5180. */
  port?: number;
  /** Where the services keep their data; default a fresh temp dir (removed on close). */
  dataDir?: string;
  /** Build the renderer even if `out/renderer/index.html` exists. */
  build?: boolean;
  /** Echo the services' log lines to the console. */
  echoLog?: boolean;
  /** Serve another built renderer (default out/renderer; then nothing is built). */
  rendererDir?: string;
}

export interface Harness {
  appUrl: string;
  simulatorUrl: string | undefined;
  dataDir: string;
  services: AppServices;
  log: ReturnType<typeof memoryLogger>;
  /** The services' clock runs this far ahead of real time (test-only; see /__harness/clock). */
  setClockOffset(offsetMs: number): void;
  clockOffset(): number;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Building

/** Builds the app with `electron-vite build` (main, preload and renderer, into `out/`). */
export async function buildRenderer(): Promise<void> {
  const bin = path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`electron-vite build exited with ${code}`))));
  });
  if (!existsSync(rendererIndex)) throw new Error(`electron-vite build did not produce ${rendererIndex}`);
}

export async function ensureRendererBuilt(force = false): Promise<void> {
  if (force || !existsSync(rendererIndex)) await buildRenderer();
}

let shimCache: Promise<string> | undefined;

/** Where a run's already bundled shim is (the browser tests' global setup bundles it once for every worker). */
export const PREBUILT_SHIM_ENV = 'KIOSK_HARNESS_SHIM';

/** Bundles the browser shim into one classic script (IIFE), in memory. */
export function bundleShim(): Promise<string> {
  const prebuilt = process.env[PREBUILT_SHIM_ENV];
  // Loading vite and bundling takes each Playwright worker 3–15 s before its first test.
  if (prebuilt && existsSync(prebuilt)) shimCache ??= readFile(prebuilt, 'utf8');
  shimCache ??= (async () => {
    const { build } = await import('vite');
    const output = await build({
      configFile: false,
      envDir: false,
      root: repoRoot,
      publicDir: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        write: false,
        emptyOutDir: false,
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        target: 'es2022',
        lib: { entry: path.join(repoRoot, 'tests/harness/browser-shim.ts'), formats: ['iife'], name: 'KioskHarnessShim', fileName: () => 'shim.js' },
      },
    });
    const outputs = (Array.isArray(output) ? output : [output]) as Array<{ output?: Array<{ type: string; code?: string }> }>;
    const chunk = outputs.flatMap((o) => o.output ?? []).find((o) => o.type === 'chunk' && o.code);
    if (!chunk?.code) throw new Error('vite produced no shim bundle');
    return chunk.code;
  })();
  shimCache.catch(() => (shimCache = undefined));
  return shimCache;
}

// ---------------------------------------------------------------------------------------------
// Serving

/** Puts the shim's script tag before the app's first module script (or at the end of head). */
export function injectShim(html: string): string {
  const tag = '<script src="/__kiosk/shim.js"></script>';
  const at = html.search(/<script\b[^>]*type\s*=\s*["']?module/i);
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at);
  const head = html.search(/<\/head>/i);
  if (head >= 0) return html.slice(0, head) + tag + '\n' + html.slice(head);
  return tag + html;
}

/** The production CSP Electron's session puts on the app's pages (no dev-server relaxations). */
const APP_CSP = contentSecurityPolicy();

const MAX_BODY = 4 * 1024 * 1024; // a photo is at most 2.8 MB of Base64 (contract)

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const root = options.rendererDir ? path.resolve(options.rendererDir) : rendererDir;
  const index = path.join(root, 'index.html');
  if (!options.rendererDir) await ensureRendererBuilt(options.build ?? false);
  else if (!existsSync(index)) throw new Error(`${index} is missing`);
  const shim = await bundleShim();

  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : mkdtempSync(path.join(tmpdir(), 'kiosk-harness-'));
  await mkdir(dataDir, { recursive: true });

  const log = memoryLogger(options.echoLog ?? false);
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  // The browser tests drive the demo simulator through its control plane (test-only switch).
  const services = await createAppServices({ dataDir, store: confStore(dataDir), secretBox: basicTextSecretBox(), log, now, demoControlPlane: true });
  const dispatch = createDispatcher(services.handlers, (line) => log.error(line), { checkOutputs: true });

  const streams = new Set<ServerResponse>();
  let origins = new Set<string>();
  let hosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log.error(`harness: ${req.method} ${req.url} failed: ${describeError(error, { stack: true })}`);
      if (!res.headersSent) sendText(res, (error as { status?: number }).status ?? 500, 'harness error');
      else res.destroy();
    });
  });
  // The page keeps its connection for the next call. Node closes a connection idle for 5 s by
  // default, and a POST sent on it just as it closes fails without an answer: the page then
  // cannot know whether it was handled (a slow, loaded machine hits this). Leave closing to the browser.
  server.keepAliveTimeout = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: only our own host names reach the app or the services.
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return sendText(res, 403, 'forbidden host');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin;
    const foreignOrigin = origin !== undefined && !origins.has(origin.toLowerCase());

    if (url.pathname.startsWith('/__kiosk/call/')) {
      if (foreignOrigin) return sendText(res, 403, 'forbidden origin');
      if (req.method !== 'POST') return sendText(res, 405, 'POST only');
      const name = decodeURIComponent(url.pathname.slice('/__kiosk/call/'.length));
      const body = await readBody(req);
      let input: unknown;
      if (body.trim() !== '') {
        try {
          input = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'body is not JSON' } });
        }
      }
      return sendJson(res, 200, await dispatch(name, input));
    }

    if (url.pathname === '/__kiosk/events') {
      if (foreignOrigin) return sendText(res, 403, 'forbidden origin');
      if (req.method !== 'GET') return sendText(res, 405, 'GET only');
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': kiosk harness events\n\n');
      const unsubscribe = EVENT_NAMES.map((name: EventName) =>
        services.onWindowEvent(name, (payload: unknown) => {
          res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
        }),
      );
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      streams.add(res);
      res.on('close', () => {
        clearInterval(keepAlive);
        for (const off of unsubscribe) off();
        streams.delete(res);
      });
      return;
    }

    if (url.pathname === '/__harness/clock') {
      if (foreignOrigin) return sendText(res, 403, 'forbidden origin');
      if (req.method === 'POST') {
        let body: { offsetMs?: unknown };
        try {
          body = JSON.parse((await readBody(req)) || '{}') as { offsetMs?: unknown };
        } catch {
          return sendJson(res, 400, { error: 'body is not JSON' });
        }
        if (typeof body.offsetMs !== 'number' || !Number.isFinite(body.offsetMs)) return sendJson(res, 400, { error: 'offsetMs must be a number' });
        offsetMs = Math.round(body.offsetMs);
        log.info(`harness: services' clock offset set to ${offsetMs} ms`);
      } else if (req.method !== 'GET') return sendText(res, 405, 'GET or POST');
      return sendJson(res, 200, { offsetMs, now: now().toISOString() });
    }

    if (url.pathname === '/__kiosk/shim.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(shim);
      return;
    }

    if (url.pathname.startsWith('/__')) return sendText(res, 404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only');

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = await readFile(index, 'utf8');
      // The page keeps its own <meta> CSP; the header is the one Electron's session adds to the
      // app's pages (security-policy.ts), so both apply here as they do in the app.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': APP_CSP,
      });
      res.end(req.method === 'HEAD' ? undefined : injectShim(html));
      return;
    }

    // Static files of the built renderer; nothing outside out/renderer.
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return sendText(res, 400, 'bad path');
    }
    const file = path.resolve(root, '.' + path.posix.normalize(decoded));
    if (!file.startsWith(root + path.sep)) return sendText(res, 404, 'not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return sendText(res, 404, 'not found');
    res.writeHead(200, {
      'content-type': mimeTypeOf(file),
      'content-length': info.size,
      'cache-control': 'no-store',
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
  }

  const port = options.port ?? 5180;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await services.close();
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const actualPort = (server.address() as AddressInfo).port;
  hosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  origins = new Set([...hosts].map((host) => `http://${host}`));

  let closed: Promise<void> | undefined;
  return {
    appUrl: `http://127.0.0.1:${actualPort}`,
    simulatorUrl: services.demo?.url,
    dataDir,
    services,
    log,
    setClockOffset: (ms) => {
      offsetMs = Math.round(ms);
    },
    clockOffset: () => offsetMs,
    close: () =>
      (closed ??= (async () => {
        for (const stream of streams) stream.end();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await services.close();
        if (ownDataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      })()),
  };
}
