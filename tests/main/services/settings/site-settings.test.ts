import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { PublicSettingsSchema } from '../../../../src-preload/contract';
import { createDispatcher, type ApiHandlers } from '../../../../src-main/ipc/dispatch';
import { ClientProvider } from '../../../../src-main/services/connection/client-provider';
import { IdentityService } from '../../../../src-main/services/identity/identity-service';
import { settingsHandlers } from '../../../../src-main/services/settings/settings-handlers';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { testSiteDatabase } from '../../../../src-main/services/visits/pg/site-database-test';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';

const URL = 'postgres://kiosk:s3cret-pw@db.example:5432/kiosk';

function setup(hostName?: () => string) {
  const store = mapStore({});
  const settings = new SettingsService(store, testSecretBox(), memoryLogger(), { scryptN: 2 ** 10, ...(hostName ? { hostName } : {}) });
  return { store, settings };
}

describe('site mode settings', () => {
  it('keeps the database URL and site key sealed: the renderer learns only that they are set', () => {
    const { store, settings } = setup();
    settings.save({ ledgerMode: 'postgres', siteDatabaseUrl: URL, siteKey: 'our site key', siteDatabaseTls: 'verify', stationName: 'Lobby kiosk' });
    expect(JSON.stringify([...store.raw.entries()])).not.toContain('s3cret-pw');
    const pub = settings.publicSettings(false);
    expect(PublicSettingsSchema.strict().parse(pub)).toEqual(pub);
    expect(JSON.stringify(pub)).not.toContain('s3cret-pw');
    expect(JSON.stringify(pub)).not.toContain('our site key');
    expect(pub.site).toEqual({ ledgerMode: 'postgres', siteDatabaseTls: 'verify', siteDatabaseUrlSet: true, siteKeySet: true });
    expect(pub.stationName).toBe('Lobby kiosk');
    expect(settings.siteDatabaseSettings()).toEqual({ url: URL, tls: 'verify', stationName: 'Lobby kiosk', siteKey: 'our site key' });
  });

  it('the station name defaults to the host name; file mode has no site settings', () => {
    const { settings } = setup();
    expect(settings.stationName()).toBe(hostname());
    expect(settings.siteDatabaseSettings()).toBeUndefined();
  });

  it('one station name: the audit log and the header name the station as the site ledger names its lease owner', () => {
    const { store, settings } = setup(() => 'PC-07');
    settings.save({ ledgerMode: 'postgres', siteDatabaseUrl: URL });
    const identity = new IdentityService({ settings, store, log: memoryLogger() });
    expect(identity.station()).toBe('PC-07');
    expect(settings.siteDatabaseSettings()?.stationName).toBe('PC-07');
    settings.save({ stationName: '一楼前台' });
    expect(identity.station()).toBe('一楼前台');
    expect(settings.siteDatabaseSettings()?.stationName).toBe('一楼前台');
    expect(settings.publicSettings(false).stationName).toBe('一楼前台');
  });

  it('"test connection" tries the stored database before the station switches to it (file mode)', async () => {
    const { settings } = setup();
    const handlers = settingsHandlers({ settings, clients: new ClientProvider(settings, { log: memoryLogger() }), isDemo: () => false });
    const dispatch = createDispatcher(handlers as ApiHandlers);
    expect(await dispatch('testSiteDatabase', undefined)).toEqual({ ok: true, value: { ok: false, failure: 'not-configured' } });
    settings.save({ siteDatabaseUrl: 'postgres://kiosk@127.0.0.1:1/kiosk' });
    expect(settings.values.ledgerMode).toBe('file');
    expect(await dispatch('testSiteDatabase', undefined)).toEqual({ ok: true, value: { ok: false, failure: 'unreachable' } });
  });

  it('refuses a URL that is not a PostgreSQL one', () => {
    const { settings } = setup();
    expect(() => settings.save({ siteDatabaseUrl: 'http://db.example/' })).toThrow();
  });

  it('the site secrets never reach the K30 credentials', () => {
    const { settings } = setup();
    settings.save({ server: 'http://127.0.0.1:8030', companyno: 'C1', appSecret: 'app', siteDatabaseUrl: URL, siteKey: 'k' });
    expect(JSON.stringify(settings.connectionSettings())).not.toContain('s3cret-pw');
  });

  it('"test connection" says what is wrong, as a code', async () => {
    expect(await testSiteDatabase(undefined)).toEqual({ ok: false, failure: 'not-configured' });
    expect(await testSiteDatabase({ url: 'postgres://x@127.0.0.1:1/none', tls: 'off' }, 1000)).toEqual({ ok: false, failure: 'unreachable' });
  });
});
