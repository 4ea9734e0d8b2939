/**
 * Automatic tree layout of the why graph with dagre (synchronous, per-node sizes,
 * 17 KB gzipped: it lays out 1,000 nodes in a few milliseconds, where elkjs would add
 * 450 KB and a worker). Sizes are estimated from the text so layout needs no DOM.
 */
import dagre from '@dagrejs/dagre';
import type { Postmortem } from './model';

export type LayoutDirection = 'TB' | 'LR';

export const SYMPTOM_NODE_ID = 'symptom';
export const NODE_WIDTH = 300;

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

export function layoutWhys(
  whys: Postmortem['whys'],
  direction: LayoutDirection,
  hidden: ReadonlySet<string> = new Set(),
): Map<string, PositionedNode> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, nodesep: 32, ranksep: 56, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  graph.setNode(SYMPTOM_NODE_ID, { width: NODE_WIDTH, height: estimateHeight(whys.symptom || 'Initial symptom') });
  const ids = new Set(whys.nodes.map((n) => n.id));
  const visible = [...whys.nodes].filter((n) => !hidden.has(n.id)).sort((a, b) => a.order - b.order);
  for (const node of visible)
    graph.setNode(node.id, { width: NODE_WIDTH, height: estimateHeight(node.question, node.answer) });
  // dagre places the first-added edge of a parent rightmost; adding them in reverse keeps
  // siblings left to right (top to bottom) in their order, matching arrow-key navigation.
  for (const node of [...visible].reverse()) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : SYMPTOM_NODE_ID;
    if (graph.hasNode(parent)) graph.setEdge(parent, node.id);
  }
  dagre.layout(graph);
  const positions = new Map<string, PositionedNode>();
  for (const id of graph.nodes()) {
    const n = graph.node(id) as { x: number; y: number; width: number; height: number } | undefined;
    if (n) positions.set(id, { id, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
  }
  return positions;
}
