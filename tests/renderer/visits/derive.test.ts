import { describe, expect, it } from 'vitest';
import { VisitStateSchema, type Visit } from '../../../src-preload/contract';
import { lastErrorKey, matchesQuery, visitTab } from '../../../src-renderer/src/visits/derive';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';

const visit = (over: Partial<Visit>): Visit => ({
  id: '1',
  state: 'pushed',
  channel: 'reception',
  visitor: { name: '陈晓明', phoneMasked: '138****5678', documentType: 'id-card', documentMasked: '', carno: '', reason: '' },
  host: { no: 'H1', name: '张伟' },
  begin: new Date(2030, 0, 1, 9).toISOString(),
  end: new Date(2030, 0, 1, 18).toISOString(),
  devices: [],
  history: [],
  createdAt: new Date(2030, 0, 1, 8).toISOString(),
  photoKept: false,
  ...over,
});

describe('visit tabs and search', () => {
  const now = new Date(2030, 0, 1, 12);
  it('derives the tab from state and window', () => {
    expect(visitTab(visit({}), now)).toBe('today');
    expect(visitTab(visit({ state: 'removal-pending' }), now)).toBe('removal');
    expect(visitTab(visit({ state: 'cancelled' }), now)).toBe('ended');
    expect(visitTab(visit({ end: new Date(2030, 0, 1, 11).toISOString() }), now)).toBe('ended');
    expect(visitTab(visit({ begin: new Date(2030, 0, 2, 9).toISOString(), end: new Date(2030, 0, 2, 10).toISOString() }), now)).toBe('upcoming');
  });
  it("explains a visit's last error by its state, in the dictionaries' words", () => {
    expect(lastErrorKey('create-unknown')).toBe('visit.error.create-unknown');
    expect(lastErrorKey('created-without-no')).toBe('visit.error.created-without-no');
    expect(lastErrorKey('pushed')).toBe('visit.error.push-failed');
    for (const state of VisitStateSchema.options) expect(zhCN[lastErrorKey(state)]).toBeTruthy();
  });
  it('searches name, phone tail and host', () => {
    expect(matchesQuery(visit({}), '晓明')).toBe(true);
    expect(matchesQuery(visit({}), '5678')).toBe(true);
    expect(matchesQuery(visit({}), '1234')).toBe(false);
    expect(matchesQuery(visit({}), '张伟')).toBe(true);
  });
});
