import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../../shared/documents';
import { addWhy, updateWhy } from '../../../../shared/whyGraph';
import { layoutWhys } from '../../../../shared/whyLayout';
import {
  hiddenUnder,
  keepUnchangedEdges,
  keepUnchangedNodes,
  whyFlowEdges,
  whyFlowNodes,
} from '../../../../renderer/src/whys/whyFlowElements';
import type { WhyNode } from '../../../../shared/model';

/** `count` whys, three children each, breadth first: w0 on top, w1..w3 under it, and so on. */
function graph(count: number) {
  const nodes: WhyNode[] = Array.from({ length: count }, (_, i) => ({
    id: `w${i}`,
    parentId: i === 0 ? null : `w${Math.floor((i - 1) / 3)}`,
    order: i === 0 ? 0 : (i - 1) % 3,
    question: `Why did step ${i} happen?`,
    answer: `Because condition ${i} held`,
    isRootCause: false,
    tags: [],
  }));
  return { ...createPostmortem('pm-1', '2026-03-18T10:00:00.000Z'), whys: { symptom: 'Checkout failed', nodes } };
}

function flowNodes(doc: ReturnType<typeof graph>, collapsed: ReadonlySet<string> = new Set()) {
  const { hidden, counts } = hiddenUnder(doc.whys, collapsed);
  return whyFlowNodes(doc.whys, doc.actionItems, layoutWhys(doc.whys, 'TB', hidden), counts, 'TB');
}

describe('why graph flow elements keep their identity', () => {
  it('adding a why leaves every node the layout did not move as the same object', () => {
    const before = graph(500);
    const current = flowNodes(before);
    const after = addWhy(before, 'new', null);
    const next = keepUnchangedNodes(current, flowNodes(after));
    const previous = new Map(current.map((n) => [n.id, n]));
    const replaced = next.filter((n) => previous.get(n.id) !== n).map((n) => n.id);
    // The new why, and the symptom, which the tidy tree re-centres over its children.
    expect(replaced.sort()).toEqual(['new', 'symptom']);
  });

  it('a node that only moved keeps its data object, so its view does not re-render', () => {
    const doc = graph(10);
    const current = flowNodes(doc);
    const moved = flowNodes(doc).map((n) => (n.id === 'w4' ? { ...n, position: { x: -1, y: -1 } } : n));
    const next = keepUnchangedNodes(current, moved);
    const w4 = next.find((n) => n.id === 'w4');
    expect(w4).not.toBe(current.find((n) => n.id === 'w4'));
    expect(w4?.data).toBe(current.find((n) => n.id === 'w4')?.data);
    expect(w4?.position).toEqual({ x: -1, y: -1 });
  });

  it('an edited why gets new data; measured sizes carry over', () => {
    const doc = graph(10);
    const current = flowNodes(doc).map((n) => ({ ...n, measured: { width: 300, height: 120 } }));
    const next = keepUnchangedNodes(current, flowNodes(updateWhy(doc, 'w3', { answer: 'Because the pool was small' })));
    const w3 = next.find((n) => n.id === 'w3');
    expect(w3?.data.answer).toBe('Because the pool was small');
    expect(w3?.measured).toEqual({ width: 300, height: 120 });
    expect(next.filter((n) => n !== current.find((c) => c.id === n.id)).map((n) => n.id)).toEqual(['w3']);
  });

  it('collapsing a node hides its subtree, counts it on the node, and keeps other edges', () => {
    const doc = graph(13);
    const edges = whyFlowEdges(doc.whys, new Set());
    const { hidden } = hiddenUnder(doc.whys, new Set(['w1']));
    const next = keepUnchangedEdges(edges, whyFlowEdges(doc.whys, hidden));
    expect([...hidden].sort()).toEqual(['w4', 'w5', 'w6']);
    expect(next).toHaveLength(edges.length - hidden.size);
    expect(next.every((e) => edges.includes(e))).toBe(true);
    expect(flowNodes(doc, new Set(['w1'])).find((n) => n.id === 'w1')?.data.hiddenBelow).toBe(3);
  });

  it('when nothing changed React Flow gets the same arrays back, so it does no update at all', () => {
    const doc = graph(40);
    const nodes = flowNodes(doc);
    const edges = whyFlowEdges(doc.whys, new Set());
    expect(keepUnchangedNodes(nodes, flowNodes(doc))).toBe(nodes);
    // Typing in a why's answer changes neither the edges nor (while its height holds) any position.
    const typed = updateWhy(doc, 'w7', { answer: 'Because condition 7 hel' });
    expect(keepUnchangedEdges(edges, whyFlowEdges(typed.whys, new Set()))).toBe(edges);
    const next = keepUnchangedNodes(nodes, flowNodes(typed));
    expect(next).not.toBe(nodes);
    expect(next.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['w7']);
  });

  it('a new why has a size from the start, so React Flow draws it before measuring it', () => {
    const doc = addWhy(graph(10), 'new', 'w9');
    const node = flowNodes(doc).find((n) => n.id === 'new');
    const laid = layoutWhys(doc.whys, 'TB').get('new');
    expect(node?.measured).toEqual({ width: laid?.width, height: laid?.height });
  });

  it('a rebuilt node takes the size React Flow measured over the estimate', () => {
    const doc = graph(10);
    const current = flowNodes(doc);
    const sizes = new Map([['w3', { width: 300, height: 140 }]]);
    const next = keepUnchangedNodes(current, flowNodes(updateWhy(doc, 'w3', { answer: 'Because' })), sizes);
    expect(next.find((n) => n.id === 'w3')?.measured).toEqual({ width: 300, height: 140 });
  });
});

describe('why graph handles are known before a node is drawn', () => {
  it('each why has its line-in handle on top and its line-out handle at the bottom, centred, as the stylesheet draws them', () => {
    const doc = graph(4);
    const nodes = flowNodes(doc);
    const w1 = nodes.find((n) => n.id === 'w1');
    const { width = 0, height = 0 } = w1?.measured ?? {};
    expect(w1?.handles).toEqual([
      { id: null, type: 'target', position: 'top', x: width / 2 - 3, y: -3, width: 6, height: 6 },
      { id: null, type: 'source', position: 'bottom', x: width / 2 - 3, y: height - 3, width: 6, height: 6 },
    ]);
    // The symptom has no line coming in.
    expect(nodes.find((n) => n.id === 'symptom')?.handles?.map((h) => h.type)).toEqual(['source']);
  });

  it('left to right, lines leave on the right and come in on the left', () => {
    const doc = graph(2);
    const { hidden, counts } = hiddenUnder(doc.whys, new Set());
    const nodes = whyFlowNodes(doc.whys, doc.actionItems, layoutWhys(doc.whys, 'LR', hidden), counts, 'LR');
    const w1 = nodes.find((n) => n.id === 'w1');
    const { width = 0, height = 0 } = w1?.measured ?? {};
    expect(w1?.handles?.map(({ position, x, y }) => ({ position, x, y }))).toEqual([
      { position: 'left', x: -3, y: height / 2 - 3 },
      { position: 'right', x: width - 3, y: height / 2 - 3 },
    ]);
  });

  it('a rebuilt node places its handles by the size React Flow measured, not the estimate', () => {
    const doc = graph(10);
    const current = flowNodes(doc);
    const sizes = new Map([['w3', { width: 300, height: 140 }]]);
    const next = keepUnchangedNodes(current, flowNodes(updateWhy(doc, 'w3', { answer: 'Because' })), sizes);
    const source = next.find((n) => n.id === 'w3')?.handles?.find((h) => h.type === 'source');
    expect(source).toMatchObject({ x: 147, y: 137 });
  });
});
