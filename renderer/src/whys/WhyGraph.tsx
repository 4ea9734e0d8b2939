import {
  Background,
  Controls,
  getNodesBounds,
  getViewportForBounds,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type NodeChange,
  applyNodeChanges,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatActionItemId } from '../../../shared/actionItems';
import { addActionItem } from '../../../shared/edits';
import type { Postmortem } from '../../../shared/model';
import {
  addSiblingWhy,
  addWhy,
  removeWhy,
  reparentWhy,
  setSymptom,
  subtreeIds,
  updateWhy,
} from '../../../shared/whyGraph';
import { layoutWhys, SYMPTOM_NODE_ID } from '../../../shared/whyLayout';
import { childrenOf } from '../../../shared/whys';
import { useDocument, useDocumentStoreApi } from '../document/documentStore';
import { newId, todayUtc, uniqueKey, useEdit } from '../document/useEdit';
import { registerRevealer } from '../phrasing/revealField';
import { WhyNodeView, type WhyFlowNode } from './WhyNodeView';
import { WhyUiContext, type WhyUi, type WhyUiActions } from './whyUi';

const nodeTypes = { why: WhyNodeView };

export interface WhyGraphProps {
  ui: WhyUi;
  setUi: (update: (ui: WhyUi) => WhyUi) => void;
  onMessage: (message: string | null) => void;
  onHelp: () => void;
  onExportImage: (format: 'png' | 'svg', dataUrl: string) => void;
}

export function WhyGraph(props: WhyGraphProps) {
  return (
    <ReactFlowProvider>
      <WhyGraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function sameData(a: WhyFlowNode['data'], b: WhyFlowNode['data']): boolean {
  return (
    a.kind === b.kind &&
    a.question === b.question &&
    a.answer === b.answer &&
    a.isRootCause === b.isRootCause &&
    a.hasChildren === b.hasChildren &&
    a.direction === b.direction &&
    a.actionItems.join() === b.actionItems.join()
  );
}

/** Descendants hidden under each collapsed node, and the ids hidden overall. */
const NOTHING_HIDDEN = { hidden: new Set<string>(), counts: new Map<string, number>() };

function hiddenUnder(doc: Postmortem, collapsed: ReadonlySet<string>) {
  if (collapsed.size === 0) return NOTHING_HIDDEN;
  const hidden = new Set<string>();
  const counts = new Map<string, number>();
  for (const id of collapsed) {
    const ids = id === SYMPTOM_NODE_ID ? new Set(doc.whys.nodes.map((n) => n.id)) : subtreeIds(doc.whys.nodes, id);
    ids.delete(id);
    counts.set(id, ids.size);
    for (const h of ids) hidden.add(h);
  }
  return { hidden, counts };
}

function WhyGraphCanvas({ ui, setUi, onMessage, onHelp, onExportImage }: WhyGraphProps) {
  const whys = useDocument((s) => s.doc.whys);
  const actionItems = useDocument((s) => s.doc.actionItems);
  const edit = useEdit();
  const store = useDocumentStoreApi();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const { hidden, counts } = useMemo(() => hiddenUnder({ whys } as Postmortem, ui.collapsed), [whys, ui.collapsed]);
  const layout = useMemo(() => layoutWhys(whys, ui.direction, hidden), [whys, ui.direction, hidden]);

  const laidOut = useMemo<WhyFlowNode[]>(() => {
    const addressedBy = new Map<string, string[]>();
    for (const item of actionItems) {
      if (item.addresses)
        addressedBy.set(item.addresses, [...(addressedBy.get(item.addresses) ?? []), formatActionItemId(item.number)]);
    }
    const symptomPos = layout.get(SYMPTOM_NODE_ID);
    const result: WhyFlowNode[] = [
      {
        id: SYMPTOM_NODE_ID,
        type: 'why',
        position: { x: symptomPos?.x ?? 0, y: symptomPos?.y ?? 0 },
        draggable: false,
        data: {
          kind: 'symptom',
          question: whys.symptom,
          answer: '',
          isRootCause: false,
          hasChildren: whys.nodes.length > 0,
          actionItems: [],
          direction: ui.direction,
        },
      },
    ];
    for (const node of whys.nodes) {
      const pos = layout.get(node.id);
      if (!pos) continue;
      result.push({
        id: node.id,
        type: 'why',
        position: { x: pos.x, y: pos.y },
        data: {
          kind: 'why',
          question: node.question,
          answer: node.answer,
          isRootCause: node.isRootCause,
          hasChildren: whys.nodes.some((n) => n.parentId === node.id),
          actionItems: addressedBy.get(node.id) ?? [],
          direction: ui.direction,
        },
      });
    }
    return result;
  }, [whys, layout, actionItems, ui.direction]);

  const [nodes, setNodes] = useState<WhyFlowNode[]>(laidOut);
  const [relayout, setRelayout] = useState(0);
  const [source, setSource] = useState({ laidOut, relayout });
  // Layout is recomputed from the document after every change; a drag only moves a node until it
  // is dropped. Measured sizes are kept so React Flow does not hide nodes to re-measure them.
  if (source.laidOut !== laidOut || source.relayout !== relayout) {
    setSource({ laidOut, relayout });
    setNodes((current) => {
      const previous = new Map(current.map((n) => [n.id, n]));
      return laidOut.map((n) => {
        const before = previous.get(n.id);
        if (!before) return n;
        // Unchanged nodes keep their object, so memoised node views skip re-rendering.
        if (before.position.x === n.position.x && before.position.y === n.position.y && sameData(before.data, n.data))
          return before;
        return before.measured ? { ...n, measured: before.measured } : n;
      });
    });
  }

  const edges = useMemo<Edge[]>(() => {
    const ids = new Set(whys.nodes.map((n) => n.id));
    return whys.nodes
      .filter((n) => !hidden.has(n.id))
      .map((n) => {
        const source = n.parentId !== null && ids.has(n.parentId) ? n.parentId : SYMPTOM_NODE_ID;
        return { id: `${source}->${n.id}`, source, target: n.id, type: 'smoothstep' };
      });
  }, [whys, hidden]);

  const onNodesChange = useCallback(
    (changes: NodeChange<WhyFlowNode>[]) =>
      setNodes((current) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'select' && c.type !== 'remove'),
          current,
        ),
      ),
    [],
  );

  // Keep the selected node in view after it moves or appears.
  useEffect(() => {
    if (!ui.selectedId) return;
    const pos = layout.get(ui.selectedId);
    const box = wrapper.current?.getBoundingClientRect();
    if (!pos || !box) return;
    const { x, y, zoom } = flow.getViewport();
    const left = pos.x * zoom + x;
    const top = pos.y * zoom + y;
    const inView =
      left >= 0 && top >= 0 && left + pos.width * zoom <= box.width && top + pos.height * zoom <= box.height;
    if (!inView) {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.setCenter(pos.x + pos.width / 2, pos.y + pos.height / 2, { zoom, duration: still ? 0 : 200 });
    }
  }, [ui.selectedId, layout, flow]);

  const select = useCallback((id: string | null) => setUi((u) => ({ ...u, selectedId: id })), [setUi]);

  // The Prompts panel asks for a why's field: open that node's editor, unfolding its branch.
  useEffect(
    () =>
      registerRevealer((field) => {
        const id = /^whys:([^:]+)/.exec(field)?.[1];
        if (!id) return false;
        const nodes = store.getState().doc.whys.nodes;
        if (id !== SYMPTOM_NODE_ID && !nodes.some((n) => n.id === id)) return false;
        const ancestors = new Set<string>([SYMPTOM_NODE_ID]);
        for (let at = nodes.find((n) => n.id === id); at?.parentId; at = nodes.find((n) => n.id === at?.parentId))
          ancestors.add(at.parentId);
        setUi((u) => ({
          ...u,
          collapsed: new Set([...u.collapsed].filter((c) => !ancestors.has(c))),
          selectedId: id,
          editingId: id,
        }));
        wrapper.current?.scrollIntoView({ block: 'center' });
        return true;
      }),
    [store, setUi],
  );

  const actions = useMemo<WhyUiActions>(
    () => ({
      select,
      startEditing: (id, seed) => {
        if (seed) {
          if (id === SYMPTOM_NODE_ID) edit(uniqueKey('symptom'), (doc) => setSymptom(doc, doc.whys.symptom + seed));
          else
            edit(`why:${id}:answer`, (doc) =>
              updateWhy(doc, id, { answer: (doc.whys.nodes.find((n) => n.id === id)?.answer ?? '') + seed }),
            );
        }
        setUi((u) => ({ ...u, selectedId: id, editingId: id }));
      },
      stopEditing: () => {
        setUi((u) => ({ ...u, editingId: null }));
        wrapper.current?.focus({ preventScroll: true });
      },
      editText: (id, field, value) => {
        if (field === 'symptom') edit('why:symptom', (doc) => setSymptom(doc, value));
        else edit(`why:${id}:${field}`, (doc) => updateWhy(doc, id, { [field]: value }));
      },
      addChild: (parentId) => {
        const id = newId();
        edit(uniqueKey('why-add'), (doc) => addWhy(doc, id, parentId === SYMPTOM_NODE_ID ? null : parentId));
        setUi((u) => {
          const collapsed = new Set(u.collapsed);
          collapsed.delete(parentId);
          return { ...u, collapsed, selectedId: id, editingId: id };
        });
      },
      addSibling: (siblingId) => {
        if (siblingId === SYMPTOM_NODE_ID) return;
        const id = newId();
        edit(uniqueKey('why-sibling'), (doc) => addSiblingWhy(doc, id, siblingId));
        setUi((u) => ({ ...u, selectedId: id, editingId: id }));
      },
      toggleRootCause: (id) => {
        if (id === SYMPTOM_NODE_ID) return;
        edit(uniqueKey('why-root'), (doc) => {
          const node = doc.whys.nodes.find((n) => n.id === id);
          return node ? updateWhy(doc, id, { isRootCause: !node.isRootCause }) : doc;
        });
      },
      remove: (id) => {
        if (id === SYMPTOM_NODE_ID) return;
        const whys = store.getState().doc.whys;
        const node = whys.nodes.find((n) => n.id === id);
        const siblings = node ? childrenOf(whys.nodes, node.parentId) : [];
        const index = siblings.findIndex((n) => n.id === id);
        const next = siblings[index + 1] ?? siblings[index - 1];
        edit(uniqueKey('why-remove'), (doc) => removeWhy(doc, id));
        select(next?.id ?? node?.parentId ?? SYMPTOM_NODE_ID);
        const removed = subtreeIds(whys.nodes, id).size;
        onMessage(
          `Deleted ${removed === 1 ? 'the why' : `the why and ${removed - 1} below it`}. Ctrl+Z brings it back.`,
        );
      },
      toggleCollapsed: (id) =>
        setUi((u) => {
          const collapsed = new Set(u.collapsed);
          if (collapsed.has(id)) collapsed.delete(id);
          else collapsed.add(id);
          return { ...u, collapsed };
        }),
      addActionItemFor: (id) => {
        const itemId = newId();
        edit(uniqueKey('action-for-root'), (doc) => addActionItem(doc, itemId, todayUtc(), { addresses: id }));
        onMessage('Added an action item for this root cause in Action Items.');
      },
    }),
    [edit, select, setUi, store, onMessage],
  );

  /** The whole graph as an image, at a size that keeps 16 px text readable. */
  const exportImage = async (format: 'png' | 'svg') => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    const bounds = getNodesBounds(flow.getNodes());
    const width = Math.min(8000, Math.ceil(bounds.width + 64));
    const height = Math.min(8000, Math.ceil(bounds.height + 64));
    const transform = getViewportForBounds(bounds, width, height, 0.1, 1, 32);
    const { toPng, toSvg } = await import('html-to-image');
    const options = {
      backgroundColor: getComputedStyle(document.documentElement).getPropertyValue('--bg') || '#ffffff',
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
      },
    };
    try {
      onExportImage(format, format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options));
    } catch (error) {
      onMessage(`Could not draw the image: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const context = useMemo(() => ({ ui, actions, hiddenCounts: counts }), [ui, actions, counts]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== wrapper.current) return;
    if (ui.editingId) {
      // Keys typed in the moment before the new node's field can take focus still count.
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        actions.startEditing(ui.editingId, event.key);
      }
      return;
    }
    const id = ui.selectedId ?? SYMPTOM_NODE_ID;
    const mod = event.ctrlKey || event.metaKey;
    if (mod || event.altKey) return;
    const node = whys.nodes.find((n) => n.id === id);
    const parentId = id === SYMPTOM_NODE_ID ? null : (node?.parentId ?? SYMPTOM_NODE_ID);
    const siblings = id === SYMPTOM_NODE_ID ? [] : childrenOf(whys.nodes, node?.parentId ?? null);
    const kids = (id === SYMPTOM_NODE_ID ? childrenOf(whys.nodes, null) : childrenOf(whys.nodes, id)).filter(
      (n) => !hidden.has(n.id),
    );
    const at = siblings.findIndex((n) => n.id === id);
    const [toParent, toChild, toPrev, toNext] =
      ui.direction === 'TB'
        ? ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']
        : ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
    const handled = (() => {
      switch (event.key) {
        case 'Tab':
          if (event.shiftKey) return false;
          actions.addChild(id);
          return true;
        case 'Enter':
          if (id === SYMPTOM_NODE_ID) actions.addChild(id);
          else actions.addSibling(id);
          return true;
        case 'F2':
          actions.startEditing(id);
          return true;
        case 'Delete':
        case 'Backspace':
          actions.remove(id);
          return true;
        case 'r':
        case 'R':
          actions.toggleRootCause(id);
          return true;
        case ' ':
          actions.toggleCollapsed(id);
          return true;
        case 'Escape':
          select(null);
          return true;
        case '?':
          onHelp();
          return true;
        case toParent:
          if (parentId !== null) select(parentId);
          return true;
        case toChild:
          if (kids[0]) select(kids[0].id);
          return true;
        case toPrev:
          if (at > 0) select(siblings[at - 1]?.id ?? id);
          return true;
        case toNext:
          if (at >= 0 && at < siblings.length - 1) select(siblings[at + 1]?.id ?? id);
          return true;
        default:
          // Typing on a selected node starts editing its answer with that character.
          if (event.key.length === 1 && event.key !== '?') {
            actions.startEditing(id, event.key);
            return true;
          }
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  return (
    <WhyUiContext.Provider value={context}>
      <div
        ref={wrapper}
        className="why-canvas"
        tabIndex={0}
        role="application"
        aria-label="Five whys graph. Tab adds a why, Enter a sibling, F2 edits, arrows move, R marks a root cause, Delete removes, question mark shows all keys."
        aria-keyshortcuts="Tab Enter F2 Delete R Space"
        onKeyDown={onKeyDown}
        onFocus={() => ui.selectedId === null && select(SYMPTOM_NODE_ID)}
      >
        <ReactFlow<WhyFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={(_, node) => select(node.id)}
          onPaneClick={() => select(null)}
          onNodeDragStop={(_, node) => {
            // The drop target is the node the dragged one covers most.
            const overlap = (other: WhyFlowNode) => {
              const a = {
                x: node.position.x,
                y: node.position.y,
                w: node.measured?.width ?? 0,
                h: node.measured?.height ?? 0,
              };
              const b = {
                x: other.position.x,
                y: other.position.y,
                w: other.measured?.width ?? 0,
                h: other.measured?.height ?? 0,
              };
              const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
              const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
              return w > 0 && h > 0 ? w * h : 0;
            };
            const target = flow
              .getIntersectingNodes(node)
              .filter((n): n is WhyFlowNode => n.id !== node.id)
              .sort((a, b) => overlap(b) - overlap(a))[0];
            const before = store.getState().doc;
            if (target) {
              const result = reparentWhy(
                store.getState().doc,
                node.id,
                target.id === SYMPTOM_NODE_ID ? null : target.id,
              );
              if (!result.ok) onMessage(result.reason);
              else if (result.doc !== before) {
                edit(uniqueKey('why-move'), () => result.doc);
                onMessage('Moved. Ctrl+Z moves it back.');
              }
            }
            setRelayout((n) => n + 1);
          }}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          disableKeyboardA11y
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          minZoom={0.1}
          colorMode="system"
          proOptions={{ hideAttribution: true }}
        >
          <Panel position="top-right" className="why-panel">
            <button
              type="button"
              onClick={() => setUi((u) => ({ ...u, direction: u.direction === 'TB' ? 'LR' : 'TB' }))}
              aria-label={ui.direction === 'TB' ? 'Lay out left to right' : 'Lay out top down'}
            >
              {ui.direction === 'TB' ? '⇥ Left to right' : '⤓ Top down'}
            </button>
            <button type="button" onClick={() => void exportImage('png')}>
              PNG
            </button>
            <button type="button" onClick={() => void exportImage('svg')}>
              SVG
            </button>
            <button type="button" onClick={onHelp} aria-keyshortcuts="?">
              Keys ?
            </button>
          </Panel>
          <Background gap={24} />
          <Controls showInteractive={false} />
          {whys.nodes.length > 30 && <MiniMap pannable zoomable />}
        </ReactFlow>
      </div>
    </WhyUiContext.Provider>
  );
}
