/**
 * Sentences as the phrasing linter sees them: split on . ! ? (not inside 14:23, 1.2.3,
 * e.g., Dr. or J. Smith), on line breaks and on table cell bars, with list markers and
 * leading timestamps ("14:23 UTC —") left outside the sentence so a reframe replaces
 * only the words. Offsets are UTF-16 code units, the same as String#slice.
 */

export interface SentenceSpan {
  /** First character of the sentence's words (after any list marker or timestamp). */
  start: number;
  /** One past the last character, terminal punctuation included, trailing space excluded. */
  end: number;
}

const ABBREVIATIONS = new Set(
  'e.g i.e etc vs approx incl excl dr mr mrs ms st inc ltd jr sr no nos fig cf al a.m p.m u.s u.k dept est min max avg ref resp mins hrs sec secs ca'.split(
    ' ',
  ),
);

// A terminator run, then closing quotes or brackets, then whitespace or the end.
const TERMINATOR = /[.!?…]+["'”’)\]*_]*(?=\s|$)/g;
const LINE_PREFIX = new RegExp(
  [
    String.raw`^(?:\s*(?:[-*+•]|\d{1,3}[.)]|>|#{1,6})\s+)*\s*`, // list markers, quotes, headings
    String.raw`(?:(?:\*\*|__)?\[?(?:(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})[ T])?`, // optional date
    String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[aApP][mM])?(?:\s*[A-Z]{2,4})?\]?(?:\*\*|__)?`, // time, zone
    String.raw`\s*(?:[:\-–—]|(?=\s))(?:\*\*|__)?\s*)?`, // separator
  ].join(''),
);

function isAbbreviation(text: string, dotIndex: number): boolean {
  let i = dotIndex;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i -= 1;
  const word = text.slice(i, dotIndex).toLowerCase();
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Birchall"), but not the pronoun "I".
  return word.length === 1 && /[A-Z]/.test(text[i] ?? '') && text[i] !== 'I';
}

/** Splits one line (no line breaks) into sentence spans, offsets relative to `base`. */
function splitLine(text: string, from: number, to: number, out: SentenceSpan[]): void {
  const line = text.slice(from, to);
  const prefix = LINE_PREFIX.exec(line);
  let start = from + (prefix ? prefix[0].length : 0);
  TERMINATOR.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TERMINATOR.exec(line)) !== null) {
    const at = from + match.index;
    if (match[0].startsWith('.') && match[0].length === 1 && isAbbreviation(text, at)) continue;
    pushTrimmed(text, start, at + match[0].length, out);
    start = at + match[0].length;
  }
  pushTrimmed(text, start, to, out);
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) out.push({ start: s, end: e });
}

const LINE_BREAK = /\r\n|\n|\r/g;
const STRUCTURED_LINE = /^\s*(?:[-*+•>|#]|\d{1,3}[.)]\s|\[?\d{1,2}:\d{2})/;

/** Lines, with soft-wrapped continuation lines ("...from being\n   triggered by accident.") joined. */
function blocks(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let from = 0;
  LINE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LINE_BREAK.exec(text)) !== null) {
    lines.push({ start: from, end: match.index });
    from = match.index + match[0].length;
  }
  lines.push({ start: from, end: text.length });
  const out: { start: number; end: number }[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const body = text.slice(line.start, line.end);
    const prevBody = prev ? text.slice(prev.start, prev.end).trimEnd() : '';
    const continues =
      prev !== undefined &&
      prevBody !== '' &&
      !/[.!?:;|]["'”’)*_]*$/.test(prevBody) &&
      !STRUCTURED_LINE.test(body) &&
      /^\s*\p{Ll}/u.test(body) &&
      !prevBody.includes('|');
    if (continues && prev) prev.end = line.end;
    else out.push({ ...line });
  }
  return out;
}

/** Every sentence in the text, in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const block of blocks(text)) {
    let from = block.start;
    for (let i = block.start; i <= block.end; i += 1) {
      if (i === block.end || text[i] === '|') {
        if (i > from) splitLine(text, from, i, out);
        from = i + 1;
      }
    }
  }
  return out;
}

/**
 * The sentence around `offset`: the one containing it, else the nearest one after it on
 * the same line, else the one before. Returns an empty span at `offset` when the text
 * has no words there.
 */
export function sentenceBounds(text: string, offset: number): SentenceSpan {
  const at = Math.max(0, Math.min(offset, text.length));
  const sentences = splitSentences(text);
  let before: SentenceSpan | null = null;
  for (const span of sentences) {
    if (at >= span.start && at < span.end) return span;
    if (span.start > at) {
      const between = text.slice(at, span.start);
      if (!/[\r\n|]/.test(between)) return span;
      break;
    }
    before = span;
  }
  if (before && !/[\r\n|]/.test(text.slice(before.end, at))) return before;
  return { start: at, end: at };
}

/** A quoted stretch of a sentence, and whether it reports someone's words. */
export interface QuoteSpan {
  start: number;
  end: number;
  speech: boolean;
  words: number;
}

const QUOTE = /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\p{L}\p{N}])'[^'\n]+'(?![\p{L}\p{N}])/gu;
const SPEECH_BEFORE =
  /(?:\b(?:said|says|say|wrote|writes|asked|asks|told|tells it|tells|replied|replies|commented|posted|tweeted|messaged|shouted|yelled|claimed|quote|quoted|put it|according to)\b[^"“‘']{0,20}|:\s*)$/i;
const SPEECH_AFTER = /^\s*[,.!?]?\s*(?:[\p{L}@'’-]+\s+){0,3}(?:said|says|wrote|asked|replied|added|told)\b/iu;

/** Quoted spans inside [start, end) of `text`, in absolute offsets. */
export function quotedSpans(text: string, start: number, end: number): QuoteSpan[] {
  const sentence = text.slice(start, end);
  const spans: QuoteSpan[] = [];
  QUOTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = QUOTE.exec(sentence)) !== null) {
    const before = sentence.slice(Math.max(0, match.index - 40), match.index);
    const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 40);
    spans.push({
      start: start + match.index,
      end: start + match.index + match[0].length,
      speech: SPEECH_BEFORE.test(before) || SPEECH_AFTER.test(after),
      words: match[0].trim().split(/\s+/).length,
    });
  }
  return spans;
}

/** Inline code spans (`like this`) inside [start, end), in absolute offsets. */
export function codeSpans(text: string, start: number, end: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /`[^`\n]*`/g;
  const sentence = text.slice(start, end);
  let match: RegExpExecArray | null;
  while ((match = re.exec(sentence)) !== null)
    spans.push({ start: start + match.index, end: start + match.index + match[0].length });
  return spans;
}
