/**
 * A faster `text` handler for mdast-util-to-markdown that writes exactly what the
 * library's own handler writes.
 *
 * The library makes every text node safe by running each of its ~60 "unsafe" patterns
 * (a character, what may come before and after it, the constructs it matters in) over
 * the text, then escaping backslashes. That pass dominated exporting a large document,
 * yet most text (a timeline entry, an owner, a date) contains nothing it would change.
 * Its output differs from the input only where a pattern matches a character of the
 * text, or at a backslash. So, per construct stack, the patterns in scope are indexed
 * by their character (with what they need before and after as lookarounds, built the
 * way the library builds its expressions); a text none of them matches, with no
 * backslash, is returned as it is. Any other text goes through the library's own pass,
 * given only the patterns whose character occurs in the text or its surroundings: the
 * others cannot match, so the output is the same.
 * test/unit/shared/plainTextHandler.test.ts holds it to the library's output.
 */
import type { Text } from 'mdast';
import { defaultHandlers, type ConstructName, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** The patterns that apply under one construct stack. */
interface Scope {
  patterns: Unsafe[];
  /** False in autolinks, which percent-encode instead of escaping: always run the library's pass. */
  shortcut: boolean;
  /** Any character some pattern is about. */
  characters: RegExp;
  /** Per such character: whether a pattern matches at that index (sticky). */
  at: Map<string, RegExp[]>;
}

interface PatternSet {
  patterns: readonly Unsafe[];
  /** Per construct stack; null to always defer to the library. */
  byStack: Map<string, Scope | null>;
}

/** One entry per distinct set of unsafe patterns (in practice one: the options in ./mdast). */
const patternSets: PatternSet[] = [];
/** state.unsafe is a new array per toMarkdown call; this finds its set once per call. */
const setOfCall = new WeakMap<readonly Unsafe[], PatternSet>();

const handleText: Handle = (node: Text, parent, state, info) => {
  const scope = scopeOf(state);
  if (scope === null) return defaultHandlers.text(node, parent, state, info);
  const value = node.value;
  const whole = info.before + value + info.after;
  if (
    scope.shortcut &&
    !value.includes('\\') &&
    !info.after.includes('\\') &&
    !anyMatch(scope, whole, info.before.length, whole.length - info.after.length)
  )
    return value;
  // The library's own pass, over the patterns that can match here.
  const all = state.unsafe;
  state.unsafe = scope.patterns.filter((pattern) => whole.includes(pattern.character));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/**
 * What a text starts with, for the text before it (containerPhrasing uses only the first
 * character, and without a peek it writes the whole text an extra time). The peek is
 * made with nothing before or after, so no pattern that needs a character before can
 * match at the first index: when none of the others can either, the library's output
 * starts with the text's own first character (a backslash it escapes stays first), so
 * the text itself is an exact peek. Otherwise the handler's full output is.
 */
const peekText: Handle = (node: Text, parent, state, info) => {
  const scope = scopeOf(state);
  if (scope?.shortcut && !anyMatch(scope, node.value, 0, 1)) return node.value;
  return handleText(node, parent, state, info);
};

export const plainTextHandler: Handle & { peek: Handle } = Object.assign(handleText, { peek: peekText });

/**
 * The scope last used, with the stack it was found for: consecutive texts (the cells of
 * a table, the items of a list) are mostly written under the same constructs, and
 * comparing a few names is cheaper than building a key.
 */
let lastScope: { unsafe: readonly Unsafe[]; stack: ConstructName[]; scope: Scope | null } | null = null;

function scopeOf(state: State): Scope | null {
  if (lastScope && lastScope.unsafe === state.unsafe && sameItems(lastScope.stack, state.stack)) return lastScope.scope;
  const scope = scopeOfStack(state);
  lastScope = { unsafe: state.unsafe, stack: [...state.stack], scope };
  return scope;
}

function scopeOfStack(state: State): Scope | null {
  let set = setOfCall.get(state.unsafe);
  if (!set) {
    set = patternSets.find((known) => sameItems(known.patterns, state.unsafe));
    if (!set) {
      set = { patterns: [...state.unsafe], byStack: new Map() };
      patternSets.push(set);
    }
    setOfCall.set(state.unsafe, set);
  }
  const key = state.stack.join(' ');
  let scope = set.byStack.get(key);
  if (scope === undefined) {
    scope = compileScope(state);
    set.byStack.set(key, scope);
  }
  return scope;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The patterns in scope, grouped by character into expressions that match the character
 * itself: what the library requires before and after it becomes lookbehind and lookahead
 * (built as the library's util/compile-pattern.js builds them). They match wherever the
 * library's could (and, where its expressions consume text, sometimes more), and the
 * index of a match says whether the character is in the text or in its surroundings.
 */
function compileScope(state: State): Scope | null {
  // Node-bound patterns depend on neighbours (none of ours are): leave those to the library.
  const patterns = state.unsafe.filter((pattern) => patternInScope(state.stack, pattern));
  if (patterns.some((pattern) => pattern.beforeNode || pattern.afterNode)) return null;
  const at = new Map<string, RegExp[]>();
  for (const character of new Set(patterns.map((pattern) => pattern.character))) {
    const own = patterns.filter((pattern) => pattern.character === character);
    const alternatives = (unicode: boolean) =>
      own.filter((pattern) => Boolean(pattern.unicode) === unicode).map(characterInContext);
    const plain = alternatives(false);
    const unicode = alternatives(true);
    at.set(character, [
      ...(plain.length > 0 ? [new RegExp(plain.join('|'), 'y')] : []),
      ...(unicode.length > 0 ? [new RegExp(unicode.join('|'), 'uy')] : []),
    ]);
  }
  const escaped = [...at.keys()].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return {
    patterns,
    shortcut: !state.stack.includes('autolink'),
    characters: new RegExp(`[${escaped.join('')}]`, 'g'),
    at,
  };
}

/** Whether a pattern in scope matches a character of `whole` in [from, to). */
function anyMatch(scope: Scope, whole: string, from: number, to: number): boolean {
  scope.characters.lastIndex = from;
  for (let hit = scope.characters.exec(whole); hit && hit.index < to; hit = scope.characters.exec(whole)) {
    for (const expression of scope.at.get(hit[0]) ?? []) {
      expression.lastIndex = hit.index;
      if (expression.test(whole)) return true;
    }
  }
  return false;
}

function characterInContext(pattern: Unsafe): string {
  const before = (pattern.atBreak ? '[\\r\\n][\\t ]*' : '') + (pattern.before ? `(?:${pattern.before})` : '');
  const character = (/[$()*+.?[\\\]^{|}]/.test(pattern.character) ? '\\' : '') + pattern.character;
  const after = pattern.after ? `(?=${pattern.after})` : '';
  return `(?:${before ? `(?<=${before})` : ''}${character}${after})`;
}

/** The library's scope rule (util/pattern-in-scope.js). */
function patternInScope(stack: ConstructName[], pattern: Unsafe): boolean {
  return listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false);
}

function listInScope(stack: ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (typeof list === 'string') list = [list];
  if (!list || list.length === 0) return none;
  return list.some((name) => stack.includes(name));
}
