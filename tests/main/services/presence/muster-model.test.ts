import { describe, expect, it } from 'vitest';
import { musterOrder, placePeople, RegionForest, regionCounts, type PresenceRow } from '../../../../src-main/services/presence/muster-model';

const regions = [
  { no: 'C', name: '总部园区', parentno: '' },
  { no: 'A', name: 'A栋', parentno: 'C' },
  { no: 'B', name: 'B栋', parentno: 'C' },
  { no: 'L', name: '5F实验室', parentno: 'A' },
  { no: 'X', name: '仓库', parentno: '' },
];

const row = (no: string, entertime: string, over: Partial<PresenceRow> = {}): PresenceRow => ({
  no,
  name: `n${no}`,
  deptname: '',
  rolename: '',
  phone: '',
  photoUrl: '',
  deviceno: 'D',
  entertime: `2030-01-01 ${entertime}`,
  ...over,
});

describe('muster model', () => {
  it('counts someone listed in a region and its parent once, in the region entered last', () => {
    const forest = new RegionForest(regions);
    // p1: campus gate at 08:00, building A at 08:03 → A. p2: only the campus. p3: lab after A after campus.
    const presence = new Map([
      ['C', [row('p1', '08:00:00'), row('p2', '08:10:00'), row('p3', '08:20:00')]],
      ['A', [row('p1', '08:03:00'), row('p3', '08:22:00')]],
      ['L', [row('p3', '08:25:00')]],
      ['X', [row('p4', '09:00:00')]],
    ]);
    const placed = placePeople(forest, presence);
    expect(Object.fromEntries([...placed].map(([key, p]) => [key, p.regionNo]))).toEqual({ 'p:p1': 'A', 'p:p2': 'C', 'p:p3': 'L', 'p:p4': 'X' });
    const counts = regionCounts(forest, placed.values());
    expect(Object.fromEntries(counts)).toEqual({
      C: { here: 1, below: 2 },
      A: { here: 1, below: 1 },
      L: { here: 1, below: 0 },
      B: { here: 0, below: 0 },
      X: { here: 1, below: 0 },
    });
    // The total of the top regions is the number of different people.
    const total = forest.roots.reduce((n, no) => n + counts.get(no)!.here + counts.get(no)!.below, 0);
    expect(total).toBe(4);
  });

  it('follows a later entry back out to the parent, and breaks a tie by depth', () => {
    const forest = new RegionForest(regions);
    const placed = placePeople(
      forest,
      new Map([
        ['C', [row('late', '10:00:00'), row('tie', '09:00:00')]],
        ['A', [row('late', '08:00:00'), row('tie', '09:00:00')]],
      ]),
    );
    expect(placed.get('p:late')!.regionNo).toBe('C');
    expect(placed.get('p:tie')!.regionNo).toBe('A');
  });

  it('keeps a visitor and a person with the same number apart', () => {
    const forest = new RegionForest(regions);
    const placed = placePeople(forest, new Map([['C', [row('7', '08:00:00'), row('7', '08:00:00', { rolename: '访客' })]]]));
    expect([...placed.keys()].sort()).toEqual(['p:7', 'v:7']);
  });

  it('treats unknown parents and loops as top regions and never loses a region', () => {
    const forest = new RegionForest([
      { no: 'a', name: 'a', parentno: 'b' },
      { no: 'b', name: 'b', parentno: 'a' },
      { no: 'c', name: 'c', parentno: 'gone' },
      { no: 'd', name: 'd', parentno: 'd' },
    ]);
    expect(forest.ordered().sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(forest.roots).toEqual(expect.arrayContaining(['c', 'd']));
    const placed = placePeople(
      forest,
      new Map([
        ['a', [row('1', '08:00:00')]],
        ['b', [row('1', '08:00:00')]],
        ['nowhere', [row('2', '08:00:00')]],
      ]),
    );
    expect(placed.size).toBe(1);
  });

  it('orders the muster by region (tree order), newest first, and scopes to a subtree', () => {
    const forest = new RegionForest(regions);
    const placed = placePeople(
      forest,
      new Map([
        ['C', [row('c1', '08:00:00')]],
        ['A', [row('a1', '08:00:00'), row('a2', '09:00:00')]],
        ['L', [row('l1', '08:30:00')]],
        ['X', [row('x1', '08:00:00')]],
      ]),
    );
    expect(forest.ordered()).toEqual(['X', 'C', 'A', 'L', 'B']);
    expect(musterOrder(forest, placed.values(), 'all').map((p) => p.row.no)).toEqual(['x1', 'c1', 'a2', 'a1', 'l1']);
    expect(musterOrder(forest, placed.values(), 'A').map((p) => p.row.no)).toEqual(['a2', 'a1', 'l1']);
    expect(forest.pathOf('L').map((no) => forest.name(no))).toEqual(['总部园区', 'A栋', '5F实验室']);
  });
});
