import { K30TransportError } from './errors';

/**
 * Capped exponential backoff with full jitter, and the rule of what may be retried:
 * - read calls (list/get): any transport failure, and HTTP 5xx;
 * - any call, state-changing ones included: only 'refused' (the request provably never arrived).
 * A state-changing call that timed out or broke after sending is never retried: its outcome is
 * unknown and the caller must say so. Server refusals (resultcode "0") and protocol errors are
 * never retried.
 */

export interface RetryPolicy {
  /** Total attempts, the first included (≥ 1). */
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 200, capMs: 5000 };

export function retryPolicy(options: Partial<RetryPolicy> = {}): RetryPolicy {
  const pick = (value: number | undefined, fallback: number, min: number) => (value === undefined || !Number.isFinite(value) ? fallback : Math.max(min, value));
  return {
    attempts: Math.floor(pick(options.attempts, DEFAULT_RETRY.attempts, 1)),
    baseMs: pick(options.baseMs, DEFAULT_RETRY.baseMs, 0),
    capMs: pick(options.capMs, DEFAULT_RETRY.capMs, 0),
  };
}

/** The ceiling of the sleep after failed attempt `retry` (0 for the first retry): min(cap, base·2^retry). */
export function backoffCeiling(retry: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** retry);
}

/** Full jitter: uniformly random in [0, ceiling). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number = Math.random): number {
  return random() * backoffCeiling(retry, policy);
}

export function isRetryable(error: unknown, readOnly: boolean): boolean {
  if (!(error instanceof K30TransportError)) return false;
  if (error.failure === 'refused') return true;
  if (!readOnly) return false;
  if (error.failure === 'http-status') return (error.status ?? 0) >= 500;
  return true;
}

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each sleep, e.g. to log. */
  onRetry?: (error: unknown, retry: number, delayMs: number) => void;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(attempt: () => Promise<T>, readOnly: boolean, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? realSleep;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry + 1 >= policy.attempts || !isRetryable(error, readOnly)) throw error;
      const delay = backoffDelay(retry, policy, hooks.random);
      hooks.onRetry?.(error, retry, delay);
      await sleep(delay);
    }
  }
}
