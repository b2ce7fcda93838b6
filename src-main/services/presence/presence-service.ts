import type { RegionNode, RegionPerson } from '../../../src-preload/contract';
import type { Page, Region, RegionPeopleQuery, RegionPerson as K30RegionPerson, RegionQuery } from '../../k30/client/types';
import { phoneTail } from '../directory';
import type { VisitLedger } from '../visits/ledger';

/** What the security view needs of the K30 client (structurally the real K30Client). */
export interface PresenceClient {
  listRegions(query: RegionQuery): Promise<Page<Region>>;
  listRegionPeople(query: RegionPeopleQuery): Promise<Page<K30RegionPerson>>;
}

export interface PresenceDeps {
  client: () => PresenceClient;
  ledger: VisitLedger;
  now?: () => Date;
  /**
   * These list calls share the client's rate limiter (the vendor allows fewer than 60 a minute),
   * and one region overview costs a call per region: a guard refreshing the screen must not burn
   * the budget, so answers are reused for this long.
   */
  cacheMs?: number;
}

export interface RegionsAnswer {
  regions: RegionNode[];
  fetchedAt: string;
}

export interface RegionPeopleAnswer {
  total: number;
  rows: RegionPerson[];
  fetchedAt: string;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 50;
const MAX_CACHED_QUERIES = 50;

/**
 * A search box's text as K30's filters: digits (spaces, dashes and a +86 prefix allowed, as people
 * write mobile numbers) are a phone number, which K30 matches whole; anything else is part of a name.
 */
export function searchFields(query: string | undefined): { name: string } | { phone: string } | Record<string, never> {
  const q = query?.trim() ?? '';
  if (!q) return {};
  const phone = q.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return /^\d+$/.test(phone) ? { phone } : { name: q };
}

/** Who is inside which region, marking our visitors and those who stayed past their visit. */
export class PresenceService {
  private readonly now: () => Date;
  private readonly cacheMs: number;
  private regions?: { at: number; answer: Promise<RegionsAnswer> };
  private readonly people = new Map<string, { at: number; answer: Promise<RegionPeopleAnswer> }>();

  constructor(private readonly deps: PresenceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.cacheMs = deps.cacheMs ?? 15_000;
  }

  listRegions(): Promise<RegionsAnswer> {
    const now = this.now().getTime();
    if (this.regions && now - this.regions.at < this.cacheMs) return this.regions.answer;
    const entry = { at: now, answer: this.fetchRegions() };
    this.regions = entry;
    entry.answer.catch(() => {
      if (this.regions === entry) this.regions = undefined;
    });
    return entry.answer;
  }

  listRegionPeople(query: { regionNo: string; pageindex: number; pagesize: number; query?: string }): Promise<RegionPeopleAnswer> {
    const now = this.now().getTime();
    const key = JSON.stringify([query.regionNo, query.pageindex, query.pagesize, query.query ?? '']);
    const cached = this.people.get(key);
    if (cached && now - cached.at < this.cacheMs) return cached.answer;
    const entry = { at: now, answer: this.fetchPeople(query) };
    this.people.delete(key);
    this.people.set(key, entry);
    for (const [old, value] of this.people) {
      if (this.people.size <= MAX_CACHED_QUERIES && now - value.at < this.cacheMs) break;
      this.people.delete(old);
    }
    entry.answer.catch(() => {
      if (this.people.get(key) === entry) this.people.delete(key);
    });
    return entry.answer;
  }

  clearCache(): void {
    this.regions = undefined;
    this.people.clear();
  }

  private async fetchRegions(): Promise<RegionsAnswer> {
    const client = this.deps.client();
    const regions: Region[] = [];
    for (let pageindex = 1; pageindex <= MAX_PAGES; pageindex++) {
      const page = await client.listRegions({ pageindex, pagesize: PAGE_SIZE });
      regions.push(...page.rows);
      if (page.rows.length === 0 || pageindex >= page.totalPage || regions.length >= page.total) break;
    }
    // One call per region for its count (pagesize 1: only `total` is wanted), one at a time so
    // the shared limiter spaces them instead of a burst.
    const nodes: RegionNode[] = [];
    for (const region of regions) {
      const count = await client.listRegionPeople({ pageindex: 1, pagesize: 1, no: region.no });
      nodes.push({ no: region.no, name: region.name, parentno: region.parentno, inside: count.total });
    }
    return { regions: nodes, fetchedAt: this.now().toISOString() };
  }

  private async fetchPeople(query: { regionNo: string; pageindex: number; pagesize: number; query?: string }): Promise<RegionPeopleAnswer> {
    const client = this.deps.client();
    const page = await client.listRegionPeople({ pageindex: query.pageindex, pagesize: query.pagesize, no: query.regionNo, ...searchFields(query.query) });
    const now = this.now().getTime();
    const rows = page.rows.map((person): RegionPerson => {
      const visit = person.no ? this.deps.ledger.findByK30No(person.no) : undefined;
      return {
        no: person.no,
        name: person.name,
        deptname: person.deptname,
        phoneTail: phoneTail(person.phone),
        photoUrl: person.photoUrl,
        deviceno: person.deviceno,
        entertime: person.entertime,
        ...(visit ? { visitId: visit.id } : {}),
        overstay: visit !== undefined && Date.parse(visit.end) < now,
      };
    });
    return { total: page.total, rows, fetchedAt: this.now().toISOString() };
  }
}
