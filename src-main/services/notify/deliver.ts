import type { ChannelTarget, NotificationMessage, Verdict } from './platforms';
import { judgeAnswer, platformRequest } from './platforms';

/** Longest a platform may take to answer one message. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** What is read of an answer (platforms answer a few dozen bytes). */
const MAX_ANSWER_CHARS = 16_384;

/**
 * Sends one message and judges the answer. A connection that fails or a timeout is worth another
 * try later; what the platform said is judged by judgeAnswer. Never throws, and never puts the
 * address (a credential) into what it returns.
 */
export async function deliver(
  target: ChannelTarget,
  message: NotificationMessage,
  now: Date,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<Verdict & { status?: number }> {
  const request = platformRequest(target, message, now);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal, redirect: 'manual' });
    const text = (await response.text()).slice(0, MAX_ANSWER_CHARS);
    return { ...judgeAnswer(target.kind, response.status, text), status: response.status };
  } catch (error) {
    const name = (error as Error)?.name;
    return { outcome: 'retry', reason: name === 'TimeoutError' || name === 'AbortError' || signal.aborted ? 'timeout' : 'unreachable' };
  }
}
