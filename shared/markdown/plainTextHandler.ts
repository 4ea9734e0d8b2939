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
 * backslash, is returned as it is. Where the only characters that match are ones a
 * pattern escapes wherever they are (a pipe in a cell, a backtick), they are escaped as
 * the library escapes them (see escapeAlways). Where a conditional pattern may match
 * too (`<` before a letter), the text's conditional patterns are run with the library's
 * own expressions and the escapes are made by safe()'s rules (see escapeMatched). Text
 * without a line ending is checked against fewer patterns: the many that need a CR or
 * LF next to them cannot match it. In an autolink the library percent-encodes what a
 * pattern matches and leaves the rest as it is, backslashes included, so a text there
 * that no pattern can match is written as it is. Any other text (an underscore, a
 * backslash) goes through the library's own pass, given only the patterns whose
 * character occurs in the text or its surroundings: the others cannot match, so the
 * output is the same. test/unit/shared/plainTextHandler.test.ts holds it to the
 * library's output.
 */
import type { Text } from 'mdast';
import { defaultHandlers, type ConstructName, type Handle, type State, type Unsafe } from 'mdast-util-to-markdown';

/** The patterns that apply under one construct stack. */
interface Scope {
  patterns: Unsafe[];
  /** False in autolinks, which percent-encode instead of escaping: only text no pattern can match skips the library's pass. */
  shortcut: boolean;
  /** For text (with its surroundings) that holds a line ending, and for text that does not. */
  withBreaks: Matcher;
  withoutBreaks: Matcher;
  /** The patterns worth giving the library, by the pattern characters a text holds. */
  byCharacters: Map<string, Unsafe[]>;
}

/** Some of a scope's patterns, indexed by character. */
interface Matcher {
  /** Any character one of them is about. */
  characters: RegExp;
  /**
   * Characters with a pattern that needs nothing before or after (`|` in a cell, `*`,
   * `` ` ``, `[` in phrasing): the library escapes every one of them.
   */
  always: Set<string>;
  /** Per other character: whether one of its patterns matches at that index (sticky). */
  at: Map<string, RegExp[]>;
  /** Per other character: its patterns as the library runs them, for where one may match. */
  exact: Map<string, ExactPattern[]>;
}

/** A conditional pattern: a copy of the library's expression for it, and what it needs around its character. */
interface ExactPattern {
  expression: RegExp;
  before: boolean;
  after: boolean;
}

interface PatternSet {
  patterns: readonly Unsafe[];
  /** The scope of each construct stack seen, by its names in order. */
  stacks: StackNode;
}

interface StackNode {
  /** The scope of the stack that ends here, once asked for; null to always defer to the library. */
  scope?: Scope | null;
  next: Map<ConstructName, StackNode>;
}

/** One entry per distinct set of unsafe patterns (in practice one: the options in ./mdast). */
const patternSets: PatternSet[] = [];
/** state.unsafe is a new array per toMarkdown call; this finds its set once per call. */
const setOfCall = new WeakMap<readonly Unsafe[], PatternSet>();

const LINE_ENDING = /[\r\n]/;

const handleText: Handle = (node: Text, parent, state, info) => {
  const scope = scopeOf(state);
  if (scope === null) return defaultHandlers.text(node, parent, state, info);
  const value = node.value;
  const { before, after } = info;
  // Tested piece by piece: joining them first copies every text once more.
  const matcher =
    LINE_ENDING.test(value) || LINE_ENDING.test(before) || LINE_ENDING.test(after)
      ? scope.withBreaks
      : scope.withoutBreaks;
  if (scope.shortcut) {
    if (!('encode' in info) && !value.includes('\\') && !after.includes('\\')) {
      const escaped = escapeAlways(matcher, value, before, after);
      if (escaped !== null) return escaped;
    }
  } else if (!hitIn(matcher, value)) {
    // In an autolink safe() percent-encodes the indexes it matched and leaves backslashes alone: none, none changed.
    return value;
  }
  // The library's own pass (handle/text.js is this call; no pattern in scope looks at
  // neighbouring nodes), over the patterns that can match here.
  const all = state.unsafe;
  state.unsafe = patternsFor(scope, before + value + after);
  try {
    return state.safe(value, info);
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
  const value = node.value;
  if (scope?.shortcut) {
    const matcher = LINE_ENDING.test(value) ? scope.withBreaks : scope.withoutBreaks;
    matcher.characters.lastIndex = 0;
    const hit = matcher.characters.exec(value);
    if (hit?.index !== 0 || (!matcher.always.has(hit[0]) && !matchesAt(matcher, hit[0], value, 0))) return value;
  }
  return handleText(node, parent, state, info);
};

export const plainTextHandler: Handle & { peek: Handle } = Object.assign(handleText, { peek: peekText });

/** The pattern set of the last toMarkdown call seen (a call's texts come one after another). */
let lastSet: { unsafe: readonly Unsafe[]; set: PatternSet } | null = null;

/**
 * The scope for the current construct stack, found by walking the stack's names down a
 * tree of the stacks seen so far: no key is built per text, and consecutive texts (the
 * cells of a table, the whys of a nested list) share most of the walk's maps.
 */
function scopeOf(state: State): Scope | null {
  let node = patternSetOf(state.unsafe).stacks;
  for (const name of state.stack) {
    let next = node.next.get(name);
    if (!next) {
      next = { next: new Map() };
      node.next.set(name, next);
    }
    node = next;
  }
  if (node.scope === undefined) node.scope = compileScope(state);
  return node.scope;
}

function patternSetOf(unsafe: readonly Unsafe[]): PatternSet {
  if (lastSet?.unsafe === unsafe) return lastSet.set;
  let set = setOfCall.get(unsafe);
  if (!set) {
    set = patternSets.find((known) => sameItems(known.patterns, unsafe));
    if (!set) {
      set = { patterns: [...unsafe], stacks: { next: new Map() } };
      patternSets.push(set);
    }
    setOfCall.set(unsafe, set);
  }
  lastSet = { unsafe, set };
  return set;
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
  return {
    patterns,
    shortcut: !state.stack.includes('autolink'),
    withBreaks: matcher(state, patterns),
    withoutBreaks: matcher(
      state,
      patterns.filter((pattern) => !needsLineEnding(pattern)),
    ),
    byCharacters: new Map(),
  };
}

/** What the library's expressions need before or after a character that is only a line ending. */
const LINE_ENDING_ONLY = new Set(['[\\r\\n]', '\\n', '\\r']);

/**
 * Whether a pattern's expression can only match where there is a CR or LF: at a break
 * (compile-pattern.js puts `[\r\n]` before it) or next to a line ending. In text
 * without one, no such pattern matches. Anything less plain is kept.
 */
function needsLineEnding(pattern: Unsafe): boolean {
  return (
    Boolean(pattern.atBreak) || LINE_ENDING_ONLY.has(pattern.before ?? '') || LINE_ENDING_ONLY.has(pattern.after ?? '')
  );
}

function matcher(state: State, patterns: Unsafe[]): Matcher {
  const always = new Set<string>();
  const at = new Map<string, RegExp[]>();
  const exact = new Map<string, ExactPattern[]>();
  for (const character of new Set(patterns.map((pattern) => pattern.character))) {
    const own = patterns.filter((pattern) => pattern.character === character);
    if (own.some((pattern) => !pattern.atBreak && !pattern.before && !pattern.after)) {
      always.add(character);
      continue;
    }
    const alternatives = (unicode: boolean) =>
      own.filter((pattern) => Boolean(pattern.unicode) === unicode).map(characterInContext);
    const plain = alternatives(false);
    const unicode = alternatives(true);
    at.set(character, [
      ...(plain.length > 0 ? [new RegExp(plain.join('|'), 'y')] : []),
      ...(unicode.length > 0 ? [new RegExp(unicode.join('|'), 'uy')] : []),
    ]);
    exact.set(
      character,
      own.map((pattern) => {
        const library = state.compilePattern(pattern);
        return {
          // A copy: the library's own object keeps its lastIndex between its runs.
          expression: new RegExp(library.source, library.flags),
          before: Boolean(pattern.before || pattern.atBreak),
          after: Boolean(pattern.after),
        };
      }),
    );
  }
  const escaped = [...always, ...at.keys()].map(
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { characters: new RegExp(escaped.length > 0 ? `[${escaped.join('')}]` : '[]', 'g'), always, at, exact };
}

/**
 * The library's output for `value` between `before` and `after` (with a backslash in
 * neither `value` nor `after`), when the only characters a pattern can match in `value`
 * are ones it always escapes; null when another pattern may match, or at an underscore,
 * which the library leaves alone inside a word.
 *
 * Why it is the same: safe() (util/safe.js) escapes every index some pattern matched,
 * except where it skips one whose match needed the character next to it, when that
 * neighbour is escaped for nothing (its flags); an index matched by a pattern that needs
 * nothing has no such flags, so it is always escaped: `\` before ASCII punctuation, else
 * a character reference. Indexes in the surroundings are never written. Between escapes,
 * escapeBackslashes changes nothing without a backslash. The surroundings only matter to
 * the conditional patterns, so they are joined to the text only when one may match.
 */
function escapeAlways(matcher: Matcher, value: string, before: string, after: string): string | null {
  let out = '';
  let start = 0;
  let whole: string | undefined;
  matcher.characters.lastIndex = 0;
  for (let hit = matcher.characters.exec(value); hit; hit = matcher.characters.exec(value)) {
    const character = hit[0];
    if (!matcher.always.has(character)) {
      whole ??= before + value + after;
      if (matchesAt(matcher, character, whole, before.length + hit.index))
        return escapeMatched(matcher, value, whole, before.length);
      continue;
    }
    if (character === '_') return null;
    out += value.slice(start, hit.index) + escapeOf(character);
    start = hit.index + 1;
  }
  return start === 0 ? value : out + value.slice(start);
}

/**
 * safe()'s output for `value` (at `offset` in `whole`) where a conditional pattern may
 * match, done as safe() does it: each conditional pattern of a character in the text is
 * run with the library's expression over the whole, the way safe() runs it (so a match
 * that consumed the characters after one hides a match there, as in the library), an
 * index matched by several keeps what they all need (safe()'s `infos`), every
 * always-escaped character is matched, and an index is skipped where its match needed a
 * neighbour that is escaped for nothing. The preconditions are escapeAlways' (no
 * backslash, no `encode`); an underscore, which safe() treats by the word around it, is
 * left to the library (null).
 */
function escapeMatched(matcher: Matcher, value: string, whole: string, offset: number): string | null {
  const end = offset + value.length;
  /** Per matched index in the text: bit 1 if every match there needed what is before it, bit 2 what is after. */
  const needs = new Map<number, number>();
  const conditional = new Set<string>();
  matcher.characters.lastIndex = 0;
  for (let hit = matcher.characters.exec(value); hit; hit = matcher.characters.exec(value)) {
    if (hit[0] === '_') return null;
    if (matcher.always.has(hit[0])) needs.set(offset + hit.index, 0);
    else conditional.add(hit[0]);
  }
  for (const character of conditional) {
    for (const pattern of matcher.exact.get(character) ?? []) {
      const need = (pattern.before ? 1 : 0) | (pattern.after ? 2 : 0);
      const { expression } = pattern;
      expression.lastIndex = 0;
      for (let match = expression.exec(whole); match; match = expression.exec(whole)) {
        const at = match.index + (pattern.before ? (match[1] as string).length : 0);
        if (at < offset || at >= end) continue;
        const known = needs.get(at);
        needs.set(at, known === undefined ? need : known & need);
      }
    }
  }
  let out = '';
  let start = offset;
  for (const at of [...needs.keys()].sort((a, b) => a - b)) {
    const need = needs.get(at) as number;
    // Needed the character after (or before), which is escaped anyway: this one stays.
    if ((need & 2 && needs.get(at + 1) === 0) || (need & 1 && needs.get(at - 1) === 0)) continue;
    out += whole.slice(start, at) + escapeOf(whole.charAt(at));
    start = at + 1;
  }
  return out + whole.slice(start, end);
}

/** Whether a character some pattern is about occurs in `value`. */
function hitIn(matcher: Matcher, value: string): boolean {
  matcher.characters.lastIndex = 0;
  return matcher.characters.test(value);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** How safe() writes a character it escapes, for a text (which passes no `encode` list). */
function escapeOf(character: string): string {
  return ASCII_PUNCTUATION.test(character)
    ? `\\${character}`
    : `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;
}

/** Whether one of the character's conditional patterns matches at `index`. */
function matchesAt(matcher: Matcher, character: string, whole: string, index: number): boolean {
  for (const expression of matcher.at.get(character) ?? []) {
    expression.lastIndex = index;
    if (expression.test(whole)) return true;
  }
  return false;
}

const MAX_CACHED_MIXES = 256;

/** The patterns whose character occurs in `whole`: the others cannot match, so safe() gives the same without them. */
function patternsFor(scope: Scope, whole: string): Unsafe[] {
  const present = new Set<string>();
  const { characters } = scope.withBreaks;
  characters.lastIndex = 0;
  for (let hit = characters.exec(whole); hit; hit = characters.exec(whole)) present.add(hit[0]);
  const key = [...present].sort().join('');
  let patterns = scope.byCharacters.get(key);
  if (!patterns) {
    patterns = scope.patterns.filter((pattern) => present.has(pattern.character));
    // Bounded: hostile text can hold many different mixes of characters.
    if (scope.byCharacters.size < MAX_CACHED_MIXES) scope.byCharacters.set(key, patterns);
  }
  return patterns;
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
