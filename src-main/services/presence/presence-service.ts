import type { Muster, MusterPerson, MusterPhones, RegionNode, RegionPerson } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import { phoneTail } from '../directory';
import type { VisitLedger } from '../visits/ledger';
import { musterScope, musterWithPhones, type MusterArchive } from './muster-archive';
import { musterOrder, placePeople, RegionForest, regionCounts, VISITOR_ROLE } from './muster-model';
import { PresenceSnapshots, type DoorPass, type Snapshot, type SnapshotClient } from './presence-snapshot';

/** What the security view needs of the K30 client (structurally the real K30Client). */
export type PresenceClient = SnapshotClient;

/** A door as the muster names it, and the region it lets into. */
export interface DoorInfo {
  name: string;
  regionname: string;
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
  /** Device no → its name and region (doors are shown by name; a pass moves someone into the door's region). */
  doors?: () => Promise<Map<string, DoorInfo>>;
  /** Whether full phone numbers may be shown now (the admin PIN session is open). */
  fullPhonesAllowed?: () => boolean;
  /** Where every new presence snapshot leaves the all-regions muster, for when K30 is unreachable. */
  archive?: MusterArchive;
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
  private readonly snapshots: PresenceSnapshots;
  private readonly people = new Map<string, { at: number; answer: Promise<RegionPeopleAnswer> }>();

  constructor(private readonly deps: PresenceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.cacheMs = deps.cacheMs ?? 15_000;
    this.snapshots = new PresenceSnapshots({ client: deps.client, now: this.now, cacheMs: this.cacheMs });
  }

  /** The page size the snapshot reads with (the largest the server accepted). */
  get snapshotPageSize(): number {
    return this.snapshots.pageSize;
  }

  /** Regions with their counts: each person once, in the region they entered last. */
  async listRegions(): Promise<RegionsAnswer> {
    const snapshot = await this.snapshots.get();
    // Every refresh of the overview leaves the last known muster on disk, for when K30 goes away.
    if (this.deps.archive?.isNewer(snapshot.fetchedAt)) await this.allRegionsMuster(snapshot);
    const forest = new RegionForest(snapshot.regions);
    const counts = regionCounts(forest, placePeople(forest, rowsOf(snapshot.presence)).values());
    const regions = snapshot.regions.map((r): RegionNode => {
      const { here, below } = counts.get(r.no) ?? { here: 0, below: 0 };
      return { no: r.no, name: r.name, parentno: r.parentno, inside: here + below, here, below };
    });
    return { regions, fetchedAt: snapshot.fetchedAt };
  }

  /**
   * The evacuation muster of one region (with its sub-regions) or all: each person once, with
   * region path, door, entry time, department, host (our visitors) and phone. Full numbers only
   * while the admin PIN session is open; masked ones always.
   */
  async getMuster(query: { scope: string; phones: MusterPhones }): Promise<Muster> {
    this.checkPhones(query.phones);
    return musterWithPhones((await this.fullMuster(query.scope, 'live'))!, query.phones);
  }

  /** The muster kept from the last presence snapshot (K30 unreachable): null when there is none. */
  async lastMuster(query: { scope: string; phones: MusterPhones }): Promise<Muster | null> {
    this.checkPhones(query.phones);
    const muster = await this.fullMuster(query.scope, 'last-known');
    return muster && musterWithPhones(muster, query.phones);
  }

  /**
   * For main's own use (the roll call keeps it sealed): the muster with full phones, from K30 now
   * ('live', which throws when K30 cannot be asked) or as last kept ('last-known', null if none).
   */
  async fullMuster(scope: string, source: 'live' | 'last-known'): Promise<Muster | null> {
    const all = source === 'live' ? await this.allRegionsMuster(await this.snapshots.get()) : await this.deps.archive?.last();
    if (!all) return null;
    const scoped = musterScope(all, scope);
    if (!scoped && source === 'live') throw new AppError('not-found', `no region ${scope}`, 'scope');
    return scoped ?? null;
  }

  private checkPhones(phones: MusterPhones): void {
    if (phones === 'full' && !(this.deps.fullPhonesAllowed?.() ?? false)) throw new AppError('pin-required', 'Full phone numbers need the admin PIN');
  }

  /** Everyone in every region with full phones (callers mask); each new snapshot's is archived. */
  private async allRegionsMuster(snapshot: Snapshot): Promise<Muster> {
    const doors = await this.doorsOrNone();
    const forest = new RegionForest(snapshot.regions);
    const placements = placePeople(forest, rowsOf(snapshot.presence));
    const counts = regionCounts(forest, placements.values());
    const visits = new Map(this.deps.ledger.all().flatMap((v) => (v.k30No ? [[v.k30No, v] as const] : [])));
    const now = this.now().getTime();
    const paths = new Map<string, string[]>();
    const pathOf = (no: string) =>
      paths.get(no) ??
      paths
        .set(
          no,
          forest.pathOf(no).map((n) => forest.name(n)),
        )
        .get(no)!;
    const people = musterOrder(forest, placements.values(), 'all').map(({ regionNo, row }): MusterPerson => {
      const visit = row.rolename === VISITOR_ROLE || !row.rolename ? visits.get(row.no) : undefined;
      return {
        no: row.no,
        name: row.name,
        deptname: row.deptname,
        regionNo,
        regionPath: pathOf(regionNo),
        deviceno: row.deviceno,
        doorName: doors.get(row.deviceno)?.name ?? '',
        entertime: row.entertime,
        visitor: row.rolename === VISITOR_ROLE || visit !== undefined,
        hostName: visit?.host.name ?? '',
        phone: row.phone,
        ...(visit ? { visitId: visit.id } : {}),
        overstay: visit !== undefined && Date.parse(visit.end) < now,
      };
    });
    const regions = forest.ordered().map((no): RegionNode => {
      const { here, below } = counts.get(no)!;
      return { no, name: forest.name(no), parentno: forest.parentOf(no) ?? '', inside: here + below, here, below };
    });
    const muster: Muster = { scope: 'all', phones: 'full', fetchedAt: snapshot.fetchedAt, regions, people };
    this.deps.archive?.save(muster);
    return muster;
  }

  /** An UploadRecord: presence follows the pass until the next snapshot; cached list pages are dropped. */
  async applyPass(pass: Omit<DoorPass, 'regionName'>): Promise<void> {
    this.people.clear();
    const door = (await this.doorsOrNone()).get(pass.deviceNo);
    this.snapshots.applyPass({ ...pass, regionName: door?.regionname });
  }

  private async doorsOrNone(): Promise<Map<string, DoorInfo>> {
    try {
      return (await this.deps.doors?.()) ?? new Map();
    } catch {
      return new Map(); // doors shown by number rather than no muster at all
    }
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
    this.snapshots.clear();
    this.people.clear();
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

const rowsOf = <K, V>(presence: Map<K, Map<string, V>>) => new Map([...presence].map(([no, slot]) => [no, [...slot.values()]]));
