/**
 * The graph's minimap: every why as a box, a frame around what the canvas has in view;
 * drag in it to pan the canvas, wheel over it to zoom.
 *
 * React Flow's <MiniMap> draws the view as a mask path it rewrites on every pan frame,
 * and its viewBox (the graph joined with the view) changes with the view too. Each
 * invalidated the minimap's SVG layout and repainted the page on every frame: at 500
 * whys that about doubled a pan frame's main-thread work (paint, pre-paint, and the hit
 * test each mouse move waits for), where a bare React Flow repaints nothing. It also
 * ran one store selector per node on every frame. Here the boxes are one path, drawn
 * when the nodes change at a fixed fit, and both the drawing and the view frame sit on
 * compositor layers that a store subscription moves and scales (no React render): a
 * pan repaints nothing.
 */
import { Panel, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { fitInMiniMap, miniMapView, nodesBounds } from './miniMapView';
import type { WhyFlowNode } from './WhyNodeView';

const BOX = { width: 200, height: 150 };
/** The size spelled out for `contain: strict`, which keeps the minimap's layout its own. */
const panelStyle = { ...BOX, contain: 'strict' } as const;

export const WhyMiniMap = memo(function WhyMiniMap({ nodes }: { nodes: readonly WhyFlowNode[] }) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<SVGSVGElement>(null);
  const rects = useMemo(
    () =>
      nodes
        .filter((n) => !n.hidden)
        .map((n) => ({
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? 0,
          height: n.measured?.height ?? 0,
        })),
    [nodes],
  );
  const bounds = useMemo(() => nodesBounds(rects), [rects]);
  // The drawing's own fit: the graph alone. The view only moves and scales it.
  const drawn = fitInMiniMap(bounds ?? { x: 0, y: 0, width: 1, height: 1 }, BOX);
  const viewBox = `${-drawn.origin.x / drawn.scale} ${-drawn.origin.y / drawn.scale} ${BOX.width / drawn.scale} ${BOX.height / drawn.scale}`;
  const path = rects.map((r) => `M${r.x},${r.y}h${r.width}v${r.height}h${-r.width}z`).join('');

  useEffect(() => {
    let size = '';
    const place = (state: ReactFlowState) => {
      if (!frame.current || !drawing.current || state.width === 0 || state.height === 0) return;
      const { fit, frame: view } = miniMapView(bounds, state.transform, state, BOX);
      const k = fit.scale / drawn.scale;
      drawing.current.style.transform = `translate(${fit.origin.x - k * drawn.origin.x}px, ${fit.origin.y - k * drawn.origin.y}px) scale(${k})`;
      frame.current.style.transform = `translate(${view.x}px, ${view.y}px)`;
      // Width and height change only with the zoom; a pan only moves the frame's layer.
      const nextSize = `${view.width} ${view.height}`;
      if (nextSize !== size) {
        size = nextSize;
        frame.current.style.width = `${view.width}px`;
        frame.current.style.height = `${view.height}px`;
      }
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, bounds, drawn.origin.x, drawn.origin.y, drawn.scale]);

  // Wheel zooms the canvas (React Flow's minimap steps: a notch of 100 is about 13%).
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const step = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
      void flow.zoomTo(flow.getZoom() * 2 ** (-event.deltaY * step));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [flow]);

  // Dragging moves the view frame with the pointer, and the canvas with it.
  const drag = useRef<{ pointerX: number; pointerY: number; x: number; y: number; zoom: number; scale: number } | null>(
    null,
  );
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const state = store.getState();
    const [x, y, zoom] = state.transform;
    const { scale } = miniMapView(bounds, state.transform, state, BOX).fit;
    drag.current = { pointerX: event.clientX, pointerY: event.clientY, x, y, zoom, scale };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const at = drag.current;
    if (!at) return;
    // A minimap pixel is 1 / scale graph units, each `zoom` canvas pixels.
    const dx = ((event.clientX - at.pointerX) / at.scale) * at.zoom;
    const dy = ((event.clientY - at.pointerY) / at.scale) * at.zoom;
    void flow.setViewport({ x: at.x - dx, y: at.y - dy, zoom: at.zoom });
  };
  const onPointerUp = () => (drag.current = null);

  return (
    <Panel
      ref={panel}
      position="bottom-right"
      className="why-minimap nopan nowheel"
      style={panelStyle}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <svg
        ref={drawing}
        width={BOX.width}
        height={BOX.height}
        viewBox={viewBox}
        role="img"
        aria-label="Minimap of the whole graph: drag to pan, wheel to zoom"
      >
        <path className="why-minimap-nodes" d={path} />
      </svg>
      <div ref={frame} className="why-minimap-frame" aria-hidden="true" />
    </Panel>
  );
});
