/**
 * Automatic tree layout of the why graph with d3-hierarchy's tidy tree (Reingold-Tilford,
 * linear time: about a millisecond for 1,000 nodes). dagre was measured first: its
 * general graph ranking took 290 ms at 500 nodes and 800 ms at 1,000 on this machine,
 * too slow to run after every keystroke, and it ordered siblings right to left. A why
 * graph is a tree, so the tree algorithm fits; siblings keep their order by
 * construction. Sizes are estimated from the text so layout needs no DOM.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { Postmortem, WhyNode } from './model';

export type LayoutDirection = 'TB' | 'LR';

export const SYMPTOM_NODE_ID = 'symptom';
export const NODE_WIDTH = 300;
/** Space between siblings and between levels. */
const SIBLING_GAP = 32;
const LEVEL_GAP = 56;

export interface PositionedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rough height for wrapped text at the node's width (16 px text, ~36 characters a line). */
export function estimateHeight(...texts: string[]): number {
  const lines = texts.reduce(
    (sum, t) => sum + Math.max(1, Math.ceil(t.length / 34) + (t.match(/\n/g)?.length ?? 0)),
    0,
  );
  return 48 + lines * 24;
}

interface TreeDatum {
  id: string;
  height: number;
  children: TreeDatum[];
}

function buildTree(whys: Postmortem['whys'], hidden: ReadonlySet<string>): TreeDatum {
  const ids = new Set(whys.nodes.map((n) => n.id));
  const byParent = new Map<string, WhyNode[]>();
  for (const node of whys.nodes) {
    if (hidden.has(node.id)) continue;
    // Nodes whose parent is missing hang under the symptom, so nothing disappears.
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : SYMPTOM_NODE_ID;
    // Appended in place: copying the list per child was quadratic in a wide fan.
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(node);
    else byParent.set(parent, [node]);
  }
  const seen = new Set<string>();
  const build = (id: string, height: number): TreeDatum => {
    seen.add(id);
    const kids = (byParent.get(id) ?? []).filter((n) => !seen.has(n.id)).sort((a, b) => a.order - b.order);
    return { id, height, children: kids.map((k) => build(k.id, estimateHeight(k.question, k.answer))) };
  };
  return build(SYMPTOM_NODE_ID, estimateHeight(whys.symptom || 'Initial symptom'));
}

export function layoutWhys(
  whys: Postmortem['whys'],
  direction: LayoutDirection,
  hidden: ReadonlySet<string> = new Set(),
): Map<string, PositionedNode> {
  const root = hierarchy(buildTree(whys, hidden));
  const nodes = root.descendants();
  const tallest = Math.max(...nodes.map((n) => n.data.height));
  // Siblings sit NODE_WIDTH apart across (top-down) or the tallest node apart (left-right).
  const across = direction === 'TB' ? NODE_WIDTH + SIBLING_GAP : tallest + SIBLING_GAP;
  const laid: HierarchyPointNode<TreeDatum> = tree<TreeDatum>().nodeSize([across, 1])(root);
  // Each level starts after the tallest (or, left-right, widest) node of the level before.
  const levelSize = new Map<number, number>();
  for (const n of laid.descendants())
    levelSize.set(n.depth, Math.max(levelSize.get(n.depth) ?? 0, direction === 'TB' ? n.data.height : NODE_WIDTH));
  const levelStart: number[] = [0];
  for (let depth = 1; depth <= Math.max(...levelSize.keys()); depth += 1) {
    levelStart[depth] = (levelStart[depth - 1] ?? 0) + (levelSize.get(depth - 1) ?? 0) + LEVEL_GAP;
  }
  const minAcross = Math.min(...laid.descendants().map((n) => n.x));
  const positions = new Map<string, PositionedNode>();
  for (const n of laid.descendants()) {
    const offset = n.x - minAcross;
    const level = levelStart[n.depth] ?? 0;
    positions.set(n.data.id, {
      id: n.data.id,
      x: direction === 'TB' ? offset : level,
      y: direction === 'TB' ? level : offset,
      width: NODE_WIDTH,
      height: n.data.height,
    });
  }
  return positions;
}
