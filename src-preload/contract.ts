/**
 * The one contract between the renderer and the main process: every call the renderer may make,
 * every event it may receive, with runtime schemas. Main validates every argument against these
 * schemas (types are not validation); the preload exposes exactly these calls as `window.kiosk`;
 * the renderer's type is derived from here. Channel strings are made here and nowhere else.
 *
 * This file is imported by main, preload and renderer, so it may import nothing but zod.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Shared shapes

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const PhotoEncodingSchema = z.enum(['data-url', 'bare']);
export const ResponseSignPolicySchema = z.enum(['off', 'warn', 'strict']);

/** How well the stored secrets are protected on this machine (Electron safeStorage's backend). */
export const SecretProtectionSchema = z.enum(['os', 'basic_text', 'unavailable']);
export type SecretProtection = z.infer<typeof SecretProtectionSchema>;

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
  defaultDeviceNos: z.array(z.string()),
  defaultVisitMinutes: z.number().int(),
  photoMaxKB: z.number().int(),
  language: LanguageSchema,
  selfServiceMode: z.boolean(),
  selfServiceIdleSeconds: z.number().int(),
  adminPinSet: z.boolean(),
  callbackAddress: z.string(),
  retentionDays: z.number().int(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

/**
 * A change to settings. Secrets are write-only: absent = keep, '' = clear (fall back to the
 * company code), anything else = replace. The admin PIN is changed through its own call.
 */
export const SettingsPatchSchema = z
  .object({
    server: z.union([z.literal(''), z.string().trim().url().max(200).regex(/^https?:\/\//i, 'http or https')]),
    companyno: text(32),
    appSecret: text(128),
    aesKey: text(64),
    aesIv: text(64),
    profile: required(40),
    photoEncoding: PhotoEncodingSchema,
    responseSignPolicy: ResponseSignPolicySchema,
    defaultDeviceNos: z.array(required(32)).max(200),
    defaultVisitMinutes: z.number().int().min(5).max(60 * 24 * 30),
    photoMaxKB: z.number().int().min(20).max(2048),
    language: LanguageSchema,
    selfServiceMode: z.boolean(),
    selfServiceIdleSeconds: z.number().int().min(15).max(3600),
    callbackAddress: z.union([z.literal(''), z.string().trim().regex(/^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):\d{1,5}$/i, 'host:port')]),
    retentionDays: z.number().int().min(1).max(365),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const PinSchema = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** unreachable | timeout | http-status | bad-signature | undecryptable | not-json | server | not-configured | answers-unverified */
  failure: z.string().optional(),
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
  tried: z.array(z.object({ profile: z.string(), ok: z.boolean(), failure: z.string().optional() })),
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
// Visits

export const DocumentTypeSchema = z.enum(['id-card', 'passport', 'hk-macau-permit', 'taiwan-permit', 'other']);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** Mainland mobile numbers: 11 digits starting with 1. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** The ISO 7064 MOD 11-2 check digit of a resident ID's first 17 digits. */
export function chineseIdCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11];
}

/** The 18-digit resident ID: its check digit, and a birth date that exists and has passed. */
export function isValidChineseId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (chineseIdCheckDigit(id) !== id[17].toUpperCase()) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(y, m - 1, d);
  return y >= 1900 && birth.getFullYear() === y && birth.getMonth() === m - 1 && birth.getDate() === d && birth.getTime() <= Date.now();
}

/** Photo: bare Base64 of a JPEG, at most 2 MB of text (the renderer fits it far smaller). */
export const PhotoSchema = z
  .string()
  .max(2_800_000)
  .regex(/^\/9j\/[A-Za-z0-9+/]+={0,2}$/, 'a Base64 JPEG');

export const RegistrationSchema = z
  .object({
    name: required(50),
    phone: z.string().trim().regex(MOBILE_PATTERN, 'mobile'),
    documentType: DocumentTypeSchema,
    documentNo: required(50),
    carno: text(50).optional(),
    reason: text(50).optional(),
    hostNo: required(50),
    hostName: text(50),
    begin: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }),
    photo: PhotoSchema,
    deviceNos: z.array(required(32)).min(1).max(100),
    /** Where it was registered: reception desk or the self-service kiosk. */
    channel: z.enum(['reception', 'kiosk']),
    /** Self-service: the visitor's consent to the data and, separately, to the face photo. */
    consent: z.object({ data: z.literal(true), photo: z.literal(true) }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.documentType === 'id-card' && !isValidChineseId(v.documentNo)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['documentNo'], message: 'id-checksum' });
    }
    if (Date.parse(v.end) <= Date.parse(v.begin)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: 'end-before-begin' });
    }
    if (new Set(v.deviceNos).size !== v.deviceNos.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['deviceNos'], message: 'duplicate' });
    }
  });
export type Registration = z.infer<typeof RegistrationSchema>;

export const VisitStateSchema = z.enum([
  /** Written before visitor/Create: if the app dies here, the visit is found on restart. */
  'intent',
  /** visitor/Create was sent but no answer came: it may or may not exist on the server. */
  'create-unknown',
  /** The server refused the registration; nothing exists there. */
  'create-failed',
  /** Created (with or without a K30 number); pushes to devices follow. */
  'created',
  /** Created, but the server returned no visitor number: it cannot be pushed or deleted by us. */
  'created-without-no',
  /** Pushed to devices (each device has its own state). */
  'pushed',
  /** The visit has ended and visitor/Delete has not yet succeeded. */
  'removal-pending',
  /** Proven removed from the server. */
  'removed',
  /** Abandoned by staff before it existed on the server. */
  'cancelled',
  /**
   * Staff gave up a registration whose outcome was unknown. K30 may hold an unpushed visitor for
   * it (no number known here, and K30 has no visitor look-up): listed for the K30 admin to clean up.
   */
  'abandoned',
]);
export type VisitState = z.infer<typeof VisitStateSchema>;

export const DeviceSyncStateSchema = z.enum(['waiting', 'pushed', 'confirmed', 'failed']);

export const VisitSchema = z.object({
  id: z.string(),
  state: VisitStateSchema,
  k30No: z.string().optional(),
  channel: z.enum(['reception', 'kiosk']),
  visitor: z.object({
    name: z.string(),
    phoneMasked: z.string(),
    documentType: DocumentTypeSchema,
    documentMasked: z.string(),
    carno: z.string(),
    reason: z.string(),
  }),
  host: z.object({ no: z.string(), name: z.string() }),
  begin: z.string(),
  end: z.string(),
  devices: z.array(
    z.object({ no: z.string(), state: DeviceSyncStateSchema, message: z.string().optional(), at: z.string().optional() }),
  ),
  removal: z
    .object({ attempts: z.number().int(), lastError: z.string().optional(), nextAttemptAt: z.string().optional(), removedAt: z.string().optional() })
    .optional(),
  /** Last error of a registration step, for the screen to explain. */
  lastError: z.string().optional(),
  history: z.array(z.object({ at: z.string(), event: z.string(), detail: z.string().optional() })),
  createdAt: z.string(),
  /** Whether the photo is still kept locally (only while a retry may need it). */
  photoKept: z.boolean(),
  lastPassAt: z.string().optional(),
});
export type Visit = z.infer<typeof VisitSchema>;

export const VisitIdSchema = z.object({ visitId: z.string().min(1).max(64) }).strict();

export const SweepResultSchema = z.object({ removed: z.number().int(), pending: z.number().int(), failed: z.array(z.string()) });
export type SweepResult = z.infer<typeof SweepResultSchema>;

/** Problems the app found on its own and must not hide, e.g. a corrupt visit ledger set aside. */
export const AppStatusSchema = z.object({
  ledgerProblems: z.array(
    z.object({
      kind: z.enum(['corrupt', 'invalid-records']),
      /** Where the damaged file was copied to, for an administrator to recover from. */
      setAside: z.string(),
      at: z.string(),
    }),
  ),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Security view

export const RegionNodeSchema = z.object({
  no: z.string(),
  name: z.string(),
  parentno: z.string(),
  inside: z.number().int(),
});
export type RegionNode = z.infer<typeof RegionNodeSchema>;

export const RegionPersonSchema = z.object({
  no: z.string(),
  name: z.string(),
  deptname: z.string(),
  phoneTail: z.string(),
  photoUrl: z.string(),
  deviceno: z.string(),
  entertime: z.string(),
  /** Set when this kiosk registered the person as a visitor. */
  visitId: z.string().optional(),
  /** A visitor still inside after their visit ended. */
  overstay: z.boolean(),
});
export type RegionPerson = z.infer<typeof RegionPersonSchema>;

export const RegionPeopleQuerySchema = z
  .object({ regionNo: required(50), pageindex: z.number().int().min(1), pagesize: z.number().int().min(1).max(200), query: text(50).optional() })
  .strict();

export const RegionPeoplePageSchema = z.object({ total: z.number().int(), rows: z.array(RegionPersonSchema), fetchedAt: z.string() });

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
});
export type KioskError = z.infer<typeof KioskErrorSchema>;

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
  findCryptoProfile: { input: none, output: ProfileSearchSchema },

  searchHosts: { input: z.object({ query: required(50) }).strict(), output: z.array(HostSchema) },
  listDevices: { input: none, output: z.array(DeviceSchema) },
  openDoor: { input: z.object({ deviceNo: required(32) }).strict(), output: z.literal(true) },

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
  removeVisit: { input: VisitIdSchema, output: VisitSchema },
  removeExpired: { input: none, output: SweepResultSchema },

  listRegions: { input: none, output: z.object({ regions: z.array(RegionNodeSchema), fetchedAt: z.string() }) },
  listRegionPeople: { input: RegionPeopleQuerySchema, output: RegionPeoplePageSchema },
  /** A K30-hosted photo, fetched by main (size-capped, cached) so the CSP stays closed. */
  getPhoto: { input: z.object({ url: z.string().url().max(500) }).strict(), output: z.string() },

  /** Leave self-service kiosk mode. */
  leaveSelfServiceMode: { input: z.object({ pin: z.string().max(16) }).strict(), output: PublicSettingsSchema },
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

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The IPC channel of a call or event: the only place channel strings are made. */
export const callChannel = (name: CallName) => `kiosk:call:${name}`;
export const eventChannel = (name: EventName) => `kiosk:event:${name}`;
