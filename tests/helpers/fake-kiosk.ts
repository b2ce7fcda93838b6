import type { EventName, EventPayload, KioskApi } from '../../src-preload/contract';

type Calls = Partial<Record<keyof KioskApi, unknown>>;

/**
 * A stand-in `window.kiosk` for renderer store tests (the renderer reads it through globalThis):
 * the calls a test gives, and `emit` for main's events. Install it before a store first calls out.
 */
export function installFakeKiosk(calls: Calls): { emit<K extends EventName>(event: K, payload: EventPayload<K>): void } {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const kiosk = {
    ...calls,
    on: (event: string, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  (globalThis as unknown as { kiosk: unknown }).kiosk = kiosk;
  return {
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => (listener as (p: typeof payload) => void)(payload)),
  };
}
