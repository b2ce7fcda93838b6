import { describe, expect, it } from 'vitest';
import { DAYS_AFTER, DAYS_BEFORE, dayChoices, formatDay, joinLocal, splitLocal } from '../../../src-renderer/src/lib/datetime-parts';

const RELATIVE_ZH = { today: '今天', tomorrow: '明天' };

describe('the app’s own date-time entry', () => {
  it('splits a draft value into day, hour and minute and joins it back', () => {
    expect(splitLocal('2026-12-01T07:04')).toEqual({ date: '2026-12-01', hour: '07', minute: '04' });
    expect(joinLocal({ date: '2026-12-01', hour: '19', minute: '30' })).toBe('2026-12-01T19:30');
    expect(splitLocal('')).toBeNull();
    expect(splitLocal('2026-02-30T10:00'), 'no 30 February').toBeNull();
  });

  it('writes days in the app’s language, never in the US order Chromium’s own field used', () => {
    const day = new Date(2026, 11, 1, 7, 4);
    expect(formatDay(day, 'zh-CN')).toBe('2026年12月1日周二');
    expect(formatDay(day, 'en')).toBe('Tue, Dec 1, 2026');
  });

  it('offers yesterday to 90 days ahead, names today and tomorrow, and keeps a chosen day outside the range', () => {
    const days = dayChoices('2026-12-01', '2026-12-01', 'zh-CN', RELATIVE_ZH);
    expect(days).toHaveLength(DAYS_BEFORE + DAYS_AFTER + 1);
    expect(days[0]).toEqual({ value: '2026-11-30', label: '2026年11月30日周一' });
    expect(days[1]).toEqual({ value: '2026-12-01', label: '今天 · 2026年12月1日周二' });
    expect(days[2]).toEqual({ value: '2026-12-02', label: '明天 · 2026年12月2日周三' });
    expect(days.at(-1)!.value).toBe('2027-03-01');

    const far = dayChoices('2026-12-01', '2027-06-01', 'en', { today: 'Today', tomorrow: 'Tomorrow' });
    expect(far).toHaveLength(DAYS_BEFORE + DAYS_AFTER + 2);
    expect(far.at(-1)).toEqual({ value: '2027-06-01', label: 'Tue, Jun 1, 2027' });
    expect(far[1].label).toBe('Today · Tue, Dec 1, 2026');
  });

  it('crosses a month and a year end without skipping or repeating a day', () => {
    const days = dayChoices('2026-12-31', undefined, 'en', { today: 'Today', tomorrow: 'Tomorrow' }).map((d) => d.value);
    expect(new Set(days).size).toBe(days.length);
    expect(days.slice(0, 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
