import type { Result } from '../../src-preload/contract';

/** The value of an ok result; anything else fails the test with the error it carries. */
export function ok<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** 'ok', or the error's code: one assertion says how a call ended. */
export const code = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);
