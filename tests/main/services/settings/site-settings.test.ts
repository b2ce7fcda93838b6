import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { PublicSettingsSchema } from '../../../../src-preload/contract';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { testSiteDatabase } from '../../../../src-main/services/visits/pg/site-database-test';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';

const URL = 'postgres://kiosk:s3cret-pw@db.example:5432/kiosk';

function setup() {
  const store = mapStore({});
  const settings = new SettingsService(store, testSecretBox(), memoryLogger(), { scryptN: 2 ** 10 });
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
    expect(pub.site).toEqual({ ledgerMode: 'postgres', siteDatabaseTls: 'verify', stationName: 'Lobby kiosk', siteDatabaseUrlSet: true, siteKeySet: true });
    expect(settings.siteDatabaseSettings()).toEqual({ url: URL, tls: 'verify', stationName: 'Lobby kiosk', siteKey: 'our site key' });
  });

  it('the station name defaults to the host name; file mode has no site settings', () => {
    const { settings } = setup();
    expect(settings.stationName()).toBe(hostname());
    expect(settings.siteDatabaseSettings()).toBeUndefined();
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
