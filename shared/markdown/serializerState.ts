/**
 * A `root` handler for mdast-util-to-markdown that writes what the library's writes,
 * with faster stand-ins for three helpers on its `state` that every handler goes
 * through, each giving exactly the library's result:
 *
 * - `containerPhrasing`, for the commonest phrasing parent of an export: a table cell,
 *   heading or paragraph that is empty or whose only child is one text node; and, through
 *   ./phrasingShortcut, for phrasing whose only attention is strong around plain text
 *   (a why, a field);
 * - `containerFlow`, which builds each child's surroundings without an object spread
 *   (one per block, and spreads are slow);
 * - `createTracker`, whose trackers count lines without splitting what they pass over
 *   (a nested list passes each of its lines through one tracker per level);
 * - `indentLines`, which splits at LF with the string method when there is no CR.
 *
 * Any other case goes to the library's own helper. test/unit/shared/plainTextHandler.test.ts
 * holds serialisation with this handler to the library's output.
 */
import type { Parents, Root, Text } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State, type Tracker } from 'mdast-util-to-markdown';
import { phrasingShortcut } from './phrasingShortcut';

type TrackFields = Parameters<State['containerFlow']>[1];

export const fastRootHandler: Handle = (node: Root, parent, state, info) => {
  const library = {
    containerFlow: state.containerFlow,
    containerPhrasing: state.containerPhrasing,
    createTracker: state.createTracker,
    indentLines: state.indentLines,
  };
  state.containerFlow = (flowParent, flowInfo) => containerFlow(flowParent, state, flowInfo);
  state.containerPhrasing = (phrasingParent, phrasingInfo) =>
    singleText(phrasingParent, state, phrasingInfo) ??
    phrasingShortcut(phrasingParent, state, phrasingInfo) ??
    library.containerPhrasing.call(state, phrasingParent, phrasingInfo);
  state.createTracker = track;
  state.indentLines = (value, map) =>
    value.includes('\r') ? library.indentLines.call(state, value, map) : indentLinesAtLf(value, map);
  try {
    return defaultHandlers.root(node, parent, state, info);
  } finally {
    Object.assign(state, library);
  }
};

/**
 * containerPhrasing serialises children as items so that emphasis and strong markers
 * can be chosen and checked against their neighbours (util/container-phrasing.js). For
 * one text child there are no markers: the child is handled with the parent's `before`
 * and `after` and the tracker's position, and the items are joined back into exactly
 * that string; no child gives ''. That is most of a large document (every timeline and
 * action-item cell), and the item machinery cost more than the text itself. Returns
 * undefined for any other parent.
 */
function singleText(parent: Parameters<State['containerPhrasing']>[0], state: State, info: Info): string | undefined {
  const children: readonly { type: string }[] = parent.children;
  if (children.length === 0) return '';
  if (children.length !== 1 || children[0]?.type !== 'text') return undefined;
  const child = children[0] as Text;
  // What phrasing() gives the child: the tracker's position, the parent's surroundings.
  const childInfo: Info = {
    now: { line: info.now.line || 1, column: info.now.column || 1 },
    lineShift: info.lineShift || 0,
    before: info.before,
    after: info.after,
  };
  // The child's index, as phrasing() keeps it for handlers that look at siblings.
  state.indexStack.push(0);
  try {
    return state.handle(child, parent as Parents, state, childInfo);
  } finally {
    state.indexStack.pop();
  }
}

/** The library's containerFlow (util/container-flow.js), line for line. */
function containerFlow(parent: Parameters<State['containerFlow']>[0], state: State, info: TrackFields): string {
  const indexStack = state.indexStack;
  const children: readonly FlowChild[] = parent.children || [];
  const tracker = state.createTracker(info);
  const results: string[] = [];
  indexStack.push(-1);
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as FlowChild;
    indexStack[indexStack.length - 1] = index;
    const { now, lineShift } = tracker.current();
    results.push(tracker.move(state.handle(child, parent, state, { before: '\n', after: '\n', now, lineShift })));
    if (child.type !== 'list') state.bulletLastUsed = undefined;
    if (index < children.length - 1)
      results.push(tracker.move(between(child, children[index + 1] as FlowChild, parent, state)));
  }
  indexStack.pop();
  return results.join('');
}

type FlowChild = Parameters<State['join'][number]>[0];

/** What goes between two blocks: the last join rule with an opinion decides (util/container-flow.js). */
function between(
  left: FlowChild,
  right: FlowChild,
  parent: Parameters<State['containerFlow']>[0],
  state: State,
): string {
  for (let index = state.join.length - 1; index >= 0; index -= 1) {
    const result = (state.join[index] as State['join'][number])(left, right, parent, state);
    if (result === true || result === 1) break;
    if (typeof result === 'number') return '\n'.repeat(1 + result);
    if (result === false) return '\n\n<!---->\n\n';
  }
  return '\n\n';
}

const LINE_ENDINGS = /\r?\n|\r/g;

/**
 * The library's tracker (util/track.js): the position after some markdown is the line
 * count plus the length of what follows the last line ending. It splits the markdown at
 * every line ending to find them; without a CR, counting LFs gives the same.
 */
export function track(config: Parameters<State['createTracker']>[0] | undefined): Tracker {
  const options: Partial<Parameters<State['createTracker']>[0]> = config || {};
  const now: Partial<Info['now']> = options.now || {};
  let lineShift = options.lineShift || 0;
  let line = now.line || 1;
  let column = now.column || 1;
  return {
    current: () => ({ now: { line, column }, lineShift }),
    shift: (value) => {
      lineShift += value;
    },
    move: (input) => {
      const value = input || '';
      let breaks = 0;
      let tail: number;
      if (value.includes('\r')) {
        const chunks = value.split(LINE_ENDINGS);
        breaks = chunks.length - 1;
        tail = (chunks[breaks] ?? '').length;
      } else {
        for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) breaks += 1;
        tail = value.length - value.lastIndexOf('\n') - 1;
      }
      line += breaks;
      column = breaks === 0 ? column + tail : 1 + tail + lineShift;
      return value;
    },
  };
}

/** The library's indentLines (util/indent-lines.js) for markdown with LF line endings only. */
export function indentLinesAtLf(value: string, map: Parameters<State['indentLines']>[1]): string {
  const lines = value.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    lines[i] = map(line, i, !line);
  }
  return lines.join('\n');
}
