import { create } from 'zustand';
import type { KioskError, Muster, MusterPhones, RegionNode, RegionPerson } from '../../../src-preload/contract';
import { call } from '../api';
import { nextPageToLoad, PAGE_SIZE } from './presence';
import { buildRegionTree } from './tree';

/**
 * The security view: regions with their counts, the people inside the chosen region (pages
 * loaded as the list scrolls), their photos, and the evacuation muster.
 *
 * The list calls behind this share the K30 limit of fewer than 60 a minute (main's limiter makes
 * calls wait), so the store never asks for more than the screen needs: one call in flight per
 * list (region + query), only pages that rows on screen need, and only once those rows have stayed
 * on screen for SETTLE_MS (a fling or a drag of the scrollbar fetches nothing it merely passes);
 * answers of an outdated list are dropped, and a failed page is not retried until asked to.
 */
export interface PeopleList {
  regionNo: string;
  query: string;
  /** Unknown until the first page arrives. */
  total: number | null;
  /** 1-based page → its rows (PAGE_SIZE each, the last one shorter). */
  pages: Record<number, RegionPerson[]>;
  /** The page being fetched: at most one at a time per list. */
  inFlight: number | null;
  /** The first page must be fetched again (a refresh was asked for). */
  stale: boolean;
  error: KioskError | null;
  /** When main fetched the first page (its answers may be reused for a few seconds). */
  fetchedAt: string | null;
}

export interface MusterProgress {
  status: 'idle' | 'loading' | 'done' | 'error';
  error: KioskError | null;
}

interface SecurityState {
  regions: RegionNode[];
  regionsLoaded: boolean;
  regionsLoading: boolean;
  regionsError: KioskError | null;
  regionsFetchedAt: string | null;
  selected: string | null;
  /** The query applied (already debounced by the search box). */
  query: string;
  list: PeopleList | null;
  /** Rows on screen (with overscan), from the virtual list. */
  wanted: { first: number; last: number };
  /** URL → data URL, or false when it could not be fetched. */
  photos: Record<string, string | false>;
  muster: MusterProgress;

  /** Loads regions and their counts (main reuses a recent answer). */
  loadRegions(): Promise<void>;
  select(regionNo: string): void;
  search(query: string): void;
  /** The virtual list reports which rows it shows; missing pages among them are fetched. */
  show(first: number, last: number): void;
  /** Counts and the first page of the list shown, again (auto-refresh and the refresh button). */
  refresh(): Promise<void>;
  /** After an error: try the list again. */
  retry(): void;
  /** A row on screen wants this photo; `releasePhoto` when it leaves the screen. */
  wantPhoto(url: string): void;
  releasePhoto(url: string): void;
  /** Everyone inside one region (with its sub-regions) or all, each once (for print and CSV); null if stopped or failed. */
  loadMuster(scope: string, phones?: MusterPhones): Promise<Muster | null>;
  stopMuster(): void;
  /** Back to the start: no list, no photos; pending timers stop and late answers are dropped. */
  reset(): void;
}

/**
 * The regions as the tree shows them: a region without sub-regions whose whole list is on screen
 * counts what that list's first page said, when that answer is newer than the region counts (main
 * may answer either from a copy a few seconds old). A parent's list also holds people counted in
 * its sub-regions, so its count stays main's.
 */
export function regionsWithListCount(regions: RegionNode[], list: PeopleList | null, regionsFetchedAt: string | null): RegionNode[] {
  if (!list || list.query || list.total === null || !list.fetchedAt || (regionsFetchedAt && list.fetchedAt < regionsFetchedAt)) return regions;
  const total = list.total;
  const hasChildren = regions.some((r) => r.parentno === list.regionNo && r.no !== list.regionNo);
  if (hasChildren) return regions;
  return regions.map((r) => (r.no === list.regionNo && r.inside !== total ? { ...r, inside: total, here: total, below: 0 } : r));
}

const listKey = (l: { regionNo: string; query: string }) => `${l.regionNo}\u0000${l.query}`;

const freshList = (regionNo: string, query: string): PeopleList => ({
  regionNo,
  query,
  total: null,
  pages: {},
  inFlight: null,
  stale: false,
  error: null,
  fetchedAt: null,
});

const sameRows = (a: RegionPerson[] | undefined, b: RegionPerson[]) =>
  !!a && a.length === b.length && a.every((p, i) => p.no === b[i].no && p.entertime === b[i].entertime);

// Photos: a few at a time, only for rows still on screen when their turn comes.
const PHOTO_CONCURRENCY = 4;
const PHOTO_CACHE = 400;

/** How long the rows needing a page must stay on screen before it is fetched. */
export const SETTLE_MS = 200;

/**
 * The store's bookkeeping that no screen renders: owned by the store and replaced whole by
 * `reset()`, so a reset leaves no queue, timer or run behind (an answer for an older one is dropped).
 */
interface Work {
  photoQueue: string[];
  /** URL → how many rows on screen want it. */
  photoWanted: Map<string, number>;
  photosLoading: Set<string>;
  /** The page waiting for the screen to settle, and since when. */
  settling: { key: string; page: number; since: number } | undefined;
  settleTimer: ReturnType<typeof setTimeout> | undefined;
  musterRun: number;
  regionsLoad: Promise<void> | undefined;
}

const newWork = (): Work => ({
  photoQueue: [],
  photoWanted: new Map(),
  photosLoading: new Set(),
  settling: undefined,
  settleTimer: undefined,
  musterRun: 0,
  regionsLoad: undefined,
});

type SecurityData = Omit<
  SecurityState,
  'loadRegions' | 'select' | 'search' | 'show' | 'refresh' | 'retry' | 'wantPhoto' | 'releasePhoto' | 'loadMuster' | 'stopMuster' | 'reset'
>;

const initialData = (): SecurityData => ({
  regions: [],
  regionsLoaded: false,
  regionsLoading: false,
  regionsError: null,
  regionsFetchedAt: null,
  selected: null,
  query: '',
  list: null,
  wanted: { first: 0, last: -1 },
  photos: {},
  muster: { status: 'idle', error: null },
});

export const useSecurityStore = create<SecurityState>()((set, get) => {
  let work = newWork();

  /** Updates the current list only if it is still the one `key` names. */
  const patchList = (key: string, patch: (l: PeopleList) => Partial<PeopleList>) =>
    set((s) => (s.list && listKey(s.list) === key ? { list: { ...s.list, ...patch(s.list) } } : {}));

  /** Fetches the next page the list needs, one at a time, until nothing more is needed. */
  const pump = () => {
    const { list, wanted } = get();
    if (!list || list.inFlight !== null || list.error) return;
    const page = list.stale ? 1 : nextPageToLoad(list, wanted);
    if (page === undefined) {
      work.settling = undefined;
      return;
    }
    const key = listKey(list);
    // The first answer (and a refresh) is wanted now; other pages once the screen has settled.
    if (list.total !== null && !list.stale) {
      const now = Date.now();
      if (work.settling?.key !== key || work.settling.page !== page) work.settling = { key, page, since: now };
      const wait = work.settling.since + SETTLE_MS - now;
      if (wait > 0) {
        clearTimeout(work.settleTimer);
        work.settleTimer = setTimeout(pump, wait);
        return;
      }
    }
    work.settling = undefined;
    patchList(key, () => ({ inFlight: page, ...(page === 1 ? { stale: false } : {}) }));
    void call('listRegionPeople', { regionNo: list.regionNo, pageindex: page, pagesize: PAGE_SIZE, ...(list.query ? { query: list.query } : {}) }).then(
      (result) => {
        const current = get().list;
        if (!current || listKey(current) !== key) return; // another region or query by now
        if (!result.ok) {
          patchList(key, () => ({ inFlight: null, error: result.error }));
          return;
        }
        const { rows, total, fetchedAt } = result.value;
        patchList(key, (l) => {
          if (page !== 1) return { inFlight: null, total, pages: { ...l.pages, [page]: rows } };
          // Newest arrivals come first: when the first page moved, later pages have shifted too.
          const unchanged = l.total === total && sameRows(l.pages[1], rows);
          return { inFlight: null, total, fetchedAt, pages: unchanged ? { ...l.pages, 1: rows } : { 1: rows } };
        });
        pump();
      },
    );
  };

  const drainPhotos = () => {
    const w = work;
    const { photoQueue, photoWanted, photosLoading } = w;
    while (photosLoading.size < PHOTO_CONCURRENCY && photoQueue.length > 0) {
      const url = photoQueue.shift()!;
      if (!photoWanted.has(url) || url in get().photos || photosLoading.has(url)) continue;
      photosLoading.add(url);
      void call('getPhoto', { url }).then((result) => {
        photosLoading.delete(url);
        if (w !== work) return; // reset meanwhile
        set((s) => {
          const photos = { ...s.photos, [url]: result.ok ? result.value : (false as const) };
          const keys = Object.keys(photos);
          for (let i = 0; keys.length - i > PHOTO_CACHE; i++) if (!photoWanted.has(keys[i])) delete photos[keys[i]];
          return { photos };
        });
        drainPhotos();
      });
    }
  };

  return {
    ...initialData(),

    loadRegions() {
      const w = work;
      w.regionsLoad ??= (async () => {
        set({ regionsLoading: true });
        const result = await call('listRegions');
        w.regionsLoad = undefined;
        if (w !== work) return; // reset meanwhile
        if (!result.ok) {
          set({ regionsLoading: false, regionsError: result.error });
          return;
        }
        set({ regions: result.value.regions, regionsFetchedAt: result.value.fetchedAt, regionsLoaded: true, regionsLoading: false, regionsError: null });
        // First visit: show the top region (the site as a whole) rather than an empty pane.
        if (get().selected === null) {
          const first = buildRegionTree(result.value.regions)[0];
          if (first) get().select(first.region.no);
        }
      })();
      return w.regionsLoad;
    },

    select(regionNo) {
      const { list, query } = get();
      if (list && list.regionNo === regionNo && list.query === query) return;
      set({ selected: regionNo, list: freshList(regionNo, query), wanted: { first: 0, last: -1 } });
      pump();
    },

    search(raw) {
      const query = raw.trim();
      const { selected, list } = get();
      if (query === get().query && list) return;
      set({ query, list: selected ? freshList(selected, query) : null, wanted: { first: 0, last: -1 } });
      pump();
    },

    show(first, last) {
      const { wanted } = get();
      if (wanted.first === first && wanted.last === last) return;
      set({ wanted: { first, last } });
      pump();
    },

    async refresh() {
      const { list } = get();
      if (list) {
        patchList(listKey(list), () => ({ stale: true, error: null }));
        pump();
      }
      await get().loadRegions();
    },

    retry() {
      const { list } = get();
      if (list) patchList(listKey(list), () => ({ error: null }));
      pump();
      if (get().regionsError) void get().loadRegions();
    },

    wantPhoto(url) {
      const { photoWanted, photosLoading, photoQueue } = work;
      photoWanted.set(url, (photoWanted.get(url) ?? 0) + 1);
      if (url in get().photos || photosLoading.has(url) || photoQueue.includes(url)) return;
      photoQueue.push(url);
      drainPhotos();
    },

    releasePhoto(url) {
      const { photoWanted } = work;
      const n = (photoWanted.get(url) ?? 0) - 1;
      if (n > 0) photoWanted.set(url, n);
      else photoWanted.delete(url);
    },

    async loadMuster(scope, phones = 'masked') {
      const w = work;
      const run = ++w.musterRun;
      set({ muster: { status: 'loading', error: null } });
      const result = await call('getMuster', { scope, phones });
      if (w !== work || run !== w.musterRun) return null;
      if (!result.ok) {
        set({ muster: { status: 'error', error: result.error } });
        return null;
      }
      set({ muster: { status: 'done', error: null } });
      return result.value;
    },

    stopMuster() {
      work.musterRun++;
      set({ muster: { status: 'idle', error: null } });
    },

    reset() {
      clearTimeout(work.settleTimer);
      work = newWork();
      set(initialData());
    },
  };
});
