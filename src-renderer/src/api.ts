import type { CallInput, CallName, CallOutput, EventName, EventPayload, KioskApi, Result } from '../../src-preload/contract';

/**
 * The renderer's only door to main: a thin wrapper over `window.kiosk` that always resolves to a
 * Result (even if the bridge is missing or misbehaves). Only store actions call this.
 */
type Args<K extends CallName> = undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];
type AnyCall<K extends CallName> = (input?: CallInput<K>) => Promise<Result<CallOutput<K>>>;

/** `window.kiosk` (read through globalThis so this module also loads in unit tests without a DOM). */
const bridge = (): Partial<KioskApi> | undefined => (globalThis as { kiosk?: Partial<KioskApi> }).kiosk;

export async function call<K extends CallName>(name: K, ...args: Args<K>): Promise<Result<CallOutput<K>>> {
  const fn = bridge()?.[name] as AnyCall<K> | undefined;
  if (typeof fn !== 'function') return { ok: false, error: { code: 'internal', message: 'window.kiosk is not available' } };
  try {
    const result = await fn(args[0]);
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { code: 'internal', message: 'malformed answer' } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Subscribe to a main-process event; returns the unsubscribe function (a no-op without a bridge). */
export function on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
  const kiosk = bridge();
  if (!kiosk || typeof kiosk.on !== 'function') return () => {};
  return kiosk.on(event, listener);
}
