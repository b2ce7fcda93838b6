/**
 * The security store against a fake `window.kiosk`: how many list calls it makes (they share the
 * K30 limit of fewer than 60 a minute), which pages, and what it keeps.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi, RegionNode, RegionPerson, Result } from '../../../src-preload/contract';

type PeopleQuery = { regionNo: string; pageindex: number; pagesize: number; query?: string };
type PeoplePage = { total: number; rows: RegionPerson[]; fetchedAt: string };

const regions: RegionNode[] = [
  { no: 'R2', name: '园区B栋', parentno: '', inside: 3, here: 3, below: 0 },
  { no: 'R1', name: '园区', parentno: '', inside: 10_000, here: 10_000, below: 0 },
];
let inside: Record<string, string[]> = {};
let calls: PeopleQuery[] = [];
/** While set, list answers wait for `release()`. */
let gate: Promise<void> | undefined;
let release = () => {};

const person = (no: string): RegionPerson => ({
  no,
  name: `人${no}`,
  deptname: '',
  phoneTail: '',
  photoUrl: '',
  deviceno: 'D1',
  entertime: '2030-01-01 08:00:00',
  overstay: false,
});

const fakeKiosk = {
  listRegions: async () => ({ ok: true, value: { regions, fetchedAt: new Date().toISOString() } }),
  listRegionPeople: async (q: PeopleQuery): Promise<Result<PeoplePage>> => {
    calls.push(q);
    if (gate) await gate;
    const all = (inside[q.regionNo] ?? []).filter((no) => !q.query || no.includes(q.query));
    const start = (q.pageindex - 1) * q.pagesize;
    return { ok: true, value: { total: all.length, rows: all.slice(start, start + q.pagesize).map(person), fetchedAt: new Date().toISOString() } };
  },
  getPhoto: async () => ({ ok: false, error: { code: 'not-found', message: '' } }),
  getMuster: async () => {
    if (gate) await gate;
    return { ok: true, value: { scope: 'all', regions: [], people: [], fetchedAt: new Date().toISOString() } };
  },
} as unknown as KioskApi;
(globalThis as unknown as { kiosk: KioskApi }).kiosk = fakeKiosk;

const { regionsWithListCount, useSecurityStore, SETTLE_MS } = await import('../../../src-renderer/src/security/store');
const store = () => useSecurityStore.getState();
const pagesAsked = () => calls.map((c) => `${c.regionNo}:${c.pageindex}${c.query ? `?${c.query}` : ''}`);
const settle = async (ms = 0) => {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  gate = undefined;
  inside = { R1: Array.from({ length: 10_000 }, (_, i) => `P${i}`), R2: ['P1', 'P2', 'P3'] };
  store().reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('security store', () => {
  it('a reset stops the page waiting for the screen to settle: nothing is fetched after it', async () => {
    await store().loadRegions();
    await settle();
    store().show(300, 320);
    await settle(SETTLE_MS / 2);
    store().reset();
    await settle(SETTLE_MS * 2);
    expect(pagesAsked()).toEqual(['R1:1']);
    expect(store().list).toBeNull();
  });

  it('a reset drops a muster still on its way: it never lands in the fresh store', async () => {
    gate = new Promise((resolve) => (release = resolve));
    const loading = store().loadMuster('all');
    expect(store().muster.status).toBe('loading');
    store().reset();
    release();
    gate = undefined;
    expect(await loading).toBeNull();
    expect(store().muster.status).toBe('idle');
    // And the next muster after the reset is not mistaken for the dropped one.
    expect(await store().loadMuster('all')).not.toBeNull();
    expect(store().muster.status).toBe('done');
  });

  it('shows the top region at once, one call in flight per list, pagesize 200', async () => {
    gate = new Promise((resolve) => (release = resolve));
    await store().loadRegions();
    expect(store().selected).toBe('R1');
    expect(pagesAsked()).toEqual(['R1:1']);
    expect(calls[0].pagesize).toBe(200);
    // Rows on screen change while the first page is on its way: nothing more is sent.
    store().show(0, 20);
    store().show(300, 320);
    await settle(SETTLE_MS * 2);
    expect(pagesAsked()).toEqual(['R1:1']);
    release();
    gate = undefined;
    await settle();
    expect(store().list?.total).toBe(10_000);
    // Rows 300–320 are on page 2: fetched once they have stayed on screen.
    await settle(SETTLE_MS);
    expect(pagesAsked()).toEqual(['R1:1', 'R1:2']);
    expect(store().list?.pages[2]?.[0].no).toBe('P200');
  });

  it('fetches nothing for pages a fling only passes, and nothing twice', async () => {
    await store().loadRegions();
    await settle();
    for (const first of [1_000, 3_000, 6_000, 9_000, 9_980]) {
      store().show(first, first + 20);
      await settle(SETTLE_MS / 2);
    }
    await settle(SETTLE_MS);
    expect(pagesAsked()).toEqual(['R1:1', 'R1:50']);
    store().show(9_970, 9_999);
    store().show(0, 20);
    await settle(SETTLE_MS * 2);
    expect(pagesAsked()).toEqual(['R1:1', 'R1:50']);
  });

  it('a refresh asks for the first page again; later pages are dropped only if the first one moved', async () => {
    await store().loadRegions();
    await settle();
    store().show(250, 270);
    await settle(SETTLE_MS);
    expect(Object.keys(store().list!.pages)).toEqual(['1', '2']);

    await store().refresh();
    await settle();
    expect(pagesAsked().slice(-1)).toEqual(['R1:1']);
    expect(Object.keys(store().list!.pages)).toEqual(['1', '2']);

    // Someone arrives: newest first, so every later page has shifted.
    inside.R1.unshift('NEW');
    await store().refresh();
    await settle();
    expect(store().list!.total).toBe(10_001);
    // The tree counts what the newer answer said (here the list's, the region counts said 10 000).
    const shown = () => regionsWithListCount(store().regions, store().list, store().regionsFetchedAt);
    expect(shown().find((r) => r.no === 'R1')!.inside).toBe(10_001);
    // A parent's list also holds people counted in its sub-regions: its count stays main's.
    const asParent = [...regions, { no: 'R9', name: '5F', parentno: 'R1', inside: 1, here: 1, below: 0 }];
    expect(regionsWithListCount(asParent, store().list, store().regionsFetchedAt).find((r) => r.no === 'R1')!.inside).toBe(10_000);
    useSecurityStore.setState({ regionsFetchedAt: new Date(Date.now() + 1000).toISOString() });
    expect(shown().find((r) => r.no === 'R1')!.inside).toBe(10_000);
    // Page 2 is on screen, so it is fetched again (after settling), with its new rows.
    await settle(SETTLE_MS);
    expect(store().list!.pages[2][0].no).toBe('P199');
  });

  it('drops answers of a list no longer shown (another query)', async () => {
    await store().loadRegions();
    await settle();
    gate = new Promise((resolve) => (release = resolve));
    store().search('P99');
    store().search('P999');
    expect(pagesAsked().slice(-2)).toEqual(['R1:1?P99', 'R1:1?P999']);
    release();
    gate = undefined;
    await settle();
    expect(store().list).toMatchObject({ query: 'P999', total: 11 });
  });

  it('asks main for the muster in one call, and drops an answer that was stopped', async () => {
    const asked: unknown[] = [];
    const muster = { scope: 'all', phones: 'masked', fetchedAt: '', regions, people: [] };
    (fakeKiosk as unknown as { getMuster: (q: unknown) => Promise<Result<unknown>> }).getMuster = async (q) => {
      asked.push(q);
      if (gate) await gate;
      return { ok: true, value: muster };
    };
    expect(await store().loadMuster('all')).toEqual(muster);
    expect(asked).toEqual([{ scope: 'all', phones: 'masked' }]);
    expect(store().muster).toEqual({ status: 'done', error: null });
    gate = new Promise((resolve) => (release = resolve));
    const stopped = store().loadMuster('R1', 'full');
    store().stopMuster();
    release();
    expect(await stopped).toBeNull();
    expect(store().muster.status).toBe('idle');
  });
});

describe('security store: photos', () => {
  it('fetches each photo once, four at a time, and not for rows already scrolled away', async () => {
    const asked: string[] = [];
    const pending: (() => void)[] = [];
    (fakeKiosk as unknown as { getPhoto: (q: { url: string }) => Promise<Result<string>> }).getPhoto = async ({ url }) => {
      asked.push(url);
      await new Promise<void>((resolve) => pending.push(resolve));
      return { ok: true, value: `data:image/jpeg;base64,${url.slice(-1)}` };
    };
    const urls = Array.from({ length: 6 }, (_, i) => `http://k30/p/${i}`);
    for (const url of urls) store().wantPhoto(url);
    store().wantPhoto(urls[0]); // a second row with the same photo, while it is on its way
    store().releasePhoto(urls[5]); // scrolled away before its turn
    expect(asked).toEqual(urls.slice(0, 4));
    pending.splice(0).forEach((resolve) => resolve());
    await settle();
    expect(asked).toEqual(urls.slice(0, 5));
    pending.splice(0).forEach((resolve) => resolve());
    await settle();
    expect(Object.keys(store().photos).sort()).toEqual(urls.slice(0, 5));
    expect(store().photos[urls[0]]).toBe('data:image/jpeg;base64,0');
    store().wantPhoto(urls[0]); // cached: no call
    expect(asked).toHaveLength(5);
  });
});
