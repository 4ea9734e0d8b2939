import { describe, expect, it } from 'vitest';
import { fitInMiniMap, miniMapView, nodesBounds } from '../../../../renderer/src/whys/miniMapView';

const BOX = { width: 200, height: 150 };

describe('minimap geometry', () => {
  it('fits the graph into the minimap as React Flow does: 5 px of padding, centred, whole', () => {
    // 400 x 300 graph units: 2 units a pixel before padding; the padded 420 x 320 fits by height.
    const fit = fitInMiniMap({ x: 0, y: 0, width: 400, height: 300 }, BOX);
    expect(fit.scale).toBeCloseTo(150 / 320);
    expect(fit.origin.x).toBeCloseTo((200 - 420 * fit.scale) / 2 + 10 * fit.scale);
    expect(fit.origin.y).toBeCloseTo(10 * fit.scale);
  });

  it('frames exactly what the canvas shows', () => {
    const graph = { x: 0, y: 0, width: 400, height: 300 };
    const { fit, frame } = miniMapView(graph, [0, 0, 1], { width: 400, height: 300 }, BOX);
    expect(frame).toEqual({ x: fit.origin.x, y: fit.origin.y, width: 400 * fit.scale, height: 300 * fit.scale });
  });

  it('while the view stays inside the graph a pan only moves the frame', () => {
    const graph = { x: 0, y: 0, width: 8000, height: 6000 };
    const pane = { width: 800, height: 600 };
    const a = miniMapView(graph, [-1000, -1000, 1], pane, BOX);
    const b = miniMapView(graph, [-1500, -1200, 1], pane, BOX);
    expect(b.fit).toEqual(a.fit);
    expect(b.frame.x - a.frame.x).toBeCloseTo(500 * a.fit.scale);
    expect(b.frame.y - a.frame.y).toBeCloseTo(200 * a.fit.scale);
    expect(b.frame.width).toBeCloseTo(a.frame.width);
  });

  it('a view beyond the graph widens the fit so both stay in the minimap', () => {
    const graph = { x: 0, y: 0, width: 400, height: 300 };
    const { frame } = miniMapView(graph, [4000, 0, 1], { width: 400, height: 300 }, BOX);
    expect(frame.x).toBeGreaterThanOrEqual(0);
    expect(frame.x + frame.width).toBeLessThanOrEqual(200);
  });

  it('bounds of no nodes are null, of some the box around them', () => {
    expect(nodesBounds([])).toBeNull();
    expect(
      nodesBounds([
        { x: 10, y: 20, width: 300, height: 100 },
        { x: -50, y: 200, width: 300, height: 80 },
      ]),
    ).toEqual({ x: -50, y: 20, width: 360, height: 260 });
  });
});
