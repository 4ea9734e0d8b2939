/**
 * The React Flow nodes and edges of a why graph, built from the document and the view
 * state. Rebuilding them is cheap; what is not cheap is React Flow treating a rebuilt
 * object as a changed element (it re-adopts the node, re-runs its selectors and
 * re-renders its view). So every builder here hands back the previous object for each
 * element that did not change: after adding one why to a 500-node graph, only the new
 * node, its parent and the nodes the layout actually moved are new objects.
 */
import { Position, type Edge, type NodeHandle } from '@xyflow/react';
import { formatActionItemId } from '../../../shared/actionItems';
import type { Postmortem } from '../../../shared/model';
import { subtreeIds } from '../../../shared/whyGraph';
import { NODE_WIDTH, SYMPTOM_NODE_ID, type LayoutDirection, type PositionedNode } from '../../../shared/whyLayout';
import type { WhyFlowNode, WhyNodeData } from './WhyNodeView';

export interface HiddenWhys {
  /** Every why inside a collapsed subtree. */
  hidden: ReadonlySet<string>;
  /** How many whys each collapsed node hides. */
  counts: ReadonlyMap<string, number>;
}

const NOTHING_HIDDEN: HiddenWhys = { hidden: new Set(), counts: new Map() };

/** Descendants hidden under each collapsed node, and the ids hidden overall. */
export function hiddenUnder(whys: Postmortem['whys'], collapsed: ReadonlySet<string>): HiddenWhys {
  if (collapsed.size === 0) return NOTHING_HIDDEN;
  const hidden = new Set<string>();
  const counts = new Map<string, number>();
  for (const id of collapsed) {
    const ids = id === SYMPTOM_NODE_ID ? new Set(whys.nodes.map((n) => n.id)) : subtreeIds(whys.nodes, id);
    ids.delete(id);
    counts.set(id, ids.size);
    for (const h of ids) hidden.add(h);
  }
  return { hidden, counts };
}

function sameData(a: WhyNodeData, b: WhyNodeData): boolean {
  return (
    a.kind === b.kind &&
    a.question === b.question &&
    a.answer === b.answer &&
    a.isRootCause === b.isRootCause &&
    a.hasChildren === b.hasChildren &&
    a.hiddenBelow === b.hiddenBelow &&
    a.direction === b.direction &&
    a.actionItems.length === b.actionItems.length &&
    a.actionItems.every((item, i) => item === b.actionItems[i]) &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** Side of a handle's box in px: React Flow's stylesheet draws each handle as a 6 px dot. */
const HANDLE_PX = 6;

/**
 * A node's handles as React Flow would measure them in the page, from the node's size:
 * a dot centred on the edge the parent's line leaves from (source) and on the one its own
 * line comes in at (target; the symptom has none). With them React Flow knows where
 * every node's lines attach without rendering the node. Without them it rendered every
 * node once to measure it, in view or not (onlyRenderVisibleElements renders any node
 * whose handles are not known): at 500 whys, the whole graph at open, for the few dozen
 * in view. A node that does render is measured as before, and its measured handles used.
 */
export function whyHandles(
  size: { width: number; height: number },
  direction: LayoutDirection,
  symptom: boolean,
): NodeHandle[] {
  const half = HANDLE_PX / 2;
  const box = { width: HANDLE_PX, height: HANDLE_PX };
  const [source, target] =
    direction === 'TB'
      ? [
          { position: Position.Bottom, x: size.width / 2 - half, y: size.height - half },
          { position: Position.Top, x: size.width / 2 - half, y: -half },
        ]
      : [
          { position: Position.Right, x: size.width - half, y: size.height / 2 - half },
          { position: Position.Left, x: -half, y: size.height / 2 - half },
        ];
  const handles: NodeHandle[] = [{ id: null, type: 'source', ...source, ...box }];
  if (!symptom) handles.unshift({ id: null, type: 'target', ...target, ...box });
  return handles;
}

/** A node's size as React Flow measured it, by node id. */
export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;

/**
 * One node per laid-out why (and the symptom), with fresh objects throughout. Each
 * carries the layout's size estimate as `measured` until React Flow has measured it:
 * React Flow keeps a node with no size hidden until its ResizeObserver reports, which
 * put a new why on screen a frame (and two store updates) after the one that added it.
 */
export function whyFlowNodes(
  whys: Postmortem['whys'],
  actionItems: Postmortem['actionItems'],
  layout: ReadonlyMap<string, PositionedNode>,
  hiddenCounts: ReadonlyMap<string, number>,
  direction: LayoutDirection,
): WhyFlowNode[] {
  const addressedBy = new Map<string, string[]>();
  for (const item of actionItems) {
    if (item.addresses)
      addressedBy.set(item.addresses, [...(addressedBy.get(item.addresses) ?? []), formatActionItemId(item.number)]);
  }
  const parents = new Set(whys.nodes.map((n) => n.parentId));
  const symptomPos = layout.get(SYMPTOM_NODE_ID);
  const symptomSize = { width: symptomPos?.width ?? NODE_WIDTH, height: symptomPos?.height ?? 0 };
  const result: WhyFlowNode[] = [
    {
      id: SYMPTOM_NODE_ID,
      type: 'why',
      position: { x: symptomPos?.x ?? 0, y: symptomPos?.y ?? 0 },
      measured: symptomSize,
      handles: whyHandles(symptomSize, direction, true),
      draggable: false,
      data: {
        kind: 'symptom',
        question: whys.symptom,
        answer: '',
        isRootCause: false,
        hasChildren: whys.nodes.length > 0,
        hiddenBelow: hiddenCounts.get(SYMPTOM_NODE_ID) ?? 0,
        actionItems: [],
        tags: [],
        direction,
      },
    },
  ];
  for (const node of whys.nodes) {
    const pos = layout.get(node.id);
    if (!pos) continue;
    const size = { width: pos.width, height: pos.height };
    result.push({
      id: node.id,
      type: 'why',
      position: { x: pos.x, y: pos.y },
      measured: size,
      handles: whyHandles(size, direction, false),
      data: {
        kind: 'why',
        question: node.question,
        answer: node.answer,
        isRootCause: node.isRootCause,
        hasChildren: parents.has(node.id),
        hiddenBelow: hiddenCounts.get(node.id) ?? 0,
        actionItems: addressedBy.get(node.id) ?? [],
        tags: node.tags,
        direction,
      },
    });
  }
  return result;
}

/**
 * `next`, with the current object kept for every node whose position and data are
 * unchanged, and the current `data` object kept for a node that only moved (so its
 * memoised view does not re-render). When no node changed it is `current` itself, so
 * React Flow gets no update at all. A new object carries the node's measured size
 * (from `measured`, else what it had), so React Flow does not hide it to measure it again.
 */
export function keepUnchangedNodes(
  current: WhyFlowNode[],
  next: readonly WhyFlowNode[],
  measured: MeasuredSizes = new Map(),
): WhyFlowNode[] {
  const previous = new Map(current.map((n) => [n.id, n]));
  let changed = current.length !== next.length;
  const result = next.map((n, i) => {
    const before = previous.get(n.id);
    const data = before && sameData(before.data, n.data) ? before.data : n.data;
    if (before && data === before.data && before.position.x === n.position.x && before.position.y === n.position.y) {
      if (current[i] !== before) changed = true;
      return before;
    }
    changed = true;
    const size = measured.get(n.id) ?? before?.measured ?? n.measured;
    // React Flow takes a new node object's handles over the ones it measured: they are
    // worked out again from the size it measured.
    const { width, height } = size ?? {};
    return width !== undefined && height !== undefined
      ? {
          ...n,
          data,
          measured: { width, height },
          handles: whyHandles({ width, height }, data.direction, data.kind === 'symptom'),
        }
      : { ...n, data };
  });
  return changed ? result : current;
}

/** Parent-to-child edges of the visible whys; an edge's id names both its ends. */
export function whyFlowEdges(whys: Postmortem['whys'], hidden: ReadonlySet<string>): Edge[] {
  const ids = new Set(whys.nodes.map((n) => n.id));
  return whys.nodes
    .filter((n) => !hidden.has(n.id))
    .map((n) => {
      const source = n.parentId !== null && ids.has(n.parentId) ? n.parentId : SYMPTOM_NODE_ID;
      return { id: `${source}->${n.id}`, source, target: n.id, type: 'smoothstep' };
    });
}

/**
 * `next`, keeping the current object for each edge still there (same id, same ends),
 * and `current` itself when the edges are the same ones in the same order: an edit of
 * a why's text then leaves React Flow's edges alone (each new edge array made it
 * re-index every connection and re-run every edge's selector, on every keystroke).
 */
export function keepUnchangedEdges(current: Edge[], next: readonly Edge[]): Edge[] {
  const previous = new Map(current.map((e) => [e.id, e]));
  const result = next.map((e) => previous.get(e.id) ?? e);
  return result.length === current.length && result.every((e, i) => e === current[i]) ? current : result;
}
