import { sealCallback, type ResolvedCredentials } from '../protocol';

export interface CallbackDelivery {
  method: string;
  url: string;
  data: unknown;
  /** HTTP status of the receiver's answer, or undefined when the post failed. */
  status?: number;
  error?: string;
  at: string;
}

const TIMEOUT_MS = 3000;
const LOG_SIZE = 200;

/**
 * Posts K30 callbacks (`authstatus`, `UploadRecord`) to the third-party URL, fire and forget:
 * each post has a short timeout and a failure is only logged. `idle()` lets tests wait.
 */
export class CallbackPoster {
  url: string | undefined;
  readonly log: CallbackDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly credentials: ResolvedCredentials,
    private readonly now: () => Date,
    url?: string,
  ) {
    this.url = url || undefined;
  }

  post(method: string, data: unknown): void {
    const url = this.url;
    if (!url) return;
    const body = JSON.stringify(sealCallback(this.credentials, method, data, this.now()));
    const delivery: CallbackDelivery = { method, url, data, at: this.now().toISOString() };
    const task = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(async (res) => {
        delivery.status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      })
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.pending.delete(task);
        this.log.push(delivery);
        if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
      });
    this.pending.add(task);
  }

  /** Resolves when every callback posted so far has been delivered or has failed. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
