/**
 * The library's containerPhrasing (util/container-phrasing.js) for phrasing whose only
 * attention is strong around plain phrasing, with the result the library gives.
 *
 * The library serialises children as items, keeping strong, emphasis and strikethrough
 * apart so it can choose their markers afterwards: it guesses a sequence for each, renders
 * them (turning a character next to a marker into a character reference where the
 * marker would not open or close otherwise), checks every marker pairs as micromark
 * would pair it, and tries other sequences until it does. In an export that is every why
 * (`**question**` + break + `→ answer`), every field and every rank, and the machinery
 * (maps, token objects, the pairing runs) cost more than writing the text.
 *
 * Here the children are handled exactly as the library handles them (the same peeks,
 * the same `before` and `after`, the same tracker moves), so every piece of text is the
 * library's own. Only putting the items together is done directly, for what it can be
 * shown to give:
 *
 * - items with no attention are joined, as the library's render and check leave them;
 * - a strong holding only such items, with a non-empty item between it and the next, and
 *   whose preferred `**` its guess keeps (no `*` at the parent's edge beside it), is
 *   written as the library renders it with `**` (the same character references, made in
 *   the same order). That render is what the library returns. Each strong's two
 *   sequences are runs of their own; with text on both sides, the references render
 *   makes let every opening `**` open and every closing one close, so they pair whole and
 *   the check finds no mistake. Only at the parent's edge, where nothing can be encoded,
 *   can one fail (a letter just before the parent's first strong with punctuation inside),
 *   and then `__` fails there too, as underscores open and close in fewer places: the
 *   library finds nothing better and falls back to the same render.
 *
 * Anything else (emphasis, strikethrough, strong in strong, adjacent strong, html,
 * another strong marker, a character next to a marker that is not ASCII) returns
 * undefined, for the library to write. test/unit/shared/phrasingShortcut.test.ts holds it
 * to the library's output.
 */
import type { PhrasingContent } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State, type Tracker } from 'mdast-util-to-markdown';

type PhrasingParent = Parameters<State['containerPhrasing']>[0];

interface Handler extends Handle {
  peek?: Handle;
  attention?: unknown;
}

/** A strong, with what its children wrote (never empty). */
interface StrongItem {
  inside: string[];
}
type Item = string | StrongItem;

interface Token {
  value: string;
  /** Whether this is a strong's opening or closing sequence. */
  marker: boolean;
}

const SEQUENCE = '**';

export function phrasingShortcut(parent: PhrasingParent, state: State, info: Info): string | undefined {
  if ((state.options.strong || '*') !== '*') return undefined;
  const handlers = (state.handle as unknown as { handlers: Record<string, Handler | undefined> }).handlers;
  if (!plainChildren(parent, handlers, true)) return undefined;
  return joinItems(phrasingItems(parent, state, handlers, info), info.before, info.after);
}

/** Children with no attention but (when `strongAllowed`) strong around such children, and no html. */
function plainChildren(
  parent: PhrasingParent,
  handlers: Record<string, Handler | undefined>,
  strongAllowed: boolean,
): boolean {
  for (const child of parent.children as PhrasingContent[]) {
    // After a line ending the library may turn that line ending into a space (container-phrasing.js).
    if (child.type === 'html') return false;
    const handle = handlers[child.type];
    if (!handle?.attention) continue;
    if (!strongAllowed || handle !== defaultHandlers.strong || child.type !== 'strong') return false;
    if (!plainChildren(child, handlers, false)) return false;
  }
  return true;
}

/** The library's phrasing(): each child handled with the same peeks, surroundings and positions. */
function phrasingItems(
  parent: PhrasingParent,
  state: State,
  handlers: Record<string, Handler | undefined>,
  info: Info,
): Item[] {
  const children = parent.children as PhrasingContent[];
  const items: Item[] = [];
  const indexStack = state.indexStack;
  let before = info.before;
  indexStack.push(-1);
  const tracker = state.createTracker(info);
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as PhrasingContent;
    indexStack[indexStack.length - 1] = index;
    let after = info.after;
    const next = children[index + 1];
    if (next) {
      let handle = handlers[next.type];
      if (handle?.peek) handle = handle.peek;
      after = handle ? firstCharacter(handle(next, parent, state, position(tracker, '', ''))) : '';
    }
    if (child.type === 'strong') {
      // attentionItem(): the children in the strong construct, between the sequences.
      const exit = state.enter('strong');
      const inner = state.createTracker(tracker.current());
      inner.move(SEQUENCE);
      const inside = phrasingItems(child, state, handlers, position(inner, SEQUENCE, SEQUENCE)) as string[];
      exit();
      if (inside.length === 0) continue;
      tracker.move(SEQUENCE);
      tracker.move(inside.join(''));
      tracker.move(SEQUENCE);
      items.push({ inside });
      before = '*';
    } else {
      const value = state.handle(child, parent, state, position(tracker, before, after));
      if (!value) continue;
      tracker.move(value);
      items.push(value);
      before = lastCharacter(value);
    }
  }
  indexStack.pop();
  return items;
}

/** `{ ...tracker.current(), before, after }`, built without a spread. */
function position(tracker: Tracker, before: string, after: string): Info {
  const { now, lineShift } = tracker.current();
  return { now, lineShift, before, after };
}

/** The library's serialize() for these items, or undefined where it is not shown to be the same. */
function joinItems(items: Item[], before: string, after: string): string | undefined {
  if (items.every((item) => typeof item === 'string')) return items.join('');
  const last = items.length - 1;
  for (let i = 0; i <= last; i += 1) {
    if (typeof items[i] === 'string') continue;
    // guess() keeps `**` unless a `*` touches it: the parent's edge, or another strong.
    if (i === 0 ? before.charAt(0) === '*' : typeof items[i - 1] !== 'string') return undefined;
    if (i === last && after.charAt(0) === '*') return undefined;
  }
  const tokens = render(items, before, after);
  if (!tokens) return undefined;
  let result = '';
  for (const token of tokens) result += token.value;
  return result;
}

/** The library's render() with `**` for every strong; undefined at a character it is not shown for. */
function render(items: Item[], before: string, after: string): Token[] | undefined {
  const tokens: Token[] = [];
  let encodeAfter: string | undefined;
  let previous = lastCharacter(before);
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as Item;
    if (typeof item === 'string') {
      const token = { value: item, marker: false };
      if (encodeAfter && encodeAfter === firstCharacter(item)) encodeFirst(token);
      encodeAfter = undefined;
      tokens.push(token);
      previous = lastCharacter(token.value);
      continue;
    }
    const next = items[index + 1];
    const outsideBefore = previous;
    const outsideAfter = firstCharacter(next === undefined ? after : typeof next === 'string' ? next : SEQUENCE);
    const inside = item.inside.map((value) => ({ value, marker: false }));
    const first = inside[0] as Token;
    const open = encodeSides(outsideBefore.charCodeAt(outsideBefore.length - 1), first.value.charCodeAt(0));
    if (!open) return undefined;
    if (open.inside) encodeFirst(first);
    const lastInside = inside[inside.length - 1] as Token;
    const tail = lastCharacter(lastInside.value);
    const close = encodeSides(outsideAfter.charCodeAt(0), tail.charCodeAt(tail.length - 1));
    if (!close) return undefined;
    if (close.inside) encodeLast(lastInside);
    const left = tokens[tokens.length - 1];
    if (open.outside && outsideBefore !== '\n' && outsideBefore !== '\r' && left && !left.marker) encodeLast(left);
    if (close.outside) encodeAfter = outsideAfter;
    tokens.push({ value: SEQUENCE, marker: true }, ...inside, { value: SEQUENCE, marker: true });
    previous = '*';
  }
  return tokens;
}

const LETTER = 0;
const WHITESPACE = 1;
const PUNCTUATION = 2;
const UNKNOWN = 3;

/**
 * micromark's classifyCharacter for ASCII: whitespace (tab to CR, space), punctuation
 * (every ASCII punctuation or symbol), or a letter or digit (the library's `undefined`).
 * Anything else is left to the library.
 */
function kind(code: number): number {
  if ((code >= 9 && code <= 13) || code === 32) return WHITESPACE;
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return LETTER;
  if (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  )
    return PUNCTUATION;
  return UNKNOWN;
}

/** The library's encodeInfo() for `*` (util/encode-info.js): which side of a marker to encode. */
function encodeSides(outside: number, inside: number): { inside: boolean; outside: boolean } | undefined {
  const outer = kind(outside);
  const inner = kind(inside);
  if (outer === UNKNOWN || inner === UNKNOWN) return undefined;
  if (outer === LETTER)
    return inner === LETTER ? NEITHER : inner === WHITESPACE ? BOTH : { inside: false, outside: true };
  if (outer === WHITESPACE) return inner === WHITESPACE ? BOTH : NEITHER;
  return inner === WHITESPACE ? { inside: true, outside: false } : NEITHER;
}

const NEITHER = { inside: false, outside: false };
const BOTH = { inside: true, outside: true };

/** The library's encode() of a token's first character. */
function encodeFirst(token: Token): void {
  const character = firstCharacter(token.value);
  token.value = reference(character) + token.value.slice(character.length);
}

/** The library's encode() of a token's last character: an odd run of backslashes before it gets one more. */
function encodeLast(token: Token): void {
  const character = lastCharacter(token.value);
  let value = token.value.slice(0, token.value.length - character.length);
  let escapes = 0;
  while (value.charCodeAt(value.length - 1 - escapes) === 92) escapes += 1;
  if (escapes % 2) value += '\\';
  token.value = value + reference(character);
}

function reference(character: string): string {
  return `&#x${(character.codePointAt(0) as number).toString(16).toUpperCase()};`;
}

/** util/character.js */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}
