import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Muster, RollCall } from '../../../../src-preload/contract';
import type { Dispatch } from '../../../../src-main/ipc/dispatch';
import { DEMO_REGIONS } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { ok } from '../../../helpers/results';

describe('the last known muster and the roll call (demo simulator over HTTP)', () => {
  const app = appRig('roll-call-');
  let dispatch: Dispatch;
  // The security view reuses K30's answers for 15 s: tests step past that instead of waiting.
  let skew = 0;
  /** Starts (or restarts, on the same folder and store) the app.services. */
  const start = async () => {
    dispatch = await app.start({ now: () => new Date(Date.now() + skew) });
  };
  const k30Down = async () => {
    await app.demoSim('faults', { http500: 1000 });
    skew += 20_000;
  };

  beforeEach(async () => {
    skew = 0;
    await start();
  });

  it('keeps the muster of every refresh sealed on disk and gives it when K30 is unreachable', async () => {
    expect(ok(await dispatch('getLastMuster', { scope: 'all', phones: 'masked' }))).toBeNull();
    ok(await dispatch('listRegions', undefined));
    const live = ok<Muster>(await dispatch('getMuster', { scope: 'all', phones: 'masked' }));
    await k30Down();
    expect((await dispatch('getMuster', { scope: 'all', phones: 'masked' })).ok).toBe(false);

    const last = ok<Muster>(await dispatch('getLastMuster', { scope: 'all', phones: 'masked' }));
    expect(last.people.map((p) => p.no)).toEqual(live.people.map((p) => p.no));
    expect(last.fetchedAt).toBe(live.fetchedAt);
    expect(last.people.every((p) => p.phone === '' || /^\d{3}\*+\d{4}$/.test(p.phone))).toBe(true);
    const campus = ok<Muster>(await dispatch('getLastMuster', { scope: DEMO_REGIONS.campus, phones: 'masked' }));
    expect(campus.people.length).toBe(live.regions.find((r) => r.no === DEMO_REGIONS.campus)!.inside);
    // Full numbers stay behind the admin PIN, kept list or not.
    expect(await dispatch('getLastMuster', { scope: 'all', phones: 'full' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });

    // On disk: sealed, no name or number in the clear.
    const files = await readdir(app.dir);
    expect(files).toContain('muster-last-known.sealed');
    const raw = await readFile(join(app.dir, 'muster-last-known.sealed'), 'utf8');
    for (const person of live.people.slice(0, 20)) expect(raw).not.toContain(person.name);
    expect(raw).not.toMatch(/1\d{10}/);
  });

  it('runs a roll call on the kept list when K30 is unreachable, and says so', async () => {
    ok(await dispatch('listRegions', undefined));
    await k30Down();
    expect(await dispatch('startRollCall', { scope: 'all', source: 'live', phones: 'masked' })).toMatchObject({ ok: false });
    const rollCall = ok<RollCall>(await dispatch('startRollCall', { scope: 'all', source: 'last-known', phones: 'masked' }));
    expect(rollCall.source).toBe('last-known');
    expect(rollCall.muster.people.length).toBeGreaterThan(0);
  });

  it('refuses a roll call on a kept list when none was kept', async () => {
    expect(await dispatch('startRollCall', { scope: 'all', source: 'last-known', phones: 'masked' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('marks people safe with the time, keeps every mark across a restart, and forgets it all when ended', async () => {
    const rollCall = ok<RollCall>(await dispatch('startRollCall', { scope: DEMO_REGIONS.campus, source: 'live', phones: 'masked' }));
    expect(rollCall.source).toBe('live');
    const people = rollCall.muster.people.map((p) => p.no);
    expect(people.length).toBeGreaterThan(4);
    // Taps from several marshals at once: none is lost.
    await Promise.all(people.slice(0, 4).map((no) => dispatch('markRollCall', { no, safe: true })));
    const safe = ok<Record<string, string>>(await dispatch('markRollCall', { no: people[3], safe: false }));
    expect(Object.keys(safe).sort()).toEqual(people.slice(0, 3).sort());
    expect(Object.values(safe).every((at) => !Number.isNaN(Date.parse(at)))).toBe(true);
    expect(await dispatch('markRollCall', { no: 'not-on-the-list', safe: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    await app.stop();
    await start();
    const again = ok<RollCall>(await dispatch('getRollCall', { phones: 'masked' }));
    expect(again.startedAt).toBe(rollCall.startedAt);
    expect(again.safe).toEqual(safe);
    expect(again.muster.people.map((p) => p.no)).toEqual(people);
    const marks = await readFile(join(app.dir, 'roll-call-list.sealed'), 'utf8');
    expect(marks).not.toContain(rollCall.muster.people[0].name);

    ok(await dispatch('endRollCall', undefined));
    expect(ok(await dispatch('getRollCall', { phones: 'masked' }))).toBeNull();
    expect(await readFile(join(app.dir, 'roll-call-list.sealed'), 'utf8')).toBe('');
  });
});
