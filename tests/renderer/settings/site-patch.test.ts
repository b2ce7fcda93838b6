/** The settings form's site database part: what it saves (secrets write-only) and how a test outcome reads. */
import { describe, expect, it } from 'vitest';
import { SiteDatabaseFailureSchema } from '../../../src-preload/contract';
import { buildPatch, checkPatch, formFromSettings, secretIsSet, SITE_FIELDS } from '../../../src-renderer/src/settings/patch';
import { siteTestMessage } from '../../../src-renderer/src/settings/site-database-result';
import { en } from '../../../src-renderer/src/i18n/en';
import { translate } from '../../../src-renderer/src/i18n/translate';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';
import { publicSettings } from '../../helpers/public-settings';

const URL = 'postgres://kiosk:pw@db.example:5432/kiosk';

describe('settings form: site database', () => {
  it('starts from what main says, never a secret; sends mode, TLS and typed secrets only when changed', () => {
    const settings = publicSettings({ site: { ledgerMode: 'file', siteDatabaseTls: 'off', siteDatabaseUrlSet: true, siteKeySet: false } });
    const form = formFromSettings(settings);
    expect(form.secrets.siteDatabaseUrl).toEqual({ value: '', clear: false });
    expect(buildPatch(form, settings)).toEqual({});
    expect(secretIsSet(settings, 'siteDatabaseUrl')).toBe(true);
    expect(secretIsSet(settings, 'siteKey')).toBe(false);

    form.ledgerMode = 'postgres';
    form.siteDatabaseTls = 'verify';
    form.secrets.siteDatabaseUrl = { value: ` ${URL} `, clear: false };
    form.secrets.siteKey = { value: 'our site key', clear: false };
    const patch = buildPatch(form, settings);
    expect(checkPatch(patch)).toEqual({
      ok: true,
      patch: { ledgerMode: 'postgres', siteDatabaseTls: 'verify', siteDatabaseUrl: URL, siteKey: 'our site key' },
    });
    expect(SITE_FIELDS.every((key) => key in patch)).toBe(true);
  });

  it("clears a stored URL with '' and keeps it when nothing is typed", () => {
    const settings = publicSettings({ site: { ledgerMode: 'postgres', siteDatabaseTls: 'off', siteDatabaseUrlSet: true, siteKeySet: true } });
    const form = formFromSettings(settings);
    form.secrets.siteDatabaseUrl = { value: '', clear: true };
    expect(buildPatch(form, settings)).toEqual({ siteDatabaseUrl: '' });
  });

  it('refuses a URL that is not a PostgreSQL one, with its own message in both languages', () => {
    const settings = publicSettings();
    const form = formFromSettings(settings);
    form.secrets.siteDatabaseUrl = { value: 'http://db.example/kiosk', clear: false };
    const checked = checkPatch(buildPatch(form, settings));
    expect(checked).toEqual({ ok: false, errors: { siteDatabaseUrl: { key: 'settings.error.siteDatabaseUrl' } } });
    expect(zhCN['settings.error.siteDatabaseUrl']).toContain('postgres://');
    expect(en['settings.error.siteDatabaseUrl']).toContain('postgres://');
  });
});

describe('site database test outcome', () => {
  it('names each failure in its own words, in both languages', () => {
    const seen = new Set<string>();
    for (const failure of SiteDatabaseFailureSchema.options) {
      const message = siteTestMessage({ ok: false, failure, schemaVersion: 9 });
      for (const language of ['zh-CN', 'en'] as const) {
        const text = translate(language, message.key, message.params);
        expect(text, `${failure} in ${language}`).not.toMatch(/\{\w+\}/);
        seen.add(text);
      }
    }
    expect(seen.size).toBe(SiteDatabaseFailureSchema.options.length * 2);
    expect(translate('zh-CN', siteTestMessage({ ok: false, failure: 'unreachable' }).key)).toBe(zhCN['settings.site.failure.unreachable']);
    const tooNew = siteTestMessage({ ok: false, failure: 'schema-too-new', schemaVersion: 7 });
    expect(translate('en', tooNew.key, tooNew.params)).toContain('7');
  });

  it('says the schema version when connected, and that an empty database gets its tables at first start', () => {
    expect(siteTestMessage({ ok: true, schemaVersion: 1 })).toEqual({ key: 'settings.site.testOk', params: { version: 1 } });
    expect(siteTestMessage({ ok: true, schemaVersion: 0 })).toEqual({ key: 'settings.site.testOkEmpty' });
  });
});
