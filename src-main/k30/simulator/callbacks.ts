import { sealCallback, type ResolvedCredentials } from '../protocol';

export interface CallbackDelivery {
  method: string;
  url: string;
  data: unknown;
  /** 1 for the first post, 2… for resends of the same message. */
  attempt: number;
  /** HTTP status of the receiver's answer, or undefined when the post failed. */
  status?: number;
  /** Whether the answer was an acknowledgement the server accepts (see `isAcknowledgement`). */
  acknowledged: boolean;
  error?: string;
  at: string;
}

export interface CallbackPosterOptions {
  /** How many times an unacknowledged message is sent again (default 2). */
  resends?: number;
  /** Wait before each resend (default 200 ms, then 1 s; the last value repeats). */
  resendDelaysMs?: readonly number[];
}

const TIMEOUT_MS = 3000;
const LOG_SIZE = 200;

/**
 * What counts as "received" for the server. The K30 document does not say; the closest vendor
 * platform requires `{"code":"1",…}` (HTTP 200) and resends otherwise, so the simulator does too:
 * a receiver answering only `resultcode` keeps getting the same message (PROTOCOL.md "Callbacks").
 */
export function isAcknowledgement(status: number | undefined, text: string): boolean {
  if (status !== 200) return false;
  try {
    const body = JSON.parse(text) as { code?: unknown } | null;
    return String(body?.code ?? '') === '1';
  } catch {
    return false;
  }
}

/**
 * Posts K30 callbacks (`authstatus`, `UploadRecord`) to the third-party URL, in the background:
 * each post has a short timeout; a message that is not acknowledged is sent again, unchanged (same
 * timestamp and sign), a bounded number of times. `idle()` lets tests wait.
 */
export class CallbackPoster {
  url: string | undefined;
  readonly log: CallbackDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly resends: number;
  private readonly delays: readonly number[];

  constructor(
    private readonly credentials: ResolvedCredentials,
    private readonly now: () => Date,
    url?: string,
    options: CallbackPosterOptions = {},
  ) {
    this.url = url || undefined;
    this.resends = options.resends ?? 2;
    this.delays = options.resendDelaysMs?.length ? options.resendDelaysMs : [200, 1000];
  }

  post(method: string, data: unknown): void {
    const url = this.url;
    if (!url) return;
    const body = JSON.stringify(sealCallback(this.credentials, method, data, this.now()));
    const task = this.deliver(url, method, data, body).finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Resolves when every callback posted so far has been acknowledged or given up on. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled(this.pending);
  }

  private async deliver(url: string, method: string, data: unknown, body: string): Promise<void> {
    for (let attempt = 1; attempt <= this.resends + 1; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, this.delays[Math.min(attempt - 2, this.delays.length - 1)]));
      const delivery: CallbackDelivery = { method, url, data, attempt, acknowledged: false, at: this.now().toISOString() };
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
        delivery.status = res.status;
        delivery.acknowledged = isAcknowledgement(res.status, await res.text().catch(() => ''));
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
      this.log.push(delivery);
      if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
      if (delivery.acknowledged) return;
    }
  }
}
