import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchScheduler } from '../../../src-renderer/src/register/host-search';

function setup() {
  const pending: { query: string; resolve: (v: string[]) => void }[] = [];
  const shown: { query: string; result: string[] }[] = [];
  let clears = 0;
  const search = vi.fn((query: string) => new Promise<string[]>((resolve) => pending.push({ query, resolve })));
  const scheduler = createSearchScheduler<string[]>({
    delayMs: 300,
    minLength: 1,
    search,
    onStart: () => {},
    onResult: (query, result) => shown.push({ query, result }),
    onClear: () => clears++,
  });
  return { scheduler, search, pending, shown, clears: () => clears };
}

describe('host search scheduling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces by 300 ms', async () => {
    const { scheduler, search } = setup();
    scheduler.input('张');
    await vi.advanceTimersByTimeAsync(200);
    scheduler.input('张伟');
    await vi.advanceTimersByTimeAsync(299);
    expect(search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('张伟');
  });

  it('does not search below the minimum length (and clears)', async () => {
    const { scheduler, search, clears } = setup();
    scheduler.input('   ');
    await vi.advanceTimersByTimeAsync(500);
    expect(search).not.toHaveBeenCalled();
    expect(clears()).toBe(1);
  });

  it('skips a duplicate query', async () => {
    const { scheduler, search, pending } = setup();
    scheduler.input('李');
    await vi.advanceTimersByTimeAsync(300);
    pending[0].resolve(['李娜']);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.input('李 ');
    await vi.advanceTimersByTimeAsync(300);
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('keeps at most one request in flight and runs only the newest query next', async () => {
    const { scheduler, search, pending, shown } = setup();
    scheduler.input('a');
    await vi.advanceTimersByTimeAsync(300);
    scheduler.input('ab');
    await vi.advanceTimersByTimeAsync(300);
    scheduler.input('abc');
    await vi.advanceTimersByTimeAsync(300);
    expect(search).toHaveBeenCalledTimes(1);
    pending[0].resolve(['old']);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual([]); // 'a' is stale: not shown
    expect(search).toHaveBeenCalledTimes(2);
    expect(search).toHaveBeenLastCalledWith('abc');
    pending[1].resolve(['new']);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual([{ query: 'abc', result: ['new'] }]);
  });

  it('searches again after the box was emptied', async () => {
    const { scheduler, search, pending } = setup();
    scheduler.input('王');
    await vi.advanceTimersByTimeAsync(300);
    pending[0].resolve([]);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.input('');
    scheduler.input('王');
    await vi.advanceTimersByTimeAsync(300);
    expect(search).toHaveBeenCalledTimes(2);
  });
});
