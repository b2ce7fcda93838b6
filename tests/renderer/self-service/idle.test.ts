/** The kiosk's idle reset (pure, with a fake clock). */
import { describe, expect, it, vi } from 'vitest';
import { createIdleTimer, type IdleClock, type IdlePhase } from '../../../src-renderer/src/self-service/idle';

// ---------------------------------------------------------------------------------------------
// A fake clock for the idle timer.

function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: IdleClock = {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  /** Moves time on, firing due timers in order (those they set too). */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

describe('kiosk idle timer', () => {
  function setup(idleMs = 15_000, warnSeconds = 10) {
    const { clock, advance, pending } = fakeClock();
    const phases: IdlePhase[] = [];
    const onExpire = vi.fn();
    const timer = createIdleTimer({ idleMs, warnSeconds, clock, onChange: (p) => phases.push(p), onExpire });
    return { timer, advance, pending, phases, onExpire };
  }

  it('does nothing until started', () => {
    const { timer, advance, onExpire, pending } = setup();
    timer.activity();
    advance(60_000);
    expect(timer.state()).toEqual({ phase: 'stopped' });
    expect(onExpire).not.toHaveBeenCalled();
    expect(pending()).toBe(0);
  });

  it('warns after the idle time, counts 10 s down, then expires once and stops', () => {
    const { timer, advance, onExpire, phases, pending } = setup();
    timer.start();
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(14_999);
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(1);
    expect(timer.state()).toEqual({ phase: 'warning', secondsLeft: 10 });
    advance(3_000);
    expect(timer.state()).toEqual({ phase: 'warning', secondsLeft: 7 });
    advance(6_999);
    expect(onExpire).not.toHaveBeenCalled();
    advance(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(timer.state()).toEqual({ phase: 'stopped' });
    expect(pending()).toBe(0);
    advance(120_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(phases.filter((p) => p.phase === 'warning').map((p) => (p as { secondsLeft: number }).secondsLeft)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('any activity restarts the full idle time, also during the warning', () => {
    const { timer, advance, onExpire } = setup();
    timer.start();
    advance(14_000);
    timer.activity();
    advance(14_000);
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(1_000 + 5_000);
    expect(timer.state()).toEqual({ phase: 'warning', secondsLeft: 5 });
    timer.activity();
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(14_999);
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(1 + 10_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('stop cancels everything; start again watches afresh; a new idle time applies at once', () => {
    const { timer, advance, onExpire, pending } = setup();
    timer.start();
    advance(15_000 + 2_000);
    timer.stop();
    expect(timer.state()).toEqual({ phase: 'stopped' });
    expect(pending()).toBe(0);
    advance(60_000);
    expect(onExpire).not.toHaveBeenCalled();
    timer.start();
    timer.setIdleMs(30_000);
    advance(29_999);
    expect(timer.state()).toEqual({ phase: 'active' });
    advance(1);
    expect(timer.state()).toMatchObject({ phase: 'warning' });
  });
});

// ---------------------------------------------------------------------------------------------
// The flow's rules.
