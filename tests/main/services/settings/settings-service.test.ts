import { describe, expect, it } from 'vitest';
import { DEFAULT_PHOTO_RULES, PublicSettingsSchema } from '../../../../src-preload/contract';
import { AppError } from '../../../../src-main/services/app-error';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';
import { SECRETS, settingsRig as setup } from '../../../helpers/settings-rig';

function expectAppError(fn: () => unknown, code: string, field?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (field !== undefined) expect((error as AppError).field).toBe(field);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

/** Everything at rest, as one string. */
const atRest = (store: ReturnType<typeof mapStore>) => JSON.stringify([...store.raw.entries()]);

describe('SettingsService: values and defaults', () => {
  it('has the documented defaults on an empty store', () => {
    const { settings } = setup();
    expect(settings.values).toEqual({
      server: '',
      companyno: '',
      useCompanyNoAsSecret: false,
      profile: 'aes-cbc',
      photoEncoding: 'data-url',
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
      profileRetentionDays: 90,
      profilePhotoDays: 30,
      stationName: '',
      staffSignIn: false,
      auditRetentionDays: 365,
      companyName: '',
      ledgerMode: 'file',
      siteDatabaseTls: 'off',
    });
    expect(settings.isConfigured()).toBe(false);
    const pub = settings.publicSettings(true);
    expect(PublicSettingsSchema.strict().parse(pub)).toEqual(pub);
    expect(pub).toMatchObject({
      configured: false,
      demo: true,
      adminPinSet: false,
      secretProtection: 'os',
      secretsSet: { appSecret: false, aesKey: false, aesIv: false },
    });
    // No notification channel exists yet: the kiosk promises no message to the host.
    expect(pub).toMatchObject({ companyName: '', hostNotificationConfigured: false });
  });

  it('saves, reads back after a restart, and reports what changed', () => {
    const { settings, store, box, log } = setup();
    const changes: string[][] = [];
    settings.onChange((keys) => changes.push([...keys]));
    settings.save({ server: 'http://10.0.0.5:8030', companyno: 'C001', defaultDeviceNos: ['D1', 'D2'], language: 'en', photoMaxKB: 300 });
    expect(settings.isConfigured()).toBe(true);
    expect(changes).toEqual([['server', 'companyno', 'defaultDeviceNos', 'photoMaxKB', 'language']]);

    settings.save({ language: 'en' });
    expect(changes).toHaveLength(1); // nothing changed, nobody told

    const again = new SettingsService(store, box, log);
    expect(again.values).toMatchObject({ server: 'http://10.0.0.5:8030', companyno: 'C001', defaultDeviceNos: ['D1', 'D2'], language: 'en', photoMaxKB: 300 });
  });

  it('reads the self-service settings stored under their old kiosk names, and the new name wins once saved', () => {
    const { settings, store } = setup({}, { kioskMode: true, kioskIdleSeconds: 90 });
    expect(settings.values.selfServiceMode).toBe(true);
    expect(settings.values.selfServiceIdleSeconds).toBe(90);
    settings.save({ selfServiceMode: false });
    expect(store.raw.get('selfServiceMode')).toBe(false);
    expect(new SettingsService(store, testSecretBox(), memoryLogger()).values.selfServiceMode).toBe(false);
  });

  it('hands out frozen values', () => {
    const { settings } = setup();
    expect(Object.isFrozen(settings.values)).toBe(true);
    expect(Object.isFrozen(settings.values.defaultDeviceNos)).toBe(true);
  });

  it('refuses an unknown crypto profile and invalid values, changing nothing', () => {
    const { settings } = setup();
    expectAppError(() => settings.save({ profile: 'rot13' }), 'invalid-input', 'profile');
    expectAppError(() => settings.save({ photoMaxKB: 5 }), 'invalid-input', 'photoMaxKB');
    expectAppError(() => settings.save({ server: 'ftp://x' }), 'invalid-input', 'server');
    expectAppError(() => settings.save({ bogus: 1 } as never), 'invalid-input');
    expect(settings.values.profile).toBe('aes-cbc');
    settings.save({ profile: 'aes-ecb' });
    expect(settings.values.profile).toBe('aes-ecb');
  });

  it('reads bad stored values back as their defaults and logs the key, never the value', () => {
    const { settings, log } = setup(
      {},
      {
        photoMaxKB: 'lots-of-kb',
        language: 'klingon-tlh',
        profile: 'rot13-profile',
        selfServiceMode: 'yes-please',
        defaultDeviceNos: [1, 2],
        defaultVisitMinutes: -4,
        server: 'gopher://old-host',
        companyno: 'C9',
        retentionDays: 10,
      },
    );
    expect(settings.values).toMatchObject({
      photoMaxKB: 200,
      language: 'zh-CN',
      profile: 'aes-cbc',
      selfServiceMode: false,
      defaultDeviceNos: [],
      defaultVisitMinutes: 120,
      server: '',
      companyno: 'C9',
      retentionDays: 10,
    });
    const logged = log.lines.join('\n');
    for (const key of ['photoMaxKB', 'language', 'profile', 'selfServiceMode', 'defaultDeviceNos', 'defaultVisitMinutes', 'server'])
      expect(logged).toContain(key);
    for (const value of ['lots-of-kb', 'klingon-tlh', 'rot13-profile', 'yes-please', 'gopher']) expect(logged).not.toContain(value);
  });
});

describe('SettingsService: secrets', () => {
  it('stores secrets only sealed, opens them for the connection', () => {
    const { settings, store } = setup();
    settings.save({ server: 'http://k30.local:8030', companyno: 'C001', ...SECRETS });
    const rest = atRest(store);
    for (const secret of Object.values(SECRETS)) {
      expect(rest).not.toContain(secret);
      expect(rest).not.toContain(Buffer.from(secret).toString('hex'));
    }
    expect(rest).toContain('test-sealed:');
    const connection = settings.connectionSettings();
    expect(connection).toEqual({
      server: 'http://k30.local:8030',
      credentials: { companyno: 'C001', profile: 'aes-cbc', ...SECRETS },
      photoEncoding: 'data-url',
      responseSignPolicy: 'strict',
    });
    expect(settings.publicSettings(false).secretsSet).toEqual({ appSecret: true, aesKey: true, aesIv: true });
    expect(settings.secretValues().sort()).toEqual(Object.values(SECRETS).sort());
  });

  it("keeps a secret that is absent from a patch, clears it with ''", () => {
    const { settings } = setup();
    const changes: string[][] = [];
    settings.save({ server: 'http://k30.local:8030', companyno: 'C001', ...SECRETS });
    settings.onChange((keys) => changes.push([...keys]));
    settings.save({ language: 'en' });
    expect(settings.connectionSettings().credentials.appSecret).toBe(SECRETS.appSecret);

    settings.save({ appSecret: '' });
    expect(changes.at(-1)).toEqual(['appSecret']);
    expect(settings.publicSettings(false).secretsSet).toEqual({ appSecret: false, aesKey: true, aesIv: true });
    // Nothing to sign with now: the company number is not used unless chosen.
    expectAppError(() => settings.connectionSettings(), 'app-secret-required', 'appSecret');

    const count = changes.length;
    settings.save({ appSecret: '' }); // already clear: no change
    expect(changes).toHaveLength(count);
  });

  it('says not-configured when the server or company is missing, or a secret cannot be opened', () => {
    const { settings, box, log } = setup();
    expectAppError(() => settings.connectionSettings(), 'not-configured');
    settings.save({ server: 'http://k30.local:8030', companyno: 'C001', appSecret: SECRETS.appSecret });
    box.failOpen = true;
    const error = expectAppError(() => settings.connectionSettings(), 'not-configured', 'appSecret');
    expect(error.message).not.toContain(SECRETS.appSecret);
    expect(settings.secretValues()).toEqual([]);
    expect(log.lines.join('\n')).not.toContain(SECRETS.appSecret);
  });

  it('reports the secret box protection', () => {
    const settings = new SettingsService(mapStore(), testSecretBox('basic_text'), memoryLogger());
    expect(settings.publicSettings(false).secretProtection).toBe('basic_text');
  });

  it('never puts a secret or the PIN in public settings or the log', () => {
    const { settings, log } = setup();
    settings.save({ server: 'http://k30.local:8030', companyno: 'C001', ...SECRETS });
    settings.setPin(undefined, '86420');
    settings.verifyPin('11111');
    const text = JSON.stringify([settings.publicSettings(false), settings.publicSettings(true)]);
    for (const secret of [...Object.values(SECRETS), '86420']) {
      expect(text).not.toContain(secret);
      expect(log.lines.join('\n')).not.toContain(secret);
    }
    expect(text).not.toContain('test-sealed');
    expect(text).not.toContain('scrypt');
    expect(settings.publicSettings(false)).toMatchObject({ adminPinSet: true, secretsSet: { appSecret: true, aesKey: true, aesIv: true } });
  });
});

describe('SettingsService: admin PIN', () => {
  it('is true when no PIN is set', () => {
    const { settings } = setup();
    expect(settings.verifyPin('')).toBe(true);
    expect(settings.verifyPin('1234')).toBe(true);
  });

  it('stores a salted scrypt hash, never the PIN, and verifies it', () => {
    const { settings, store } = setup({ scryptN: undefined });
    settings.setPin(undefined, '135790');
    const stored = store.raw.get('adminPinHash') as string;
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(atRest(store)).not.toContain('135790');
    expect(settings.verifyPin('135790')).toBe(true);
    expect(settings.verifyPin('135791')).toBe(false);
    expect(settings.verifyPin('')).toBe(false);

    // A random salt: the same PIN hashes differently each time.
    settings.setPin('135790', '135790');
    expect(store.raw.get('adminPinHash')).not.toBe(stored);
  });

  it('changes and clears only with the current PIN', () => {
    const { settings } = setup();
    settings.setPin(undefined, '1234');
    expectAppError(() => settings.setPin(undefined, '5678'), 'wrong-pin');
    expectAppError(() => settings.setPin('0000', '5678'), 'wrong-pin');
    expectAppError(() => settings.setPin('1234', '12ab'), 'invalid-input', 'next');
    settings.setPin('1234', '5678');
    expect(settings.verifyPin('5678')).toBe(true);
    expect(settings.verifyPin('1234')).toBe(false);
    settings.setPin('5678', '');
    expect(settings.hasPin()).toBe(false);
    expect(settings.publicSettings(false).adminPinSet).toBe(false);
  });

  it('locks out after 5 wrong PINs in a row, even the right PIN, for 30 s, then doubles', () => {
    const { settings, advance } = setup();
    settings.setPin(undefined, '2468');
    for (let i = 0; i < 4; i++) expect(settings.verifyPin('0000')).toBe(false);
    expect(settings.verifyPin('2468')).toBe(true); // a success resets the count
    for (let i = 0; i < 5; i++) expect(settings.verifyPin('0000')).toBe(false);
    const error = expectAppError(() => settings.verifyPin('2468'), 'wrong-pin');
    expect(error.message).toMatch(/30 s/);
    expectAppError(() => settings.setPin('2468', '1111'), 'wrong-pin');
    advance(29_000);
    expectAppError(() => settings.verifyPin('2468'), 'wrong-pin');
    advance(1_001);
    for (let i = 0; i < 5; i++) expect(settings.verifyPin('9999')).toBe(false);
    advance(30_001);
    expectAppError(() => settings.verifyPin('2468'), 'wrong-pin'); // the second lockout is 60 s
    advance(30_000);
    expect(settings.verifyPin('2468')).toBe(true);
  });

  it('treats an unreadable stored hash as no PIN, and says so in the log', () => {
    const { settings, log } = setup({}, { adminPinHash: 'md5$whatever' });
    expect(settings.hasPin()).toBe(false);
    expect(settings.verifyPin('1')).toBe(true);
    expect(log.lines.join('\n')).toContain('admin PIN hash');
  });
});
