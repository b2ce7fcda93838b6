import { ZodError } from 'zod';
import { CALL_NAMES, calls, type CallName, type KioskError, type Result } from '../../src-preload/contract';
import type { ApiHandlers } from '../services/api-types';
import { toKioskError } from './errors';

export type { ApiHandlers };

const KNOWN = new Set<string>(CALL_NAMES);

function invalidInput(error: ZodError): KioskError {
  const issue = error.issues[0];
  return { code: 'invalid-input', field: issue?.path.join('.') || undefined, message: issue?.message ?? 'invalid input' };
}

/** Anything thrown, as text; even an object with no prototype or a throwing toString. */
function describe(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/**
 * The one way into the services, for Electron IPC and the browser harness alike: the call name
 * must be in the contract, the input must match its schema, and whatever happens the answer is a
 * Result (an error never escapes to crash main or leak a stack to the renderer).
 */
export function createDispatcher(handlers: ApiHandlers, log: (line: string) => void = () => {}) {
  return async function dispatch(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!KNOWN.has(name)) return { ok: false, error: { code: 'not-allowed', message: 'unknown call' } };
    try {
      // Parsing sits inside the try: a hostile input (a throwing getter) must not escape either.
      const parsed = calls[name as CallName].input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
      const handler = handlers[name as CallName] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const kioskError = toKioskError(error);
      if (kioskError.code === 'internal') log(`call ${name} failed: ${describe(error)}`);
      return { ok: false, error: kioskError };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
