import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WhyNode } from '../../../shared/model';
import { detectPitfalls } from '../../../shared/whyPitfalls';
import { causalPaths, childrenIndex, childrenOf } from '../../../shared/whys';

/** The walk as it was before children were indexed: the reference the faster one must match. */
function referencePaths(nodes: readonly WhyNode[]): WhyNode[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const tops = nodes.filter((n) => n.parentId === null || !ids.has(n.parentId)).sort((a, b) => a.order - b.order);
  const paths: WhyNode[][] = [];
  const walk = (node: WhyNode, path: WhyNode[], seen: Set<string>) => {
    if (seen.has(node.id)) return;
    const next = [...path, node];
    const kids = childrenOf(nodes, node.id);
    if (kids.length === 0) paths.push(next);
    for (const kid of kids) walk(kid, next, new Set([...seen, node.id]));
  };
  for (const top of tops) walk(top, [], new Set());
  return paths;
}

const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/**
 * Why graphs as damaged data can hold them too: repeated ids, parents that are missing
 * or form a loop, equal orders among siblings.
 */
const damagedNodes: fc.Arbitrary<WhyNode[]> = fc
  .array(
    fc.record({
      id: fc.constantFrom(...ID_POOL),
      parentId: fc.option(fc.constantFrom(...ID_POOL, 'gone'), { nil: null }),
      order: fc.integer({ min: 0, max: 3 }),
      answer: fc.constantFrom('', 'The queue filled up', 'No limit on the queue'),
      isRootCause: fc.boolean(),
    }),
    { maxLength: 14 },
  )
  .map((specs) => specs.map((s, i) => ({ ...s, question: `Why ${i}?`, tags: [] })));

describe('reading the why graph from an index', () => {
  it('children from the index are childrenOf, order and ties included', () => {
    fc.assert(
      fc.property(damagedNodes, (nodes) => {
        const children = childrenIndex(nodes);
        for (const parent of [null, 'gone', ...ID_POOL]) expect(children(parent)).toEqual(childrenOf(nodes, parent));
      }),
      { numRuns: 300 },
    );
  });

  it('causal paths are those of the unindexed walk, on damaged graphs too', () => {
    fc.assert(
      fc.property(damagedNodes, (nodes) => {
        expect(causalPaths(nodes)).toEqual(referencePaths(nodes));
      }),
      { numRuns: 300 },
    );
  });

  it('"stopped early" prompts go to the answered leaves that are not root causes, and only those', () => {
    fc.assert(
      fc.property(damagedNodes, (nodes) => {
        const prompted = detectPitfalls(
          { whys: { symptom: 's', nodes }, contributingFactors: [], actionItems: [] },
          () => [],
        )
          .filter((p) => p.kind === 'stopped-early')
          .map((p) => p.nodeId);
        const expected = nodes
          .filter((n) => childrenOf(nodes, n.id).length === 0 && !n.isRootCause && n.answer.trim() !== '')
          .map((n) => n.id);
        expect(prompted).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
