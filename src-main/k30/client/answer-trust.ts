import { K30ProtocolError } from './errors';
import { parseK30Timestamp } from '../protocol/timestamp';
import type { K30Logger, ResponseSignPolicy } from './types';

/**
 * Whether an answer may be believed. Which fields K30 signs in its answers is our best reading
 * (the vendor does not say), so the policy is the installer's: 'strict' (the default) refuses an
 * answer that does not verify or is stale, 'warn' logs it, 'off' does not look.
 */

/**
 * How far an answer's timestamp may be from our clock. Wide enough for the drift of two PCs,
 * narrow enough that a captured signed "ok" cannot be replayed later (K30 answers echo nothing of
 * the request, so the timestamp is all that ties an answer to now).
 */
export const DEFAULT_ANSWER_FRESHNESS_MS = 10 * 60_000;

export interface AnswerTrust {
  policy: ResponseSignPolicy;
  freshnessMs: number;
  now: () => Date;
  logger: K30Logger;
}

export function checkAnswerTrust(path: string, answer: { signatureValid: boolean; timestamp: unknown }, trust: AnswerTrust): void {
  if (trust.policy === 'off') return;
  if (!answer.signatureValid) refuse(path, `${path}: the answer's signature does not match`, 'bad-signature', trust);
  const at = parseK30Timestamp(typeof answer.timestamp === 'string' ? answer.timestamp.trim() : undefined);
  const skew = at ? Math.abs(trust.now().getTime() - at.getTime()) : 0;
  if (skew > trust.freshnessMs)
    refuse(path, `${path}: the answer's timestamp is ${Math.round(skew / 1000)} s away from this PC's clock`, 'stale-timestamp', trust);
}

/** Strict: throws; warn: logs and goes on. */
function refuse(path: string, message: string, failure: 'bad-signature' | 'stale-timestamp', trust: AnswerTrust): void {
  if (trust.policy === 'strict') throw new K30ProtocolError(message, failure, path);
  trust.logger.warn(`K30 ${message} (responseSignPolicy warn)`);
}
