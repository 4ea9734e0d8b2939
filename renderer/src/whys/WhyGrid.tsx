import { Background, useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom a grid dot (1 unit across) is under half a pixel and draws next to nothing. */
const GRID_MIN_ZOOM = 0.5;

const gridVisible = (s: ReactFlowState) => s.transform[2] >= GRID_MIN_ZOOM;

/**
 * The canvas's dot grid, drawn only while its dots can be seen. React Flow moves the
 * grid's pattern on every pan frame, which re-rasterises the whole pane: with software
 * raster (Chromium without a GPU) that was most of each pan frame's raster work on a
 * zoomed-out 500-why graph, for dots a twentieth of a pixel wide.
 */
export function WhyGrid() {
  return useStore(gridVisible) ? <Background gap={24} /> : null;
}
