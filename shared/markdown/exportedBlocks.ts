/**
 * A reader for the short runs of blocks the exporter writes between its tables and
 * lists — headings, `**Label:** value` fields, one-line paragraphs, `---` rules and a
 * table's header and delimiter rows — that builds exactly the mdast (positions
 * included) mdast-util-from-markdown + GFM builds for them. micromark costs a fixed
 * setup per call plus some tens of microseconds per block, and a large export still
 * handed it about a dozen such runs.
 *
 * Each block must stand alone on its line, between blank lines (a table's two rows
 * together, last), and hold text with no markup (see inertText); anything else returns
 * null and the caller parses the lines with the library.
 * test/unit/shared/parseDocument.test.ts holds it to the library's output.
 */
import type { Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
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
function field(line: string, start: LineStart): Paragraph | null {
  const m = FIELD.exec(line);
  if (!m) return null;
  const label = m[1] ?? '';
  const rest = m[2] ?? '';
  if (SURROUNDED.test(label) || (rest !== '' && (!rest.startsWith(' ') || /[ \t]$/.test(rest)))) return null;
  const labelText = inertText(label);
  const restText = rest === '' ? '' : inertText(rest);
  if (labelText === null || restText === null) return null;
  const strongEnd = label.length + 4;
  const children: PhrasingContent[] = [
    {
      type: 'strong',
      children: [{ type: 'text', value: labelText, position: span(start, 2, strongEnd - 2) }],
      position: span(start, 0, strongEnd),
    },
  ];
  if (rest !== '') children.push({ type: 'text', value: restText, position: span(start, strongEnd, line.length) });
  return { type: 'paragraph', children, position: span(start, 0, line.length) };
}

/** A one-line paragraph of plain text that cannot be read as the start of another block. */
function paragraph(line: string, start: LineStart): Paragraph | null {
  if (NOT_PLAIN_ITEM.test(line) || line.startsWith('|')) return null;
  const value = inertText(line);
  if (value === null) return null;
  return {
    type: 'paragraph',
    children: [{ type: 'text', value, position: span(start, 0, line.length) }],
    position: span(start, 0, line.length),
  };
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
