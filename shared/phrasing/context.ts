/**
 * Reading a sentence around a match: who the clause's subject is (a person or role, a
 * system, nobody, or left out), whether the match is negated, passive or conditional,
 * and what the verb's object is. Plain token heuristics, no parser: they only need to
 * tell "the job failed to connect" from "Bob failed to check".
 */
import {
  AUXILIARIES,
  CLAUSE_BREAKERS,
  NEGATORS,
  NOBODY_WORDS,
  PERSON_WORDS,
  SKIP_WORDS,
  SYSTEM_WORDS,
  VERB_FORMS,
  VERBS,
  words,
} from './lexicon';

export interface Token {
  /** Lower case, curly apostrophes straightened, possessive 's removed. */
  word: string;
  start: number;
  end: number;
  punct: boolean;
  /** Inline code (`like this`). */
  code: boolean;
  /** Starts with a capital letter in the original text. */
  cap: boolean;
  /** Looks like a name of a thing: digits, dots, slashes, underscores or camelCase. */
  tech: boolean;
}

// Letters: ASCII plus Latin, Greek and Cyrillic ranges. No `u` flag: this runs on every
// sentence with a match, and the non-unicode engine is several times faster.
const L = String.raw`A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF`;
const TOKEN = new RegExp(
  String.raw`\`[^\`\n]*\`|\d{1,2}:\d{2}(?::\d{2})?|[@#]?[${L}][${L}_'’/-]*(?:\.[${L}]+)*|[,;:()[\]"“”—–]|(?<=\s)-(?=\s)|[\uD800-\uDBFF][\uDC00-\uDFFF]`,
  'g',
);
const TECHNICAL = /[0-9_./`]/;

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/**
 * Tokens between absolute offsets. `lower` is `text` with A-Z lowered (same length):
 * words come from it, capitals are read from `text`.
 */
export function tokenize(text: string, lower: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = lower.slice(start, end);
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(slice)) !== null) {
    let word = match[0];
    const at = start + match.index;
    const first = word.charCodeAt(0);
    const code = first === 96; // `
    const wordLike = (first >= 48 && first <= 57) || (first >= 97 && first <= 122) || first === 64 || first === 35;
    const punct = !code && !wordLike && !(first >= 0xc0 && first <= 0x4ff);
    const cap = isUpper(text.charCodeAt(at));
    let tech = code || TECHNICAL.test(word);
    if (!tech && !cap) for (let i = at + 1; i < at + word.length && !tech; i += 1) tech = isUpper(text.charCodeAt(i));
    const length = word.length;
    if (word.includes("'") || word.includes('’')) word = word.replace(/’/g, "'").replace(/'s?$/, '');
    tokens.push({ word, start: at, end: at + length, punct, code, cap, tech });
  }
  return tokens;
}

export type SubjectKind = 'person' | 'name' | 'system' | 'nobody' | 'unknown' | 'none';

export interface Subject {
  kind: SubjectKind;
  /** Where the subject's words start and end (absolute), when there are any. */
  start: number | null;
  end: number | null;
  inherited: boolean;
}

const TIME_TOKEN = /^\d{1,2}(?::\d{2})?(?:am|pm)?$|^~?\d/;
const isAdverb = (w: string) => w.length > 4 && w.endsWith('ly') && !PERSON_WORDS.has(w);

/** Index of the first token at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token starting at or after `offset`. */
function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ALIAS_BEFORE_AS = words('to known called named described listed identified');

/** The clause before token `i`: [from, i), and the breaker token ending it on the left. */
export function clauseBefore(tokens: readonly Token[], i: number): { from: number; breaker: Token | null; at: number } {
  let j = i - 1;
  while (j >= 0) {
    const t = tokens[j];
    if (!t || t.punct) break;
    // "an admin referred to as team-member-1": an alias, not a new clause.
    const alias =
      (t.word === 'as' && ALIAS_BEFORE_AS.has(tokens[j - 1]?.word ?? '')) ||
      // A sentence-opening "That flaky test": a determiner, not a relative clause.
      (t.word === 'that' && (j === 0 || tokens[j - 1]?.punct === true));
    if (CLAUSE_BREAKERS.has(t.word) && !alias && !(t.word === 'once' && tokens[j - 1]?.word === 'at')) break;
    j -= 1;
  }
  return { from: j + 1, breaker: tokens[j] ?? null, at: j };
}

const DETERMINER_WORDS = words('the a an our their his her my your this these those');

/**
 * Classifies the subject in tokens [from, to) by the head (last word) of its first noun
 * chunk: "the release captain" is a person, "the deploy tool" a system, "Priya" a name.
 */
export function classifySegment(tokens: readonly Token[], from: number, to: number): Subject {
  const chunk: Token[] = [];
  let firstIndex = -1;
  for (let i = from; i < to; i += 1) {
    const t = tokens[i];
    if (!t) break;
    const w = t.word;
    if (t.punct) {
      if (chunk.length > 0) break;
      continue;
    }
    if (w === 'no' && tokens[i + 1]?.word === 'one')
      return { kind: 'nobody', start: t.start, end: tokens[i + 1]?.end ?? t.end, inherited: false };
    if (NOBODY_WORDS.has(w)) return { kind: 'nobody', start: t.start, end: t.end, inherited: false };
    const filler =
      SKIP_WORDS.has(w) ||
      isAdverb(w) ||
      TIME_TOKEN.test(w) ||
      (w.endsWith('ing') && w.length > 5 && !SYSTEM_WORDS.has(w));
    const lexical = PERSON_WORDS.has(w) || SYSTEM_WORDS.has(w);
    if (filler && !lexical) {
      if (chunk.length > 0) break;
      continue;
    }
    if (chunk.length > 0 && (AUXILIARIES.has(w) || (VERB_FORMS.has(w) && !lexical))) break;
    if (AUXILIARIES.has(w)) break;
    if (chunk.length === 0) firstIndex = i;
    chunk.push(t);
    if (
      PERSON_WORDS.has(w) &&
      ['i', 'we', 'you', 'he', 'she', 'they', 'someone', 'somebody', 'everyone', 'anyone'].includes(w)
    )
      break;
  }
  const head = chunk.at(-1);
  const first = chunk[0];
  if (!head || !first) return { kind: 'none', start: null, end: null, inherited: false };
  const before = tokens[firstIndex - 1];
  const start = before && DETERMINER_WORDS.has(before.word) && firstIndex - 1 >= from ? before.start : first.start;
  const span = { start, end: head.end, inherited: false };
  const w = head.word;
  if (PERSON_WORDS.has(w) || w.startsWith('@')) return { kind: 'person', ...span };
  if (head.tech || SYSTEM_WORDS.has(w)) return { kind: 'system', ...span };
  if (chunk.some((t) => PERSON_WORDS.has(t.word))) return { kind: 'person', ...span };
  if (chunk.some((t) => t.tech || SYSTEM_WORDS.has(t.word))) return { kind: 'system', ...span };
  if (chunk.length <= 3 && chunk.every((t) => t.cap)) return { kind: 'name', ...span };
  return { kind: 'unknown', ...span };
}

const INHERIT_THROUGH = new Set(['and', 'but', 'or', 'then', 'yet', 'so', ',', 'nor']);

/**
 * The subject of the clause ending at token `i`. A relative "who"/"that" takes the noun
 * before it, "which" is a thing; with `inherit`, a left-out subject ("... and then forgot
 * to ...") is taken from the clause before.
 */
export function subjectBefore(tokens: readonly Token[], i: number, inherit: boolean): Subject {
  const { from, breaker, at } = clauseBefore(tokens, i);
  const own = classifySegment(tokens, from, i);
  if (own.kind !== 'none' || !breaker) return own;
  const b = breaker.word;
  if (b === 'who' || b === 'whom') return { kind: 'person', start: null, end: null, inherited: true };
  if (b === 'which') return { kind: 'system', start: null, end: null, inherited: true };
  if (b === 'that')
    return { ...classifySegment(tokens, Math.max(clauseBefore(tokens, at).from, at - 3), at), inherited: true };
  if (inherit && INHERIT_THROUGH.has(b)) {
    const prev = clauseBefore(tokens, at);
    const before = classifySegment(tokens, prev.from, at);
    if (before.kind === 'none' && prev.breaker && INHERIT_THROUGH.has(prev.breaker.word))
      return { ...subjectBefore(tokens, prev.at, false), inherited: true };
    return { ...before, inherited: true };
  }
  return own;
}

/** A negator in the same clause within `window` tokens before token `i`, or the match opening with one. */
export function isNegated(tokens: readonly Token[], i: number, window = 4): boolean {
  const first = tokens[i];
  if (first && (NOBODY_WORDS.has(first.word) || first.word === 'no')) return true;
  const { from } = clauseBefore(tokens, i);
  for (let j = i - 1; j >= Math.max(from, i - window); j -= 1) {
    const t = tokens[j];
    if (!t) break;
    if (NEGATORS.has(t.word) || NOBODY_WORDS.has(t.word) || t.word.endsWith("n't")) return true;
    if (
      (t.word === 'than' && tokens[j - 1]?.word === 'rather') ||
      (t.word === 'of' && tokens[j - 1]?.word === 'instead')
    )
      return true;
  }
  return false;
}

const BE = words('was were been being is are be got get gets getting');

/** "was accidentally deleted", "being removed by accident": the thing it happened to is the subject. */
export function isPassiveAt(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev && BE.has(prev.word)) return true;
  const prev2 = tokens[i - 2];
  // "<be> [adverb] <participle> by mistake"
  if (prev && (prev.word.endsWith('ed') || prev.word.endsWith('en') || VERB_FORMS.get(prev.word)?.pp === prev.word)) {
    if (prev2 && BE.has(prev2.word)) return true;
    const prev3 = tokens[i - 3];
    if (prev2 && isAdverb(prev2.word) && prev3 && BE.has(prev3.word)) return true;
  }
  return false;
}

/** The clause opens with "if", "unless", "when": a condition, not a report. */
export function isConditional(tokens: readonly Token[], i: number): boolean {
  const { breaker } = clauseBefore(tokens, i);
  return breaker !== null && ['if', 'unless', 'when', 'whenever'].includes(breaker.word);
}

const MODALS = words("should must can could would will shall need needs never don't always");

/** A modal or imperative in the clause before `i`: advice or policy rather than a report. */
export function hasModalBefore(tokens: readonly Token[], i: number): boolean {
  const { from } = clauseBefore(tokens, i);
  for (let j = from; j < i; j += 1) if (MODALS.has(tokens[j]?.word ?? '')) return true;
  return false;
}

const OBJECT_STOPS = new Set([...CLAUSE_BREAKERS, 'by', 'due', 'until', 'instead', 'rather']);
const PREPOSITIONS = words(
  'to in into on onto at from for with against during after before by via through under over without about across around of',
);
const CONTINUE_AFTER_AND = (t: Token | undefined) =>
  t !== undefined &&
  !t.punct &&
  !AUXILIARIES.has(t.word) &&
  !PERSON_WORDS.has(t.word) &&
  !isAdverb(t.word) &&
  !/ed$/.test(t.word) &&
  !(VERB_FORMS.has(t.word) && !SYSTEM_WORDS.has(t.word));

const DO_FORMS = new Set(['do', 'does', 'did', 'doing', 'done']);
const TRAILING = /^(?:the|a|an|and|or|that|which|so)$/;
const COMPLEMENT_NOUNS = new Set(['fact', 'idea', 'possibility', 'assumption', 'belief', 'risk', 'chance']);

export interface ObjectPhrase {
  /** Leading preposition, if the object starts with one ("about", "to"). */
  prep: string;
  /** The object's words without the preposition, his/their made "the". */
  text: string;
  /** The noun phrase alone, cut before its first preposition. */
  np: string;
  end: number;
}

/** The object after absolute offset `offset`: up to the clause's end, at most `max` words. */
export function objectAfter(
  text: string,
  tokens: readonly Token[],
  offset: number,
  limit = Infinity,
  max = 12,
): ObjectPhrase | null {
  let i = tokenStartingAt(tokens, offset);
  const words: Token[] = [];
  for (; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t || t.start >= limit || t.punct) break;
    const prev = words.at(-1)?.word ?? '';
    const continues =
      (t.word === 'that' && (COMPLEMENT_NOUNS.has(prev) || PREPOSITIONS.has(prev))) ||
      (t.word === 'so' &&
        (DO_FORMS.has(prev) || ['many', 'much', 'few', 'little', 'long'].includes(tokens[i + 1]?.word ?? ''))) ||
      (t.word === 'once' && prev === 'at') ||
      (t.word === 'by' && ['default', 'hand', 'design'].includes(tokens[i + 1]?.word ?? ''));
    if (words.length > 0 && OBJECT_STOPS.has(t.word) && !(t.word === 'and' || t.word === 'or') && !continues) break;
    // "to save time": a purpose clause, not part of the object.
    if (words.length > 0 && t.word === 'to' && VERBS.has(tokens[i + 1]?.word ?? '')) break;
    const opensClause = t.word === 'if' || t.word === 'whether' || t.word === 'that';
    if (
      words.length === 0 &&
      !opensClause &&
      !continues &&
      (t.word === 'and' || t.word === 'but' || CLAUSE_BREAKERS.has(t.word))
    )
      break;
    if ((t.word === 'and' || t.word === 'or') && !CONTINUE_AFTER_AND(tokens[i + 1])) break;
    if (t.word === 'by' && ['accident', 'mistake'].includes(tokens[i + 1]?.word ?? '')) break;
    words.push(t);
    if (words.length >= max) break;
  }
  while (words.length > 0 && TRAILING.test(words.at(-1)?.word ?? '')) words.pop();
  const trailingAdverb = (w: string) =>
    /^(?:enough|first|again|anyway|carefully|properly|thoroughly|closely|correctly|fully|explicitly|actually|really|quickly)$/.test(
      w,
    );
  while (words.length > 1 && trailingAdverb(words.at(-1)?.word ?? '')) words.pop();
  while (words.length > 0 && (PREPOSITIONS.has(words.at(-1)?.word ?? '') || TRAILING.test(words.at(-1)?.word ?? '')))
    words.pop();
  const firstWord = words[0];
  const lastWord = words.at(-1);
  if (!firstWord || !lastWord) return null;
  let prep = '';
  let startAt = firstWord.start;
  if (PREPOSITIONS.has(firstWord.word) && words.length > 1) {
    prep = firstWord.word;
    startAt = words[1]?.start ?? startAt;
  }
  const raw = text.slice(startAt, lastWord.end);
  const depersonalised = raw.replace(/\b(?:his|their|my)\b(?=\s)/gi, 'the');
  const npEnd = words.findIndex((w, k) => k > 0 && w.start >= startAt && PREPOSITIONS.has(w.word) && w.word !== 'of');
  const np = npEnd > 0 ? text.slice(startAt, words[npEnd - 1]?.end ?? lastWord.end) : raw;
  return { prep, text: depersonalised, np: np.replace(/\b(?:his|their|my)\b(?=\s)/gi, 'the'), end: lastWord.end };
}

/** "was"/"were" for a noun phrase, by a plain plural test on its last word. */
export function beFor(np: string): 'was' | 'were' {
  const words = np.trim().split(/\s+/);
  const last = (words.at(-1) ?? '').toLowerCase();
  if (/^(these|those|both|all|several|many|two|three|four|five)$/.test(words[0]?.toLowerCase() ?? '')) return 'were';
  return /[^su']s$/.test(last) && !/(ss|us|is)$/.test(last) ? 'were' : 'was';
}
