import { hostname } from 'node:os';
import { describeError } from '../../k30/protocol';
import { PinSchema, SettingsPatchSchema, type PublicSettings, type SecretSource, type SettingsPatch, type SiteTls } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import { PROFILE_NAMES } from '../../k30/protocol/crypto-profiles';
import type { K30Credentials } from '../../k30/protocol/credentials';
import type { KeyValueStore, Logger, SecretBox } from '../ports';
import { PinLockout } from './pin-lockout';
import { hashPin, parsePinHash, pinMatches, type PinHash } from './pin-hash';
import {
  ADMIN_PIN_KEY,
  SECRET_KEYS,
  K30_SECRET_KEYS,
  SETTING_KEYS,
  readSetting,
  storeKeyOfSecret,
  type ChangedKey,
  type SecretKey,
  type SettingKey,
  type SettingsValues,
} from './settings-schema';

/** Settings renamed since they were first stored: read under the old name until saved again. */
const LEGACY_KEYS: Partial<Record<SettingKey, string>> = { selfServiceMode: 'kioskMode', selfServiceIdleSeconds: 'kioskIdleSeconds' };

export type { ChangedKey, SettingKey, SettingsValues } from './settings-schema';

/** What the K30 client needs to connect: secrets opened, so for main-process use only. */
export interface ConnectionSettings {
  server: string;
  credentials: K30Credentials;
  photoEncoding: SettingsValues['photoEncoding'];
  responseSignPolicy: SettingsValues['responseSignPolicy'];
}

export type SettingsListener = (changed: readonly ChangedKey[]) => void;

export interface SettingsServiceOptions {
  /** The clock for the PIN lockout (tests move it). */
  now?: () => number;
  /** Wrong PINs allowed before a lockout. */
  maxPinAttempts?: number;
  /** The first lockout; each further one in a row doubles, up to `maxLockoutMs`. */
  lockoutMs?: number;
  maxLockoutMs?: number;
  /** scrypt cost N for new PIN hashes (a power of two). */
  scryptN?: number;
  /** The station's name until an administrator sets one (default: the computer's host name). */
  hostName?: () => string;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The kiosk's settings. Non-secret values are stored plain and read back tolerantly (a bad stored
 * value falls back to its default, and the key is logged); the app secret and AES key and IV are
 * stored only sealed by the SecretBox; the admin PIN only as a salted scrypt hash. Nothing here
 * ever logs a value.
 */
export class SettingsService {
  private cache: Readonly<SettingsValues> | undefined;
  private readonly listeners = new Set<SettingsListener>();
  private readonly scryptN: number;
  private readonly lockout: PinLockout;
  private readonly hostName: () => string;
  /** Told by the notification settings (their own store keys): whether a host channel is set. */
  private hostNotificationConfigured: () => boolean = () => false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly box: SecretBox,
    private readonly log: Logger,
    options: SettingsServiceOptions = {},
  ) {
    this.scryptN = options.scryptN ?? 2 ** 14;
    this.hostName = options.hostName ?? hostname;
    this.lockout = new PinLockout(store, {
      now: options.now ?? Date.now,
      maxAttempts: options.maxPinAttempts ?? 5,
      lockoutMs: options.lockoutMs ?? 30_000,
      maxLockoutMs: options.maxLockoutMs ?? 15 * 60_000,
    });
  }

  /** The non-secret values, each present (defaults filled in). Frozen: change them with save(). */
  get values(): Readonly<SettingsValues> {
    if (!this.cache) this.cache = this.load();
    return this.cache;
  }

  private load(): Readonly<SettingsValues> {
    const values = {} as Record<SettingKey, unknown>;
    for (const key of SETTING_KEYS) {
      values[key] = readSetting(key, this.storedValue(key), (bad, problem) =>
        this.log.warn(`settings: the stored ${bad} is not valid (${problem}); using its default`),
      );
      if (Array.isArray(values[key])) Object.freeze(values[key]);
    }
    return Object.freeze(values as SettingsValues);
  }

  /** A stored value, under its current key or the name it had before (older installs). */
  private storedValue(key: SettingKey): unknown {
    const value = this.store.get(key);
    const legacy = LEGACY_KEYS[key];
    return value === undefined && legacy ? this.store.get(legacy) : value;
  }

  /** Server and company number set. */
  isConfigured(): boolean {
    const { server, companyno } = this.values;
    return server !== '' && companyno !== '';
  }

  /**
   * What signs requests: the app secret; else the company number only when the administrator
   * chose that explicitly (it is sent in clear with every request, so anyone who can read it could
   * sign); else nothing, and nothing is sent.
   */
  secretSource(): Exclude<SecretSource, 'hidden'> {
    if (this.secretSet('appSecret')) return 'app-secret';
    return this.values.useCompanyNoAsSecret ? 'company-number' : 'missing';
  }

  /** A server is set but there is nothing to sign with: registration (and every K30 call) waits. */
  isRegistrationPaused(): boolean {
    return this.isConfigured() && this.secretSource() === 'missing';
  }

  private secretSet(key: SecretKey): boolean {
    const raw = this.store.get(storeKeyOfSecret(key));
    return typeof raw === 'string' && raw !== '';
  }

  private openSecret(key: SecretKey): string | undefined {
    const raw = this.store.get(storeKeyOfSecret(key));
    if (typeof raw !== 'string' || raw === '') return undefined;
    try {
      return this.box.open(raw);
    } catch {
      this.log.error(`settings: the stored ${key} cannot be opened on this machine`);
      throw new AppError('not-configured', `The stored ${key} cannot be read on this machine; enter it again`, key);
    }
  }

  /**
   * The stored secret values that can be opened, for masking them in logs (main process only).
   * Never throws.
   */
  secretValues(): string[] {
    const values: string[] = [];
    for (const key of SECRET_KEYS) {
      try {
        const value = this.openSecret(key);
        if (value) values.push(value);
      } catch {
        // Already logged by openSecret.
      }
    }
    return values;
  }

  /** The host-notification settings say whether a channel is configured (see NotificationSettingsStore). */
  setHostNotificationConfigured(configured: () => boolean): void {
    this.hostNotificationConfigured = configured;
  }

  /** What the renderer may see: never a secret, only whether each one is set. */
  publicSettings(demo: boolean): PublicSettings {
    const v = this.values;
    return {
      configured: this.isConfigured(),
      demo,
      server: v.server,
      companyno: v.companyno,
      profile: v.profile,
      profiles: [...PROFILE_NAMES],
      photoEncoding: v.photoEncoding,
      responseSignPolicy: v.responseSignPolicy,
      secretsSet: { appSecret: this.secretSet('appSecret'), aesKey: this.secretSet('aesKey'), aesIv: this.secretSet('aesIv') },
      secretProtection: this.box.protection,
      useCompanyNoAsSecret: v.useCompanyNoAsSecret,
      secretSource: this.secretSource(),
      registrationPaused: this.isRegistrationPaused(),
      defaultDeviceNos: [...v.defaultDeviceNos],
      defaultVisitMinutes: v.defaultVisitMinutes,
      maxVisitHours: v.maxVisitHours,
      photoMaxKB: v.photoMaxKB,
      photoRules: { ...v.photoRules },
      language: v.language,
      selfServiceMode: v.selfServiceMode,
      selfServiceIdleSeconds: v.selfServiceIdleSeconds,
      selfServiceRegistrationsPerMinute: v.selfServiceRegistrationsPerMinute,
      startAtLogin: v.startAtLogin,
      cameraId: v.cameraId,
      adminPinSet: this.pinHash() !== undefined,
      callbackAddress: v.callbackAddress,
      retentionDays: v.retentionDays,
      profileRetentionDays: v.profileRetentionDays,
      profilePhotoDays: v.profilePhotoDays,
      hostNotificationConfigured: this.hostNotificationConfigured(),
      stationName: v.stationName,
      staffSignIn: v.staffSignIn,
      auditRetentionDays: v.auditRetentionDays,
      companyName: v.companyName,
      site: {
        ledgerMode: v.ledgerMode,
        siteDatabaseTls: v.siteDatabaseTls,
        siteDatabaseUrlSet: this.secretSet('siteDatabaseUrl'),
        siteKeySet: this.secretSet('siteKey'),
      },
    };
  }

  /** This station's one name (header, audit log, the site ledger's lease owner): the setting, else the computer's host name. */
  stationName(): string {
    return this.values.stationName.trim() || this.hostName();
  }

  /**
   * As siteDatabaseSettings, but a URL that cannot be opened on this machine still means site mode
   * (with no URL: the station then reports the site database unreachable, never falls back to demo).
   */
  siteDatabaseSettingsOrUnreadable(): ReturnType<SettingsService['siteDatabaseSettings']> {
    try {
      return this.siteDatabaseSettings();
    } catch {
      return { url: '', tls: this.values.siteDatabaseTls, stationName: this.stationName() };
    }
  }

  /** For the site ledger only (main process): the connection with its secrets opened. */
  siteDatabaseSettings(): { url: string; tls: SiteTls; stationName: string; siteKey?: string } | undefined {
    if (this.values.ledgerMode !== 'postgres') return undefined;
    const siteKey = this.openSecret('siteKey');
    return { ...this.siteDatabaseConnection(), stationName: this.stationName(), ...(siteKey ? { siteKey } : {}) };
  }

  /** The stored site database, whatever the ledger mode (tested before a station switches to it). Throws like openSecret. */
  siteDatabaseConnection(): { url: string; tls: SiteTls } {
    return { url: this.openSecret('siteDatabaseUrl') ?? '', tls: this.values.siteDatabaseTls };
  }

  /**
   * For the K30 client only (main process): the secrets opened, the app secret always explicit (the
   * protocol's fallback to the company number is never relied on here). Throws
   * AppError('not-configured'), or AppError('app-secret-required') while there is nothing to sign with.
   */
  connectionSettings(): ConnectionSettings {
    const v = this.values;
    if (!this.isConfigured()) throw new AppError('not-configured', 'The K30 server and company number are not set');
    const source = this.secretSource();
    if (source === 'missing')
      throw new AppError('app-secret-required', 'Enter the app secret (企业编码) in Settings, or choose to sign with the company number', 'appSecret');
    const credentials: K30Credentials = { companyno: v.companyno, profile: v.profile };
    for (const key of K30_SECRET_KEYS) {
      const value = this.openSecret(key);
      if (value !== undefined) credentials[key] = value;
    }
    if (source === 'company-number') credentials.appSecret = v.companyno;
    return { server: v.server, credentials, photoEncoding: v.photoEncoding, responseSignPolicy: v.responseSignPolicy };
  }

  /**
   * Applies a change. Secrets: absent = keep, '' = clear, else replace (sealed). Validated here too,
   * since not every caller comes through the dispatcher. Throws AppError('invalid-input').
   */
  save(patch: SettingsPatch): void {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid-input', issue?.message ?? 'invalid settings', issue?.path.join('.') || undefined);
    }
    const next = parsed.data;
    if (next.profile !== undefined && !PROFILE_NAMES.includes(next.profile)) {
      throw new AppError('invalid-input', `Unknown crypto profile; one of ${PROFILE_NAMES.join(', ')}`, 'profile');
    }

    // Seal every secret before writing anything, so a failing SecretBox changes nothing.
    const sealed: [SecretKey, string][] = [];
    for (const key of SECRET_KEYS) {
      const value = next[key];
      if (value !== undefined) sealed.push([key, value === '' ? '' : this.box.seal(value)]);
    }

    const changed: ChangedKey[] = [];
    for (const [key, value] of sealed) {
      if (value === '' && !this.secretSet(key)) continue;
      this.store.set(storeKeyOfSecret(key), value);
      changed.push(key);
    }
    const current = this.values;
    for (const key of SETTING_KEYS) {
      const value = next[key];
      if (value === undefined || sameValue(value, current[key])) continue;
      this.store.set(key, value);
      changed.push(key);
    }
    this.cache = undefined;
    if (changed.length > 0) this.emit(changed);
  }

  // -------------------------------------------------------------------------------------------
  // Admin PIN

  private pinHash(): PinHash | undefined {
    const raw = this.store.get(ADMIN_PIN_KEY);
    if (raw === undefined || raw === null || raw === '') return undefined;
    const parsed = parsePinHash(raw);
    if (!parsed) this.log.warn('settings: the stored admin PIN hash is not valid; treating the PIN as not set');
    return parsed;
  }

  hasPin(): boolean {
    return this.pinHash() !== undefined;
  }

  /** Whether `pin` is the admin PIN, neither counted nor locked (the caller counts: identity). */
  matchesAdminPin(pin: string): boolean {
    const stored = this.pinHash();
    return stored !== undefined && pinMatches(pin, stored);
  }

  /** A new PIN's hash at this install's cost (staff PINs are kept like the admin PIN). */
  hashNewPin(pin: string): string {
    return hashPin(pin, this.scryptN);
  }

  /** The wrong-PIN counter shared by the admin PIN and staff PINs (one budget for guessing). */
  get pinLockout(): PinLockout {
    return this.lockout;
  }

  /**
   * True when no PIN is set or `pin` matches. Wrong PINs are counted: after `maxPinAttempts` in a
   * row every attempt (even the right PIN) is refused with AppError('wrong-pin') until the lockout
   * ends.
   */
  verifyPin(pin: string): boolean {
    const stored = this.pinHash();
    if (!stored) return true;
    const wait = this.lockout.remainingMs();
    if (wait > 0) throw new AppError('wrong-pin', `Too many wrong PINs; try again in ${Math.ceil(wait / 1000)} s`);

    const matches = pinMatches(pin, stored);
    if (matches) {
      this.lockout.succeeded();
      return true;
    }
    const { wrongPins, lockoutMs } = this.lockout.failed();
    this.log.warn(`settings: wrong admin PIN (${wrongPins} in a row)`);
    if (lockoutMs > 0) this.log.warn(`settings: admin PIN locked for ${Math.ceil(lockoutMs / 1000)} s`);
    return false;
  }

  /**
   * Sets (or with next = '' clears) the admin PIN. When one is set, `current` must match it:
   * otherwise AppError('wrong-pin') (rate limited like verifyPin).
   */
  setPin(current: string | undefined, next: string): void {
    if (this.hasPin()) {
      if (current === undefined || current === '') throw new AppError('wrong-pin', 'The current PIN is required');
      if (!this.verifyPin(current)) throw new AppError('wrong-pin', 'The current PIN is wrong');
    }
    if (next === '') {
      if (!this.hasPin()) return;
      this.store.set(ADMIN_PIN_KEY, '');
    } else {
      if (!PinSchema.safeParse(next).success) throw new AppError('invalid-input', 'The PIN must be 4 to 8 digits', 'next');
      this.store.set(ADMIN_PIN_KEY, hashPin(next, this.scryptN));
    }
    this.emit(['adminPin']);
  }

  // -------------------------------------------------------------------------------------------
  // Change notification

  /** Called after every effective change with the keys that changed; returns the unsubscribe. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(changed: readonly ChangedKey[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(changed);
      } catch (error) {
        this.log.error(`settings: a change listener failed: ${describeError(error)}`);
      }
    }
  }
}
