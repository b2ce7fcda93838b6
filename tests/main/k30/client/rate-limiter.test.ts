/**
 * The list-call limiter against the simulator's "fewer than 60 a minute", over real HTTP, in
 * virtual time. Between the limiter and the server the requests wait in a queue that goes slower
 * the more is waiting in it (a busy server or network): a burst's calls then reach the server
 * later than the limiter let them go, and the server's window is behind ours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { K30Client } from '../../../../src-main/k30/client';
import { RateLimiter, SHARED_LIST_LIMIT_PER_MINUTE } from '../../../../src-main/k30/client/rate-limiter';
import { startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';

/**
 * Discrete-event time: a timer fires only when no HTTP exchange is under way, then the clock
 * jumps to it. The simulator and the limiter read this clock.
 */
function virtualTime() {
  let now = Date.UTC(2030, 0, 1, 9);
  const timers: { at: number; fire: () => void }[] = [];
  let exchanges = 0;
  let waiting = 0;
  let sendQueue: Promise<void> = Promise.resolve();

  const step = () =>
    setImmediate(() => {
      if (exchanges > 0 || timers.length === 0) return;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift()!;
      now = Math.max(now, next.at);
      next.fire();
      step();
    });
  const until = (at: number) =>
    new Promise<void>((fire) => {
      timers.push({ at, fire });
      step();
    });

  return {
    now: () => now,
    date: () => new Date(now),
    sleep: (ms: number) => until(now + ms),
    /**
     * One request at a time leaves the queue; each takes 1 ms for every request waiting behind
     * it, so a big burst drains slowly at first. The server sees a request when it leaves.
     */
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      waiting++;
      const turn = sendQueue.then(() => until(now + waiting));
      sendQueue = turn;
      await turn;
      waiting--;
      exchanges++;
      try {
        const res = await fetch(input, init);
        const body = await res.arrayBuffer();
        return new Response(body, { status: res.status, headers: res.headers });
      } finally {
        exchanges--;
        step();
      }
    }) as typeof fetch,
  };
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function seventyPeopleLists(limiterFor: (clock: ReturnType<typeof virtualTime>) => RateLimiter) {
  const clock = virtualTime();
  sim = await startSimulator({ port: 0, seed: 'demo', now: clock.date });
  const client = new K30Client({ server: sim.url, credentials: sim.credentials, limiter: limiterFor(clock), fetch: clock.fetch, now: clock.date });
  const started = clock.now();
  const settled = await Promise.allSettled(Array.from({ length: 70 }, () => client.listPeople({ pageindex: 1, pagesize: 20 })));
  const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  return { refused, minutes: (clock.now() - started) / 60_000 };
}

describe('70 concurrent people/getlist calls against a server allowing 60 a minute', () => {
  it('none is refused: a call counts from when it is let go until it is answered', async () => {
    const { refused, minutes } = await seventyPeopleLists((clock) => new RateLimiter({ perMinute: SHARED_LIST_LIMIT_PER_MINUTE, now: clock.now, sleep: clock.sleep }));
    expect(refused.map((r) => String(r.reason?.message))).toEqual([]);
    expect(refused).toHaveLength(0);
    // The last 15 wait for the first answers' window: just over a minute, not more.
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThan(1.1);
  });
});
