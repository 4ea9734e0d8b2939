/**
 * The why graph as a Mermaid flowchart (GitHub renders it). Node ids are generated
 * (w1, w2, ...), never taken from user text; labels are quoted and every character
 * Mermaid gives meaning to is written as an entity code, so any text renders as text.
 */
import type { Postmortem } from '../model';
import { whyForest } from './whyForest';

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
  const escaped = value
    .trim()
    .replace(/\r\n?|\n/g, ' ')
    .replace(/["#<>|`&[\]{}]/g, (ch) => ENTITIES[ch] ?? ch)
    // Control characters, zero-width and bidi marks would garble or hide parts of a label.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return `"${escaped}"`;
}

export function mermaidFlowchart(whys: Postmortem['whys']): string {
  const lines = ['flowchart TD'];
  const symptom = whys.symptom.trim() !== '';
  if (symptom) lines.push(`  symptom(${mermaidLabel(whys.symptom)})`);
  // A repeated id (damaged data) keeps the Mermaid id it was first given.
  const ids = new Map<string, string>();
  whyForest(whys.nodes).walk(
    (node, mermaidParent: string | null) => {
      const id = ids.get(node.id) ?? `w${ids.size + 1}`;
      ids.set(node.id, id);
      const label = mermaidLabel(`${node.question} → ${node.answer}`);
      lines.push(node.isRootCause ? `  ${id}[[${label}]]` : `  ${id}[${label}]`);
      if (mermaidParent) lines.push(`  ${mermaidParent} --> ${id}`);
      if (node.isRootCause) lines.push(`  class ${id} rootCause`);
      return id;
    },
    symptom ? 'symptom' : null,
  );
  lines.push('  classDef rootCause stroke-width:3px');
  return lines.join('\n');
}
