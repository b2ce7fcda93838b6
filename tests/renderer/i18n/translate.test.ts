import { describe, expect, it } from 'vitest';
import { ConnectionFailureSchema, DocumentTypeSchema, ErrorCodeSchema, VisitStateSchema } from '../../../src-preload/contract';
import { en } from '../../../src-renderer/src/i18n/en';
import { describeError, translate, translator } from '../../../src-renderer/src/i18n/translate';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';

/** Parameter names a template uses: `{name}` or a plural form `{name|one|other}`. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('zh-CN and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('no message is empty and placeholders match', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('every error code, visit state and document type has a message in both languages', () => {
    const keys = new Set(Object.keys(zhCN));
    for (const code of ErrorCodeSchema.options) expect(keys.has(`error.${code}`), code).toBe(true);
    for (const state of VisitStateSchema.options) expect(keys.has(`state.${state}`), state).toBe(true);
    for (const doc of DocumentTypeSchema.options) expect(keys.has(`doc.${doc}`), doc).toBe(true);
    for (const failure of ConnectionFailureSchema.options) expect(keys.has(`connection.failure.${failure}`), failure).toBe(true);
  });

  it('names a failed connection test in Chinese, not with its English code', () => {
    for (const failure of ConnectionFailureSchema.options) {
      expect(zhCN[`connection.failure.${failure}`], failure).toMatch(/[\u4e00-\u9fff]/);
      expect(zhCN[`connection.failure.${failure}`], failure).not.toContain(failure);
    }
  });

  it('error messages say what to do next', () => {
    for (const code of ErrorCodeSchema.options) {
      expect(zhCN[`error.${code}`], code).toMatch(/：/);
      expect(en[`error.${code}`], code).toMatch(/:/);
    }
    expect(zhCN['error.device-offline']).toBe('门禁设备离线：请检查设备网络后重试');
    expect(en['error.device-offline']).toBe('A door device is offline: check its network, then retry');
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'wizard.stepOf', { n: 2, total: 6 })).toBe('第 2 步，共 6 步');
    expect(translate('en', 'wizard.stepOf', { n: 2, total: 6 })).toBe('Step 2 of 6');
  });

  it('gets English plurals right, and leaves Chinese alone', () => {
    expect(translate('en', 'devices.selectedCount', { count: 1 })).toBe('1 device selected');
    expect(translate('en', 'devices.selectedCount', { count: 0 })).toBe('0 devices selected');
    expect(translate('en', 'security.musterExported', { count: 1, file: 'a.csv' })).toBe('Exported 1 person: a.csv');
    expect(translate('en', 'visits.count', { count: 12 })).toBe('12 visits');
    expect(translate('zh-CN', 'devices.selectedCount', { count: 1 })).not.toMatch(/[|#]/);
    // No English template leaves a plural form unfilled.
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(translate('en', key, { count: 2, n: 2, total: 3, here: 1, below: 1, name: 'x', file: 'f', time: 't' }), key).not.toMatch(/\{\w+\|/);
    }
  });

  it('describes errors with the server detail, but not internal detail', () => {
    const t = translator('zh-CN');
    expect(describeError(t, { code: 'server-refused', message: '手机号已存在' })).toEqual({
      message: zhCN['error.server-refused'],
      detail: '详细信息：手机号已存在',
    });
    expect(describeError(t, { code: 'internal', message: 'TypeError at x.js:1' }).detail).toBeUndefined();
  });

  it('says "registered on K30 as NO, but not yet saved on this PC" in the user\'s language, never main\'s English', () => {
    const error = {
      code: 'not-saved' as const,
      message: 'registered on K30 as 1001, but not yet saved on this PC: ENOSPC',
      k30No: '1001',
      k30State: 'created' as const,
      disk: 'full' as const,
    };
    expect(describeError(translator('zh-CN'), error)).toEqual({ message: zhCN['error.not-saved'].replace('{no}', '1001'), detail: zhCN['disk.full'] });
    expect(describeError(translator('en'), error).message).toMatch(/^Registered on K30 as 1001, but not yet saved on this computer/);
    expect(describeError(translator('zh-CN'), { ...error, k30State: 'removed' }).message).toContain(zhCN['state.removed']);
    expect(describeError(translator('zh-CN'), { code: 'disk-error', message: 'EROFS', disk: 'read-only' })).toEqual({
      message: zhCN['error.disk-error'],
      detail: zhCN['disk.read-only'],
    });
  });
});
