/**
 * The why graph as a Mermaid flowchart (GitHub renders it). Node ids are generated
 * (w1, w2, ...), never taken from user text; labels are quoted and every character
 * Mermaid gives meaning to is written as an entity code, so any text renders as text.
 */
import type { Postmortem } from '../model';
import { childrenOf } from '../whys';

const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '&': '#38;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
};

export function mermaidLabel(value: string): string {
  const escaped = [...value.trim().replace(/\r\n?/g, '\n')]
    .map((ch) => ENTITIES[ch] ?? (ch === '\n' ? ' ' : ch))
    .join('')
    // Control characters, zero-width and bidi marks would garble or hide parts of a label.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return `"${escaped}"`;
}

export function mermaidFlowchart(whys: Postmortem['whys']): string {
  const lines = ['flowchart TD'];
  const ids = new Map<string, string>();
  const idOf = (nodeId: string) => {
    let id = ids.get(nodeId);
    if (!id) {
      id = `w${ids.size + 1}`;
      ids.set(nodeId, id);
    }
    return id;
  };
  const known = new Set(whys.nodes.map((n) => n.id));
  if (whys.symptom.trim() !== '') lines.push(`  symptom(${mermaidLabel(whys.symptom)})`);
  const visit = (parentId: string | null, parentMermaidId: string | null, seen: Set<string>) => {
    const kids =
      parentId === null
        ? whys.nodes.filter((n) => n.parentId === null || !known.has(n.parentId)).sort((a, b) => a.order - b.order)
        : childrenOf(whys.nodes, parentId);
    for (const node of kids) {
      if (seen.has(node.id)) continue;
      const id = idOf(node.id);
      const label = mermaidLabel(`${node.question} → ${node.answer}`);
      lines.push(node.isRootCause ? `  ${id}[[${label}]]` : `  ${id}[${label}]`);
      if (parentMermaidId) lines.push(`  ${parentMermaidId} --> ${id}`);
      if (node.isRootCause) lines.push(`  class ${id} rootCause`);
      visit(node.id, id, new Set([...seen, node.id]));
    }
  };
  visit(null, whys.symptom.trim() !== '' ? 'symptom' : null, new Set());
  lines.push('  classDef rootCause stroke-width:3px');
  return lines.join('\n');
}
