/** The settings form's new trust settings: sent when changed, refused with their own messages. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src-preload/contract';
import { buildPatch, checkPatch, errorForField, formFromSettings, profileOptions } from '../../../src-renderer/src/settings/patch';
import { en } from '../../../src-renderer/src/i18n/en';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';
import { publicSettings } from '../../helpers/public-settings';

const SETTINGS = publicSettings({
  profiles: ['aes-cbc'],
  secretsSet: { appSecret: false, aesKey: false, aesIv: false },
  secretSource: 'missing',
  registrationPaused: true,
  defaultDeviceNos: [],
});

describe('settings form: signing, visit length, self-registrations per minute', () => {
  it('sends the explicit company-number choice, the longest visit and the per-minute limit when changed', () => {
    const form = formFromSettings(SETTINGS);
    expect(buildPatch(form, SETTINGS)).toEqual({});
    form.useCompanyNoAsSecret = true;
    form.maxVisitHours = '72';
    form.selfServiceRegistrationsPerMinute = '5';
    expect(checkPatch(buildPatch(form, SETTINGS))).toEqual({
      ok: true,
      patch: { useCompanyNoAsSecret: true, maxVisitHours: 72, selfServiceRegistrationsPerMinute: 5 },
    });
  });

  it('refuses out-of-range values with a message of their own, in both languages', () => {
    const form = formFromSettings(SETTINGS);
    form.maxVisitHours = '0';
    form.selfServiceRegistrationsPerMinute = '61';
    const checked = checkPatch(buildPatch(form, SETTINGS));
    expect(checked).toEqual({
      ok: false,
      errors: {
        maxVisitHours: { key: 'settings.error.range', params: LIMITS.maxVisitHours },
        selfServiceRegistrationsPerMinute: { key: 'settings.error.range', params: LIMITS.selfServiceRegistrationsPerMinute },
      },
    });
    for (const field of ['maxVisitHours', 'selfServiceRegistrationsPerMinute']) {
      const { key } = errorForField(field)!.error;
      expect(zhCN[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
    }
  });
});

describe('settings patch', () => {
  const settings = publicSettings();
  it('sends only changed fields; secrets only when typed or cleared', () => {
    const form = formFromSettings(settings);
    expect(buildPatch(form, settings)).toEqual({});
    form.defaultVisitMinutes = '240';
    form.secrets.aesKey = { value: '', clear: true };
    form.secrets.aesIv = { value: ' iv123 ', clear: false };
    expect(buildPatch(form, settings)).toEqual({ defaultVisitMinutes: 240, aesKey: '', aesIv: 'iv123' });
  });
  it('offers the profiles main knows, plus the saved and the chosen one', () => {
    expect(profileOptions(settings.profiles, settings.profile, 'aes-cbc')).toEqual(['aes-cbc', 'aes-ecb']);
    expect(profileOptions(settings.profiles, 'legacy', undefined, 'custom')).toEqual(['aes-cbc', 'aes-ecb', 'legacy', 'custom']);
  });
  it('reports errors by field', () => {
    const result = checkPatch({ server: 'ftp://x', photoMaxKB: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual({ server: { key: 'settings.error.server' }, photoMaxKB: { key: 'settings.error.range', params: LIMITS.photoMaxKB } });
  });
  it("words every limit from the contract's numbers, so a changed limit changes the message", () => {
    const result = checkPatch({
      defaultVisitMinutes: LIMITS.defaultVisitMinutes.max + 1,
      selfServiceIdleSeconds: LIMITS.selfServiceIdleSeconds.min - 1,
      retentionDays: 0,
      companyno: 'x'.repeat(LIMITS.companyno + 1),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.defaultVisitMinutes).toEqual({ key: 'settings.error.range', params: LIMITS.defaultVisitMinutes });
    expect(result.errors.selfServiceIdleSeconds).toEqual({ key: 'settings.error.range', params: LIMITS.selfServiceIdleSeconds });
    expect(result.errors.retentionDays).toEqual({ key: 'settings.error.range', params: LIMITS.retentionDays });
    expect(result.errors.companyno).toEqual({ key: 'settings.error.companyno', params: { max: LIMITS.companyno } });
    expect(checkPatch({ defaultVisitMinutes: LIMITS.defaultVisitMinutes.max }).ok).toBe(true);
  });
});
