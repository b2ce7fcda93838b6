import type { RendererError } from '../../../src-preload/contract';
import { call } from '../api';

/**
 * A renderer error as main's log gets it: message and stack only (never props, state or form
 * values), cut to the contract's limits, with anything that looks like personal data masked in case
 * an error message quoted an input (ID and phone numbers, e-mail addresses).
 */
export function describeRendererError(source: RendererError['source'], error: unknown): RendererError {
  const err = error instanceof Error ? error : undefined;
  const message = mask(err ? `${err.name}: ${err.message}` : String(error)).slice(0, 500);
  const stack = err?.stack ? mask(err.stack).slice(0, 4000) : undefined;
  return stack ? { source, message, stack } : { source, message };
}

function mask(text: string): string {
  return text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>').replace(/\d{6,}[\dXx]?/g, '<number>');
}

/** Sends it to main (best effort: a failed report must not fail anything else). */
export function reportRendererError(source: RendererError['source'], error: unknown): void {
  void call('reportRendererError', describeRendererError(source, error)).catch(() => {});
}
