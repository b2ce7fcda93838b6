import { startDeadline } from '../../k30/client/deadline';
import { AppError } from '../app-error';

/**
 * K30 serves person photos by URL. The renderer's CSP allows no remote images, so main fetches
 * them and hands back `data:` URLs. Only from the configured K30 server: otherwise this would be a
 * way for the renderer to make main fetch anything on the network.
 */
export interface PhotoProxyDeps {
  /** The K30 server's base URL (the simulator's in demo mode); undefined when none is set. */
  server: () => string | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  cacheEntries?: number;
  fetch?: typeof fetch;
}

export class PhotoProxy {
  private readonly cache = new Map<string, string>();
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly cacheEntries: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: PhotoProxyDeps) {
    this.timeoutMs = deps.timeoutMs ?? 8_000;
    this.maxBytes = deps.maxBytes ?? 1024 * 1024;
    this.cacheEntries = deps.cacheEntries ?? 200;
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  async getPhoto(url: string): Promise<string> {
    const target = this.allowed(url);
    const cached = this.cache.get(target.href);
    if (cached !== undefined) {
      // Least recently used goes first: re-insert on every hit.
      this.cache.delete(target.href);
      this.cache.set(target.href, cached);
      return cached;
    }
    const dataUrl = await this.download(target);
    this.cache.set(target.href, dataUrl);
    while (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
    return dataUrl;
  }

  clearCache(): void {
    this.cache.clear();
  }

  private allowed(url: string): URL {
    const server = this.deps.server();
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new AppError('invalid-input', 'not a URL', 'url');
    }
    if (!server || (target.protocol !== 'http:' && target.protocol !== 'https:') || target.origin !== new URL(server).origin) {
      throw new AppError('not-allowed', 'photos are fetched only from the K30 server');
    }
    return target;
  }

  private async download(target: URL): Promise<string> {
    // Held for the whole download, body included: a bare AbortSignal.timeout() may be collected
    // while the body is read, and its timer with it.
    const deadline = startDeadline(this.timeoutMs);
    try {
      let res: Response;
      try {
        // No redirects: a redirect could lead off the K30 server.
        res = await this.fetch(target, { redirect: 'error', signal: deadline.signal });
      } catch (error) {
        if (timedOut(error)) throw new AppError('timeout', 'the photo did not arrive in time');
        throw new AppError('unreachable', 'the photo could not be fetched');
      }
      try {
        if (res.status === 404) throw new AppError('not-found', 'no such photo');
        if (!res.ok) throw new AppError('http-status', `HTTP ${res.status}`);
        const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (!/^image\/[a-z0-9.+-]+$/.test(type) || type === 'image/svg+xml') throw new AppError('not-allowed', 'not an image');
        const declared = Number(res.headers.get('content-length'));
        if (declared > this.maxBytes) throw new AppError('photo-too-large', 'the photo is too large');
        const bytes = await this.readCapped(res);
        return `data:${type};base64,${bytes.toString('base64')}`;
      } finally {
        await res.body?.cancel().catch(() => {});
      }
    } finally {
      deadline.clear();
    }
  }

  private async readCapped(res: Response): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    if (!reader) return Buffer.alloc(0);
    for (;;) {
      let part: Awaited<ReturnType<typeof reader.read>>;
      try {
        part = await reader.read();
      } catch (error) {
        throw new AppError(timedOut(error) ? 'timeout' : 'unreachable', 'the photo could not be read');
      }
      if (part.done) break;
      size += part.value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel().catch(() => {});
        throw new AppError('photo-too-large', 'the photo is too large');
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks);
  }
}

/** Our deadline passed (AbortSignal.timeout), whichever of its two names the error carries. */
function timedOut(error: unknown): boolean {
  const name = error instanceof Error ? error.name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}
