import { describe, expect, it } from 'vitest';
import { APP_STOPPED, MAY_REMAIN, NO_NUMBER } from '../../../src-main/services/visits/registration';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { serviceText } from '../../../src-renderer/src/visits/service-text';

describe('main’s notes about a visit, in the app’s language', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('translates main’s fixed sentences (taken from main itself, so a rewording there fails here)', () => {
    for (const text of [APP_STOPPED, MAY_REMAIN, NO_NUMBER, 'no visitor number']) {
      const shown = serviceText(text, zh);
      expect(shown, text).not.toMatch(/[A-Za-z]{3,}/);
      expect(shown).not.toBe('');
      expect(serviceText(text, en)).not.toContain('详细');
    }
    expect(serviceText(MAY_REMAIN, zh)).toContain('K30 软件');
  });

  it('keeps the server’s own words, marked as a detail', () => {
    expect(serviceText('Push to devices failed: 设备离线', zh)).toBe('下发到门禁失败。详细信息：设备离线');
    expect(serviceText('Push to devices failed: 设备离线', en)).toBe('Push to the doors failed. Details: 设备离线');
    expect(serviceText('connect ECONNREFUSED 127.0.0.1:8030', zh)).toBe('详细信息：connect ECONNREFUSED 127.0.0.1:8030');
    expect(serviceText(undefined, zh)).toBe('');
  });
});
