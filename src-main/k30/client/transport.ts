import { describeError } from '../protocol/describe-error';
import { startCallDeadline, type CallDeadline } from './call-deadlines';
import { K30ProtocolError, K30TransportError, type TransportFailure } from './errors';

/**
 * One HTTP POST of a JSON body with a per-call timeout, and the classification of what went wrong:
 * 'refused' only when the request provably never left (connection refused, name or host not
 * found, connect timeout); 'timeout' when our deadline passed; 'reset' for anything that broke
 * after the connection was made (the server may have acted); 'http-status' for a status other
 * than 200. An answer larger than `maxBytes` is not read to the end: no K30 answer is that big, and
 * a server (or something posing as one) must not be able to fill our memory.
 */

/** Default cap on one answer's size: a page of 100 people with inline photos stays well below. */
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Error codes that mean no connection was ever established, so nothing was sent. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** Every `code` found on an error, its `cause` chain and AggregateError members. */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const codes = typeof e.code === 'string' ? [e.code] : [];
  if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...errorCodes(inner, depth + 1));
  if (e.cause !== undefined) codes.push(...errorCodes(e.cause, depth + 1));
  return codes;
}

/** undici refuses some URLs before connecting (e.g. "bad port"): nothing was sent. */
function refusedLocally(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  return cause?.message === 'bad port';
}

/** `timedOut`: our deadline passed (the error is then whatever the cut-off connection threw). */
export function classifyFetchError(error: unknown, timedOut: boolean, phase: 'connect' | 'body'): TransportFailure {
  if (timedOut || (error as { name?: unknown } | null)?.name === 'TimeoutError') return 'timeout';
  if (phase === 'connect') {
    const codes = errorCodes(error);
    if (codes.length > 0 && codes.every((code) => NOT_SENT.has(code))) return 'refused';
    if (codes.length === 0 && refusedLocally(error)) return 'refused';
  }
  return 'reset';
}

/** What broke, for the error's message: the socket error codes, else the cause's words. */
function failureDetail(failure: TransportFailure, error: unknown, timeoutMs: number): string {
  if (failure === 'timeout') return `no answer within ${timeoutMs} ms`;
  const codes = [...new Set(errorCodes(error))];
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  const detail = codes.length > 0 ? codes.join('/') : typeof cause === 'string' ? cause : describeError(error);
  return failure === 'refused' ? `cannot connect (${detail})` : `connection broken (${detail})`;
}

/**
 * How long after a timeout a transport keeps giving fetch an AbortSignal. Normally it gives none:
 * in Node an AbortSignal on fetch costs more than the rest of our checks together (a controller,
 * undici's listener, a WeakRef and a finaliser per call). Without one, a call still times out on
 * time (its deadline, call-deadlines.ts), and a slow body is cut off by cancelling the reader, which closes the
 * connection; only a request still waiting for its headers cannot be cut off, so it is left to
 * finish on its own (its answer, if any, is thrown away). Once a server has been that slow, the
 * next calls carry a signal, so a hung server never holds more than the calls in flight then.
 */
export const ABORTABLE_AFTER_TIMEOUT_MS = 5 * 60_000;

export interface TransportOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Cap on one answer's size (default DEFAULT_MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
  /** Monotonic milliseconds; default performance.now. */
  now?: () => number;
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };
const ignore = () => undefined;

export class HttpTransport {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  /** Until when calls carry an AbortSignal (see ABORTABLE_AFTER_TIMEOUT_MS). */
  private abortableUntil = -Infinity;

  constructor(options: TransportOptions) {
    this.fetchImpl = options.fetch;
    this.timeoutMs = options.timeoutMs;
    this.maxBytes = options.maxAnswerBytes !== undefined && options.maxAnswerBytes > 0 ? options.maxAnswerBytes : DEFAULT_MAX_ANSWER_BYTES;
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether the next call carries an AbortSignal (tests, diagnostics). */
  get abortable(): boolean {
    return this.now() < this.abortableUntil;
  }

  /** POSTs a JSON body; the answer's text, or a K30TransportError / K30ProtocolError ('too-large'). */
  async post(url: string, body: string, call: string): Promise<HttpAnswer> {
    const deadline = startCallDeadline(this.timeoutMs);
    try {
      const response = await this.send(url, body, call, deadline);
      if (response.status !== 200) {
        // Drain so the connection can be reused; the body is not needed.
        await response.body?.cancel().catch(ignore);
        throw new K30TransportError(
          `${call}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          'http-status',
          call,
          response.status,
        );
      }
      try {
        return { status: response.status, text: await readCapped(response, this.maxBytes, call, deadline) };
      } catch (error) {
        if (error instanceof K30ProtocolError) throw error;
        throw this.failed(error, deadline, 'body', call);
      }
    } finally {
      deadline.clear();
    }
  }

  /** Up to the answer's headers: the fetch, raced against the deadline. */
  private async send(url: string, body: string, call: string, deadline: CallDeadline): Promise<Response> {
    const controller = this.abortable ? new AbortController() : undefined;
    let request: Promise<Response>;
    try {
      request = this.fetchImpl(url, { method: 'POST', headers: HEADERS, body, signal: controller?.signal });
    } catch (error) {
      throw this.failed(error, deadline, 'connect', call);
    }
    try {
      return await new Promise<Response>((resolve, reject) => {
        deadline.onExpire = () => {
          controller?.abort(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError'));
          reject(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError'));
        };
        request.then(resolve, reject);
      });
    } catch (error) {
      // Not cut off (no signal): whatever answer comes later is thrown away, its connection freed.
      if (deadline.expired && !controller) request.then((late) => late.body?.cancel().catch(ignore), ignore);
      throw this.failed(error, deadline, 'connect', call);
    }
  }

  private failed(error: unknown, deadline: CallDeadline, phase: 'connect' | 'body', call: string): K30TransportError {
    const failure = classifyFetchError(error, deadline.expired, phase);
    if (failure === 'timeout') this.abortableUntil = this.now() + ABORTABLE_AFTER_TIMEOUT_MS;
    return new K30TransportError(`${call}: ${failureDetail(failure, error, this.timeoutMs)}`, failure, call);
  }
}

function tooLarge(call: string, maxBytes: number): K30ProtocolError {
  return new K30ProtocolError(`${call}: the answer is larger than ${maxBytes} bytes`, 'too-large', call);
}

/**
 * The body as UTF-8 text, refused (and the rest not read) once it passes `maxBytes`. When the
 * deadline passes meanwhile, the reader is cancelled (which closes the connection) and the read
 * ends as a timeout.
 */
async function readCapped(response: Response, maxBytes: number, call: string, deadline: CallDeadline): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(ignore);
    throw tooLarge(call, maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  deadline.onExpire = () => void reader.cancel().catch(ignore);
  if (deadline.expired) deadline.onExpire();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (deadline.expired) throw new DOMException('the deadline passed while reading', 'TimeoutError');
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(ignore);
      throw tooLarge(call, maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1
    ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength).toString('utf8')
    : Buffer.concat(chunks).toString('utf8');
}
