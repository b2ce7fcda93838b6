/**
 * The list-call limiter against the simulator's "fewer than 60 a minute", over real HTTP, in
 * virtual time. Between the limiter and the server the requests wait in a queue that goes slower
 * the more is waiting in it (a busy server or network): a burst's calls then reach the server
 * later than the limiter let them go, and the server's window is behind ours. Then the limiter on
 * its own, with a fake clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, HttpTransport, K30Client, normaliseServer, type K30Transport } from '../../../../src-main/k30/client';
import { listLimiterFor, RateLimiter, SHARED_LIST_LIMIT_PER_MINUTE } from '../../../../src-main/k30/client/rate-limiter';
import { isRateLimitedPath, isReadPath, PATHS } from '../../../../src-main/k30/client/paths';
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
  const http = new HttpTransport({ timeoutMs: DEFAULT_TIMEOUT_MS });

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
    transport: {
      async post(url: string, body: string, call: string) {
        waiting++;
        const turn = sendQueue.then(() => until(now + waiting));
        sendQueue = turn;
        await turn;
        waiting--;
        exchanges++;
        try {
          return await http.post(url, body, call);
        } finally {
          exchanges--;
          step();
        }
      },
    } satisfies K30Transport,
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
  const client = new K30Client({ server: sim.url, credentials: sim.credentials, limiter: limiterFor(clock), transport: clock.transport, now: clock.date });
  const started = clock.now();
  const settled = await Promise.allSettled(Array.from({ length: 70 }, () => client.listPeople({ pageindex: 1, pagesize: 20 })));
  const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  return { refused, minutes: (clock.now() - started) / 60_000 };
}

describe('70 concurrent people/getlist calls against a server allowing 60 a minute', () => {
  it('none is refused: a call counts from when it is let go until it is answered', async () => {
    const { refused, minutes } = await seventyPeopleLists(
      (clock) => new RateLimiter({ perMinute: SHARED_LIST_LIMIT_PER_MINUTE, now: clock.now, sleep: clock.sleep }),
    );
    expect(refused.map((r) => String(r.reason?.message))).toEqual([]);
    expect(refused).toHaveLength(0);
    // The last 15 wait for the first answers' window: just over a minute, not more.
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThan(1.1);
  });
});

describe('rate limiter', () => {
  function fakeClock() {
    let now = 0;
    return {
      now: () => now,
      /** Time passes once the work already running is done (its answers counted), as in a real wait. */
      sleep: async (ms: number) => {
        await new Promise((resolve) => setImmediate(resolve));
        now += ms;
      },
      get time() {
        return now;
      },
    };
  }

  it('never lets more than perMinute calls start in any window, and makes callers wait rather than fail', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 5, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const results = await Promise.all(Array.from({ length: 23 }, (_, i) => limiter.schedule(async () => (starts.push(clock.time), i))));
    expect(results).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const t of starts) expect(starts.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(5);
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts[5]).toBe(60_000);
    expect(starts[22]).toBe(240_000);
  });

  it('keeps a reserve for interactive calls: background calls never make a host search wait', async () => {
    // A clock whose sleeps take a turn of the event loop, so the search below comes "meanwhile".
    let time = 0;
    const clock = {
      now: () => time,
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(() => ((time += ms), resolve()), 0)),
      get time() {
        return time;
      },
    };
    const limiter = new RateLimiter({ perMinute: 10, reserve: 4, now: clock.now, sleep: clock.sleep });
    const starts: Record<string, number> = {};
    const background = Array.from({ length: 12 }, (_, i) => limiter.schedule(async () => void (starts[`b${i}`] = clock.time), 'background'));
    const search = limiter.schedule(async () => void (starts.search = clock.time));
    await Promise.all([...background, search]);
    expect(starts.search).toBe(0);
    expect(Array.from({ length: 6 }, (_, i) => starts[`b${i}`])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(starts.b6).toBe(60_000);
    // Never more than perMinute in any window, background ones never more than perMinute - reserve.
    const times = Object.values(starts);
    for (const t of times) expect(times.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(10);
  });

  it('passes on the failure of a call without blocking the queue', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 2, now: clock.now, sleep: clock.sleep });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule(async () => 'ok')).resolves.toBe('ok');
    expect(limiter.inWindow).toBe(2);
  });

  it('knows which paths are limited and which are reads', () => {
    expect([PATHS.peopleList, PATHS.regionList, PATHS.regionPeople, 'People/GetList'].map(isRateLimitedPath)).toEqual([true, true, true, true]);
    expect([PATHS.deviceList, PATHS.departmentList, PATHS.recordList].map(isRateLimitedPath)).toEqual([false, false, false]);
    expect([PATHS.deviceList, PATHS.deviceStatus, PATHS.recordList, '/openapi/region/getpeoplelist'].map(isReadPath)).toEqual([true, true, true, true]);
    expect([PATHS.visitorCreate, PATHS.deviceOpenDoor, 'attendance/attcalculate'].map(isReadPath)).toEqual([false, false, false]);
  });
});

describe('the default list limiter', () => {
  const sims: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.close()));
  });

  it('is one per K30 server: a full minute on one server does not hold up a call to another', async () => {
    const [busy, other] = await Promise.all([startSimulator({ port: 0, seed: 'demo' }), startSimulator({ port: 0, seed: 'demo' })]);
    sims.push(busy, other);
    const client = (sim: RunningSimulator) => new K30Client({ server: sim.url, credentials: sim.credentials });
    const toBusy = client(busy);
    await Promise.all(Array.from({ length: SHARED_LIST_LIMIT_PER_MINUTE }, () => toBusy.listRegions({ pageindex: 1, pagesize: 20 })));

    // The other server answers at once.
    const started = performance.now();
    await client(other).listRegions({ pageindex: 1, pagesize: 20 });
    expect(performance.now() - started).toBeLessThan(2_000);

    // Every client of one server counts against the same minute, however its address was written.
    expect(listLimiterFor(normaliseServer(`${busy.url}/openapi/`))).toBe(listLimiterFor(normaliseServer(busy.url)));
    expect(listLimiterFor(normaliseServer(busy.url))).not.toBe(listLimiterFor(normaliseServer(other.url)));
  });
});
