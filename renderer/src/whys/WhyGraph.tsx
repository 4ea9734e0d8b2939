import {
  Controls,
  getViewportForBounds,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Edge,
  type NodeChange,
  type Viewport,
  applyNodeChanges,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { reparentWhy } from '../../../shared/whyGraph';
import { layoutWhys, SYMPTOM_NODE_ID, type PositionedNode } from '../../../shared/whyLayout';
import { childrenOf } from '../../../shared/whys';
import { useDocument, useDocumentStoreApi } from '../document/documentStore';
import { uniqueKey, useEdit } from '../document/useEdit';
import { registerRevealer } from '../phrasing/revealField';
import { createWhyActions } from './whyActions';
import { WhyGrid } from './WhyGrid';
import { WhyMiniMap } from './WhyMiniMap';
import { hiddenUnder, keepUnchangedEdges, keepUnchangedNodes, whyFlowEdges, whyFlowNodes } from './whyFlowElements';
import { WhyNodeView, type WhyFlowNode } from './WhyNodeView';
import { useWhyUi, useWhyUiStore, WhyActionsContext } from './whyUi';

const nodeTypes = { why: WhyNodeView };
// Object props are defined once: React Flow copies props such as fitViewOptions into its
// store whenever their identity changes, and every store update re-runs the selectors of
// every node, handle, edge and minimap node (thousands at 500 whys).
const fitViewOptions = { maxZoom: 1 };
const proOptions = { hideAttribution: true };
/**
 * A press on the empty pane pans; it must not also start a text selection. Chromium
 * otherwise extends a selection on every pointer move of the pan, hit-testing the
 * whole graph each time (most of each frame's work at 500 whys, once any field has
 * been edited). Node text is already unselectable; fields being edited still are.
 */
const flowStyle = { userSelect: 'none' } as const;
/**
 * Above this many whys React Flow renders only the nodes and edges in view. Every node,
 * handle and edge it renders subscribes to its store, and each store update (adding a
 * why, a keystroke in one, each pan frame) re-runs every subscription: at 500 whys some
 * 2,000 of them, for the few dozen in view. Smaller graphs stay whole in the page.
 */
const RENDER_VISIBLE_ONLY_ABOVE = 100;

/** Zoom bounds of the canvas, and of the view it opens at (React Flow's fit: 10% padding). */
const MIN_ZOOM = 0.1;
const FIT_PADDING = 0.1;

/**
 * The view that fits the whole laid-out graph in a pane of this size, as React Flow's
 * `fitView` would (the layout's sizes stand in for measured ones); null for a pane not
 * laid out (no size), which is left to `fitView`.
 */
function fittedView(layout: ReadonlyMap<string, PositionedNode>, width: number, height: number): Viewport | null {
  if (width === 0 || height === 0 || layout.size === 0) return null;
  const boxes = [...layout.values()];
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const bounds = { x, y, width: right - x, height: bottom - y };
  return getViewportForBounds(bounds, width, height, MIN_ZOOM, fitViewOptions.maxZoom, FIT_PADDING);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/**
 * html-to-image copies the computed style of each HTML element into the image, but
 * copies an <svg> as it is, and the image has none of the page's style sheets: the edge
 * paths, drawn by a React Flow style-sheet rule, came out invisible. Their stroke is
 * written on the paths for the time of the export. Returns the undo.
 */
function inlineEdgeStrokes(viewport: HTMLElement): () => void {
  const paths = [...viewport.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
  const properties = ['stroke', 'stroke-width', 'fill'] as const;
  // Restored through the style object: the CSP refuses a written `style` attribute.
  const before = paths.map((path) => properties.map((name) => path.style.getPropertyValue(name)));
  for (const path of paths) {
    const computed = getComputedStyle(path);
    path.style.setProperty('stroke', computed.stroke);
    path.style.setProperty('stroke-width', computed.strokeWidth);
    path.style.setProperty('fill', 'none');
  }
  return () =>
    paths.forEach((path, i) =>
      properties.forEach((name, k) => {
        const value = before[i]?.[k] ?? '';
        if (value === '') path.style.removeProperty(name);
        else path.style.setProperty(name, value);
      }),
    );
}

export interface WhyGraphProps {
  onMessage: (message: string | null) => void;
  onHelp: () => void;
  onExportImage: (format: 'png' | 'svg', dataUrl: string) => void;
}

export const WhyGraph = memo(function WhyGraph(props: WhyGraphProps) {
  return (
    <ReactFlowProvider>
      <WhyGraphCanvas {...props} />
    </ReactFlowProvider>
  );
});

function WhyGraphCanvas({ onMessage, onHelp, onExportImage }: WhyGraphProps) {
  const whys = useDocument((s) => s.doc.whys);
  const actionItems = useDocument((s) => s.doc.actionItems);
  const edit = useEdit();
  const store = useDocumentStoreApi();
  const uiStore = useWhyUiStore();
  const selectedId = useWhyUi((ui) => ui.selectedId);
  const collapsed = useWhyUi((ui) => ui.collapsed);
  const direction = useWhyUi((ui) => ui.direction);
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const wrapper = useRef<HTMLDivElement>(null);
  const { hidden, counts } = useMemo(() => hiddenUnder(whys, collapsed), [whys, collapsed]);
  const layout = useMemo(() => layoutWhys(whys, direction, hidden), [whys, direction, hidden]);
  const laidOut = useMemo(
    () => whyFlowNodes(whys, actionItems, layout, counts, direction),
    [whys, actionItems, layout, counts, direction],
  );
  const visibleEdges = useMemo(() => whyFlowEdges(whys, hidden), [whys, hidden]);

  const [nodes, setNodes] = useState<WhyFlowNode[]>(laidOut);
  const [edges, setEdges] = useState<Edge[]>(visibleEdges);
  /**
   * Edges and the minimap follow in a render React may interrupt, after the one that
   * paints a new why. React Flow cannot draw a new node's edge before it has measured
   * the node anyway, and each edge array it is handed re-indexes every connection and
   * re-runs every edge's selector; the minimap redraws one path through every node.
   */
  const deferredEdges = useDeferredValue(edges);
  const miniMapNodes = useDeferredValue(nodes);
  const [relayout, setRelayout] = useState(0);
  // The image export draws every node, so for its duration every node is rendered.
  const [renderAll, setRenderAll] = useState(false);
  const renderVisibleOnly = whys.nodes.length > RENDER_VISIBLE_ONLY_ABOVE && !renderAll;
  const [source, setSource] = useState({ laidOut, visibleEdges, relayout });
  /**
   * Sizes React Flow measured, by node. They are not put into the nodes' state: React
   * Flow keeps them itself, and another render that hands it the nodes back (to adopt all
   * 500 again and re-run every node's, edge's and minimap node's selector) bought
   * nothing. They go into a node's object when it is rebuilt for another reason.
   */
  const measured = useRef(new Map<string, { width: number; height: number }>());
  // Layout is recomputed from the document after every change; a drag only moves a node
  // until it is dropped. Elements that did not change keep their objects (see whyFlowElements).
  if (source.laidOut !== laidOut || source.visibleEdges !== visibleEdges || source.relayout !== relayout) {
    setSource({ laidOut, visibleEdges, relayout });
    if (source.laidOut !== laidOut || source.relayout !== relayout)
      setNodes((current) => keepUnchangedNodes(current, laidOut, measured.current));
    if (source.visibleEdges !== visibleEdges) setEdges((current) => keepUnchangedEdges(current, visibleEdges));
  }

  /**
   * The view the canvas opens at, worked out from the layout and the pane's size before
   * React Flow renders: with `fitView` it first rendered the nodes in view at zoom 1,
   * measured them, fitted, and then unmounted those and rendered the ones in the fitted
   * view (at 500 whys, a second pass as costly as the first, before the page could paint).
   * 'fit' where the pane has no size to work from.
   */
  const [startView, setStartView] = useState<Viewport | 'fit' | null>(null);
  useLayoutEffect(() => {
    const pane = wrapper.current;
    const view = pane ? fittedView(layout, pane.clientWidth, pane.clientHeight) : null;
    if (view && pane) flowStore.setState({ width: pane.clientWidth, height: pane.clientHeight });
    setStartView(view ?? 'fit');
    // Once, at mount: later layouts keep the view the person panned and zoomed to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<WhyFlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'dimensions' && change.dimensions) measured.current.set(change.id, change.dimensions);
    }
    // Selection is the editor's own (whyUi), removal goes through the document.
    const moves = changes.filter((c) => c.type !== 'select' && c.type !== 'remove' && c.type !== 'dimensions');
    if (moves.length === 0) return;
    setNodes((current) =>
      applyNodeChanges(moves, current).map((node, i) => {
        const size = measured.current.get(node.id);
        return node === current[i] || !size || node.measured === size ? node : { ...node, measured: size };
      }),
    );
  }, []);

  // Keep the selected node in view after it moves or appears. The pane's size comes from
  // React Flow's store: reading it from the DOM forced a layout of the whole page, and
  // this ran after every keystroke in a why (each one lays the graph out again).
  const selectedBox = selectedId ? layout.get(selectedId) : undefined;
  const [boxX, boxY, boxW, boxH] = selectedBox
    ? [selectedBox.x, selectedBox.y, selectedBox.width, selectedBox.height]
    : [NaN, NaN, NaN, NaN];
  useEffect(() => {
    if (Number.isNaN(boxX)) return;
    const { width, height, transform } = flowStore.getState();
    const [x, y, zoom] = transform;
    const left = boxX * zoom + x;
    const top = boxY * zoom + y;
    const inView = left >= 0 && top >= 0 && left + boxW * zoom <= width && top + boxH * zoom <= height;
    if (!inView) {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.setCenter(boxX + boxW / 2, boxY + boxH / 2, { zoom, duration: still ? 0 : 200 });
    }
  }, [selectedId, boxX, boxY, boxW, boxH, flow, flowStore]);

  const actions = useMemo(
    () =>
      createWhyActions({
        edit,
        store,
        uiStore,
        onMessage,
        focusCanvas: () => wrapper.current?.focus({ preventScroll: true }),
      }),
    [edit, store, uiStore, onMessage],
  );

  const { select } = actions;

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
        uiStore.setState((u) => ({
          collapsed: new Set([...u.collapsed].filter((c) => !ancestors.has(c))),
          selectedId: id,
          editingId: id,
        }));
        wrapper.current?.scrollIntoView({ block: 'center' });
        return true;
      }),
    [store, uiStore],
  );

  // Stable handlers: React Flow hands onNodeClick to every (memoised) node wrapper and
  // copies onNodeDragStop into its store, so a fresh function per render re-rendered all nodes.
  const onNodeClick = useCallback((_: unknown, node: WhyFlowNode) => select(node.id), [select]);
  const onPaneClick = useCallback(() => select(null), [select]);
  const onNodeMouseEnter = useCallback(
    (_: unknown, node: WhyFlowNode) => uiStore.setState({ hoveredId: node.id }),
    [uiStore],
  );
  const onNodeMouseLeave = useCallback(
    (_: unknown, node: WhyFlowNode) =>
      uiStore.getState().hoveredId === node.id && uiStore.setState({ hoveredId: null }),
    [uiStore],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, node: WhyFlowNode) => {
      // The drop target is the node the dragged one covers most. Sizes as React Flow
      // measured them (the nodes' own `measured` can be the layout's estimate).
      const size = (n: WhyFlowNode) => flow.getInternalNode(n.id)?.measured ?? n.measured ?? {};
      const overlap = (other: WhyFlowNode) => {
        const [a, b] = [size(node), size(other)];
        const w =
          Math.min(node.position.x + (a.width ?? 0), other.position.x + (b.width ?? 0)) -
          Math.max(node.position.x, other.position.x);
        const h =
          Math.min(node.position.y + (a.height ?? 0), other.position.y + (b.height ?? 0)) -
          Math.max(node.position.y, other.position.y);
        return w > 0 && h > 0 ? w * h : 0;
      };
      const target = flow
        .getIntersectingNodes(node)
        .filter((n): n is WhyFlowNode => n.id !== node.id)
        .sort((a, b) => overlap(b) - overlap(a))[0];
      const before = store.getState().doc;
      if (target) {
        const result = reparentWhy(before, node.id, target.id === SYMPTOM_NODE_ID ? null : target.id);
        if (!result.ok) onMessage(result.reason);
        else if (result.doc !== before) {
          edit(uniqueKey('why-move'), () => result.doc);
          onMessage('Moved. Ctrl+Z moves it back.');
        }
      }
      setRelayout((n) => n + 1);
    },
    [flow, store, edit, onMessage],
  );

  /** The whole graph as an image, at a size that keeps 16 px text readable. */
  const exportImage = async (format: 'png' | 'svg') => {
    if (renderVisibleOnly) {
      flushSync(() => setRenderAll(true));
      // Until every node is in the page, and a frame more: React Flow measures a node it
      // just rendered (its size, where its lines attach) once the node has been laid out.
      for (let i = 0; i < 60; i += 1) {
        await nextFrame();
        if ((wrapper.current?.querySelectorAll('.react-flow__node').length ?? 0) >= flow.getNodes().length) break;
      }
      await nextFrame();
    }
    try {
      await drawImage(format);
    } finally {
      setRenderAll(false);
    }
  };

  const drawImage = async (format: 'png' | 'svg') => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    // Through the instance: it sizes nodes as measured, not by the sizes in our node objects.
    const bounds = flow.getNodesBounds(flow.getNodes());
    const width = Math.min(8000, Math.ceil(bounds.width + 64));
    const height = Math.min(8000, Math.ceil(bounds.height + 64));
    // Padding in pixels: a bare number is a fraction of the image to React Flow 12, and 32
    // of them shrank the graph to its minimum zoom, a speck in the middle of the image.
    const transform = getViewportForBounds(bounds, width, height, 0.1, 1, '32px');
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
    const restoreEdges = inlineEdgeStrokes(viewport);
    // The image shows the analysis, not the editor: no selection ring, no edge handles.
    wrapper.current?.classList.add('why-exporting');
    try {
      onExportImage(format, format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options));
    } catch (error) {
      onMessage(`Could not draw the image: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      wrapper.current?.classList.remove('why-exporting');
      restoreEdges();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== wrapper.current) return;
    const ui = uiStore.getState();
    if (ui.editingId) {
      // The editor's field takes focus once it has been painted (WhyNodeView): keys typed
      // before then still count, as the field would take them.
      const editingId = ui.editingId;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key.length === 1 && plain) {
        event.preventDefault();
        actions.startEditing(editingId, event.key);
      } else if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey && plain)) {
        event.preventDefault();
        actions.stopEditing();
      } else if (event.key === 'Tab' && !event.shiftKey && plain) {
        event.preventDefault();
        // A root cause's answer is followed by its tags field, as in the editor.
        if (whys.nodes.some((n) => n.id === editingId && n.isRootCause)) return;
        actions.stopEditing();
        actions.addChild(editingId);
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
      direction === 'TB'
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
    <WhyActionsContext.Provider value={actions}>
      <div
        ref={wrapper}
        className="why-canvas"
        tabIndex={0}
        role="application"
        aria-label="Five whys graph. Tab adds a why, Enter a sibling, F2 edits, arrows move, R marks a root cause, Delete removes, question mark shows all keys."
        aria-keyshortcuts="Tab Enter F2 Delete R Space"
        onKeyDown={onKeyDown}
        onFocus={() => uiStore.getState().selectedId === null && select(SYMPTOM_NODE_ID)}
      >
        {startView && (
          <ReactFlow<WhyFlowNode>
            nodes={nodes}
            edges={deferredEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
            onNodeMouseEnter={onNodeMouseEnter}
            onNodeMouseLeave={onNodeMouseLeave}
            onNodeDragStop={onNodeDragStop}
            nodesConnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            disableKeyboardA11y
            fitView={startView === 'fit'}
            {...(startView !== 'fit' && { defaultViewport: startView })}
            fitViewOptions={fitViewOptions}
            minZoom={MIN_ZOOM}
            colorMode="system"
            proOptions={proOptions}
            style={flowStyle}
            onlyRenderVisibleElements={renderVisibleOnly}
          >
            <Panel position="top-right" className="why-panel">
              <button
                type="button"
                onClick={() => uiStore.setState((u) => ({ direction: u.direction === 'TB' ? 'LR' : 'TB' }))}
                aria-label={direction === 'TB' ? 'Lay out left to right' : 'Lay out top down'}
              >
                {direction === 'TB' ? '⇥ Left to right' : '⤓ Top down'}
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
            <WhyGrid />
            <Controls showInteractive={false} />
            {whys.nodes.length > 30 && <WhyMiniMap nodes={miniMapNodes} />}
          </ReactFlow>
        )}
      </div>
    </WhyActionsContext.Provider>
  );
}
