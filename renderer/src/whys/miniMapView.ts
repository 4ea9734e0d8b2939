/**
 * The minimap's geometry, as React Flow's <MiniMap> has it: the graph's bounds joined
 * with the view, padded by `offsetScale` minimap pixels, fitted into the minimap box
 * (centred, whole, as an SVG viewBox is), and where the view lands in minimap pixels.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A fit of graph units into the minimap: minimap pixel = origin + graph unit * scale. */
export interface MiniMapFit {
  origin: { x: number; y: number };
  scale: number;
}

/** MiniMap's default `offsetScale`: padding around the bounds, in minimap pixels. */
const OFFSET_SCALE = 5;

/** The box around all `rects`, or null if there are none. */
export function nodesBounds(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** `bounds` fitted into a minimap of size `box`, padded and centred. */
export function fitInMiniMap(bounds: Rect, box: { width: number; height: number }): MiniMapFit {
  const viewScale = Math.max(bounds.width / box.width, bounds.height / box.height) || 1;
  const offset = OFFSET_SCALE * viewScale;
  const viewBox = {
    x: bounds.x - (viewScale * box.width - bounds.width) / 2 - offset,
    y: bounds.y - (viewScale * box.height - bounds.height) / 2 - offset,
    width: viewScale * box.width + offset * 2,
    height: viewScale * box.height + offset * 2,
  };
  const scale = Math.min(box.width / viewBox.width, box.height / viewBox.height);
  const left = (box.width - viewBox.width * scale) / 2;
  const top = (box.height - viewBox.height * scale) / 2;
  return { origin: { x: left - viewBox.x * scale, y: top - viewBox.y * scale }, scale };
}

/**
 * The minimap for a canvas showing `transform` ([x, y, zoom], as React Flow keeps it)
 * on a pane of `pane` pixels: its fit, and the frame of what the canvas shows.
 */
export function miniMapView(
  nodes: Rect | null,
  transform: readonly [number, number, number],
  pane: { width: number; height: number },
  box: { width: number; height: number },
): { fit: MiniMapFit; frame: Rect } {
  const [tx, ty, zoom] = transform;
  const view = { x: -tx / zoom, y: -ty / zoom, width: pane.width / zoom, height: pane.height / zoom };
  const fit = fitInMiniMap(nodes ? union(nodes, view) : view, box);
  return {
    fit,
    frame: {
      x: fit.origin.x + view.x * fit.scale,
      y: fit.origin.y + view.y * fit.scale,
      width: view.width * fit.scale,
      height: view.height * fit.scale,
    },
  };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
