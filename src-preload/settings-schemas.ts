/**
 * Settings, the connection test and the site-mode settings: the settings half of the one
 * contract (re-exported by contract.ts). What the renderer may know of settings never includes a
 * secret, only whether each one is set.
 */
import { z } from 'zod';
import { issueCode, LIMITS, VALIDATION_CODES } from './contract-rules';
import { PhotoRulesSchema } from './photo-schemas';
import { required, text, whole } from './schema-parts';

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

export type SiteTls = z.infer<typeof SiteTlsSchema>;

/**
 * Site mode as the renderer may know it: whether the secrets are set, never their values. The
 * station's name on the site is PublicSettings.stationName (one name: header, audit, lease owner).
 */
export const PublicSiteSettingsSchema = z.object({
  ledgerMode: LedgerModeSchema,
  siteDatabaseTls: SiteTlsSchema,
  siteDatabaseUrlSet: z.boolean(),
  siteKeySet: z.boolean(),
});

/** Result of "test site database connection"; failures are codes the renderer translates. */
export const SiteDatabaseFailureSchema = z.enum(['not-configured', 'unreachable', 'refused', 'schema-too-new']);
export type SiteDatabaseFailure = z.infer<typeof SiteDatabaseFailureSchema>;
export const SiteDatabaseTestSchema = z.object({
  ok: z.boolean(),
  failure: SiteDatabaseFailureSchema.optional(),
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
  /** This PC's name at the desk (header, audit log, the site ledger's lease owner); '' until an administrator names it (main then uses the computer's name). */
  stationName: z.string(),
  /** Staff give their PIN before acting (off: the station acts). */
  staffSignIn: z.boolean(),
  auditRetentionDays: z.number().int(),
  /** Who is responsible for visitors' data (the kiosk's consent names it); '' = not set. */
  companyName: z.string(),
  site: PublicSiteSettingsSchema,
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

/**
 * A change to settings. Secrets are write-only: absent = keep, '' = clear (the AES key and IV
 * then fall back to the app secret), anything else = replace. The admin PIN is changed through its own call.
 */
export const SettingsPatchSchema = z
  .object({
    server: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .url()
        .max(200)
        .regex(/^https?:\/\//i, issueCode('http-url')),
    ]),
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
    callbackAddress: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):\d{1,5}$/i, issueCode('host-port')),
    ]),
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
    siteDatabaseUrl: z.union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(500)
        .regex(/^postgres(ql)?:\/\//i, issueCode('postgres-url')),
    ]),
    siteKey: text(128),
    siteDatabaseTls: SiteTlsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const PinSchema = z.string().regex(new RegExp(`^\\d{${LIMITS.pinDigits.min},${LIMITS.pinDigits.max}}$`), issueCode('pin-format'));

/** Which part of a connection test failed; the renderer names each in the user's language. */
export const ConnectionFailureSchema = z.enum([
  'unreachable',
  'timeout',
  'http-status',
  'bad-signature',
  'undecryptable',
  'not-json',
  'server',
  'not-configured',
  'app-secret-required',
  'answers-unverified',
  'internal',
]);
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
