import type { CallInput, CallName, CallOutput, EventName, EventPayload, KioskApi, Result } from '../../src-preload/contract';

/**
 * The renderer's only door to main: a thin wrapper over `window.kiosk` that always resolves to a
 * Result (even if the bridge is missing or misbehaves). Only store actions call this.
 */
type Args<K extends CallName> = undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];
type AnyCall<K extends CallName> = (input?: CallInput<K>) => Promise<Result<CallOutput<K>>>;

/** `window.kiosk` (read through globalThis so this module also loads in unit tests without a DOM). */
const bridge = (): Partial<KioskApi> | undefined => (globalThis as { kiosk?: Partial<KioskApi> }).kiosk;

/**
 * Asks who is acting when main answers 'staff-required' (staff sign-in is on): resolves to the PIN
 * given (after signing in with it, except for calls that take the PIN themselves), or null when
 * cancelled. Registered by the app shell (staff/WhoIsActingDialog); none in unit tests.
 */
export type StaffPrompt = (name: CallName) => Promise<string | null>;
let staffPrompt: StaffPrompt | undefined;

/** Calls whose PIN is given with the call itself, every time (main checks it there and then). */
export const PIN_WITH_CALL: ReadonlySet<CallName> = new Set<CallName>(['openDoor']);

export function setStaffPrompt(prompt: StaffPrompt): () => void {
  staffPrompt = prompt;
  return () => {
    if (staffPrompt === prompt) staffPrompt = undefined;
  };
}

/** A call; when main wants to know who is acting, asks once and sends it again. */
export async function call<K extends CallName>(name: K, ...args: Args<K>): Promise<Result<CallOutput<K>>> {
  const first = await callOnce(name, args[0]);
  if (first.ok || first.error.code !== 'staff-required' || !staffPrompt) return first;
  const pin = await staffPrompt(name);
  if (pin === null) return first;
  const input = PIN_WITH_CALL.has(name) ? ({ ...(args[0] as object), pin } as CallInput<K>) : args[0];
  return callOnce(name, input);
}

async function callOnce<K extends CallName>(name: K, input: CallInput<K> | undefined): Promise<Result<CallOutput<K>>> {
  const args = [input] as const;
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
