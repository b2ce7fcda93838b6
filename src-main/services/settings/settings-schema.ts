import { z } from 'zod';
import { DEFAULT_PHOTO_RULES, SettingsPatchSchema } from '../../../src-preload/contract';
import { DEFAULT_PROFILE, PROFILE_NAMES } from '../../k30/protocol/crypto-profiles';

/**
 * The stored settings: what each non-secret value may be, and its default. Secrets and the admin
 * PIN are not here: they live under their own keys, sealed or hashed (see SettingsService).
 *
 * The rules for a stored value are the contract's rules for a saved one, so a value that could not
 * be saved is not read back either; the profile must also be a known crypto profile.
 */
const patchFields = SettingsPatchSchema.required().shape;

export const ProfileNameSchema = z.string().refine((name) => PROFILE_NAMES.includes(name), { message: `one of ${PROFILE_NAMES.join(', ')}` });

export const settingsFieldSchemas = {
  server: patchFields.server,
  companyno: patchFields.companyno,
  useCompanyNoAsSecret: patchFields.useCompanyNoAsSecret,
  profile: ProfileNameSchema,
  photoEncoding: patchFields.photoEncoding,
  responseSignPolicy: patchFields.responseSignPolicy,
  defaultDeviceNos: patchFields.defaultDeviceNos,
  defaultVisitMinutes: patchFields.defaultVisitMinutes,
  maxVisitHours: patchFields.maxVisitHours,
  photoMaxKB: patchFields.photoMaxKB,
  photoRules: patchFields.photoRules,
  language: patchFields.language,
  selfServiceMode: patchFields.selfServiceMode,
  selfServiceIdleSeconds: patchFields.selfServiceIdleSeconds,
  selfServiceRegistrationsPerMinute: patchFields.selfServiceRegistrationsPerMinute,
  startAtLogin: patchFields.startAtLogin,
  cameraId: patchFields.cameraId,
  callbackAddress: patchFields.callbackAddress,
  retentionDays: patchFields.retentionDays,
  profileRetentionDays: patchFields.profileRetentionDays,
  profilePhotoDays: patchFields.profilePhotoDays,
  stationName: patchFields.stationName,
  staffSignIn: patchFields.staffSignIn,
  auditRetentionDays: patchFields.auditRetentionDays,
  companyName: patchFields.companyName,
  ledgerMode: patchFields.ledgerMode,
  siteDatabaseTls: patchFields.siteDatabaseTls,
} as const;

export const SettingsValuesSchema = z.object(settingsFieldSchemas).strict();

/** The non-secret settings, each always present (a default when unset or unreadable). */
export type SettingsValues = z.output<typeof SettingsValuesSchema>;
export type SettingKey = keyof SettingsValues;
/** The defaults (each array is copied before it is handed out). */
export const SETTINGS_DEFAULTS: Readonly<SettingsValues> = Object.freeze({
  server: '',
  companyno: '',
  // The company number travels in clear in every request: signing with it is an explicit choice.
  useCompanyNoAsSecret: false,
  profile: DEFAULT_PROFILE,
  photoEncoding: 'data-url',
  // Unverified answers never count as success; 'warn' is for a server whose answers do not verify.
  responseSignPolicy: 'strict',
  defaultDeviceNos: [],
  defaultVisitMinutes: 120,
  maxVisitHours: 24,
  photoMaxKB: 200,
  photoRules: DEFAULT_PHOTO_RULES,
  language: 'zh-CN',
  selfServiceMode: false,
  selfServiceIdleSeconds: 60,
  selfServiceRegistrationsPerMinute: 3,
  startAtLogin: false,
  cameraId: '',
  callbackAddress: '',
  retentionDays: 30,
  // Returning visitors (with their consent): 90 days from the last visit; a photo for 30.
  profileRetentionDays: 90,
  profilePhotoDays: 30,
  stationName: '',
  // Off: the station acts, as before; an administrator turns it on once staff have PINs.
  staffSignIn: false,
  auditRetentionDays: 365,
  companyName: '',
  ledgerMode: 'file',
  siteDatabaseTls: 'off',
});

export const SETTING_KEYS = Object.keys(settingsFieldSchemas) as SettingKey[];

/** The secrets: write-only from the renderer, sealed at rest. */
export const SECRET_KEYS = ['appSecret', 'aesKey', 'aesIv', 'siteDatabaseUrl', 'siteKey'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];
/** The secrets that belong to the K30 connection (the others are the site database's). */
export const K30_SECRET_KEYS = ['appSecret', 'aesKey', 'aesIv'] as const;

/** Store keys (flat, no dots: electron-store would read a dot as a path). */
export const storeKeyOfSecret = (key: SecretKey) => `sealed_${key}`;
export const ADMIN_PIN_KEY = 'adminPinHash';
/** Wrong PINs in a row and the lockout they earned: kept on disk so a restart does not end it. */
export const PIN_LOCKOUT_KEY = 'adminPinLockout';

/** The staff members (name, role, scrypt hash of their PIN). */
export const STAFF_KEY = 'staffMembers';

/** What a change notification names: a setting, a secret, or the admin PIN. */
export type ChangedKey = SettingKey | SecretKey | 'adminPin';

/**
 * Reads one stored value tolerantly: unset gives the default; a value that does not fit its schema
 * gives the default too and is reported to `onBad` (by key only: a stored value is never logged).
 */
export function readSetting<K extends SettingKey>(key: K, raw: unknown, onBad: (key: K, problem: string) => void): SettingsValues[K] {
  const fallback = SETTINGS_DEFAULTS[key];
  if (raw === undefined || raw === null) return Array.isArray(fallback) ? ([...fallback] as SettingsValues[K]) : fallback;
  const parsed = settingsFieldSchemas[key].safeParse(raw);
  if (parsed.success) return parsed.data as SettingsValues[K];
  // The issue code only: a zod message may quote the stored value.
  onBad(key, parsed.error.issues[0]?.code ?? 'invalid');
  return Array.isArray(fallback) ? ([...fallback] as SettingsValues[K]) : fallback;
}
