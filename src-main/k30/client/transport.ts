import { describeError } from '../protocol/describe-error';
import { startDeadline } from './deadline';
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

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || (signal.aborted && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError');
}

export function classifyFetchError(error: unknown, signal: AbortSignal, phase: 'connect' | 'body'): TransportFailure {
  if (isTimeout(error, signal)) return 'timeout';
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

export async function postJson(fetchImpl: typeof fetch, url: string, body: string, timeoutMs: number, call: string, maxAnswerBytes?: number): Promise<HttpAnswer> {
  const maxBytes = maxAnswerBytes !== undefined && maxAnswerBytes > 0 ? maxAnswerBytes : DEFAULT_MAX_ANSWER_BYTES;
  const deadline = startDeadline(timeoutMs);
  const { signal } = deadline;
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body,
        signal,
      });
    } catch (error) {
      const failure = classifyFetchError(error, signal, 'connect');
      throw new K30TransportError(`${call}: ${failureDetail(failure, error, timeoutMs)}`, failure, call);
    }
    if (response.status !== 200) {
      // Drain so the connection can be reused; the body is not needed.
      await response.body?.cancel().catch(() => undefined);
      throw new K30TransportError(`${call}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, 'http-status', call, response.status);
    }
    try {
      return { status: response.status, text: await readCapped(response, maxBytes, call) };
    } catch (error) {
      if (error instanceof K30ProtocolError) throw error;
      const failure = classifyFetchError(error, signal, 'body');
      throw new K30TransportError(`${call}: ${failureDetail(failure, error, timeoutMs)}`, failure, call);
    }
  } finally {
    deadline.clear();
  }
}

/** The body as UTF-8 text, refused (and the rest not read) once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, call: string): Promise<string> {
  const tooLarge = () => new K30ProtocolError(`${call}: the answer is larger than ${maxBytes} bytes`, 'too-large', call);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
