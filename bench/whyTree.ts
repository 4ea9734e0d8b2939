/** A deterministic why tree of `count` nodes: three children per node, breadth first. */
import type { Postmortem, WhyNode } from '../shared/model';

export function benchWhyTree(count: number): Postmortem['whys'] {
  const nodes: WhyNode[] = [];
  for (let i = 0; i < count; i += 1) {
    const parent = i === 0 ? null : Math.floor((i - 1) / 3);
    nodes.push({
      id: `w${i}`,
      parentId: parent === null ? null : `w${parent}`,
      order: i === 0 ? 0 : (i - 1) % 3,
      question: `Why did step ${i} happen?`,
      answer: `Because condition ${i} held in the system`,
      isRootCause: i % 11 === 0,
      tags: [],
    });
  }
  return { symptom: 'Checkout failed', nodes };
}
