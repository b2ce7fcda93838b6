/**
 * The one contract between the renderer and the main process: every call the renderer may make,
 * every event it may receive, with runtime schemas. Main validates every argument against these
 * schemas (types are not validation); the preload exposes exactly these calls as `window.kiosk`;
 * the renderer's type is derived from here. Channel names live in channels.ts (all the preload
 * imports, checked against this file at compile time).
 *
 * This file is imported by main, preload and renderer, so it may import nothing but zod, channels.ts
 * and its own parts: visit-schemas.ts, the visit half of this contract, photo-schemas.ts (the photo
 * checks), and contract-rules.ts, the limits, codes and checks the schemas enforce (no zod: the
 * renderer's first screen imports it alone); all are re-exported here.
 */
import { z } from 'zod';
import { issueCode, LIMITS, VALIDATION_CODES } from './contract-rules';
import { adminCalls, DenyHitSchema } from './admin-schemas';
import { PhotoRulesSchema } from './photo-schemas';
import { KioskLookupSchema, KioskReturningSchema, ProfileIdInputSchema, ProfileSummarySchema, ReturningLookupSchema, ReturningOfferSchema, ReturningPrefillSchema } from './profile-schemas';
import { NotificationSettingsPatchSchema, NotificationSettingsSchema, NotificationTestSchema, SignOutByCodeResultSchema, VisitCodeInputSchema } from './notify-schemas';
import { PrinterSchema, PrintSlipResultSchema, SlipPaperSchema, SlipSettingsPatchSchema, SlipSettingsSchema } from './slip-schemas';
import { MusterPhonesSchema, MusterSchema, RegionNodeSchema, RegionPeoplePageSchema, RegionPeopleQuerySchema, RollCallSchema, RollCallSourceSchema } from './presence-schemas';
import { AppStatusSchema, DiskProblemSchema, RegistrationSchema, SweepResultSchema, VisitIdSchema, VisitSchema, VisitStateSchema } from './visit-schemas';
import { frontDeskCalls } from './frontdesk-schemas';
import { retakeCalls } from './retake-schemas';

export * from './contract-rules';
export * from './photo-schemas';
export * from './identity-rules';
export * from './profile-schemas';
export * from './notify-schemas';
export * from './slip-schemas';
export * from './admin-schemas';

// ---------------------------------------------------------------------------------------------
// Shared shapes

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const whole = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

/** The messages of our own schema checks, as codes (see contract-rules.ts). */
export const ValidationCodeSchema = z.enum(VALIDATION_CODES);

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const PhotoEncodingSchema = z.enum(['data-url', 'bare']);
export const ResponseSignPolicySchema = z.enum(['off', 'warn', 'strict']);

/** How well the stored secrets are protected on this machine (Electron safeStorage's backend). */
export const SecretProtectionSchema = z.enum(['os', 'basic_text', 'unavailable']);
export type SecretProtection = z.infer<typeof SecretProtectionSchema>;

/**
 * What signs our requests: the app secret (企业编码), the company number because an administrator
 * said so explicitly (it travels in clear in every request), or nothing yet (registration paused).
 * 'hidden' is what a self-service kiosk is told: nothing about the connection.
 */
export const SecretSourceSchema = z.enum(['app-secret', 'company-number', 'missing', 'hidden']);
export type SecretSource = z.infer<typeof SecretSourceSchema>;

export const LedgerModeSchema = z.enum(['file', 'postgres']);
export type LedgerMode = z.infer<typeof LedgerModeSchema>;
/** TLS to the site database: off, on with the server's certificate checked, on without checking it. */
export const SiteTlsSchema = z.enum(['off', 'verify', 'no-verify']);

/** Site mode as the renderer may know it: whether the secrets are set, never their values. */
export const PublicSiteSettingsSchema = z.object({
  ledgerMode: LedgerModeSchema,
  siteDatabaseTls: SiteTlsSchema,
  stationName: z.string(),
  siteDatabaseUrlSet: z.boolean(),
  siteKeySet: z.boolean(),
});

/** Result of "test site database connection"; failures are codes the renderer translates. */
export const SiteDatabaseTestSchema = z.object({
  ok: z.boolean(),
  failure: z.enum(['not-configured', 'unreachable', 'refused', 'schema-too-new']).optional(),
  schemaVersion: z.number().int().optional(),
});
export type SiteDatabaseTest = z.infer<typeof SiteDatabaseTestSchema>;

/** What the renderer may know of settings: never a secret, only whether each one is set. */
export const PublicSettingsSchema = z.object({
  configured: z.boolean(),
  demo: z.boolean(),
  server: z.string(),
  companyno: z.string(),
  profile: z.string(),
  /** The crypto profile names main knows (main owns the list), for the settings form's select. */
  profiles: z.array(z.string()),
  photoEncoding: PhotoEncodingSchema,
  responseSignPolicy: ResponseSignPolicySchema,
  secretsSet: z.object({ appSecret: z.boolean(), aesKey: z.boolean(), aesIv: z.boolean() }),
  secretProtection: SecretProtectionSchema,
  /** The company number may sign requests (an explicit, permanently warned choice). */
  useCompanyNoAsSecret: z.boolean(),
  secretSource: SecretSourceSchema,
  /** A server is set but no app secret (and no explicit company-number choice): nothing is registered. */
  registrationPaused: z.boolean(),
  defaultDeviceNos: z.array(z.string()),
  defaultVisitMinutes: z.number().int(),
  /** The longest visit main registers (reception too). */
  maxVisitHours: z.number().int(),
  photoMaxKB: z.number().int(),
  /** What the face check wants of a photo (README "Photo rules"). */
  photoRules: PhotoRulesSchema,
  language: LanguageSchema,
  selfServiceMode: z.boolean(),
  selfServiceIdleSeconds: z.number().int(),
  selfServiceRegistrationsPerMinute: z.number().int(),
  /** Start the app at OS login (unattended kiosk); the webcam chosen here ('' = the default one). */
  startAtLogin: z.boolean(),
  cameraId: z.string(),
  adminPinSet: z.boolean(),
  callbackAddress: z.string(),
  retentionDays: z.number().int(),
  profileRetentionDays: z.number().int(),
  profilePhotoDays: z.number().int(),
  /** A host-notification channel is set: the kiosk says "we are letting your host know", else "please wait at reception". */
  hostNotificationConfigured: z.boolean(),
  /** This PC's name at the desk (header, audit log); '' until an administrator names it. */
  stationName: z.string(),
  /** Staff give their PIN before acting (off: the station acts). */
  staffSignIn: z.boolean(),
  auditRetentionDays: z.number().int(),
  /** Who is responsible for visitors' data (the kiosk's consent names it); '' = not set. */
  companyName: z.string(),
  site: PublicSiteSettingsSchema.optional(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

/**
 * A change to settings. Secrets are write-only: absent = keep, '' = clear (the AES key and IV
 * then fall back to the app secret), anything else = replace. The admin PIN is changed through its own call.
 */
export const SettingsPatchSchema = z
  .object({
    server: z.union([z.literal(''), z.string().trim().url().max(200).regex(/^https?:\/\//i, issueCode('http-url'))]),
    companyno: text(LIMITS.companyno),
    appSecret: text(128),
    aesKey: text(64),
    aesIv: text(64),
    useCompanyNoAsSecret: z.boolean(),
    profile: required(40),
    photoEncoding: PhotoEncodingSchema,
    responseSignPolicy: ResponseSignPolicySchema,
    defaultDeviceNos: z.array(required(32)).max(200),
    defaultVisitMinutes: whole(LIMITS.defaultVisitMinutes),
    maxVisitHours: whole(LIMITS.maxVisitHours),
    photoMaxKB: whole(LIMITS.photoMaxKB),
    photoRules: PhotoRulesSchema,
    language: LanguageSchema,
    selfServiceMode: z.boolean(),
    selfServiceIdleSeconds: whole(LIMITS.selfServiceIdleSeconds),
    selfServiceRegistrationsPerMinute: whole(LIMITS.selfServiceRegistrationsPerMinute),
    startAtLogin: z.boolean(),
    cameraId: text(256),
    callbackAddress: z.union([z.literal(''), z.string().trim().regex(/^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):\d{1,5}$/i, issueCode('host-port'))]),
    retentionDays: whole(LIMITS.retentionDays),
    profileRetentionDays: whole(LIMITS.profileRetentionDays),
    profilePhotoDays: whole(LIMITS.profilePhotoDays),
    stationName: text(LIMITS.stationName),
    staffSignIn: z.boolean(),
    auditRetentionDays: whole(LIMITS.auditRetentionDays),
    companyName: text(LIMITS.companyName),
    /** Site mode: the visit ledger in a PostgreSQL database shared by the site's stations (applies at restart). */
    ledgerMode: LedgerModeSchema,
    /** Write-only secrets: the site database's connection URL (with its password) and the site key. */
    siteDatabaseUrl: z.union([z.literal(''), z.string().trim().max(500).regex(/^postgres(ql)?:\/\//i, issueCode('postgres-url'))]),
    siteKey: text(128),
    siteDatabaseTls: SiteTlsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const PinSchema = z.string().regex(new RegExp(`^\\d{${LIMITS.pinDigits.min},${LIMITS.pinDigits.max}}$`), issueCode('pin-format'));

/** Which part of a connection test failed; the renderer names each in the user's language. */
export const ConnectionFailureSchema = z.enum(['unreachable', 'timeout', 'http-status', 'bad-signature', 'undecryptable', 'not-json', 'server', 'not-configured', 'app-secret-required', 'answers-unverified', 'internal']);
export type ConnectionFailure = z.infer<typeof ConnectionFailureSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  failure: ConnectionFailureSchema.optional(),
  /**
   * Whether this server's answers verify (signature and timestamp), when it answered at all. When
   * they do not, the default policy ('strict') cannot work with it: the installer may choose 'warn'.
   */
  answersVerified: z.boolean().optional(),
  /** The server's own message, or what went wrong; never a secret. */
  message: z.string(),
  profile: z.string(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const ProfileSearchSchema = z.object({
  found: z.string().optional(),
  tried: z.array(z.object({ profile: z.string(), ok: z.boolean(), failure: ConnectionFailureSchema.optional() })),
});
export type ProfileSearch = z.infer<typeof ProfileSearchSchema>;

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
export const RendererErrorSchema = z.object({ source: z.enum(['boundary', 'uncaught', 'window']), message: z.string().max(500), stack: z.string().max(4000).optional() }).strict();
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
  verifyAdminPin: { input: z.object({ pin: z.string().max(16) }).strict(), output: z.boolean() },
  setAdminPin: { input: z.object({ current: z.string().max(16).optional(), next: PinSchema.or(z.literal('')) }).strict(), output: PublicSettingsSchema },
  testConnection: { input: none, output: ConnectionTestSchema },
  testSiteDatabase: { input: none, output: SiteDatabaseTestSchema },
  findCryptoProfile: { input: none, output: ProfileSearchSchema },

  searchHosts: { input: z.object({ query: required(50) }).strict(), output: z.array(HostSchema) },
  listDevices: { input: none, output: z.array(DeviceSchema) },
  /** `pin`: who is acting, when staff sign-in is on (asked for every door opened). */
  openDoor: { input: z.object({ deviceNo: required(32), pin: z.string().max(16).optional() }).strict(), output: z.literal(true) },

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
  leaveSelfServiceMode: { input: z.object({ pin: z.string().max(16) }).strict(), output: PublicSettingsSchema },

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
  [K in CallName]: undefined extends CallInput<K> ? (input?: CallInput<K>) => Promise<Result<CallOutput<K>>> : (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
} & {
  /** Subscribe to a main-process event; returns the unsubscribe function. */
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export { callChannel, eventChannel } from './channels';
export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
