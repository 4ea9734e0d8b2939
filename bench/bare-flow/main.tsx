/**
 * The baseline for the why-graph frame-time benchmark: a bare <ReactFlow> with the same
 * number of default nodes at the same layout positions, no custom node views.
 *
 * The benchmark passes the app's canvas size and viewport (`w`, `h`, `x`, `y`, `zoom`),
 * so both pan over the same nodes. Without them the bare flow opens at (0, 0), zoom 1,
 * where this tree has no node at all, and pans an empty pane.
 */
import { ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { layoutWhys } from '../../shared/whyLayout';
import { benchWhyTree } from '../whyTree';

const params = new URLSearchParams(location.search);
const number = (name: string, fallback: number) => Number(params.get(name) ?? fallback);
const count = number('nodes', 500);
const whys = benchWhyTree(count);
const positions = layoutWhys(whys, 'TB');
const nodes = [...positions.values()].map((p) => ({
  id: p.id,
  position: { x: p.x, y: p.y },
  data: { label: p.id },
  style: { width: p.width },
}));
const edges = whys.nodes.map((n) => ({ id: `e${n.id}`, source: n.parentId ?? 'symptom', target: n.id }));
const viewport = { x: number('x', 0), y: number('y', 0), zoom: number('zoom', 1) };

const root = document.getElementById('root');
if (root) {
  root.style.width = `${number('w', 1280)}px`;
  root.style.height = `${number('h', 720)}px`;
  createRoot(root).render(
    <ReactFlow nodes={nodes} edges={edges} fitView={false} defaultViewport={viewport} minZoom={0.1} />,
  );
}
