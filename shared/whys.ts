/**
 * Reading the why graph: children in order, every causal path from the symptom to a
 * leaf, and the root causes (why nodes and contributing factors marked as such) that
 * action items can address.
 */
import type { Postmortem, WhyNode } from './model';

export function childrenOf(nodes: readonly WhyNode[], parentId: string | null): WhyNode[] {
  return nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.order - b.order);
}

/**
 * Every node's children, in order (as `childrenOf` gives them), from one pass over the
 * nodes: for code that asks about every node, where `childrenOf` per node is quadratic.
 */
export function childrenIndex(nodes: readonly WhyNode[]): (parentId: string | null) => readonly WhyNode[] {
  const byParent = new Map<string | null, WhyNode[]>();
  for (const node of nodes) {
    const siblings = byParent.get(node.parentId);
    if (siblings) siblings.push(node);
    else byParent.set(node.parentId, [node]);
  }
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.order - b.order);
  return (parentId) => byParent.get(parentId) ?? [];
}

/** Every path from a top-level why to a leaf, depth first, in sibling order. */
export function causalPaths(nodes: readonly WhyNode[]): WhyNode[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = childrenIndex(nodes);
  // Nodes whose parent is missing are treated as top-level so nothing is lost.
  const tops = nodes.filter((n) => n.parentId === null || !ids.has(n.parentId)).sort((a, b) => a.order - b.order);
  const paths: WhyNode[][] = [];
  const walk = (node: WhyNode, path: WhyNode[], seen: Set<string>) => {
    if (seen.has(node.id)) return; // a cycle in damaged data: stop rather than loop
    const next = [...path, node];
    const kids = children(node.id);
    if (kids.length === 0) paths.push(next);
    for (const kid of kids) walk(kid, next, new Set([...seen, node.id]));
  };
  for (const top of tops) walk(top, [], new Set());
  return paths;
}

export interface RootCause {
  id: string;
  text: string;
  source: 'why' | 'factor';
}

export function rootCauses(doc: Pick<Postmortem, 'whys' | 'contributingFactors'>): RootCause[] {
  return [
    ...doc.whys.nodes
      .filter((n) => n.isRootCause)
      .map((n) => ({ id: n.id, text: n.answer || n.question, source: 'why' as const })),
    ...doc.contributingFactors
      .filter((f) => f.isRootCause)
      .map((f) => ({ id: f.id, text: f.text, source: 'factor' as const })),
  ];
}
