/**
 * Readers for the few line shapes the exporter writes in bulk — a GFM table body row,
 * the nested list of whys — that build exactly the mdast (positions included) that
 * mdast-util-from-markdown + GFM builds for those lines, in a fraction of the time.
 *
 * They are not a markdown parser. Each accepts only text with no markdown in it: no
 * character that can open an inline construct (code, emphasis, links, HTML, entities,
 * strikethrough, autolink literals), only backslash escapes and the three whitespace
 * character references to-markdown writes, which read the same way everywhere.
 * Anything else returns null and the caller parses those lines with the library.
 * test/unit/shared/parseDocument.test.ts holds them to the library's output on hostile
 * text.
 */
import type { Link, List, ListItem, Paragraph, PhrasingContent, TableCell, TableRow, Text } from 'mdast';
import { ROOT_CAUSE_MARK } from './export';
import { TAGS_LABEL } from './rootCauseTags';

type Position = NonNullable<Text['position']>;
type Point = Position['start'];

/** Where a line starts: its 1-based number and its offset in the document. */
export interface LineStart {
  line: number;
  offset: number;
}

const at = (start: LineStart, index: number): Point => ({
  line: start.line,
  column: index + 1,
  offset: start.offset + index,
});
export const span = (start: LineStart, from: number, to: number, end: LineStart = start): Position => ({
  start: at(start, from),
  end: at(end, to),
});

/**
 * What can start an inline construct: code, emphasis, links, strikethrough; `&` and `<`
 * only before what a character reference, HTML or an autolink needs; `_` unless it sits
 * inside a word (it can then neither open nor close emphasis). Also NUL, which the
 * parser rewrites. With no `[`, neither `!` nor `]` means anything; `>` and `|` are
 * plain text inside a line.
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[`*[~\u0000]|&(?=[#A-Za-z])|<(?=[!/?A-Za-z])|(?<![A-Za-z0-9_])_|_(?![A-Za-z0-9_])/;
/** What GFM's autolink literals look for in text (mdast-util-gfm-autolink-literal). */
const AUTOLINK_LITERAL = /https?:\/\/|www\.|[\w.+-]@|mailto:|xmpp:/i;
/**
 * Backslash escapes, and the character references to-markdown writes for whitespace it
 * must keep (at the start or end of text, a line break in a cell).
 */
const ESCAPE = /\\([!-/:-@[-`{-~])|&#x(20|9|A);/g;
const REFERENCED: Record<string, string> = { '20': ' ', '9': '\t', A: '\n' };

/**
 * The text of inline markdown that has no markup in it but escapes, or null. A
 * trailing backslash is refused: what it means depends on the character after it.
 */
export function inertText(raw: string): string | null {
  if (raw.endsWith('\\')) return null;
  if (!raw.includes('\\') && !raw.includes('&#x')) return ACTIVE.test(raw) || AUTOLINK_LITERAL.test(raw) ? null : raw;
  const text = raw.replace(
    ESCAPE,
    (_, escaped: string | undefined, code: string | undefined) => escaped ?? REFERENCED[code ?? ''] ?? '',
  );
  // An escaped or referenced character is literal, yet counts as punctuation beside a
  // `_`: check the markup with each one as a plain punctuation mark. The
  // autolink-literal pass runs on the text.
  if (ACTIVE.test(raw.replace(ESCAPE, '!')) || AUTOLINK_LITERAL.test(text)) return null;
  return text;
}

/** `<scheme:...>` as the exporter writes a link whose text is its address. */
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[!-;=?-[\]-{}~]*)>$/;

/**
 * One body row of a table with `columns` columns, written `| a | b |`, or null.
 * Cells split at unescaped pipes (`\|` and `\\` are pairs), as GFM splits them.
 */
export function tableRow(line: string, start: LineStart, columns: number): TableRow | null {
  if (!line.startsWith('|') || !line.endsWith('|') || line.length < 2) return null;
  const pipes = [0];
  for (let i = 1; i < line.length; i += 1) {
    const ch = line.charCodeAt(i);
    if (ch === 92 /* \ */) {
      const next = line.charCodeAt(i + 1);
      if (next === 92 || next === 124) i += 1;
    } else if (ch === 124 /* | */) pipes.push(i);
  }
  if (pipes.length !== columns + 1 || pipes[columns] !== line.length - 1) return null;
  const cells: TableCell[] = [];
  for (let k = 0; k < columns; k += 1) {
    const left = pipes[k] as number;
    const right = pipes[k + 1] as number;
    let from = left + 1;
    let to = right;
    while (from < to && (line[from] === ' ' || line[from] === '\t')) from += 1;
    while (to > from && (line[to - 1] === ' ' || line[to - 1] === '\t')) to -= 1;
    const content = cellContent(line.slice(from, to), start, from, to);
    if (content === null) return null;
    cells.push({
      type: 'tableCell',
      children: content,
      position: span(start, left, k === columns - 1 ? line.length : right),
    });
  }
  return { type: 'tableRow', children: cells, position: span(start, 0, line.length) };
}

function cellContent(raw: string, start: LineStart, from: number, to: number): PhrasingContent[] | null {
  if (raw === '') return [];
  const link = AUTOLINK.exec(raw);
  if (link) {
    const url = link[1] ?? '';
    const node: Link = {
      type: 'link',
      title: null,
      url,
      children: [{ type: 'text', value: url, position: span(start, from + 1, to - 1) }],
      position: span(start, from, to),
    };
    return [node];
  }
  const value = inertText(raw);
  return value === null ? null : [{ type: 'text', value, position: span(start, from, to) }];
}

/**
 * What may not open or close the text of a plain list item: it would start a block
 * inside the item (a heading, quote, list, fence, rule) or move where the text starts,
 * and trailing whitespace is dropped.
 */
export const NOT_PLAIN_ITEM = /^(?:[ \t#>*+=~`-]|\d{1,9}[.)](?:[ \t]|$))|[ \t]$/;

/**
 * A tight bullet list of plain items, one per line (`- text`), as the exporter writes
 * What Went Well and What Went Poorly. `lines` is the whole list, with nothing before
 * or after it in the same block.
 */
export function plainList(lines: readonly string[], starts: readonly LineStart[]): List | null {
  if (lines.length === 0) return null;
  const list: List = { type: 'list', ordered: false, start: null, spread: false, children: [] };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const start = starts[i] as LineStart;
    const raw = line.slice(2);
    if (!line.startsWith('- ') || raw === '' || NOT_PLAIN_ITEM.test(raw)) return null;
    const value = inertText(raw);
    if (value === null) return null;
    list.children.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'text', value, position: span(start, 2, line.length) }],
          position: span(start, 2, line.length),
        },
      ],
      position: span(start, 0, line.length),
    });
  }
  setEnds(list);
  return list;
}

const ITEM = /^((?: {2})*)- \*\*(.+)\*\*\\$/;
const ROOT_CAUSE_SUFFIX = ` **${ROOT_CAUSE_MARK}**`;
/** The tags after the mark, as the exporter writes them (./rootCauseTags): slugs in code spans. */
const TAGS_TAIL = new RegExp(`^ ${TAGS_LABEL} \`[\\p{L}\\p{N}._-]+\`(?:, \`[\\p{L}\\p{N}._-]+\`)*$`, 'u');
const TAG_CODE = /`([^`]+)`/g;

interface Step {
  depth: number;
  item: ListItem;
  list: List | null;
}

/**
 * The exporter's nested list of whys: per why, `- **question**\` and on the next line,
 * indented under it, `→ answer` [` **(root cause)**`]; each level two spaces deeper.
 * `lines` is the whole list, with nothing before or after it in the same block.
 */
export function whyList(lines: readonly string[], starts: readonly LineStart[]): List | null {
  if (lines.length === 0 || lines.length % 2 !== 0) return null;
  const top: List = { type: 'list', ordered: false, start: null, spread: false, children: [] };
  const open: Step[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const first = starts[i] as LineStart;
    const second = starts[i + 1] as LineStart;
    const step = whyStep(lines[i] as string, lines[i + 1] as string, first, second);
    if (!step) return null;
    while (open.length > step.depth) open.pop();
    if (open.length !== step.depth) return null; // a why two levels under its parent
    const parent = open[open.length - 1];
    let list = top;
    if (parent) {
      list = parent.list ?? { type: 'list', ordered: false, start: null, spread: false, children: [] };
      if (!parent.list) {
        parent.list = list;
        parent.item.children.push(list);
      }
    }
    list.children.push(step.item);
    open.push({ depth: step.depth, item: step.item, list: null });
  }
  setEnds(top);
  return top;
}

/** ` Tags: `a`, `b`` from `from` to the end of the line, as text and code spans. */
function tagNodes(line: string, from: number, start: LineStart): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let textFrom = from;
  for (const m of line.slice(from).matchAll(TAG_CODE)) {
    const codeAt = from + m.index;
    out.push({ type: 'text', value: line.slice(textFrom, codeAt), position: span(start, textFrom, codeAt) });
    textFrom = codeAt + m[0].length;
    out.push({ type: 'inlineCode', value: m[1] ?? '', position: span(start, codeAt, textFrom) });
  }
  return out;
}

/** Lists and items end where their last child ends (set once every child is known). */
function setEnds(list: List): void {
  for (const item of list.children) {
    const last = item.children[item.children.length - 1];
    if (last?.type === 'list') setEnds(last);
    if (item.position && last?.position) item.position.end = { ...last.position.end };
  }
  const first = list.children[0]?.position;
  const last = list.children[list.children.length - 1]?.position;
  if (first && last) list.position = { start: { ...first.start }, end: { ...last.end } };
}

function whyStep(
  first: string,
  second: string,
  firstStart: LineStart,
  secondStart: LineStart,
): { depth: number; item: ListItem } | null {
  const m = ITEM.exec(first);
  if (!m) return null;
  const indent = (m[1] ?? '').length;
  const questionRaw = m[2] ?? '';
  // Emphasis cannot open or close next to whitespace.
  if (/^\s|\s$/.test(questionRaw)) return null;
  const question = inertText(questionRaw);
  // The answer line opens with the arrow, so it cannot start a block of its own.
  const textStart = indent + 2;
  if (question === null || !second.startsWith(`${' '.repeat(textStart)}→`) || /\s$/.test(second)) return null;
  const tagsAt = second.lastIndexOf(`${ROOT_CAUSE_SUFFIX} ${TAGS_LABEL} `) + ROOT_CAUSE_SUFFIX.length;
  const markEnd = tagsAt > ROOT_CAUSE_SUFFIX.length && TAGS_TAIL.test(second.slice(tagsAt)) ? tagsAt : second.length;
  const rootCause = second.slice(0, markEnd).endsWith(ROOT_CAUSE_SUFFIX);
  const markAt = markEnd - ROOT_CAUSE_MARK.length - 4;
  const answer = inertText(second.slice(textStart, rootCause ? markAt : undefined));
  if (answer === null) return null;

  const q = questionRaw.length;
  const strongStart = indent + 2;
  const breakAt = strongStart + q + 4;
  const children: PhrasingContent[] = [
    {
      type: 'strong',
      children: [{ type: 'text', value: question, position: span(firstStart, strongStart + 2, strongStart + 2 + q) }],
      position: span(firstStart, strongStart, breakAt),
    },
    { type: 'break', position: { start: at(firstStart, breakAt), end: at(secondStart, 0) } },
    {
      type: 'text',
      value: answer,
      position: span(secondStart, textStart, rootCause ? markAt : second.length),
    },
  ];
  if (rootCause) {
    children.push({
      type: 'strong',
      children: [{ type: 'text', value: ROOT_CAUSE_MARK, position: span(secondStart, markAt + 2, markEnd - 2) }],
      position: span(secondStart, markAt, markEnd),
    });
    if (markEnd < second.length) children.push(...tagNodes(second, markEnd, secondStart));
  }
  const paragraph: Paragraph = {
    type: 'paragraph',
    children,
    position: span(firstStart, strongStart, second.length, secondStart),
  };
  return {
    depth: indent / 2,
    item: {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [paragraph],
      position: span(firstStart, indent, second.length, secondStart),
    },
  };
}
