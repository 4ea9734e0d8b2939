/**
 * The why graph in the order the exporter writes it: top-level whys (no parent, or a
 * parent that no longer exists) by `order`, each followed depth first by its children
 * by `order` — the order of `causalPaths` in ../whys. Children are indexed once, so a
 * walk is linear in the number of whys, and it is iterative, so a long chain cannot
 * overflow the stack.
 */
import type { WhyNode } from '../model';

export interface WhyForest {
  tops: readonly WhyNode[];
  children: (id: string) => readonly WhyNode[];
  /**
   * Visits every reachable why once per path to it, parents first. `visit` returns the
   * value its children receive as `parentValue`. A why whose id is already on the path
   * (a cycle or a repeated id in damaged data) is skipped with its subtree, as
   * `causalPaths` does.
   */
  walk: <T>(visit: (node: WhyNode, parentValue: T, depth: number) => T, rootValue: T) => void;
}

const byOrder = (a: WhyNode, b: WhyNode) => a.order - b.order;

export function whyForest(nodes: readonly WhyNode[]): WhyForest {
  const ids = new Set(nodes.map((n) => n.id));
  const tops: WhyNode[] = [];
  const kids = new Map<string, WhyNode[]>();
  for (const node of nodes) {
    if (node.parentId === null || !ids.has(node.parentId)) tops.push(node);
    else {
      const list = kids.get(node.parentId);
      if (list) list.push(node);
      else kids.set(node.parentId, [node]);
    }
  }
  // Array sort is stable, so equal orders keep document order, as childrenOf does.
  tops.sort(byOrder);
  for (const list of kids.values()) list.sort(byOrder);
  const children = (id: string): readonly WhyNode[] => kids.get(id) ?? [];

  function walk<T>(visit: (node: WhyNode, parentValue: T, depth: number) => T, rootValue: T): void {
    const stack: { node: WhyNode; parentValue: T; depth: number }[] = [];
    for (let i = tops.length - 1; i >= 0; i -= 1)
      stack.push({ node: tops[i] as WhyNode, parentValue: rootValue, depth: 0 });
    const path: string[] = [];
    const onPath = new Set<string>();
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      while (path.length > entry.depth) onPath.delete(path.pop() as string);
      const { node, depth } = entry;
      if (onPath.has(node.id)) continue;
      const value = visit(node, entry.parentValue, depth);
      path.push(node.id);
      onPath.add(node.id);
      const next = children(node.id);
      for (let i = next.length - 1; i >= 0; i -= 1)
        stack.push({ node: next[i] as WhyNode, parentValue: value, depth: depth + 1 });
    }
  }

  return { tops, children, walk };
}
