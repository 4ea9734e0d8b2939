/**
 * The library's `link` handler, except that a link is written as an autolink (`<…>`) only
 * when a parser reads that autolink back as the same link.
 *
 * mdast-util-to-markdown writes a link whose text is its address as `<address>`. Its check
 * is looser than CommonMark's autolink grammar: an e-mail address whose domain has an
 * underscore (`a@b.co_A`, which GFM's literal autolinks do read as a link) or a scheme
 * longer than 32 characters passes it, but `<a@b.co_A>` is then plain text around a
 * literal link. Each export -> import -> export then added another pair of angle brackets.
 * Such a link is written `[text](address)` instead, which reads back the same.
 */
import type { Link, Parents } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State } from 'mdast-util-to-markdown';

/** CommonMark's URI autolink: a scheme of 2-32 characters, then no space, control or angle bracket. */
const URI_AUTOLINK = /^[a-z][a-z\d+.-]{1,31}:[^\0- <>\u007F]*$/i;
/** CommonMark's e-mail autolink (the HTML spec's valid e-mail address), after `mailto:`. */
const EMAIL_AUTOLINK =
  /^mailto:[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/i;

/** False only for a link the library would write as an autolink that does not read back. */
function readsBackAsAutolink(node: Link): boolean {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'text') return true;
  if (only.value === node.url) return URI_AUTOLINK.test(node.url);
  if (`mailto:${only.value}` === node.url) return EMAIL_AUTOLINK.test(node.url);
  return true; // text other than its address: never an autolink
}

/** Runs the library's handler with `resourceLink` on, which stops it writing an autolink. */
function asResourceLink<T>(state: State, write: () => T): T {
  const options = state.options;
  state.options = { ...options, resourceLink: true };
  try {
    return write();
  } finally {
    state.options = options;
  }
}

export const linkHandler: Handle = Object.assign(
  (node: Link, parent: Parents | undefined, state: State, info: Info): string =>
    readsBackAsAutolink(node)
      ? defaultHandlers.link(node, parent, state, info)
      : asResourceLink(state, () => defaultHandlers.link(node, parent, state, info)),
  {
    peek: (node: Link, parent: Parents | undefined, state: State): string =>
      readsBackAsAutolink(node)
        ? defaultHandlers.link.peek!(node, parent, state)
        : asResourceLink(state, () => defaultHandlers.link.peek!(node, parent, state)),
  },
);
