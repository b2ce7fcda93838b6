import { describeError } from '../protocol/describe-error';
import type { TransportFailure } from './errors';

/**
 * How a failed POST is classified: 'refused' only when the request provably never left (no
 * connection was made, for a reason that leaves no doubt); 'timeout' when our deadline passed;
 * 'reset' for anything else, above all anything after the connection was made (the server may
 * have acted). A write's outcome is unknown unless the failure is 'refused'.
 */

/** Error codes that mean no connection was made, so nothing was sent (before the socket connected). */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EADDRNOTAVAIL',
  // The connect timed out (the system's, or one of happy eyeballs' attempts): never connected.
  'ETIMEDOUT',
  'ERR_INVALID_URL',
  'ERR_SOCKET_BAD_PORT',
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

/**
 * `timedOut`: our deadline passed (the error is then whatever the cut-off connection threw).
 * `phase`: 'connect' while no connection had been made (a new socket still connecting, or no
 * socket yet); 'sent' once one was (a reused keep-alive socket counts as made).
 */
export function classifyHttpError(error: unknown, timedOut: boolean, phase: 'connect' | 'sent'): TransportFailure {
  if (timedOut) return 'timeout';
  if (phase === 'connect') {
    const codes = errorCodes(error);
    if (codes.length > 0 && codes.every((code) => NOT_SENT.has(code))) return 'refused';
  }
  return 'reset';
}

/** What broke, for the error's message: the socket error codes, else the error's words. */
export function failureDetail(failure: TransportFailure, error: unknown, timeoutMs: number): string {
  if (failure === 'timeout') return `no answer within ${timeoutMs} ms`;
  const codes = [...new Set(errorCodes(error))];
  const detail = codes.length > 0 ? codes.join('/') : describeError(error);
  return failure === 'refused' ? `cannot connect (${detail})` : `connection broken (${detail})`;
}
