import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Muster } from '../../../../src-preload/contract';
import type { Dispatch } from '../../../../src-main/ipc/dispatch';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { K30ServerError } from '../../../../src-main/k30/client/errors';
import { startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES, DEMO_REGIONS } from '../../../../src-main/k30/simulator/seed';
import { PresenceService, type PresenceClient } from '../../../../src-main/services/presence/presence-service';
import type { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { appRig } from '../../../helpers/app-rig';
import { ok } from '../../../helpers/results';
import { until } from '../../../helpers/test-data';

const keyOf = (p: { no: string; visitor: boolean }) => `${p.visitor ? 'v' : 'p'}:${p.no}`;

describe('the muster through the app services (demo simulator over HTTP)', () => {
  const app = appRig('muster-');
  let dispatch: Dispatch;
  beforeEach(async () => {
    dispatch = await app.start();
  });

  it('lists each person once, and its total equals the sum of the top regions', async () => {
    const muster = ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'masked' }));
    const keys = muster.people.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const roots = muster.regions.filter((r) => r.parentno === '');
    expect(roots.reduce((n, r) => n + r.inside, 0)).toBe(muster.people.length);
    // The campus: everyone in its buildings is counted there, not again at the campus.
    const campus = muster.regions.find((r) => r.no === DEMO_REGIONS.campus)!;
    const inBuildings = muster.people.filter((p) => p.regionNo !== DEMO_REGIONS.campus && p.regionPath[0] === campus.name).length;
    expect(campus.below).toBe(inBuildings);
    expect(campus.below).toBeGreaterThan(0);
    expect(campus.here).toBe(muster.people.filter((p) => p.regionNo === DEMO_REGIONS.campus).length);
    // The region tree counts the same way.
    const tree = ok<{ regions: { no: string; inside: number; here: number; below: number }[] }>(await dispatch('listRegions', undefined));
    expect(tree.regions.find((r) => r.no === DEMO_REGIONS.campus)).toMatchObject({
      here: campus.here,
      below: campus.below,
      inside: campus.here + campus.below,
    });
    // Door by name, region path, masked phone.
    const inA = muster.people.find((p) => p.regionNo === DEMO_REGIONS.buildingA)!;
    expect(inA.regionPath.length).toBe(2);
    expect(inA.doorName).not.toBe('');
    expect(muster.people.every((p) => p.phone === '' || /^\d{3}\*+\d{4}$/.test(p.phone))).toBe(true);
    // One region's muster is that region and its sub-regions.
    const campusOnly = ok<Muster>(await dispatch('getMuster', { scope: DEMO_REGIONS.campus, phones: 'masked' }));
    expect(campusOnly.people.length).toBe(campus.inside);
    expect(campusOnly.people.every((p) => p.regionPath[0] === campus.name)).toBe(true);
  });

  it('gives full phone numbers only within the admin PIN session', async () => {
    expect(await dispatch('getMuster', { scope: 'all', phones: 'full' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    ok(await dispatch('setAdminPin', { next: '2468' }));
    const full = ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'full' }));
    expect(full.people.some((p) => /^1\d{10}$/.test(p.phone))).toBe(true);
    // The masked muster never needs the PIN.
    expect((await dispatch('getMuster', { scope: 'all', phones: 'masked' })).ok).toBe(true);
  });

  it('follows a door pass reported by callback before the next snapshot', async () => {
    const before = ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'masked' }));
    const someone = before.people.find((p) => !p.visitor && p.regionNo === DEMO_REGIONS.buildingA)!;
    await app.demoSim('pass', { personNo: someone.no, deviceNo: DEMO_DEVICES.parkingIn });
    await until(
      async () =>
        ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'masked' })).people.find((p) => p.no === someone.no)?.regionNo === DEMO_REGIONS.parking,
    );
    const after = ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'masked' }));
    expect(after.people.length).toBe(before.people.length);
    expect(after.fetchedAt).toBe(before.fetchedAt); // from the same snapshot: no new list calls
  });
});

describe('presence snapshot paging', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  /** The real client, counting list calls and refusing page sizes above `maxPage` as a stricter server might. */
  function countingClient(maxPage = 1000) {
    const real = new K30Client({ server: sim.url, credentials: sim.credentials, limiter: new RateLimiter({ perMinute: 1000 }) });
    const sizes: number[] = [];
    const client: PresenceClient = {
      listRegions: (q, o) => real.listRegions(q, o),
      listRegionPeople: async (q, o) => {
        sizes.push(q.pagesize);
        if (q.pagesize > maxPage) throw new K30ServerError('pagesize 超出范围', 'region/getpeoplelist');
        return real.listRegionPeople(q, o);
      },
    };
    return { client, sizes };
  }
  const ledger = { all: () => [], findByK30No: () => undefined } as unknown as VisitLedger;

  it('reads 10 000 people in one region in pages of 1 000, and falls back when a server refuses them', async () => {
    const bulk = await fetch(`${sim.url}/__sim/people/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ regionNo: DEMO_REGIONS.lab, count: 10_000 }),
    });
    expect(bulk.status).toBe(200);
    const big = countingClient();
    const muster = await new PresenceService({ client: () => big.client, ledger }).getMuster({ scope: DEMO_REGIONS.lab, phones: 'masked' });
    expect(muster.people.length).toBeGreaterThanOrEqual(10_000);
    expect(big.sizes.every((s) => s === 1000)).toBe(true);
    expect(big.sizes.length).toBeLessThanOrEqual(10 + 5); // the lab's 10 pages + one for each other region

    const strict = countingClient(500);
    const service = new PresenceService({ client: () => strict.client, ledger });
    const again = await service.getMuster({ scope: DEMO_REGIONS.lab, phones: 'masked' });
    expect(again.people.length).toBe(muster.people.length);
    expect(service.snapshotPageSize).toBe(500);
    expect(strict.sizes.filter((s) => s > 500).length).toBe(1); // 1000 refused once, then remembered
  });
});
