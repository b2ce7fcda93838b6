import { DEFAULT_PHOTO_RULES, type PublicSettings } from '../../src-preload/contract';

/**
 * The settings main hands the renderer, for renderer tests: a configured reception PC with
 * everything at its default; each test overrides what it is about.
 */
export function publicSettings(over: Partial<PublicSettings> = {}): PublicSettings {
  return {
    configured: true,
    demo: false,
    server: 'http://10.0.0.2:8080',
    companyno: 'C1',
    profile: 'aes-cbc',
    profiles: ['aes-cbc', 'aes-ecb'],
    photoEncoding: 'bare',
    responseSignPolicy: 'warn',
    secretsSet: { appSecret: true, aesKey: true, aesIv: false },
    secretProtection: 'os',
    useCompanyNoAsSecret: false,
    secretSource: 'app-secret',
    registrationPaused: false,
    defaultDeviceNos: ['D1'],
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
    adminPinSet: false,
    callbackAddress: '',
    retentionDays: 30,
    profileRetentionDays: 90,
    profilePhotoDays: 30,
    hostNotificationConfigured: false,
    stationName: '',
    staffSignIn: false,
    auditRetentionDays: 365,
    companyName: '',
    site: { ledgerMode: 'file', siteDatabaseTls: 'off', siteDatabaseUrlSet: false, siteKeySet: false },
    ...over,
  };
}
