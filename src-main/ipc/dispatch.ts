import { ZodError } from 'zod';
import { CALL_NAMES, calls, type CallName, type KioskError, type Result } from '../../src-preload/contract';
import type { ApiHandlers } from '../services/api-types';
import { describeError } from '../k30/protocol';
import { toKioskError } from './errors';

export type { ApiHandlers };

const KNOWN = new Set<string>(CALL_NAMES);

function invalidInput(error: ZodError): KioskError {
  const issue = error.issues[0];
  return { code: 'invalid-input', field: issue?.path.join('.') || undefined, message: issue?.message ?? 'invalid input' };
}

export interface DispatcherOptions {
  /**
   * Check every answer against the call's output schema (development and tests): an answer
   * outside the contract is logged and turned into an 'internal' error, so a test sees it fail.
   * Default: on unless NODE_ENV is 'production'; the packaged app turns it off.
   */
  checkOutputs?: boolean;
}

/** Where and how an answer leaves its output schema, for the log (paths and zod's words only, no values). */
function outputMismatch(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one way into the services, for Electron IPC and the browser harness alike: the call name
 * must be in the contract, the input must match its schema, and whatever happens the answer is a
 * Result (an error never escapes to crash main or leak a stack to the renderer).
 */
export function createDispatcher(handlers: ApiHandlers, log: (line: string) => void = () => {}, options: DispatcherOptions = {}) {
  const checkOutputs = options.checkOutputs ?? process.env.NODE_ENV !== 'production';
  return async function dispatch(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!KNOWN.has(name)) return { ok: false, error: { code: 'not-allowed', message: 'unknown call' } };
    try {
      // Parsing sits inside the try: a hostile input (a throwing getter) must not escape either.
      const parsed = calls[name as CallName].input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
      const handler = handlers[name as CallName] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (checkOutputs) {
        const checked = calls[name as CallName].output.safeParse(value);
        if (!checked.success) {
          log(`call ${name} answered outside its contract: ${outputMismatch(checked.error)}`);
          return { ok: false, error: { code: 'internal', message: 'internal error' } };
        }
      }
      return { ok: true, value };
    } catch (error) {
      const kioskError = toKioskError(error);
      if (kioskError.code === 'internal') log(`call ${name} failed: ${describeError(error, { stack: true })}`);
      return { ok: false, error: kioskError };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
