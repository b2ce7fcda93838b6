/** The settings form's new trust settings: sent when changed, refused with their own messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHOTO_RULES, LIMITS, type PublicSettings } from '../../../src-preload/contract';
import { buildPatch, checkPatch, errorForField, formFromSettings } from '../../../src-renderer/src/settings/patch';
import { en } from '../../../src-renderer/src/i18n/en';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';

const SETTINGS: PublicSettings = {
  configured: true, demo: false, server: 'http://10.0.0.2:8080', companyno: 'C1', profile: 'aes-cbc', profiles: ['aes-cbc'], photoEncoding: 'bare', responseSignPolicy: 'warn',
  secretsSet: { appSecret: false, aesKey: false, aesIv: false }, secretProtection: 'os', useCompanyNoAsSecret: false, secretSource: 'missing', registrationPaused: true,
  defaultDeviceNos: [], defaultVisitMinutes: 120, maxVisitHours: 24, photoMaxKB: 200, photoRules: DEFAULT_PHOTO_RULES, language: 'zh-CN', selfServiceMode: false, selfServiceIdleSeconds: 60,
  selfServiceRegistrationsPerMinute: 3, startAtLogin: false, cameraId: '', adminPinSet: false, callbackAddress: '', retentionDays: 30,
};

describe('settings form: signing, visit length, self-registrations per minute', () => {
  it('sends the explicit company-number choice, the longest visit and the per-minute limit when changed', () => {
    const form = formFromSettings(SETTINGS);
    expect(buildPatch(form, SETTINGS)).toEqual({});
    form.useCompanyNoAsSecret = true;
    form.maxVisitHours = '72';
    form.selfServiceRegistrationsPerMinute = '5';
    expect(checkPatch(buildPatch(form, SETTINGS))).toEqual({ ok: true, patch: { useCompanyNoAsSecret: true, maxVisitHours: 72, selfServiceRegistrationsPerMinute: 5 } });
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
