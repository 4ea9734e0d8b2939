/**
 * A reader for the short runs of blocks the exporter writes between its tables and
 * lists — headings, `**Label:** value` fields, one-line paragraphs, `---` rules, tight
 * ordered lists of such lines and a table's header and delimiter rows — that builds exactly the mdast (positions
 * included) mdast-util-from-markdown + GFM builds for them. micromark costs a fixed
 * setup per call plus some tens of microseconds per block, and a large export still
 * handed it about a dozen such runs.
 *
 * Each block must stand alone on its line, between blank lines (a table's two rows
 * together, last), and hold text with no markup (see inertText); anything else returns
 * null and the caller parses the lines with the library.
 * test/unit/shared/parseDocument.test.ts holds it to the library's output.
 */
import type { List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { inertText, NOT_PLAIN_ITEM, span, tableRow, type LineStart } from './exportedShapes';

const BLANK = /^[ \t]*$/;
const DELIMITER_ROW = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+$/;
const HEADING = /^(#{1,6}) (.*)$/;
const FIELD = /^\*\*([^*]+?)\*\*(.*)$/;
/** Text that whitespace around would change (it is trimmed) or that may not close emphasis. */
const SURROUNDED = /^[ \t]|[ \t]$/;

export function simpleBlocks(lines: readonly string[], starts: readonly LineStart[]): RootContent[] | null {
  const out: RootContent[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (BLANK.test(line)) continue;
    const next = lines[i + 1];
    if (next !== undefined && DELIMITER_ROW.test(next)) {
      // Rows that follow belong to the table: only the last block may be one.
      if (i + 2 !== lines.length) return null;
      const table = tableHead(line, next, starts[i] as LineStart, starts[i + 1] as LineStart);
      if (!table) return null;
      out.push(table);
      break;
    }
    if (ORDERED_ITEM.test(line)) {
      const ordered = orderedList(lines, starts, i);
      if (!ordered) return null;
      out.push(ordered.list);
      i = ordered.end - 1;
      continue;
    }
    // A block over several lines (a paragraph, a setext heading) is left to the library.
    if (next !== undefined && !BLANK.test(next)) return null;
    const start = starts[i] as LineStart;
    const block = heading(line, start) ?? rule(line, start) ?? field(line, start) ?? paragraph(line, start);
    if (!block) return null;
    out.push(block);
  }
  return out;
}

/** `## text`, without a closing sequence and with no space around the text. */
function heading(line: string, start: LineStart): RootContent | null {
  const m = HEADING.exec(line);
  const raw = m?.[2];
  if (!m || !raw || raw.endsWith('#') || SURROUNDED.test(raw)) return null;
  const value = inertText(raw);
  if (value === null) return null;
  const depth = (m[1] ?? '').length as 1 | 2 | 3 | 4 | 5 | 6;
  return {
    type: 'heading',
    depth,
    children: [{ type: 'text', value, position: span(start, depth + 1, line.length) }],
    position: span(start, 0, line.length),
  };
}

function rule(line: string, start: LineStart): RootContent | null {
  return line === '---' ? { type: 'thematicBreak', position: span(start, 0, line.length) } : null;
}

/**
 * `**Label:**` alone or followed by a space and text. The label has no space at either
 * end, so its markers open and close (a closing marker after punctuation must be
 * followed by a space or the end of the line, and it is).
 */
function field(line: string, start: LineStart, offset = 0): Paragraph | null {
  const m = FIELD.exec(offset === 0 ? line : line.slice(offset));
  if (!m) return null;
  const label = m[1] ?? '';
  const rest = m[2] ?? '';
  if (SURROUNDED.test(label) || (rest !== '' && (!rest.startsWith(' ') || /[ \t]$/.test(rest)))) return null;
  const labelText = inertText(label);
  const restText = rest === '' ? '' : inertText(rest);
  if (labelText === null || restText === null) return null;
  const strongEnd = offset + label.length + 4;
  const children: PhrasingContent[] = [
    {
      type: 'strong',
      children: [{ type: 'text', value: labelText, position: span(start, offset + 2, strongEnd - 2) }],
      position: span(start, offset, strongEnd),
    },
  ];
  if (rest !== '') children.push({ type: 'text', value: restText, position: span(start, strongEnd, line.length) });
  return { type: 'paragraph', children, position: span(start, offset, line.length) };
}

/** A one-line paragraph of plain text that cannot be read as the start of another block. */
function paragraph(line: string, start: LineStart, offset = 0): Paragraph | null {
  const raw = offset === 0 ? line : line.slice(offset);
  if (raw === '' || NOT_PLAIN_ITEM.test(raw) || raw.startsWith('|')) return null;
  const value = inertText(raw);
  if (value === null) return null;
  return {
    type: 'paragraph',
    children: [{ type: 'text', value, position: span(start, offset, line.length) }],
    position: span(start, offset, line.length),
  };
}

/** `1. ` and the item's text: one space after the marker, so the text starts right there. */
const ORDERED_ITEM = /^(\d{1,9})\. (?=\S)/;
/** A line that would go on with an ordered list after a blank line (an item, or indented text). */
const CONTINUES_ORDERED = /^(?:[ \t]|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * A tight ordered list of one-line items (`1. **Primary (root cause):** text`, as the
 * exporter writes Contributing Factors), each a field or plain text, starting at
 * `from`. Returns the list and the index after it, or null.
 */
function orderedList(
  lines: readonly string[],
  starts: readonly LineStart[],
  from: number,
): { list: List; end: number } | null {
  const list: List = { type: 'list', ordered: true, start: null, spread: false, children: [] };
  let end = from;
  for (let m = ORDERED_ITEM.exec(lines[end] ?? ''); m; m = ORDERED_ITEM.exec(lines[end] ?? '')) {
    const line = lines[end] as string;
    const start = starts[end] as LineStart;
    const offset = (m[1] ?? '').length + 2;
    const content = field(line, start, offset) ?? paragraph(line, start, offset);
    if (!content) return null;
    list.start ??= Number(m[1]);
    list.children.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [content],
      position: span(start, 0, line.length),
    });
    end += 1;
  }
  // What follows must end the list: a blank line, then nothing that would continue it.
  let next = end;
  while (next < lines.length && BLANK.test(lines[next] as string)) next += 1;
  if (list.children.length === 0 || (end < lines.length && !BLANK.test(lines[end] as string))) return null;
  if (next < lines.length && CONTINUES_ORDERED.test(lines[next] as string)) return null;
  const first = list.children[0]?.position;
  const last = list.children[list.children.length - 1]?.position;
  if (first && last) list.position = { start: { ...first.start }, end: { ...last.end } };
  return { list, end };
}

const ALIGN = { left: 'left', right: 'right', center: 'center' } as const;

/** A table's header row and delimiter row, with as many cells as delimiters. */
function tableHead(header: string, delimiter: string, headerStart: LineStart, delimiterStart: LineStart): Table | null {
  const align = delimiter
    .slice(1, -1)
    .split('|')
    .map((cell) => {
      const d = cell.trim();
      const left = d.startsWith(':');
      const right = d.endsWith(':');
      return left && right ? ALIGN.center : left ? ALIGN.left : right ? ALIGN.right : null;
    });
  const row = tableRow(header, headerStart, align.length);
  if (!row) return null;
  return {
    type: 'table',
    align,
    children: [row],
    position: span(headerStart, 0, delimiter.length, delimiterStart),
  };
}
