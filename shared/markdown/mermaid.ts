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

/**
 * `"label"`: trimmed, each line ending (CRLF as one) a space, each character Mermaid
 * gives meaning to its entity code, and control characters, zero-width and bidi marks
 * (which would garble or hide parts of a label) spaces. One pass over the label: a
 * large graph has a label per why, and a chain of replacements walked each one three
 * times.
 */
export function mermaidLabel(value: string): string {
  const label = value.trim();
  let out = '';
  let start = 0;
  for (let i = 0; i < label.length; i += 1) {
    const code = label.charCodeAt(i);
    let written: string | undefined;
    let skip = 0;
    if (code === 13) {
      written = ' ';
      if (label.charCodeAt(i + 1) === 10) skip = 1;
    } else if (code < 0x20 || code === 0x7f || isInvisible(code)) written = ' ';
    else written = ENTITIES[label.charAt(i)];
    if (written === undefined) continue;
    out += label.slice(start, i) + written;
    i += skip;
    start = i + 1;
  }
  return `"${start === 0 ? label : out + label.slice(start)}"`;
}

/** Zero-width and bidi marks: U+200B-U+200F, U+202A-U+202E, U+2066-U+2069. */
function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
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
