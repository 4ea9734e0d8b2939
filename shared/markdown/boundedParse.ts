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
 * Whatever the rewrite cannot vouch for is left as written (only slower).
 * test/unit/shared/boundedParse.test.ts holds the result to `parse`'s.
 */
import type { Nodes, Root } from 'mdast';
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
  const lazy = indentLazyLines(markdown, limits.lazyLines);
  const text = lazy?.text ?? markdown;
  const hidden = hideBrackets(text, limits.closingBrackets);
  const tree = parse(hidden ?? text);
  if (hidden !== null || lazy) mapBack(tree, hidden !== null, lazy?.inserted ?? null);
  return tree;
}

/** Container markers at the start of a line: quotes and list items with content after them. */
const CONTAINERS = /^(?: {0,3}>[ ]?| {0,3}(?:[-+*]|\d{1,9}[.)])(?: {1,4}|$))*/;
/** A first character that cannot start a block (heading, quote, list, rule, fence, HTML, table, setext). */
const INERT = /^(?:[^\s#>+*=_`~<|[\]:\\\-\d]|\d(?!\d{0,8}[.)]))/;
const BLANK = /^[ \t]*$/;

export interface LazyRewrite {
  text: string;
  /** Characters inserted at the start of each line (by 0-based line index). */
  inserted: number[];
}

/**
 * Gives each lazy continuation line the prefix of the paragraph it continues, or null
 * when fewer than `min` lines need it (or a fence or HTML block makes it unsafe).
 */
export function indentLazyLines(markdown: string, min: number): LazyRewrite | null {
  let breaks = 0;
  for (let at = markdown.indexOf('\n'); at >= 0 && breaks < min; at = markdown.indexOf('\n', at + 1)) breaks += 1;
  if (breaks < min) return null;
  if (markdown.includes('```') || markdown.includes('~~~') || markdown.includes('\r')) return null;
  const lines = markdown.split('\n');
  const inserted = new Array<number>(lines.length).fill(0);
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
      open = true;
    } else open = false;
  }
  return count < min ? null : { text: lines.join('\n'), inserted };
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

function mapBack(node: Nodes, brackets: boolean, inserted: number[] | null): void {
  if (brackets) {
    // Text, code and its info string, HTML: every string the parser copied from the source.
    const fields = node as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = value.replace(RESTORE, (c) => (c === OPEN ? '[' : ']'));
    }
  }
  if (inserted && node.position) {
    node.position = { start: unshift(node.position.start, inserted), end: unshift(node.position.end, inserted) };
  }
  if ('children' in node) for (const child of node.children) mapBack(child, brackets, inserted);
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
