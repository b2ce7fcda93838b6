import type { EventName, EventPayload } from '../../src-preload/contract';

export type EventListener<K extends EventName> = (payload: EventPayload<K>) => void;

/**
 * The services' side of the contract's events. The composition root forwards these to the
 * renderer (IPC) and tests listen directly. Typed by the contract, so a service cannot emit an
 * event the renderer does not know.
 */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** `onError` sees a listener's exception: one bad listener must not break a registration. */
  constructor(private readonly onError: (error: unknown, event: EventName) => void = () => {}) {}

  on<K extends EventName>(name: K, listener: EventListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as EventListener<K>)(payload);
      } catch (error) {
        this.onError(error, name);
      }
    }
  }
}
