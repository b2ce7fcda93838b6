import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME, resolveAppRequest } from '../runtime/app-origin';

/**
 * Must run before app 'ready': `app:` becomes a standard, secure scheme, so the page gets a real
 * origin (app://kiosk) with localStorage, fetch of its own files and getUserMedia, as on https.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

/**
 * Serves the built renderer (and nothing else) on app://kiosk/, every answer with our CSP.
 * readFile reads inside app.asar under Electron. Only GET and HEAD.
 */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string, onRefused?: (what: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    const target = resolveAppRequest(request.url, rendererDir);
    if (!target.ok) {
      onRefused?.(`app request ${target.status}`);
      return new Response(null, { status: target.status, headers });
    }
    try {
      const body = await readFile(target.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'Content-Type': target.mimeType } });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}
