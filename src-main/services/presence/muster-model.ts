/**
 * The muster model: who is where, each person once. Pure (no I/O), unit-tested.
 *
 * K30 lists a person inside every region whose entry door they passed and have not left through
 * an exit door: someone who came through the campus gate and then into building A is inside both.
 * A headcount that adds those lists up counts them twice. Here a person is placed in exactly one
 * region: the one whose door they entered through last (the latest entry time; on equal times the
 * deepest region, since one walks into a building after its campus). Parents then show
 * "N here + M in sub-regions".
 */

export interface RegionInfo {
  no: string;
  name: string;
  parentno: string;
}

/** One row of a region's presence list, as K30 gives it (phone in full: main masks it later). */
export interface PresenceRow {
  no: string;
  name: string;
  deptname: string;
  rolename: string;
  phone: string;
  photoUrl: string;
  deviceno: string;
  /** `yyyy-MM-dd HH:mm:ss`, the server's local time (compares as text). */
  entertime: string;
}

export interface Placement {
  regionNo: string;
  row: PresenceRow;
}

export interface RegionCount {
  here: number;
  below: number;
}

/** Regions as a forest: a region whose parent is unknown, itself, or part of a loop is a root. */
export class RegionForest {
  private readonly byNo = new Map<string, RegionInfo>();
  private readonly parent = new Map<string, string | undefined>();
  private readonly kids = new Map<string, string[]>();
  readonly roots: string[] = [];

  constructor(regions: readonly RegionInfo[]) {
    for (const region of regions) if (!this.byNo.has(region.no)) this.byNo.set(region.no, region);
    for (const region of this.byNo.values()) {
      const parent = this.byNo.has(region.parentno) && region.parentno !== region.no && !this.closesLoop(region) ? region.parentno : undefined;
      this.parent.set(region.no, parent);
      if (parent === undefined) this.roots.push(region.no);
      else this.kids.set(parent, [...(this.kids.get(parent) ?? []), region.no]);
    }
    const byName = (a: string, b: string) => this.name(a).localeCompare(this.name(b), 'zh-CN') || a.localeCompare(b);
    this.roots.sort(byName);
    for (const list of this.kids.values()) list.sort(byName);
  }

  has(no: string): boolean {
    return this.byNo.has(no);
  }

  name(no: string): string {
    return this.byNo.get(no)?.name ?? no;
  }

  parentOf(no: string): string | undefined {
    return this.parent.get(no);
  }

  children(no: string): readonly string[] {
    return this.kids.get(no) ?? [];
  }

  /** Region numbers from the root down to `no`. */
  pathOf(no: string): string[] {
    const path: string[] = [];
    for (let at: string | undefined = no; at !== undefined && path.length <= this.byNo.size; at = this.parent.get(at)) path.unshift(at);
    return path;
  }

  depthOf(no: string): number {
    return this.pathOf(no).length - 1;
  }

  /** Every region in display order: depth first, siblings by name. */
  ordered(): string[] {
    const out: string[] = [];
    const walk = (nos: readonly string[]) => {
      for (const no of nos) {
        out.push(no);
        walk(this.children(no));
      }
    };
    walk(this.roots);
    return out;
  }

  /** `no` and everything below it. */
  subtree(no: string): Set<string> {
    const out = new Set<string>();
    const walk = (at: string) => {
      out.add(at);
      for (const kid of this.children(at)) walk(kid);
    };
    if (this.byNo.has(no)) walk(no);
    return out;
  }

  private closesLoop(region: RegionInfo): boolean {
    const visited = new Set<string>([region.no]);
    for (let p = this.byNo.get(region.parentno); p; p = this.byNo.get(p.parentno)) {
      if (visited.has(p.no)) return p.no === region.no;
      visited.add(p.no);
    }
    return false;
  }
}

/** Whom a row is about: K30 numbers people and visitors separately, so the role is part of it. */
export const personKey = (row: Pick<PresenceRow, 'no' | 'rolename'>) => `${row.rolename === VISITOR_ROLE ? 'v' : 'p'}:${row.no}`;

/** The role K30 gives visitors in presence lists. */
export const VISITOR_ROLE = '访客';

/**
 * Each person once: in the region of their latest entry (deepest on a tie). Regions the forest
 * does not know are ignored (a region deleted between calls).
 */
export function placePeople(forest: RegionForest, presence: ReadonlyMap<string, readonly PresenceRow[]>): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  const depth = new Map<string, number>();
  for (const [regionNo, rows] of presence) {
    if (!forest.has(regionNo)) continue;
    const d = forest.depthOf(regionNo);
    for (const row of rows) {
      const key = personKey(row);
      const current = placed.get(key);
      const better =
        !current ||
        row.entertime > current.row.entertime ||
        (row.entertime === current.row.entertime && (d > depth.get(key)! || (d === depth.get(key)! && regionNo < current.regionNo)));
      if (better) {
        placed.set(key, { regionNo, row });
        depth.set(key, d);
      }
    }
  }
  return placed;
}

/** Per region: people placed in it, and people placed anywhere below it. */
export function regionCounts(forest: RegionForest, placements: Iterable<Placement>): Map<string, RegionCount> {
  const counts = new Map<string, RegionCount>(forest.ordered().map((no) => [no, { here: 0, below: 0 }]));
  for (const { regionNo } of placements) {
    const count = counts.get(regionNo);
    if (!count) continue;
    count.here++;
    for (let p = forest.parentOf(regionNo); p !== undefined; p = forest.parentOf(p)) counts.get(p)!.below++;
  }
  return counts;
}

/**
 * The people of a muster in print order: by region (tree order), newest arrival first within
 * one. `scope` is a region number (that region and its sub-regions) or 'all'.
 */
export function musterOrder(forest: RegionForest, placements: Iterable<Placement>, scope: string): Placement[] {
  const within = scope === 'all' ? undefined : forest.subtree(scope);
  const rank = new Map(forest.ordered().map((no, i) => [no, i]));
  return [...placements]
    .filter((p) => !within || within.has(p.regionNo))
    .sort(
      (a, b) =>
        rank.get(a.regionNo)! - rank.get(b.regionNo)! ||
        (a.row.entertime < b.row.entertime ? 1 : a.row.entertime > b.row.entertime ? -1 : 0) ||
        a.row.no.localeCompare(b.row.no),
    );
}
