/**
 * Builds `window.kiosk` from two transports: Electron IPC in the preload, HTTP in the browser
 * harness. No Electron import here. One method per contract call and `on` for events; nothing else.
 */
import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName } from './channels';
import type { KioskApi, Result } from './contract';

export type Invoke = (name: CallName, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

const KNOWN_EVENTS = new Set<string>(EVENT_NAMES);

function transportFailure(): Result<never> {
  return { ok: false, error: { code: 'internal', message: 'the call did not reach the app' } };
}

export function createKioskApi(invoke: Invoke, subscribe: Subscribe): KioskApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    api[name] = async (input?: unknown): Promise<Result<unknown>> => {
      try {
        const result = await invoke(name, input);
        return result && typeof result === 'object' && typeof (result as { ok?: unknown }).ok === 'boolean' ? result : transportFailure();
      } catch {
        // Calls never throw: a broken transport is an error Result like any other.
        return transportFailure();
      }
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!KNOWN_EVENTS.has(event)) throw new TypeError(`unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let active = true;
    const unsubscribe = subscribe(event, (payload) => {
      if (active) listener(payload);
    });
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
    };
  };
  return Object.freeze(api) as unknown as KioskApi;
}
