/**
 * Browser harness shim (dev/test only): gives the renderer the same `window.kiosk` the preload
 * gives it in Electron, built by the same `createKioskApi`, but carried over loopback HTTP:
 * calls are `POST /__kiosk/call/<name>` (JSON body → JSON Result), events arrive over one
 * Server-Sent Events stream at `/__kiosk/events`. Bundled as a classic (IIFE) script by the
 * harness and loaded before the app's module script.
 */
import { createKioskApi } from '../../src-preload/kiosk-api';
import type { CallName, EventName, KioskApi, Result } from '../../src-preload/contract';

async function invoke(name: CallName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/__kiosk/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // No body means `undefined` input (calls without arguments); JSON has no `undefined`.
      body: input === undefined ? undefined : JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `harness not reachable: ${String(error)}` } };
  }
}

let source: EventSource | undefined;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  source ??= new EventSource('/__kiosk/events');
  let set = listeners.get(event);
  if (!set) {
    const created = new Set<(payload: unknown) => void>();
    listeners.set(event, (set = created));
    source.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as unknown as { data: string }).data);
      } catch {
        return;
      }
      for (const each of [...created]) each(payload);
    });
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

(globalThis as unknown as { kiosk: KioskApi }).kiosk = createKioskApi(invoke, subscribe);
