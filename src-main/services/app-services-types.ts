/**
 * What the composition root (app-services.ts) is given and what it hands out: the Electron glue,
 * the browser harness and tests see the services through these.
 */
import type { EventName, EventPayload } from '../../src-preload/contract';
import type { ApiHandlers } from './api-types';
import type { AuditLog } from './audit/audit-log';
import type { VisitorProfiles } from './personal-data/visitor-profiles';
import type { DenyList } from './deny-list/deny-list';
import type { EventBus } from './event-bus';
import type { IdentityService } from './identity/identity-service';
import type { MainEvents } from './main-events';
import type { HostNotifier } from './notify/host-notifier';
import type { NotificationSettingsStore } from './notify/notification-settings';
import type { MatchKeys } from './personal-data/match-key';
import type { KeyValueStore, Logger, SecretBox } from './ports';
import type { SettingsService } from './settings/settings-service';
import type { SlipPrinter } from './slip/slip-service';
import type { VisitLedger } from './visits/ledger';
import type { LedgerDisk } from './visits/ledger-disk';

export interface AppServicesOptions {
  /** Where the visit ledger lives (Electron: app.getPath('userData')). */
  dataDir: string;
  store: KeyValueStore;
  secretBox: SecretBox;
  log: Logger;
  onSelfServiceModeChange?: (on: boolean) => void;
  /** Electron glue: DevTools for the administrator of a packaged app. */
  openDevTools?: () => boolean;
  sweepIntervalMs?: number;
  now?: () => Date;
  /** The ledger's file operations (tests: a disk that fails). */
  disk?: LedgerDisk;
  /** How often K30 results not yet on disk are written again. */
  unsavedRetryMs?: number;
  /** How long after a failed resume it is tried again. */
  resumeRetryMs?: number;
  /** Electron glue: the slip printer (absent under Node and in the browser harness: the page prints itself). */
  slipPrinter?: SlipPrinter;
  /** Tests: the notification queue's backoff, or run by hand. */
  notificationQueue?: { backoff?: { firstMs: number; maxMs: number; attempts: number }; manual?: boolean; timeoutMs?: number };
  /** Test-only: the demo simulator also serves its control plane (`/__sim/`). Never in a packaged app. */
  demoControlPlane?: boolean;
  /** How often audit days past their retention are dropped (default hourly). */
  auditPurgeMs?: number;
}

export interface AppServices {
  handlers: ApiHandlers;
  settings: SettingsService;
  /** Host notification channels (their addresses and secrets sealed). */
  notifications: NotificationSettingsStore;
  notifier: HostNotifier;
  /** Keyed hashes for matching people (returning visitors, duplicates, deny list) without their numbers. */
  matchKeys: MatchKeys;
  events: EventBus;
  /** Main-only events other features subscribe to (e.g. `denyListHit` for notifying reception). */
  mainEvents: MainEvents;
  /** Who is acting: the station, staff members, roles. */
  identity: IdentityService;
  /** `audit.record(...)` / `audit.note(...)` for every feature's actions (actions: AuditActionSchema). */
  audit: AuditLog;
  denyList: DenyList;
  /** Remembered visitors (this station's files, or the site's in site mode). */
  profiles: VisitorProfiles;
  /**
   * The services' events as a window may receive them (SelfServiceSession decides; in kiosk mode
   * only the current visitor's). The Electron glue and the harness forward these, never `events`.
   */
  onWindowEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  ledger: VisitLedger;
  /** Set while the built-in simulator stands in for a K30 server. */
  readonly demo?: { url: string };
  /** Where K30 callbacks are received, when the receiver is on. */
  readonly callbackUrl?: string;
  /** Start-up work that talks to the server (resumed pushes, the first sweep): done or failed. */
  ready: Promise<void>;
  close(): Promise<void>;
}
