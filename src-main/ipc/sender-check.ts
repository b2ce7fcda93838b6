import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the check needs of the frame an IPC message came from (Electron: event.senderFrame). */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/** Where our renderer is loaded from. */
export interface TrustedApp {
  /**
   * Production: our privileged scheme's origin ('app://kiosk'). Development: the dev server's
   * http origin. 'file://' (then `rendererPath` is required) is still understood, not used.
   */
  origin: string;
  /** The directory our renderer's files are in: a file: URL must be under it. */
  rendererPath?: string;
}

/** Our own scheme (app://host): not http(s), not file. Node's URL gives such URLs an origin of 'null'. */
function appSchemeOf(origin: string): { protocol: string; host: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)\/?$/i.exec(origin);
  if (!match || ['http', 'https', 'file'].includes(match[1].toLowerCase())) return undefined;
  return { protocol: `${match[1].toLowerCase()}:`, host: match[2].toLowerCase() };
}

function isFileOrigin(origin: string): boolean {
  return /^file:/i.test(origin);
}

/**
 * True when `url` is one of our renderer's pages: under `rendererPath` for file: URLs (no host,
 * no escape by `..` or an encoded slash), else exactly our http(s) origin. Anything unparsable is
 * not ours. Fails closed: a file: origin without a renderer path accepts nothing.
 */
export function isAppUrl(url: string, trusted: TrustedApp): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = appSchemeOf(trusted.origin);
  if (scheme) return parsed.protocol === scheme.protocol && parsed.host === scheme.host && !parsed.username && !parsed.password && !parsed.port;
  if (isFileOrigin(trusted.origin)) {
    if (parsed.protocol !== 'file:' || parsed.host !== '' || !trusted.rendererPath) return false;
    let path: string;
    try {
      path = fileURLToPath(parsed);
    } catch {
      return false;
    }
    const rel = relative(resolve(trusted.rendererPath), resolve(path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }
  let ours: URL;
  try {
    ours = new URL(trusted.origin);
  } catch {
    return false;
  }
  if (ours.protocol !== 'http:' && ours.protocol !== 'https:') return false;
  return parsed.origin === ours.origin;
}

/** True when an origin string (as Chromium reports it, e.g. in a permission check) is ours. */
export function isAppOrigin(origin: string | undefined, trusted: TrustedApp): boolean {
  if (!origin) return false;
  const scheme = appSchemeOf(trusted.origin);
  if (scheme) return origin === `${scheme.protocol}//${scheme.host}` || origin === `${scheme.protocol}//${scheme.host}/`;
  if (isFileOrigin(trusted.origin)) return origin === 'file://' || origin === 'file:///';
  try {
    const ours = new URL(trusted.origin);
    const given = new URL(origin);
    return (ours.protocol === 'http:' || ours.protocol === 'https:') && given.origin === ours.origin && given.pathname === '/' && !given.search && !given.hash;
  } catch {
    return false;
  }
}

/**
 * Whether an IPC message may be served: only from our main frame showing our own page. A missing
 * frame (navigated away or destroyed), a subframe, a foreign origin, or a file outside the
 * renderer directory are all refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, trusted: TrustedApp): boolean {
  if (!frame || frame.isMainFrame !== true || typeof frame.url !== 'string') return false;
  return isAppUrl(frame.url, trusted);
}
