import type { AppStatus, EventName, EventPayload, PublicSettings } from '../../src-preload/contract';

/**
 * What a self-service kiosk may be told of the settings: nothing about the connection (no server,
 * company number, profile, secrets or callback address: with the company number a page could sign
 * requests). What it needs to register a visitor stays.
 */
export function selfServiceSettingsView(settings: PublicSettings): PublicSettings {
  return {
    ...settings,
    configured: false,
    demo: false,
    server: '',
    companyno: '',
    profile: '',
    profiles: [],
    photoEncoding: 'data-url',
    responseSignPolicy: 'strict',
    secretsSet: { appSecret: false, aesKey: false, aesIv: false },
    useCompanyNoAsSecret: false,
    secretSource: 'hidden',
    callbackAddress: '',
  };
}

/**
 * What a self-service kiosk may be told of the app's status: whether the ledger can be written,
 * but no visitor's name (unsaved K30 results) and no file path (ledger problems).
 */
export function selfServiceStatusView(status: AppStatus): AppStatus {
  return { ...status, ledgerProblems: [], unsaved: [] };
}

/**
 * The self-service kiosk's current visitor, as main sees it: the visits the kiosk registered since
 * it last went back to its welcome screen. This is the one rule for what a window in kiosk mode
 * receives of the services' events (the Electron glue and the browser harness both use it): events
 * of those visits only, settings without the connection, nothing else. Outside kiosk mode every
 * event goes through unchanged.
 */
export class SelfServiceSession {
  private readonly owned = new Set<string>();

  constructor(private readonly isSelfServiceMode: () => boolean) {}

  /** Back at the welcome screen (or kiosk mode just turned on): earlier visitors are gone. */
  reset(): void {
    this.owned.clear();
  }

  /** A visit the kiosk registered for its current visitor. */
  claim(visitId: string): void {
    this.owned.add(visitId);
  }

  owns(visitId: string): boolean {
    return this.owned.has(visitId);
  }

  /** The payload the window may receive, or undefined when it must not get this event at all. */
  forWindow<K extends EventName>(name: K, payload: EventPayload<K>): EventPayload<K> | undefined {
    if (!this.isSelfServiceMode()) return payload;
    return this.judge(name, payload);
  }

  private judge(name: EventName, payload: EventPayload<EventName>): EventPayload<EventName> | undefined {
    switch (name) {
      case 'visitUpdated':
        return this.owns((payload as EventPayload<'visitUpdated'>).id) ? payload : undefined;
      case 'visitorPassed':
        return this.owns((payload as EventPayload<'visitorPassed'>).visitId) ? payload : undefined;
      case 'settingsChanged':
        return selfServiceSettingsView(payload as EventPayload<'settingsChanged'>);
      default:
        // An event nobody has judged yet is not for a kiosk.
        return undefined;
    }
  }
}
