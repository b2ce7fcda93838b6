import { describe, expect, it } from 'vitest';
import { k30Date } from '../../../../src-main/k30/protocol/timestamp';
import { DEMO_VISITORS, seedDemo } from '../../../../src-main/k30/simulator/seed';
import { SimulatorState } from '../../../../src-main/k30/simulator/state';

describe('the demo seed', () => {
  // Just after midnight the morning's arrivals would fall on yesterday if taken "minutes ago".
  for (const [label, now] of [
    ['just after midnight', new Date(2026, 11, 2, 0, 3, 0)],
    ['at noon', new Date(2026, 11, 2, 12, 0, 0)],
  ] as const) {
    it(`puts today's entries and the visitor's passes on today ${label}, none in the future`, () => {
      const state = new SimulatorState();
      seedDemo(state, now);
      const today = k30Date(now);
      const entries = [...state.presence.values()].flatMap((slot) => [...slot.values()]);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.entertime.startsWith(today)).toBe(true);
        expect(new Date(entry.entertime.replace(' ', 'T')).getTime()).toBeLessThanOrEqual(now.getTime());
      }
      const liuYang = state.passRecords.filter((r) => r.peopleno === DEMO_VISITORS.liuYang);
      expect(liuYang.length).toBeGreaterThanOrEqual(2);
      expect(liuYang.every((r) => r.addtime.startsWith(today))).toBe(true);
    });
  }
});
