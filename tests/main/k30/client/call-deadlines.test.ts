/** Deadlines on one timer per duration: each fires once, not early, in order; a cleared one never fires. */
import { describe, expect, it } from 'vitest';
import { startCallDeadline } from '../../../../src-main/k30/client/call-deadlines';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('call deadlines', () => {
  it('fire once each, in order, not before their time; cleared ones never', async () => {
    const fired: { i: number; late: number }[] = [];
    const deadlines = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const deadline = startCallDeadline(120);
      deadline.onExpire = () => fired.push({ i, late: performance.now() - started - 120 });
      deadlines.push(deadline);
      if (i === 0 || i === 3) deadline.clear(); // its work was over at once
      await sleep(15);
    }
    await sleep(400);
    expect(fired.map((f) => f.i)).toEqual([1, 2, 4, 5]);
    for (const f of fired) expect(f.late).toBeGreaterThanOrEqual(-1);
    expect(deadlines.map((d) => d.expired)).toEqual([false, true, true, false, true, true]);
  });

  it('keeps durations apart: a short deadline started later still fires first', async () => {
    const order: string[] = [];
    const long = startCallDeadline(250);
    long.onExpire = () => order.push('long');
    const short = startCallDeadline(60);
    short.onExpire = () => order.push('short');
    await sleep(400);
    expect(order).toEqual(['short', 'long']);
  });
});
