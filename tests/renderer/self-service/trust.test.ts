/**
 * What the kiosk shows and tells main about the trust rules (issue #8 B4-B6): the per-minute
 * limit's message, the paused registration, no phone tail for a host, and going back to the
 * welcome screen ends the last visitor's events.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCodeSchema, type Host, type KioskApi } from '../../../src-preload/contract';
import { selfServiceErrorView } from '../../../src-renderer/src/self-service/flow';
import { useSelfServiceHostSearch, useSelfServiceStore, SELF_SERVICE_HOST_MIN_LENGTH } from '../../../src-renderer/src/self-service/store';
import { hostLabel } from '../../../src-renderer/src/register/host-label';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { en } from '../../../src-renderer/src/i18n/en';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';

const calls: string[] = [];
(globalThis as unknown as { kiosk: Partial<KioskApi> }).kiosk = {
  resetSelfServiceSession: async () => {
    calls.push('resetSelfServiceSession');
    return { ok: true, value: true };
  },
  searchHosts: async () => {
    calls.push('searchHosts');
    return { ok: true, value: [] };
  },
};

beforeEach(() => {
  calls.length = 0;
});

describe('the kiosk and the trust rules', () => {
  it('has a message in both languages for every error code', () => {
    for (const code of ErrorCodeSchema.options) {
      const view = selfServiceErrorView({ code, message: '' });
      expect(zhCN[view.key], code).toBeTruthy();
      expect(en[view.key], code).toBeTruthy();
      expect(zhCN[`error.${code}`], code).toBeTruthy();
      expect(en[`error.${code}`], code).toBeTruthy();
    }
  });

  it('says plainly that the kiosk registered its per-minute maximum, and that trying again later helps', () => {
    expect(selfServiceErrorView({ code: 'too-many-registrations', message: '' })).toEqual({ key: 'selfService.error.tooMany', retry: true, detail: false });
    // Registration paused for want of an app secret: the visitor goes to reception, no details.
    expect(selfServiceErrorView({ code: 'app-secret-required', message: 'Enter the app secret' })).toMatchObject({
      key: 'selfService.error.unavailable',
      retry: false,
      detail: false,
    });
  });

  it('shows a host without a phone tail as name · department', () => {
    const host: Host = { no: '1', name: '张伟', deptname: '研发部', phoneTail: '' };
    expect(hostLabel(translator('zh-CN'), host)).toBe('张伟 · 研发部');
    expect(hostLabel(translator('en'), host, 'selected')).toBe('Selected: 张伟 · 研发部');
    expect(hostLabel(translator('zh-CN'), { ...host, phoneTail: '8001' })).toBe('张伟 · 研发部 · 尾号 8001');
  });

  it('tells main when it goes back to the welcome screen, so the last visitor’s events stop', async () => {
    useSelfServiceStore.getState().wipe();
    await Promise.resolve();
    expect(calls).toEqual(['resetSelfServiceSession']);
  });

  it('does not search hosts below two characters', async () => {
    expect(SELF_SERVICE_HOST_MIN_LENGTH).toBe(2);
    useSelfServiceHostSearch.getState().setText('张');
    useSelfServiceHostSearch.getState().retry();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).not.toContain('searchHosts');
  });
});
