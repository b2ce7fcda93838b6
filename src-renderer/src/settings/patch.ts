/** The settings form's values and the patch it saves (changed fields only). Pure. */
import { LIMITS, SettingsPatchSchema, type Language, type PublicSettings, type SettingsPatch } from '../../../src-preload/contract';
import type { MessageRef } from '../i18n/translate';

/** The K30 connection's secrets and the site database's: each write-only, shown only as set or not. */
export const K30_SECRET_FIELDS = ['appSecret', 'aesKey', 'aesIv'] as const;
export const SITE_SECRET_FIELDS = ['siteDatabaseUrl', 'siteKey'] as const;
export const SECRET_FIELDS = [...K30_SECRET_FIELDS, ...SITE_SECRET_FIELDS] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The site database settings: main reads them at start, so a change to any applies at restart. */
export const SITE_FIELDS = ['ledgerMode', 'siteDatabaseTls', ...SITE_SECRET_FIELDS] as const;

/** Whether a secret is stored (main says so; it never says what it is). */
export function secretIsSet(s: PublicSettings, field: SecretField): boolean {
  if (field === 'siteDatabaseUrl') return s.site.siteDatabaseUrlSet;
  if (field === 'siteKey') return s.site.siteKeySet;
  return s.secretsSet[field];
}

const emptySecret = () => ({ value: '', clear: false });

export interface SettingsFormValues {
  server: string;
  companyno: string;
  useCompanyNoAsSecret: boolean;
  profile: string;
  photoEncoding: PublicSettings['photoEncoding'];
  responseSignPolicy: PublicSettings['responseSignPolicy'];
  defaultDeviceNos: string[];
  defaultVisitMinutes: string;
  maxVisitHours: string;
  photoMaxKB: string;
  language: Language;
  selfServiceMode: boolean;
  selfServiceIdleSeconds: string;
  selfServiceRegistrationsPerMinute: string;
  startAtLogin: boolean;
  callbackAddress: string;
  retentionDays: string;
  profileRetentionDays: string;
  profilePhotoDays: string;
  companyName: string;
  ledgerMode: PublicSettings['site']['ledgerMode'];
  siteDatabaseTls: PublicSettings['site']['siteDatabaseTls'];
  /** Write-only: '' = keep; `clear` = clear on save. */
  secrets: Record<SecretField, { value: string; clear: boolean }>;
}

export type SettingsField = keyof Omit<SettingsFormValues, 'secrets'> | SecretField;
export type SettingsErrors = Partial<Record<SettingsField, MessageRef>>;

export function formFromSettings(s: PublicSettings): SettingsFormValues {
  return {
    server: s.server,
    companyno: s.companyno,
    useCompanyNoAsSecret: s.useCompanyNoAsSecret,
    profile: s.profile,
    photoEncoding: s.photoEncoding,
    responseSignPolicy: s.responseSignPolicy,
    defaultDeviceNos: [...s.defaultDeviceNos],
    defaultVisitMinutes: String(s.defaultVisitMinutes),
    maxVisitHours: String(s.maxVisitHours),
    photoMaxKB: String(s.photoMaxKB),
    language: s.language,
    selfServiceMode: s.selfServiceMode,
    selfServiceIdleSeconds: String(s.selfServiceIdleSeconds),
    selfServiceRegistrationsPerMinute: String(s.selfServiceRegistrationsPerMinute),
    startAtLogin: s.startAtLogin,
    callbackAddress: s.callbackAddress,
    retentionDays: String(s.retentionDays),
    profileRetentionDays: String(s.profileRetentionDays),
    profilePhotoDays: String(s.profilePhotoDays),
    companyName: s.companyName,
    ledgerMode: s.site.ledgerMode,
    siteDatabaseTls: s.site.siteDatabaseTls,
    secrets: { appSecret: emptySecret(), aesKey: emptySecret(), aesIv: emptySecret(), siteDatabaseUrl: emptySecret(), siteKey: emptySecret() },
  };
}

/**
 * The crypto profiles the select offers: the names main knows (PublicSettings.profiles; main owns
 * the list), plus the saved and the chosen one should either be missing from it.
 */
export function profileOptions(known: readonly string[], ...extra: (string | undefined)[]): string[] {
  const names = [...known];
  for (const name of extra) if (name && !names.includes(name)) names.push(name);
  return names;
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Only what changed; secrets only when typed or cleared. */
export function buildPatch(form: SettingsFormValues, s: PublicSettings): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const text = ['server', 'companyno', 'profile', 'photoEncoding', 'responseSignPolicy', 'language', 'callbackAddress', 'companyName'] as const;
  for (const key of text) if (form[key].trim() !== s[key]) patch[key] = form[key].trim();
  const numbers = [
    'defaultVisitMinutes',
    'maxVisitHours',
    'photoMaxKB',
    'selfServiceIdleSeconds',
    'selfServiceRegistrationsPerMinute',
    'retentionDays',
    'profileRetentionDays',
    'profilePhotoDays',
  ] as const;
  for (const key of numbers) if (toNumber(form[key]) !== s[key]) patch[key] = toNumber(form[key]);
  const flags = ['selfServiceMode', 'useCompanyNoAsSecret'] as const;
  for (const key of flags) if (form[key] !== s[key]) patch[key] = form[key];
  if (form.startAtLogin !== s.startAtLogin) patch.startAtLogin = form.startAtLogin;
  if (!sameList(form.defaultDeviceNos, s.defaultDeviceNos)) patch.defaultDeviceNos = form.defaultDeviceNos;
  if (form.ledgerMode !== s.site.ledgerMode) patch.ledgerMode = form.ledgerMode;
  if (form.siteDatabaseTls !== s.site.siteDatabaseTls) patch.siteDatabaseTls = form.siteDatabaseTls;
  for (const key of SECRET_FIELDS) {
    const secret = form.secrets[key];
    if (secret.clear) patch[key] = '';
    else if (secret.value.trim()) patch[key] = secret.value.trim();
  }
  return patch;
}

/** A whole number within the contract's limits: the message says them. */
const range = ({ min, max }: { min: number; max: number }): MessageRef => ({ key: 'settings.error.range', params: { min, max } });
const generic: MessageRef = { key: 'settings.error.generic' };
const secret: MessageRef = { key: 'settings.error.secret' };

const FIELD_ERROR: Record<SettingsField, MessageRef> = {
  server: { key: 'settings.error.server' },
  companyno: { key: 'settings.error.companyno', params: { max: LIMITS.companyno } },
  useCompanyNoAsSecret: generic,
  appSecret: secret,
  aesKey: secret,
  aesIv: secret,
  profile: { key: 'settings.error.profile' },
  photoEncoding: generic,
  responseSignPolicy: generic,
  defaultDeviceNos: generic,
  defaultVisitMinutes: range(LIMITS.defaultVisitMinutes),
  maxVisitHours: range(LIMITS.maxVisitHours),
  photoMaxKB: range(LIMITS.photoMaxKB),
  language: generic,
  selfServiceMode: generic,
  selfServiceIdleSeconds: range(LIMITS.selfServiceIdleSeconds),
  selfServiceRegistrationsPerMinute: range(LIMITS.selfServiceRegistrationsPerMinute),
  startAtLogin: generic,
  callbackAddress: { key: 'settings.error.callbackAddress' },
  retentionDays: range(LIMITS.retentionDays),
  profileRetentionDays: range(LIMITS.profileRetentionDays),
  profilePhotoDays: range(LIMITS.profilePhotoDays),
  companyName: { key: 'settings.error.companyName', params: { max: LIMITS.companyName } },
  ledgerMode: generic,
  siteDatabaseTls: generic,
  siteDatabaseUrl: { key: 'settings.error.siteDatabaseUrl' },
  siteKey: secret,
};

export function errorForField(path: string | undefined): { field: SettingsField; error: MessageRef } | undefined {
  const head = path?.split('.')[0];
  if (!head || !(head in FIELD_ERROR)) return undefined;
  const field = head as SettingsField;
  return { field, error: FIELD_ERROR[field] };
}

/** Validates the patch with the contract's schema: the patch to send, or the errors by field. */
export function checkPatch(raw: Record<string, unknown>): { ok: true; patch: SettingsPatch } | { ok: false; errors: SettingsErrors } {
  const parsed = SettingsPatchSchema.safeParse(raw);
  if (parsed.success) return { ok: true, patch: parsed.data };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const found = errorForField(issue.path.join('.'));
    if (found && !errors[found.field]) errors[found.field] = found.error;
  }
  if (Object.keys(errors).length === 0) errors.server = generic;
  return { ok: false, errors };
}

/** The form's fields in page order (the first with an error gets focus). */
export const FIELD_ORDER: SettingsField[] = [
  'server',
  'companyno',
  'appSecret',
  'aesKey',
  'aesIv',
  'useCompanyNoAsSecret',
  'profile',
  'photoEncoding',
  'responseSignPolicy',
  'defaultDeviceNos',
  'defaultVisitMinutes',
  'maxVisitHours',
  'photoMaxKB',
  'language',
  'companyName',
  'selfServiceMode',
  'selfServiceIdleSeconds',
  'selfServiceRegistrationsPerMinute',
  'startAtLogin',
  'callbackAddress',
  'retentionDays',
  'profileRetentionDays',
  'profilePhotoDays',
  'ledgerMode',
  'siteDatabaseUrl',
  'siteDatabaseTls',
  'siteKey',
];

export const settingsFieldId = (field: SettingsField) => `settings-${field}`;
