/**
 * `parse` (./mdast) in time that grows with the input, not with its square.
 *
 * micromark slows down sharply on two shapes a pasted log easily has: lines that
 * continue a list item or quote without its indentation ("lazy" lines: for each one it
 * walks back over every event of the block), and many `]` in one paragraph (each walks
 * back over the events to find its `[`). A 40 KB log under a bullet took 20 s.
 *
 * Both are rewritten before the parse into text that means the same and parses fast,
 * and the tree is mapped back, so the result is `parse`'s, positions included:
 * - a lazy line gets the container prefix of the paragraph it continues (spaces for a
 *   list item, `>` for a quote). A line that cannot start a block continues an open
 *   paragraph however it is indented, so this changes no structure;
 * - where no bracket can be part of a link (no `](`, no definitions), brackets become
 *   two punctuation characters of the same length that mean nothing to the parser, and
 *   are put back in the tree's text.
 * And since micromark's cost per line of a paragraph is high (20,000 plain lines still
 * took over a second), each run of plain lines that continue a paragraph is parsed as one
 * stand-in character whose text is put back after.
 * Whatever the rewrite cannot vouch for is left as written (only slower).
 * test/unit/shared/boundedParse.test.ts holds the result to `parse`'s.
 */
import type { Nodes, Root } from 'mdast';
import { inertText } from './exportedShapes';
import { parse } from './mdast';

type Point = NonNullable<Root['position']>['start'];

/** Below these counts the quadratic cost is too small to matter, and the text is parsed as written. */
const MIN_LAZY_LINES = 32;
const MIN_CLOSING_BRACKETS = 64;

/** `limits` are for tests, which hold the rewrites to `parse` on small inputs. */
export function parseBounded(
  markdown: string,
  limits: { lazyLines: number; closingBrackets: number } = {
    lazyLines: MIN_LAZY_LINES,
    closingBrackets: MIN_CLOSING_BRACKETS,
  },
): Root {
  const scanned = indentLazyLines(markdown, limits.lazyLines);
  const lazy = scanned && scanned.count >= limits.lazyLines ? scanned : null;
  const collapsed =
    scanned && !markdown.includes(RUN) ? collapsePlainRuns(scanned.lines, scanned.continues, limits.lazyLines) : null;
  const text = collapsed ? collapsed.lines.join('\n') : lazy ? lazy.lines.join('\n') : markdown;
  const hidden = hideBrackets(text, limits.closingBrackets);
  const tree = parse(hidden ?? text);
  if (hidden !== null) mapBack(tree, (node) => restoreBrackets(node));
  if (collapsed) {
    // Line starts of the text before the collapse, to turn a line and column into an offset.
    const starts: number[] = [];
    let offset = 0;
    for (const line of scanned?.lines ?? []) {
      starts.push(offset);
      offset += line.length + 1;
    }
    if (!expandRuns(tree, collapsed, starts)) return parse(markdown);
  }
  if (scanned && (lazy || collapsed)) {
    const inserted = scanned.inserted;
    mapBack(tree, (node) => {
      if (node.position)
        node.position = { start: unshift(node.position.start, inserted), end: unshift(node.position.end, inserted) };
    });
  }
  return tree;
}

/** Container markers at the start of a line: quotes and list items with content after them. */
const CONTAINERS = /^(?: {0,3}>[ ]?| {0,3}(?:[-+*]|\d{1,9}[.)])(?: {1,4}|$))*/;
/** A first character that cannot start a block (heading, quote, list, rule, fence, HTML, table, setext). */
const INERT = /^(?:[^\s#>+*=_`~<|[\]:\\\-\d]|\d(?!\d{0,8}[.)]))/;
const BLANK = /^[ \t]*$/;

export interface LazyRewrite {
  lines: string[];
  /** Characters inserted at the start of each line (by 0-based line index). */
  inserted: number[];
  /** Lines that continue an open paragraph and start with text (not a container marker). */
  continues: boolean[];
  /** How many lines got a prefix. */
  count: number;
}

/**
 * Gives each lazy continuation line the prefix of the paragraph it continues, or null
 * when fewer than `min` lines need it (or a fence or HTML block makes it unsafe).
 */
export function indentLazyLines(markdown: string, min: number): LazyRewrite | null {
  let breaks = 0;
  for (let at = markdown.indexOf('\n'); at >= 0 && breaks < min; at = markdown.indexOf('\n', at + 1)) breaks += 1;
  if (breaks < min) return null;
  // Front matter (at the very start) reads its lines its own way.
  if (/^(?:---|\+\+\+)/.test(markdown)) return null;
  if (markdown.includes('```') || markdown.includes('~~~') || markdown.includes('\r')) return null;
  const lines = markdown.split('\n');
  const inserted = new Array<number>(lines.length).fill(0);
  const continues = new Array<boolean>(lines.length).fill(false);
  let count = 0;
  let open = false; // a paragraph is open before this line
  let prefix = '';
  let table = false; // a line with a pipe may have started a table: until a blank line, no rewrite
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (BLANK.test(line)) {
      open = table = false;
      continue;
    }
    const markers = CONTAINERS.exec(line)?.[0] ?? '';
    const rest = line.slice(markers.length);
    // An HTML block ends where its own rules say, past blank lines for a comment.
    if (rest.trimStart().startsWith('<')) return null;
    if (table || line.includes('|')) {
      open = false;
      table = true;
      continue;
    }
    if (open && INERT.test(line)) {
      continues[i] = true;
      if (prefix !== '') {
        lines[i] = prefix + line;
        inserted[i] = prefix.length;
        count += 1;
      }
      continue;
    }
    if (markers !== '') {
      open = INERT.test(rest);
      prefix = markers.replace(/[-+*]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length));
      continue;
    }
    const indent = rest.length - rest.trimStart().length;
    // Indented text continues an open paragraph; with three spaces or fewer it starts one.
    if (INERT.test(rest.trimStart()) && (open || indent <= 3) && !rest.startsWith('\t')) {
      if (!open) prefix = rest.slice(0, indent);
      else continues[i] = true;
      open = true;
    } else open = false;
  }
  return { lines, inserted, continues, count };
}

/** Stands for a run of plain lines while parsing: one character no markdown gives a meaning to. */
const RUN = '\uE000';

export interface CollapsedRuns {
  lines: string[];
  /** Per run: where it starts among the lines it was cut from, how many, and their text in the tree. */
  runs: { from: number; count: number; indent: number; last: number; text: string }[];
}

/**
 * Each run of two or more lines that continue a paragraph with plain text (no markup,
 * no escape, no trailing space or backslash, indented with spaces only) as one line
 * holding RUN: micromark's cost per line of a paragraph is high, and a pasted log is
 * thousands of such lines. Null when fewer than `min` lines would go.
 */
export function collapsePlainRuns(
  lines: readonly string[],
  continues: readonly boolean[],
  min: number,
): CollapsedRuns | null {
  const plain = (i: number) => {
    const line = lines[i] as string;
    if (!continues[i] || /[ \t]$/.test(line)) return false;
    const content = line.replace(/^ */, '');
    return INERT.test(content) && inertText(content) === content;
  };
  const out: string[] = [];
  const runs: CollapsedRuns['runs'] = [];
  let removed = 0;
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && plain(end)) end += 1;
    if (end - i >= 2) {
      const first = lines[i] as string;
      const indent = first.length - first.replace(/^ */, '').length;
      const text = lines
        .slice(i, end)
        .map((line) => line.replace(/^ */, ''))
        .join('\n');
      runs.push({ from: i, count: end - i, indent, last: (lines[end - 1] as string).length, text });
      out.push(`${' '.repeat(indent)}${RUN}`);
      removed += end - i - 1;
      i = end;
    } else {
      out.push(lines[i] as string);
      i += 1;
    }
  }
  return removed < min || runs.length === 0 ? null : { lines: out, runs };
}

/** Punctuation of the same length as a bracket, which the parser treats as plain punctuation. */
const OPEN = '\u2E04';
const CLOSE = '\u2E05';
/**
 * Blocks where brackets may border an autolink (`<...>`, `www.`, an address): the
 * brackets change where its text is split. A run of lines with no blank line holds any
 * text node, so it is the unit left alone.
 */
const AUTOLINKISH = /<|www\.|https?:|mailto:|xmpp:|@/i;
/** Brackets that are not escaped and not a task list box (`[ ]`, `[x]`). */
const BRACKET = /(?<!\\)\[(?![ xX]\])|(?<![\\]|\[[ xX])\]/g;

/**
 * The text with its brackets swapped for OPEN and CLOSE, or null when fewer than `min`
 * would be, or when some bracket may belong to a link, image, footnote or definition.
 */
export function hideBrackets(markdown: string, min: number): string | null {
  let closing = 0;
  for (let at = markdown.indexOf(']'); at >= 0 && closing < min; at = markdown.indexOf(']', at + 1)) closing += 1;
  if (closing < min) return null;
  if (/\]\(|\]:/.test(markdown) || markdown.includes(OPEN) || markdown.includes(CLOSE)) return null;
  return markdown
    .split(/(\n[ \t]*\n)/)
    .map((run, i) =>
      i % 2 === 1 || AUTOLINKISH.test(run) ? run : run.replace(BRACKET, (b) => (b === '[' ? OPEN : CLOSE)),
    )
    .join('');
}

const RESTORE = new RegExp(`[${OPEN}${CLOSE}]`, 'g');

function mapBack(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) mapBack(child, visit);
}

function restoreBrackets(node: Nodes): void {
  // Text, code and its info string, HTML: every string the parser copied from the source.
  const fields = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = value.replace(RESTORE, (c) => (c === OPEN ? '[' : ']'));
  }
}

/**
 * Puts each run's text back where its RUN is, and every position back on the lines it
 * was cut from. False if a RUN landed anywhere but in plain text (then the caller parses
 * the text as written).
 */
function expandRuns(tree: Root, collapsed: CollapsedRuns, starts: readonly number[]): boolean {
  const { runs } = collapsed;
  // Per collapsed line: the run on it, if any, and how many lines were removed above it.
  const runAt = new Map<number, CollapsedRuns['runs'][number]>();
  const removedAbove: number[] = [];
  let removed = 0;
  let next = 0;
  for (let k = 0; k < collapsed.lines.length; k += 1) {
    removedAbove.push(removed);
    const run = runs[next];
    if (run && run.from === k + removed) {
      runAt.set(k, run);
      removed += run.count - 1;
      next += 1;
    }
  }
  const move = (point: Point): Point => {
    const k = point.line - 1;
    const run = runAt.get(k);
    let line = k + (removedAbove[k] ?? 0);
    let column = point.column;
    if (run && column > run.indent + 1) {
      line = run.from + run.count - 1;
      column = run.last + column - run.indent - 1;
    }
    const moved: Point = { line: line + 1, column };
    if (point.offset !== undefined) moved.offset = (starts[line] ?? 0) + column - 1;
    return moved;
  };
  let seen = 0;
  let misplaced = false;
  mapBack(tree, (node) => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if (!('value' in node) || typeof node.value !== 'string' || !node.value.includes(RUN)) return;
    if (node.type !== 'text') misplaced = true;
    node.value = node.value.replace(new RegExp(RUN, 'g'), () => runs[seen++]?.text ?? RUN);
  });
  return !misplaced && seen === runs.length;
}

/** Cumulative insertions before each line, computed once per array. */
const before = new WeakMap<number[], number[]>();

function unshift(point: Point, inserted: number[]): Point {
  let sums = before.get(inserted);
  if (!sums) {
    sums = [0];
    for (const n of inserted) sums.push((sums[sums.length - 1] as number) + n);
    before.set(inserted, sums);
  }
  const index = point.line - 1;
  const here = Math.min(point.column - 1, inserted[index] ?? 0);
  const moved: Point = { line: point.line, column: point.column - here };
  if (point.offset !== undefined) moved.offset = point.offset - (sums[index] ?? 0) - here;
  return moved;
}
