/**
 * A `root` handler for mdast-util-to-markdown that writes what the library's writes,
 * with a shorter path through `containerPhrasing` for the commonest phrasing parent of
 * an export: a table cell, heading or paragraph whose only child is one text node (or
 * that is empty, as most cells of the timeline's Milestone column are).
 *
 * containerPhrasing serialises children as items so that emphasis and strong markers
 * can be chosen and checked against their neighbours (util/container-phrasing.js). For
 * one text child there are no markers: the child is handled with the parent's `before`
 * and `after` and the tracker's position, and the items are joined back into exactly
 * that string. That is most of a large document (every timeline and action-item cell),
 * and the item machinery cost more than the text itself. Any other parent goes through
 * the library's own containerPhrasing. test/unit/shared/plainTextHandler.test.ts holds
 * the result to the library's output.
 */
import type { Parents, Root, Text } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State } from 'mdast-util-to-markdown';

export const singleTextRootHandler: Handle = (node: Root, parent, state, info) => {
  const library = state.containerPhrasing;
  state.containerPhrasing = (phrasingParent, phrasingInfo) =>
    singleText(phrasingParent, state, phrasingInfo) ?? library.call(state, phrasingParent, phrasingInfo);
  try {
    return defaultHandlers.root(node, parent, state, info);
  } finally {
    state.containerPhrasing = library;
  }
};

/** The serialised parent when it holds one text node, else undefined. */
function singleText(parent: Parameters<State['containerPhrasing']>[0], state: State, info: Info): string | undefined {
  const children: readonly { type: string }[] = parent.children;
  // No children: no items, and the library joins none into ''.
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
