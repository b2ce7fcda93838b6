/** The status store against a fake `window.kiosk`: ledger problems and clock skew, as main reports them. */
import { describe, expect, it } from 'vitest';
import type { AppStatus, Result } from '../../../src-preload/contract';
import { translate } from '../../../src-renderer/src/i18n/translate';
import { installFakeKiosk } from '../../helpers/fake-kiosk';

let getStatus: () => Promise<Result<AppStatus>>;
installFakeKiosk({ getStatus: () => getStatus() });

const { useStatusStore } = await import('../../../src-renderer/src/status/store');

describe('status store', () => {
  it('loads the ledger problems main found at start; a failed call shows nothing made up', async () => {
    getStatus = async () => ({ ok: false, error: { code: 'internal', message: 'no bridge' } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().ledgerProblems).toEqual([]);
    const problem = { kind: 'corrupt' as const, setAside: '/data/visits.json.corrupt-1', at: '2030-01-01T00:00:00.000Z' };
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [problem], unsaved: [] } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().ledgerProblems).toEqual([problem]);
  });

  it('takes the clock-skew report, which the renderer says in numbers in both languages', async () => {
    const clockSkew = { code: 'server-behind' as const, minutes: 20, rejected: 3, at: '2030-01-01T00:00:00.000Z' };
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [], unsaved: [], clockSkew } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().clockSkew).toEqual(clockSkew);
    const params = { minutes: clockSkew.minutes, count: clockSkew.rejected };
    expect(translate('zh-CN', `status.clockSkew.${clockSkew.code}`, params)).toMatch(/慢 20 分钟.*3 条/);
    expect(translate('en', `status.clockSkew.${clockSkew.code}`, params)).toMatch(/20 minutes behind.*3 door confirmations/);
    // Once main stops reporting it, so does the screen.
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [], unsaved: [] } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().clockSkew).toBeUndefined();
  });
});
