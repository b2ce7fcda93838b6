/**
 * The one contract between the renderer and the main process: every call the renderer may make,
 * every event it may receive, with runtime schemas. Main validates every argument against these
 * schemas (types are not validation); the preload exposes exactly these calls as `window.kiosk`;
 * the renderer's type is derived from here. Channel names live in channels.ts (all the preload
 * imports, checked against this file at compile time).
 *
 * This file is imported by main, preload and renderer, so it may import nothing but zod, channels.ts
 * and its own parts: visit-schemas.ts, the visit half of this contract, settings-schemas.ts, photo-schemas.ts (the photo
 * checks), and contract-rules.ts, the limits, codes and checks the schemas enforce (no zod: the
 * renderer's first screen imports it alone); all are re-exported here.
 */
import { z } from 'zod';
import { enteredPin, required, text } from './schema-parts';
import { ConnectionTestSchema, PinSchema, ProfileSearchSchema, PublicSettingsSchema, SettingsPatchSchema, SiteDatabaseTestSchema } from './settings-schemas';
import { adminCalls, DenyHitSchema } from './admin-schemas';
import {
  KioskLookupSchema,
  KioskReturningSchema,
  ProfileIdInputSchema,
  ProfileSummarySchema,
  ReturningLookupSchema,
  ReturningOfferSchema,
  ReturningPrefillSchema,
} from './profile-schemas';
import {
  NotificationSettingsPatchSchema,
  NotificationSettingsSchema,
  NotificationTestSchema,
  SignOutByCodeResultSchema,
  VisitCodeInputSchema,
} from './notify-schemas';
import { PrinterSchema, PrintSlipResultSchema, SlipPaperSchema, SlipSettingsPatchSchema, SlipSettingsSchema } from './slip-schemas';
import {
  MusterPhonesSchema,
  MusterSchema,
  RegionNodeSchema,
  RegionPeoplePageSchema,
  RegionPeopleQuerySchema,
  RollCallSchema,
  RollCallSourceSchema,
} from './presence-schemas';
import { AppStatusSchema, DiskProblemSchema, RegistrationSchema, SweepResultSchema, VisitIdSchema, VisitSchema, VisitStateSchema } from './visit-schemas';
import { frontDeskCalls } from './frontdesk-schemas';
import { retakeCalls } from './retake-schemas';

export * from './contract-rules';
export * from './settings-schemas';
export * from './photo-schemas';
export * from './identity-rules';
export * from './profile-schemas';
export * from './notify-schemas';
export * from './slip-schemas';
export * from './admin-schemas';

// ---------------------------------------------------------------------------------------------
// Shared shapes

export const HostSchema = z.object({
  no: z.string(),
  name: z.string(),
  deptname: z.string(),
  /** Only the last four digits: enough to tell two people of the same name apart. */
  phoneTail: z.string(),
});
export type Host = z.infer<typeof HostSchema>;

export const DeviceSchema = z.object({
  no: z.string(),
  name: z.string(),
  area: z.string(),
  regionname: z.string(),
  direction: z.enum(['in', 'out']),
  online: z.boolean(),
});
export type Device = z.infer<typeof DeviceSchema>;

// ---------------------------------------------------------------------------------------------
// Visits (their schemas live in visit-schemas.ts, part of this contract)

export * from './visit-schemas';
export * from './frontdesk-schemas';
export * from './retake-schemas';

export * from './presence-schemas';

// ---------------------------------------------------------------------------------------------
// Results and errors

/** Error codes the renderer translates; `message` is detail (e.g. the server's own text). */
export const ErrorCodeSchema = z.enum([
  'invalid-input',
  'not-configured',
  'unreachable',
  'timeout',
  'outcome-unknown',
  'http-status',
  'bad-signature',
  'undecryptable',
  'server-refused',
  'device-offline',
  'rate-limited',
  'not-found',
  'not-allowed',
  'pin-required',
  'wrong-pin',
  'photo-too-large',
  /** K30 acted, but this PC could not save it yet (held in memory, retried): see k30No and disk. */
  'not-saved',
  /** This PC could not save a change; nothing was sent to K30. */
  'disk-error',
  /** A server is set but no app secret: registration is paused until Settings says how to sign. */
  'app-secret-required',
  /** The visit is longer than the configured maximum. */
  'visit-too-long',
  /**
   * Reception: the same document or phone already has an active or upcoming visit (its id in
   * `visitId`). Open it, extend it (register with replacesVisitId, then end it) or register anyway.
   */
  'duplicate-visit',
  /** This self-service kiosk registered its per-minute maximum. */
  'too-many-registrations',
  /** Staff sign-in is on: a member of staff must give their PIN before this. */
  'staff-required',
  /** The visitor matched the deny list (reception sees why; see denyList). */
  'deny-listed',
  /** What a self-service kiosk is told instead of why: the visitor should see reception. */
  'see-reception',
  /** The deny list cannot be checked (its key cannot be opened): nobody is registered meanwhile. */
  'deny-list-unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const KioskErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** The input field at fault, for invalid-input (a dotted path). */
  field: z.string().optional(),
  /** The visit the failure belongs to, once it is recorded (a registration that failed or whose outcome is unknown). */
  visitId: z.string().optional(),
  /** For 'not-saved': the K30 visitor number, and the state K30 is in for the visit. */
  k30No: z.string().optional(),
  k30State: VisitStateSchema.optional(),
  /** For 'not-saved' and 'disk-error'. */
  disk: DiskProblemSchema.optional(),
  /** For 'deny-listed' (reception only): the matching entries, without numbers. */
  denyList: DenyHitSchema.optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;

/** What the renderer's error boundary reports (no personal data: no props, state or input values). */
export const RendererErrorSchema = z
  .object({ source: z.enum(['boundary', 'uncaught', 'window']), message: z.string().max(500), stack: z.string().max(4000).optional() })
  .strict();
export type RendererError = z.infer<typeof RendererErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

// ---------------------------------------------------------------------------------------------
// The calls. Each: input schema (what main validates) and output schema (what it promises).

const none = z.undefined();

export const calls = {
  getSettings: { input: none, output: PublicSettingsSchema },
  getStatus: { input: none, output: AppStatusSchema },
  saveSettings: { input: SettingsPatchSchema, output: PublicSettingsSchema },
  /** Admin-only areas: true when no PIN is set or the PIN matches. */
  verifyAdminPin: { input: z.object({ pin: enteredPin() }).strict(), output: z.boolean() },
  setAdminPin: { input: z.object({ current: enteredPin().optional(), next: PinSchema.or(z.literal('')) }).strict(), output: PublicSettingsSchema },
  testConnection: { input: none, output: ConnectionTestSchema },
  testSiteDatabase: { input: none, output: SiteDatabaseTestSchema },
  findCryptoProfile: { input: none, output: ProfileSearchSchema },

  searchHosts: { input: z.object({ query: required(50) }).strict(), output: z.array(HostSchema) },
  listDevices: { input: none, output: z.array(DeviceSchema) },
  /** `pin`: who is acting, when staff sign-in is on (asked for every door opened). */
  openDoor: { input: z.object({ deviceNo: required(32), pin: enteredPin().optional() }).strict(), output: z.literal(true) },

  registerVisit: { input: RegistrationSchema, output: VisitSchema },
  /** Push again to the devices that failed (or to the given ones). */
  repushVisit: { input: z.object({ visitId: z.string().min(1).max(64), deviceNos: z.array(required(32)).max(100).optional() }).strict(), output: VisitSchema },
  /**
   * Staff decided: a create whose outcome is unknown is registered again (never done on our own).
   * The first may have arrived, so K30 may then hold a duplicate: staff must have been told.
   */
  retryRegistration: { input: z.object({ visitId: z.string().min(1).max(64), duplicateRiskAccepted: z.literal(true) }).strict(), output: VisitSchema },
  /**
   * Staff decided to give a visit up: one whose outcome is unknown becomes 'abandoned' (an unpushed
   * visitor may remain on K30, for the K30 admin); one still in 'intent' becomes 'cancelled'.
   */
  cancelVisit: { input: VisitIdSchema, output: VisitSchema },
  listVisits: { input: none, output: z.array(VisitSchema) },

  /** Reception: a phone or document number typed that a remembered (consenting) visitor has. */
  findReturningVisitor: { input: ReturningLookupSchema, output: ReturningOfferSchema.nullable() },
  /** Reception: the remembered details one tap fills in (photo only if consented and young enough). */
  useReturningVisitor: { input: ProfileIdInputSchema, output: ReturningPrefillSchema },
  /** Kiosk: the visitor's own full phone and last 4 of their document; only their name and last host. */
  findMyProfile: { input: KioskLookupSchema, output: KioskReturningSchema.nullable() },
  /** Settings (admin): remembered visitors by name or full number. */
  searchVisitorProfiles: { input: z.object({ query: text(50) }).strict(), output: z.array(ProfileSummarySchema) },
  /** Settings (admin): "forget this visitor" (PIPL Art. 47): profile and photo deleted now. */
  forgetVisitor: { input: ProfileIdInputSchema, output: z.literal(true) },
  removeVisit: { input: VisitIdSchema, output: VisitSchema },
  /** Sign out (签离): the visit ends now and is removed from K30 and the doors (the removal path). */
  signOutVisit: { input: VisitIdSchema, output: VisitSchema },
  /** The kiosk's "I'm leaving": by the visit code only (wrong codes reveal nothing and are rate-limited). */
  signOutByCode: { input: VisitCodeInputSchema, output: SignOutByCodeResultSchema },
  removeExpired: { input: none, output: SweepResultSchema },

  listRegions: { input: none, output: z.object({ regions: z.array(RegionNodeSchema), fetchedAt: z.string() }) },
  listRegionPeople: { input: RegionPeopleQuerySchema, output: RegionPeoplePageSchema },
  /** The evacuation muster: everyone once, with region path, door, host and phone. */
  getMuster: { input: z.object({ scope: required(50), phones: MusterPhonesSchema }).strict(), output: MusterSchema },
  /** The muster kept at the last presence refresh, for when K30 is unreachable; null if none was kept. */
  getLastMuster: { input: z.object({ scope: required(50), phones: MusterPhonesSchema }).strict(), output: MusterSchema.nullable() },
  /** Starts an evacuation roll call (replacing one under way) on the live or the last kept muster. */
  startRollCall: { input: z.object({ scope: required(50), source: RollCallSourceSchema, phones: MusterPhonesSchema }).strict(), output: RollCallSchema },
  getRollCall: { input: z.object({ phones: MusterPhonesSchema }).strict(), output: RollCallSchema.nullable() },
  /** Marks one person safe (or not); answers who is safe, once that is on disk. */
  markRollCall: { input: z.object({ no: required(64), safe: z.boolean() }).strict(), output: RollCallSchema.shape.safe },
  endRollCall: { input: none, output: z.literal(true) },
  /** A K30-hosted photo, fetched by main (size-capped, cached) so the CSP stays closed. */
  getPhoto: { input: z.object({ url: z.string().url().max(500) }).strict(), output: z.string() },

  /** The self-service kiosk is back at its welcome screen: events of earlier visitors stop. */
  resetSelfServiceSession: { input: none, output: z.literal(true) },
  /** Leave self-service kiosk mode. */
  leaveSelfServiceMode: { input: z.object({ pin: enteredPin() }).strict(), output: PublicSettingsSchema },

  /** Host notification channels and routes: addresses and secrets only as "set" or not. */
  getNotificationSettings: { input: none, output: NotificationSettingsSchema },
  /** Admin only: addresses and secrets are write-only (absent = keep, '' = clear). */
  saveNotificationSettings: { input: NotificationSettingsPatchSchema, output: NotificationSettingsSchema },
  /** Admin only: sends a test message through one channel now. */
  testNotification: { input: z.object({ channelId: z.string().min(1).max(32) }).strict(), output: NotificationTestSchema },

  /** The visitor slip's settings (company name, logo, paper, auto-print, printer). */
  getSlipSettings: { input: none, output: SlipSettingsSchema },
  /** Admin only. */
  saveSlipSettings: { input: SlipSettingsPatchSchema, output: SlipSettingsSchema },
  /** The printers installed on this PC (none outside Electron). */
  listPrinters: { input: none, output: z.array(PrinterSchema) },
  /** Print the slip the page shows: main picks the printer and page size (a test page is a slip too). */
  printSlip: { input: z.object({ paper: SlipPaperSchema.optional() }).strict(), output: PrintSlipResultSchema },

  /** A renderer crash for main's log (message and stack only). */
  reportRendererError: { input: RendererErrorSchema, output: z.literal(true) },
  /** The packaged app's DevTools, for the administrator only (admin PIN session); false if unavailable. */
  openDevTools: { input: none, output: z.boolean() },

  ...adminCalls,
  /** Expected visits and the visit log (frontdesk-schemas.ts). */
  ...frontDeskCalls,
  ...retakeCalls,
} as const;

export type CallName = keyof typeof calls;
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<(typeof calls)[K]['output']>;

export const events = {
  /** A visit changed (registration progress, a device confirmation, a removal). */
  visitUpdated: VisitSchema,
  /** A visitor registered here passed a door (from an UploadRecord callback). */
  visitorPassed: z.object({ visitId: z.string(), deviceNo: z.string(), deviceName: z.string(), direction: z.enum(['in', 'out']), at: z.string() }),
  settingsChanged: PublicSettingsSchema,
  /** getStatus changed: the ledger became (un)writable, a K30 fact was held or saved. */
  statusChanged: AppStatusSchema,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The renderer's API: `window.kiosk`. Calls never throw; they resolve to a Result. */
export type KioskApi = {
  [K in CallName]: undefined extends CallInput<K>
    ? (input?: CallInput<K>) => Promise<Result<CallOutput<K>>>
    : (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
} & {
  /** Subscribe to a main-process event; returns the unsubscribe function. */
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export { callChannel, eventChannel } from './channels';
export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
