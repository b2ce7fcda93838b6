import { beforeEach, expect, it } from 'vitest';
import type { Registration } from '../../../../src-preload/contract';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { demoRegistration, until } from '../../../helpers/test-data';
import { siteRig } from '../../../helpers/site-station';
import { describeWithPg } from '../../../helpers/with-pg';

const DEVICES = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingAIn];
const registration = (i: number): Registration => demoRegistration({ name: `访客${i}`, phone: `139${String(10000000 + i)}`, deviceNos: DEVICES });

describeWithPg('two stations on one site database', (cluster) => {
  let clock: number;
  const now = () => new Date(clock);
  const site = siteRig(() => cluster().newDatabase(), now);
  const { deletes, stations, station } = site;

  beforeEach(() => {
    clock = Date.now();
  });

  it('registrations on both are seen by both within 2 s, and every removal is done exactly once', async () => {
    const a = await station('lobby');
    const b = await station('reception');
    const made = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? a : b).registration.register(registration(i))));
    const started = Date.now();
    await until(() => a.ledger.all().length === 6 && b.ledger.all().length === 6, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(b.ledger.get(made[1].id)?.state).toBe('pushed');
    expect(a.updated).toEqual(expect.arrayContaining([made[0].id, made[2].id]));

    clock = Date.parse(made[0].end) + 60_000;
    const [ra, rb] = await Promise.all([a.sweeper.removeExpired(), b.sweeper.removeExpired()]);
    expect(ra.removed + rb.removed).toBe(6);
    expect(ra.failed.concat(rb.failed)).toEqual([]);
    const nos = deletes.map((d) => d.no).sort();
    expect(nos).toEqual(made.map((v) => v.k30No!).sort());
    for (const v of made) expect(site.sim.state.visitors.get(v.k30No!)).toBeUndefined();
    await until(() => a.ledger.all().every((v) => v.state === 'removed') && b.ledger.all().every((v) => v.state === 'removed'), 2000);
  });

  it('a station killed mid-removal: the other finishes it once the lease has run out', async () => {
    const never = new Promise<never>(() => {});
    const dying = await station('lobby', { leaseMs: 1500, deleteVisitor: () => never });
    const other = await station('reception', { leaseMs: 1500 });
    const visit = await dying.registration.register(registration(1));
    clock = Date.parse(visit.end) + 60_000;

    // The dying station claims it, stores removal-pending and sends visitor/Delete: no answer, ever.
    void dying.sweeper.removeExpired();
    await until(() => other.ledger.get(visit.id)?.state === 'removal-pending', 2000);
    await dying.backend.close(); // its connections are gone; the lease is never released

    // While the lease lasts, the other station leaves it alone.
    expect(await other.sweeper.removeExpired()).toEqual({ removed: 0, pending: 1, failed: [] });
    expect(deletes.filter((d) => d.station === 'reception')).toEqual([]);

    await new Promise((r) => setTimeout(r, 1600));
    expect(await other.sweeper.removeExpired()).toEqual({ removed: 1, pending: 0, failed: [] });
    expect(deletes.filter((d) => d.station === 'reception')).toEqual([{ station: 'reception', no: visit.k30No }]);
    expect(site.sim.state.visitors.get(visit.k30No!)).toBeUndefined();
    expect(other.ledger.get(visit.id)?.state).toBe('removed');
    stations.splice(stations.indexOf(dying), 1);
  });
});
