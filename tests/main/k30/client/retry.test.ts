/** Which failures are retried, and how long the client waits between attempts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { K30ProtocolError, K30ServerError, K30TransportError } from '../../../../src-main/k30/client/errors';
import { backoffCeiling, backoffDelay, isRetryable, retryPolicy, withRetry } from '../../../../src-main/k30/client/retry';

describe('retry', () => {
  const policy = retryPolicy({});

  it('uses the defaults 3 / 200 / 5000', () => {
    expect(policy).toEqual({ attempts: 3, baseMs: 200, capMs: 5000 });
  });

  it('caps exponential growth and jitters fully', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((r) => backoffCeiling(r, policy))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(800);
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = backoffDelay(retry, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1e-9, backoffCeiling(retry, policy)) + 1e-9);
        expect(delay).toBeLessThanOrEqual(5000);
      }),
    );
  });

  it('retries reads on any transport failure and 5xx, writes only when refused', () => {
    const t = (failure: 'refused' | 'timeout' | 'reset' | 'http-status', status?: number) => new K30TransportError('x', failure, 'c', status);
    expect(isRetryable(t('refused'), false)).toBe(true);
    expect(isRetryable(t('timeout'), false)).toBe(false);
    expect(isRetryable(t('reset'), false)).toBe(false);
    expect(isRetryable(t('http-status', 500), false)).toBe(false);
    expect(isRetryable(t('timeout'), true)).toBe(true);
    expect(isRetryable(t('reset'), true)).toBe(true);
    expect(isRetryable(t('http-status', 503), true)).toBe(true);
    expect(isRetryable(t('http-status', 404), true)).toBe(false);
    expect(isRetryable(new K30ServerError('频繁', 'c'), true)).toBe(false);
    expect(isRetryable(new K30ProtocolError('x', 'not-json'), true)).toBe(false);
  });

  it('sleeps between attempts and gives up after the last', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new K30TransportError('x', 'timeout', 'c');
    };
    await expect(withRetry(failing, true, policy, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.999 })).rejects.toThrow(K30TransportError);
    expect(calls).toBe(3);
    expect(sleeps.map(Math.round)).toEqual([200, 400]);
    calls = 0;
    await expect(withRetry(failing, false, policy, { sleep: async () => undefined })).rejects.toThrow(K30TransportError);
    expect(calls).toBe(1);
  });
});
