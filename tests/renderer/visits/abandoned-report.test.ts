import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src-preload/contract';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { abandonedReportCsv } from '../../../src-renderer/src/visits/abandoned-report';

function visit(id: string, state: Visit['state'], name: string): Visit {
  return {
    id,
    state,
    channel: 'reception',
    visitor: { name, phoneMasked: '138****5678', documentType: 'id-card', documentMasked: '1101**********1234', carno: '', reason: '' },
    host: { no: 'H1', name: '张伟' },
    begin: '2030-01-01T01:00:00.000Z',
    end: '2030-01-01T03:00:00.000Z',
    devices: [],
    history: [{ at: '2030-01-01T01:05:00.000Z', event: state }],
    createdAt: '2030-01-01T01:00:00.000Z',
    photoKept: false,
  };
}

describe("the K30 admin's report of abandoned registrations", () => {
  it('lists only abandoned visits, in the UI language, with what finds the visitor in K30', () => {
    const csv = abandonedReportCsv(
      [visit('a1', 'abandoned', '=王五'), visit('p1', 'pushed', '赵六'), visit('c1', 'cancelled', '钱七')],
      translator('zh-CN'),
      'zh-CN',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('本机登记号,访客姓名,手机（部分隐藏）,证件号（部分隐藏）,被访人,开始时间,结束时间,登记时间,放弃时间');
    // A name that a spreadsheet would run as a formula is defused.
    expect(lines[1]).toMatch(/^a1,'=王五,138\*\*\*\*5678,居民身份证 1101\*\*\*\*\*\*\*\*\*\*1234,张伟,/);
    expect(lines[1].split(',').at(-1)).not.toBe('');
  });
});
