import type { CallPriority } from '../../k30/client/rate-limiter';
import type { Page, Region, RegionPeopleQuery, RegionPerson as K30RegionPerson, RegionQuery } from '../../k30/client/types';
import { K30ServerError } from '../../k30/client/errors';
import { k30DateTime, parseK30DateTime, parseK30Timestamp } from '../../k30/protocol/timestamp';
import { personKey, VISITOR_ROLE, type PresenceRow, type RegionInfo } from './muster-model';

/** What a snapshot needs of the K30 client (structurally the real K30Client). */
export interface SnapshotClient {
  listRegions(query: RegionQuery, opts?: { priority?: CallPriority }): Promise<Page<Region>>;
  listRegionPeople(query: RegionPeopleQuery, opts?: { priority?: CallPriority }): Promise<Page<K30RegionPerson>>;
}

/** Everyone K30 lists inside every region, at one moment (then kept current by door passes). */
export interface Snapshot {
  regions: RegionInfo[];
  /** Region no → person key → row, oldest arrival first. */
  presence: Map<string, Map<string, PresenceRow>>;
  fetchedAt: string;
}

/** A door pass from an UploadRecord callback, as far as presence cares. */
export interface DoorPass {
  peopleNo: string;
  peopleName: string;
  departmentName: string;
  /** The region of the door (by the device's regionname); undefined when unknown. */
  regionName: string | undefined;
  deviceNo: string;
  direction: 'in' | 'out';
  addTime: string;
  /** K30's recogMode 6 (visitor QR) or a visit of ours: the pass is a visitor's. */
  visitor: boolean;
}

/**
 * Page sizes tried, largest first: the simulator takes 1 000; a server that refuses a size gets
 * the next smaller one (remembered for later snapshots).
 */
export const PAGE_SIZES = [1000, 500, 200, 100] as const;

const REGION_PAGE_SIZE = 100;
const MAX_REGION_PAGES = 50;

export interface SnapshotDeps {
  client: () => SnapshotClient;
  now: () => Date;
  /** How long a snapshot is reused before K30 is asked again. */
  cacheMs: number;
}

/** Rate-limit refusals are no reason to try a smaller page. */
const isSizeRefusal = (error: unknown) => error instanceof K30ServerError && !/频繁|rate/i.test(error.message);

/**
 * Fetches and keeps the presence snapshot. The list calls are background priority: they leave
 * the limiter's reserve to host search and the list on screen.
 */
export class PresenceSnapshots {
  private sizeIndex = 0;
  private current?: { at: number; snapshot: Promise<Snapshot> };
  /** The last snapshot that arrived, kept current by door passes. */
  private latest?: Snapshot;

  constructor(private readonly deps: SnapshotDeps) {}

  /** The page size in use now (the largest the server has not refused). */
  get pageSize(): number {
    return PAGE_SIZES[this.sizeIndex];
  }

  get(): Promise<Snapshot> {
    const now = this.deps.now().getTime();
    if (this.current && now - this.current.at < this.deps.cacheMs) return this.current.snapshot;
    const entry = { at: now, snapshot: this.fetch() };
    this.current = entry;
    entry.snapshot.then(
      (snapshot) => {
        if (this.current === entry) this.latest = snapshot;
      },
      () => {
        if (this.current === entry) this.current = undefined;
      },
    );
    return entry.snapshot;
  }

  clear(): void {
    this.current = undefined;
    this.latest = undefined;
  }

  /** A door pass moves a person between snapshots: in → (newest) inside the door's region; out → no longer in it. */
  applyPass(pass: DoorPass): boolean {
    const snapshot = this.latest;
    if (!snapshot || !pass.peopleNo) return false;
    const region = snapshot.regions.find((r) => r.name === pass.regionName);
    if (!region) return false;
    const known = [...snapshot.presence.values()]
      .flatMap((slot) => [slot.get(personKey({ no: pass.peopleNo, rolename: VISITOR_ROLE })), slot.get(personKey({ no: pass.peopleNo, rolename: '' }))])
      .find((r) => r !== undefined);
    const rolename = known?.rolename ?? (pass.visitor ? VISITOR_ROLE : '');
    const key = personKey({ no: pass.peopleNo, rolename });
    const slot = snapshot.presence.get(region.no) ?? new Map<string, PresenceRow>();
    snapshot.presence.set(region.no, slot);
    slot.delete(key);
    if (pass.direction === 'in') {
      const when = parseK30DateTime(pass.addTime) ?? parseK30Timestamp(pass.addTime) ?? this.deps.now();
      slot.set(key, {
        no: pass.peopleNo,
        name: known?.name || pass.peopleName,
        deptname: known?.deptname ?? pass.departmentName,
        rolename,
        phone: known?.phone ?? '',
        photoUrl: known?.photoUrl ?? '',
        deviceno: pass.deviceNo,
        entertime: k30DateTime(when),
      });
    }
    return true;
  }

  private async fetch(): Promise<Snapshot> {
    const client = this.deps.client();
    const regions: RegionInfo[] = [];
    for (let pageindex = 1; pageindex <= MAX_REGION_PAGES; pageindex++) {
      const page = await client.listRegions({ pageindex, pagesize: REGION_PAGE_SIZE }, { priority: 'background' });
      regions.push(...page.rows.map(({ no, name, parentno }) => ({ no, name, parentno })));
      if (page.rows.length === 0 || pageindex >= page.totalPage || regions.length >= page.total) break;
    }
    // The first region alone settles the page size; the rest at once (the limiter spaces them).
    const lists = regions.length ? [await this.regionPeople(client, regions[0].no)] : [];
    lists.push(...(await Promise.all(regions.slice(1).map((region) => this.regionPeople(client, region.no)))));
    const presence = new Map(regions.map((region, i) => [region.no, lists[i]]));
    return { regions, presence, fetchedAt: this.deps.now().toISOString() };
  }

  /** Everyone in one region: the first page, then the rest at once (the limiter spaces them). */
  private async regionPeople(client: SnapshotClient, no: string): Promise<Map<string, PresenceRow>> {
    const { size, first } = await this.firstPage(client, no);
    const pages = [first];
    const more = Math.min(first.totalPage, Math.ceil(first.total / size));
    if (first.rows.length >= size && more > 1) {
      const rest = await Promise.all(
        Array.from({ length: more - 1 }, (_, i) => client.listRegionPeople({ pageindex: i + 2, pagesize: size, no }, { priority: 'background' })),
      );
      pages.push(...rest);
    }
    // Newest first in K30's answer; kept oldest first here (as arrivals happen). The list can
    // move while it is read page by page: each person once, at their newest row.
    const rows = new Map<string, PresenceRow>();
    for (const person of pages.flatMap((p) => p.rows).reverse()) {
      const row: PresenceRow = {
        no: person.no,
        name: person.name,
        deptname: person.deptname,
        rolename: person.rolename,
        phone: person.phone,
        photoUrl: person.photoUrl,
        deviceno: person.deviceno,
        entertime: person.entertime,
      };
      const key = personKey(row);
      rows.delete(key);
      rows.set(key, row);
    }
    return rows;
  }

  private async firstPage(client: SnapshotClient, no: string): Promise<{ size: number; first: Page<K30RegionPerson> }> {
    for (;;) {
      const size = this.pageSize;
      try {
        return { size, first: await client.listRegionPeople({ pageindex: 1, pagesize: size, no }, { priority: 'background' }) };
      } catch (error) {
        if (!isSizeRefusal(error) || this.sizeIndex >= PAGE_SIZES.length - 1) throw error;
        if (this.pageSize === size) this.sizeIndex++;
      }
    }
  }
}
