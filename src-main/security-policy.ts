/**
 * The security decisions of the Electron glue, as pure functions (no Electron import) so tests can
 * check them: which permission is granted, which CSP our pages get, which navigation is allowed.
 */
import { isAppOrigin, isAppUrl, type TrustedApp } from './ipc/sender-check';

export type { TrustedApp } from './ipc/sender-check';

/** A permission request (Electron: setPermissionRequestHandler's details). */
export interface PermissionRequestInfo {
  requestingUrl?: string;
  isMainFrame?: boolean;
  /** For 'media': 'video' (camera) and/or 'audio' (microphone). */
  mediaTypes?: readonly string[];
  securityOrigin?: string;
}

/**
 * Only the camera, for our own main frame: permission 'media' asking for video and nothing else.
 * The microphone, screen capture, notifications, geolocation, … are all denied.
 */
export function permissionRequestAllowed(permission: string, details: PermissionRequestInfo, trusted: TrustedApp): boolean {
  if (permission !== 'media') return false;
  const types = details.mediaTypes;
  if (!Array.isArray(types) || types.length === 0 || !types.every((type) => type === 'video')) return false;
  if (details.isMainFrame !== true) return false;
  if (!details.requestingUrl || !isAppUrl(details.requestingUrl, trusted)) return false;
  if (
    details.securityOrigin !== undefined &&
    details.securityOrigin !== '' &&
    !isAppOrigin(details.securityOrigin, trusted) &&
    !isAppUrl(details.securityOrigin, trusted)
  )
    return false;
  return true;
}

/** A permission check (Electron: setPermissionCheckHandler's arguments). */
export interface PermissionCheckInfo {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaType?: string;
  securityOrigin?: string;
}

/** The synchronous check: the same rule (video media, our main frame), by URL or by origin. */
export function permissionCheckAllowed(permission: string, requestingOrigin: string, details: PermissionCheckInfo, trusted: TrustedApp): boolean {
  if (permission !== 'media' || details.mediaType !== 'video') return false;
  if (details.isMainFrame === false) return false;
  if (details.requestingUrl) return isAppUrl(details.requestingUrl, trusted);
  return isAppOrigin(details.securityOrigin || requestingOrigin, trusted);
}

/**
 * The hash of @vitejs/plugin-react's inline Fast Refresh preamble (base '/'), which Vite's dev
 * server puts in index.html. Development only; if the plugin changes the preamble, dev reload
 * says "can't detect preamble" and this hash needs updating.
 */
export const REACT_REFRESH_PREAMBLE_HASH = "'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk='";

export interface CspOptions {
  /**
   * Development only: the Vite dev server URL. Its websocket origin is added to connect-src (hot
   * reload), script-src allows `devScriptHashes` (by default React Fast Refresh's inline
   * preamble, by hash, never 'unsafe-inline') and style-src 'unsafe-inline' (the dev server
   * injects CSS as <style> elements). The production policy (no option) has none of these.
   */
  devServerUrl?: string;
  devScriptHashes?: readonly string[];
}

/**
 * The Content-Security-Policy of our pages: nothing from any other host, no inline script and no
 * inline style (stylesheets are files; React's `style` props set CSSOM properties, which CSP
 * does not govern).
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // 'wasm-unsafe-eval' lets the face check compile its WebAssembly (TensorFlow.js WASM backend); no eval of script.
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:', 'mediastream:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    for (const [name, sources] of directives) {
      if (name === 'connect-src') sources.push(ws);
      if (name === 'script-src') sources.push(...(options.devScriptHashes ?? [REACT_REFRESH_PREAMBLE_HASH]));
      if (name === 'style-src') sources.push("'unsafe-inline'");
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The same policy for index.html's <meta> (the build writes it; the browser harness relies on it):
 * without frame-ancestors, which a meta tag may not carry.
 */
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy()
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/** Response headers with any CSP the response carried replaced by ours. */
export function withCsp(headers: Record<string, string | string[]> | undefined, csp: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * Whether a navigation (will-navigate / will-redirect) may go ahead: only within the same document
 * (fragment, history API). The app is one page; it never loads another, ours or not.
 */
export function navigationAllowed(navigation: { url: string; isSameDocument?: boolean }): boolean {
  return navigation.isSameDocument === true;
}
