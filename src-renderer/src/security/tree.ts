/** The region tree of the security view: pure, no React, no DOM (unit-tested). */
import type { RegionNode } from '../../../src-preload/contract';

export interface TreeNode {
  region: RegionNode;
  depth: number;
  children: TreeNode[];
}

const byName = (a: RegionNode, b: RegionNode) => a.name.localeCompare(b.name, 'zh-CN') || a.no.localeCompare(b.no);

/**
 * Regions as a forest by `parentno`. A region whose parent is unknown (or would close a loop) is
 * a root, so no region is ever lost from the view. Siblings are sorted by name.
 */
export function buildRegionTree(regions: readonly RegionNode[]): TreeNode[] {
  const known = new Map(regions.map((r) => [r.no, r]));
  const children = new Map<string, RegionNode[]>();
  const roots: RegionNode[] = [];
  for (const region of regions) {
    const parent = region.parentno && region.parentno !== region.no ? known.get(region.parentno) : undefined;
    if (parent && !closesLoop(region, known)) {
      const list = children.get(parent.no) ?? [];
      list.push(region);
      children.set(parent.no, list);
    } else {
      roots.push(region);
    }
  }
  const seen = new Set<string>();
  const grow = (region: RegionNode, depth: number): TreeNode => {
    seen.add(region.no);
    const kids = (children.get(region.no) ?? []).filter((c) => !seen.has(c.no)).sort(byName);
    return { region, depth, children: kids.map((c) => grow(c, depth + 1)) };
  };
  return roots.sort(byName).map((r) => grow(r, 0));
}

/** Whether following parents from `region` comes back to it. */
function closesLoop(region: RegionNode, known: Map<string, RegionNode>): boolean {
  const visited = new Set<string>([region.no]);
  for (let p = known.get(region.parentno); p; p = known.get(p.parentno)) {
    if (visited.has(p.no)) return p.no === region.no;
    visited.add(p.no);
  }
  return false;
}

/** The tree in display order (depth first), for "all regions" lists and the muster. */
export function flattenTree(tree: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(tree);
  return out;
}
