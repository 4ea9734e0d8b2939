/**
 * Parsing a whole document: the tree `parse` (./mdast) builds, positions included,
 * built faster for the documents the exporter writes.
 *
 * micromark costs about the same per table row or list item whatever the row holds,
 * and an exported postmortem is mostly table rows, whys and a Mermaid chart. So the
 * document is cut, with a scan that only has to find fences and headings, into the
 * top-level blocks no markdown construct can cross: each ATX heading and each fenced
 * code block starts one. Every piece is parsed on its own (the same tree, since nothing
 * carries over those lines), except what needs no markdown parser at all: the text of
 * a fenced block (the Mermaid chart), table body rows and the nested list of whys in
 * exactly the exporter's shapes (./exportedShapes). Whatever the scan cannot vouch for
 * (HTML blocks, link definitions, front matter, fences inside list items or quotes, CR
 * line endings) sends the whole document to `parse`. Pieces go through `parseBounded`
 * (./boundedParse), which keeps pasted logs from taking quadratic time.
 * test/unit/shared/parseDocument.test.ts holds the result to `parse`'s, positions included.
 */
import type { Code, Nodes, Root, RootContent, Table } from 'mdast';
import { plainList, tableRow, whyList, type LineStart } from './exportedShapes';
import { parseBounded } from './boundedParse';
import { simpleBlocks } from './exportedBlocks';
import { parse } from './mdast';

type Point = NonNullable<Root['position']>['start'];

interface Piece {
  /**
   * `blocks`: a heading's lines (or those before the first heading), searched for the
   * exporter's shapes; `code`: a closed fenced block with a plain language name (or
   * none), built directly; `fence`: any other fenced block, parsed as it is.
   */
  kind: 'blocks' | 'code' | 'fence';
  /** Line indexes [from, to). */
  from: number;
  to: number;
  lang?: string | null;
}

interface Lines {
  text: readonly string[];
  starts: readonly LineStart[];
}

export function parseDocument(markdown: string): Root {
  const text = markdown.split('\n');
  const starts: LineStart[] = [];
  let offset = 0;
  text.forEach((line, i) => {
    starts.push({ line: i + 1, offset });
    offset += line.length + 1;
  });
  const lines: Lines = { text, starts };
  const pieces = topLevelPieces(markdown, lines);
  if (!pieces) return parseBounded(markdown);
  const children: RootContent[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'code') children.push(fencedCode(piece, lines));
    else if (piece.kind === 'fence') children.push(...parsed(lines, piece.from, piece.to));
    else children.push(...section(piece, lines));
  }
  const last = text.length - 1;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: point(lines, last, (text[last] ?? '').length) },
  };
}

const FENCE_OPEN = /^(?:(`{3,})([^`]*)|(~{3,})(.*))$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/**
 * Lines whose meaning depends on containers or HTML the scan does not follow: HTML
 * blocks, and fences anywhere but at the start of a line (in a list item or a quote,
 * where the library ends a piece's last block differently when nothing follows it).
 */
const UNSCANNED = /^ {0,3}<|.(?:`{3}|~{3})/;

/** The document cut at headings and fences, or null when the cut might not be clean. */
function topLevelPieces(markdown: string, lines: Lines): Piece[] | null {
  // CR line endings, NUL and a BOM change offsets or text; link and footnote
  // definitions reach across the whole document; front matter is only at the start.
  if (/[\r\0\uFEFF]/.test(markdown) || markdown.includes(']:') || /^(?:---|\+\+\+)/.test(markdown)) return null;
  const pieces: Piece[] = [];
  let from = 0;
  const flush = (to: number) => {
    if (to > from) pieces.push({ kind: 'blocks', from, to });
    from = to;
  };
  let fence: { marker: string; from: number; info: string } | null = null;
  for (let i = 0; i < lines.text.length; i += 1) {
    const line = lines.text[i] ?? '';
    if (fence) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === fence.marker[0] && close.length >= fence.marker.length) {
        flush(fence.from);
        const plain = /^[\w+-]*$/.test(fence.info);
        pieces.push({ kind: plain ? 'code' : 'fence', from: fence.from, to: i + 1, lang: fence.info || null });
        from = i + 1;
        fence = null;
      }
      continue;
    }
    if (UNSCANNED.test(line)) return null;
    const open = FENCE_OPEN.exec(line);
    if (open) fence = { marker: open[1] ?? open[3] ?? '', from: i, info: open[2] ?? open[4] ?? '' };
    else if (ATX_HEADING.test(line)) flush(i);
  }
  if (fence) {
    // An unclosed fence runs to the end of the document: one piece, left to the library.
    flush(fence.from);
    pieces.push({ kind: 'fence', from: fence.from, to: lines.text.length });
    return pieces;
  }
  flush(lines.text.length);
  return pieces;
}

function fencedCode(piece: Piece, lines: Lines): Code {
  const last = piece.to - 1;
  return {
    type: 'code',
    lang: piece.lang ?? null,
    meta: null,
    value: lines.text.slice(piece.from + 1, last).join('\n'),
    position: { start: point(lines, piece.from, 0), end: point(lines, last, (lines.text[last] ?? '').length) },
  };
}

const BLANK = /^[ \t]*$/;
const DELIMITER_ROW = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+$/;

/** One heading's lines: table body rows and why lists read directly, the rest parsed. */
function section(piece: Piece, lines: Lines): RootContent[] {
  const { text } = lines;
  const out: RootContent[] = [];
  let from = piece.from;
  for (let i = piece.from; i < piece.to; i += 1) {
    const line = text[i] ?? '';
    if (i >= from + 2 && line.startsWith('|') && DELIMITER_ROW.test(text[i - 1] ?? '')) {
      const end = runEnd(text, i, piece.to, (l) => l.startsWith('|'));
      const before = parsed(lines, from, i);
      const table = before[before.length - 1];
      if (end === null || table?.type !== 'table' || table.position?.end.line !== i)
        return parsed(lines, piece.from, piece.to);
      const rows = bodyRows(table, lines, i, end);
      if (!rows) return parsed(lines, piece.from, piece.to);
      out.push(...before);
      from = i = end;
    } else if (line.startsWith('- **') && (i === piece.from || BLANK.test(text[i - 1] ?? ''))) {
      const end = runEnd(text, i, piece.to, (l) => !BLANK.test(l));
      const next = text.slice(end ?? piece.to, piece.to).find((l) => !BLANK.test(l));
      // A list goes on after blank lines if an item or indented text follows.
      if (end === null || (next !== undefined && /^(?:[ \t]|[-+*](?:[ \t]|$))/.test(next))) continue;
      const before = parsed(lines, from, i);
      const list = whyList(text.slice(i, end), lines.starts.slice(i, end));
      if (!list || before[before.length - 1]?.type === 'list') return parsed(lines, piece.from, piece.to);
      out.push(...before, list);
      from = i = end;
    } else if (line.startsWith('- ') && (i === piece.from || BLANK.test(text[i - 1] ?? ''))) {
      // A plain list (What Went Well / Poorly); any other list is left to the library.
      const end = runEnd(text, i, piece.to, (l) => !BLANK.test(l));
      const next = text.slice(end ?? piece.to, piece.to).find((l) => !BLANK.test(l));
      if (end === null || (next !== undefined && /^(?:[ \t]|[-+*](?:[ \t]|$))/.test(next))) continue;
      const list = plainList(text.slice(i, end), lines.starts.slice(i, end));
      if (!list) continue;
      const before = parsed(lines, from, i);
      if (before[before.length - 1]?.type === 'list') continue;
      out.push(...before, list);
      from = i = end;
    }
  }
  out.push(...parsed(lines, from, piece.to));
  return out;
}

/** Where a run of lines that pass `test` ends, if a blank line or the piece's end follows it. */
function runEnd(text: readonly string[], from: number, to: number, test: (line: string) => boolean): number | null {
  let end = from;
  while (end < to && test(text[end] ?? '')) end += 1;
  return end === to || BLANK.test(text[end] ?? '') ? end : null;
}

/** Appends rows [from, to) to the table parsed from the lines above them; false if one cannot be read. */
function bodyRows(table: Table, lines: Lines, from: number, to: number): boolean {
  const header = lines.text[from - 2] ?? '';
  const delimiter = lines.text[from - 1] ?? '';
  const columns = table.children[0]?.children.length ?? 0;
  for (let i = from; i < to; i += 1) {
    const line = lines.text[i] ?? '';
    const start = lines.starts[i] as LineStart;
    let row = tableRow(line, start, columns);
    if (!row) {
      // A row with markup: parse it under the same header, alone.
      const alone = parse(`${header}\n${delimiter}\n${line}`).children[0];
      row = alone?.type === 'table' ? (alone.children[1] ?? null) : null;
      if (!row) return false;
      shift(row, start.line - 3, start.offset - header.length - delimiter.length - 2);
    }
    table.children.push(row);
  }
  const end = table.children[table.children.length - 1]?.position?.end;
  if (table.position && end) table.position.end = { ...end };
  return true;
}

/** Lines [from, to) parsed by the library, positions moved to where the lines are. */
function parsed(lines: Lines, from: number, to: number): RootContent[] {
  if (to <= from) return [];
  const simple = simpleBlocks(lines.text.slice(from, to), lines.starts.slice(from, to));
  if (simple) return simple;
  const start = lines.starts[from] as LineStart;
  // Front matter is only read at the very start of the document: a later piece that
  // opens with `---` or `+++` is parsed after a blank line, which changes nothing else.
  const lead = from > 0 && /^(?:---|\+\+\+)/.test(lines.text[from] ?? '') ? 1 : 0;
  const children = parseBounded('\n'.repeat(lead) + lines.text.slice(from, to).join('\n')).children;
  for (const child of children) shift(child, start.line - 1 - lead, start.offset - lead);
  return children;
}

function shift(node: Nodes, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
}

function point(lines: Lines, index: number, column: number): Point {
  const start = lines.starts[index] as LineStart;
  return { line: start.line, column: column + 1, offset: start.offset + column };
}
