/**
 * Events that stay in main (never forwarded to a window): what other main-process features react
 * to, e.g. host notifications telling reception that a deny-listed person tried the kiosk.
 * Subscribe with `services.mainEvents.on('denyListHit', …)`.
 */

/** A registration matched the deny list. No numbers: names, reasons, entry ids. */
export interface DenyListHitEvent {
  at: string;
  station: string;
  channel: 'reception' | 'kiosk';
  /** The name the visitor gave. */
  visitorName: string;
  entries: { id: string; name: string; reason: string }[];
  /** blocked: nothing was sent to K30; overridden: an administrator let the registration go ahead. */
  outcome: 'blocked' | 'overridden';
  /** The visit the override let through. */
  visitId?: string;
}

export interface MainEventMap {
  denyListHit: DenyListHitEvent;
}

export class MainEvents {
  private readonly listeners = new Map<keyof MainEventMap, Set<(payload: never) => void>>();

  constructor(private readonly onError: (error: unknown, event: string) => void = () => {}) {}

  on<K extends keyof MainEventMap>(name: K, listener: (payload: MainEventMap[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** A listener that throws never stops a registration. */
  emit<K extends keyof MainEventMap>(name: K, payload: MainEventMap[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as (payload: MainEventMap[K]) => void)(payload);
      } catch (error) {
        this.onError(error, name);
      }
    }
  }
}
