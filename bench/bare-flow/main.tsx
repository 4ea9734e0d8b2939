/**
 * The baseline for the why-graph frame-time benchmark: a bare <ReactFlow> with the same
 * number of default nodes at the same layout positions, no custom node views.
 */
import { ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { layoutWhys } from '../../shared/whyLayout';
import { benchWhyTree } from '../whyTree';

const count = Number(new URLSearchParams(location.search).get('nodes') ?? 500);
const whys = benchWhyTree(count);
const positions = layoutWhys(whys, 'TB');
const nodes = [...positions.values()].map((p) => ({
  id: p.id,
  position: { x: p.x, y: p.y },
  data: { label: p.id },
  style: { width: p.width },
}));
const edges = whys.nodes.map((n) => ({ id: `e${n.id}`, source: n.parentId ?? 'symptom', target: n.id }));

const root = document.getElementById('root');
if (root) createRoot(root).render(<ReactFlow nodes={nodes} edges={edges} fitView={false} />);
