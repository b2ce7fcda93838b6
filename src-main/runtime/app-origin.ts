/**
 * The packaged renderer's own origin, `app://kiosk/`, and which file a request to it may get. Pure
 * (no Electron): the protocol handler in electron/app-protocol.ts asks this, and tests do too.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
/** What Chromium reports as our origin (a standard scheme has host-based origins). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; unknown kinds are opaque bytes (never sniffed as HTML). */
export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequest = { ok: true; file: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file under `rootDir` that `url` names, or why not. Only GET-able paths of our host; `/` is
 * index.html. Refused: another scheme or host, `..` in any spelling (decoded or not), encoded
 * slashes or backslashes, NUL, and anything that resolves outside the root.
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  const raw = parsed.pathname;
  // Encoded separators or dots are never needed by our files: refuse rather than interpret.
  if (/%(2f|5c|2e|00)/i.test(raw) || raw.includes('\\')) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  // Double encoding (%252e) is never ours either: a path that still holds % is refused.
  if (path.includes('%') || path.includes('\0') || path.split('/').some((part) => part === '..' || part === '.')) return { ok: false, status: 403 };
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { ok: false, status: 403 };
  return { ok: true, file, mimeType: mimeTypeOf(file) };
}
