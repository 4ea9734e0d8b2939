/**
 * The blameful-phrasing linter: runs the rulebook over each sentence, keeps a match
 * only when its context says it is about a person (not a system, not negated, not
 * quoted speech), settles overlaps by priority and attaches reframes written for the
 * sentence. Pure and synchronous, cheap enough to run on every keystroke.
 */
import { findVagueWording } from '../actionItems';
import { PHRASING_CATEGORIES, type PhrasingCategory } from './categories';
import { SentenceContext, clauseEnd, isActionStatement, passesCheck, passesSubject } from './checks';
import { classifySegment, subjectBefore, tokenAt, type Subject, type Token } from './context';
import { VERB_FORMS } from './lexicon';
import { buildReframes } from './reframe';
import { VAGUE, activeRules, compileCustom, triggeredRules } from './ruleSet';
import type { ContextCheck, PhrasingRule } from './ruleTypes';
import { codeSpans, quotedSpans, splitSentences } from './sentences';
import { SlotSource, fixedSlots, type MatchInfo } from './slots';

/** One flagged phrase. Offsets are UTF-16 code units: `text.slice(start, end)` is the phrase. */
export interface PhrasingFinding {
  start: number;
  end: number;
  category: PhrasingCategory;
  /** The rule's id (`custom:<id>` for a team's own rules). */
  rule: string;
  /** Short label. */
  message: string;
  /** One sentence on why this wording hurts learning. */
  why: string;
  /** The sentence the phrase is in. */
  excerpt: string;
  /** One to three rewrites of that sentence (or of the phrase alone, see `replaces`). */
  reframes: string[];
  /** `phrase`: a reframe replaces only the flagged words (a team's own phrase and its alternative). */
  replaces?: 'phrase';
}

/** A team-specific phrase to flag: matched case-insensitively as whole words. */
export interface CustomRule {
  id: string;
  phrase: string;
  reframe: string;
  /** Defaults to `human-error`. */
  category?: PhrasingCategory;
}

export interface PhrasingOptions {
  disabledCategories?: readonly PhrasingCategory[];
  customRules?: readonly CustomRule[];
}

/** A finding before overlaps are settled; its reframes are written only if it is kept. */
interface Candidate extends Omit<PhrasingFinding, 'reframes'> {
  priority: number;
  reframes: () => string[];
}

function groupStartFinder(match: RegExpExecArray, base: number): (name: string) => number | null {
  return (name) => {
    const pair = match.indices?.groups?.[name];
    return pair ? base + pair[0] : null;
  };
}

const NO_TOKENS: readonly Token[] = [];
/** Checks that read only the match and the sentence's text, run before tokenizing it. */
const TOKEN_FREE: ReadonlySet<ContextCheck> = new Set(['diligence-verb', 'action-statement', 'not-meta', 'question']);

/**
 * One match of a rule's pattern: a candidate finding if its context checks pass (cheap
 * ones first, then the ones that need the sentence's tokens), else null.
 */
function evaluate(rule: PhrasingRule, match: RegExpExecArray, ctx: SentenceContext): Candidate | null {
  const start = ctx.span.start + match.index;
  const end = start + match[0].length;
  // Group texts from the original sentence, so reframes keep its capitals.
  const groups: Record<string, string | undefined> = {};
  for (const [name, pair] of Object.entries(match.indices?.groups ?? {}))
    groups[name] = pair ? ctx.text.slice(ctx.span.start + pair[0], ctx.span.start + pair[1]) : undefined;
  const groupStart = groupStartFinder(match, ctx.span.start);
  const verbWord = groups['verb'] ?? groups['verb2'];
  const checks = rule.checks ?? [];
  const info: MatchInfo = {
    text: ctx.text,
    sentence: ctx.span,
    tokens: NO_TOKENS,
    rule,
    groups,
    start,
    end,
    groupStart,
    subject: null,
  };
  for (const check of checks) if (TOKEN_FREE.has(check) && !passesCheck(check, info, ctx, -1, verbWord)) return null;
  const tokens = ctx.tokens;
  info.tokens = tokens;
  let at = tokenAt(tokens, start);
  while (tokens[at]?.punct && (tokens[at]?.end ?? 0) <= end) at += 1;
  let subject: Subject | null = null;
  if (rule.subject) {
    const named = groups['subject'] !== undefined ? 'subject' : groups['subject2'] !== undefined ? 'subject2' : null;
    const namedAt = named ? groupStart(named) : null;
    if (named && namedAt !== null) {
      const from = tokenAt(tokens, namedAt);
      subject = classifySegment(tokens, from, tokenAt(tokens, namedAt + (groups[named] ?? '').length));
    } else subject = subjectBefore(tokens, at, rule.inherit ?? false);
    const verbBase = VERB_FORMS.get((verbWord ?? '').toLowerCase())?.base;
    if (!passesSubject(rule, subject, verbBase, ctx.text)) {
      if (!rule.sentenceSubject) return null;
      const opening = classifySegment(tokens, 0, clauseEnd(tokens, 0));
      if (!passesSubject(rule, opening, verbBase, ctx.text)) return null;
      subject = { ...opening, inherited: true };
    }
  }
  info.subject = subject;
  for (const check of checks) if (!TOKEN_FREE.has(check) && !passesCheck(check, info, ctx, at, verbWord)) return null;
  const slots = new SlotSource(info);
  let spanStart = tokens[at]?.start ?? start;
  if (rule.category === 'who-question') {
    const q = /\b(?:who|whose|why|how|what)\b/i.exec(match[0]);
    if (q) spanStart = start + q.index;
  }
  let spanEnd = end;
  if (rule.wide) {
    if (subject && !subject.inherited && subject.start !== null && subject.start < spanStart && subject.kind !== 'none')
      spanStart = subject.start;
    const objectEnd = slots.objectEnd();
    if (objectEnd !== null && objectEnd > spanEnd) spanEnd = objectEnd;
  }
  const category = PHRASING_CATEGORIES[rule.category];
  return {
    start: spanStart,
    end: spanEnd,
    category: rule.category,
    rule: rule.id,
    message: rule.message,
    why: category.why,
    excerpt: excerptOf(ctx.sentence),
    reframes: () => buildReframes(rule.reframes, slots),
    priority: rule.priority ?? category.priority,
  };
}

function excerptOf(sentence: string): string {
  const trimmed = sentence.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 159)}…` : trimmed;
}

function insideQuoteOrCode(c: { start: number; end: number }, ctx: SentenceContext): boolean {
  if (!/["“‘'`]/.test(ctx.sentence)) return false;
  for (const q of quotedSpans(ctx.text, ctx.span.start, ctx.span.end))
    if (c.start >= q.start && c.end <= q.end && (q.speech || q.words <= 4)) return true;
  return codeSpans(ctx.text, ctx.span.start, ctx.span.end).some((s) => c.start >= s.start && c.start < s.end);
}

/** Keeps the highest-priority finding of each overlapping group, then sorts by position. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

function vagueFallback(ctx: SentenceContext): Candidate | null {
  const vague = findVagueWording(ctx.sentence);
  // "Consider X" and "look into X" are everyday prose; prompt on them in action items only.
  if (!vague || vague.ask.startsWith('what is the decision') || !isActionStatement(ctx.sentence)) return null;
  const start = ctx.span.start + vague.index;
  return {
    start,
    end: start + vague.length,
    category: 'vague-action',
    rule: 'vague-wording',
    message: 'Too vague to verify',
    why: PHRASING_CATEGORIES['vague-action'].why,
    excerpt: excerptOf(ctx.sentence),
    reframes: () => buildReframes(['Name the concrete change: {ask}'], fixedSlots({ ask: vague.ask })),
    priority: PHRASING_CATEGORIES['vague-action'].priority - 1,
  };
}

/**
 * Blameful phrasing in `text`, in order of position. Each finding flags a phrase,
 * says why it hurts learning and offers up to three rewrites of its sentence.
 */
export function lintPhrasing(text: string, options: PhrasingOptions = {}): PhrasingFinding[] {
  const disabled = new Set(options.disabledCategories ?? []);
  const set = activeRules(disabled);
  const custom = compileCustom(options.customRules ?? [], disabled);
  const findings: PhrasingFinding[] = [];
  // Lowering only A-Z keeps every offset where it was (toLowerCase can change lengths).
  const lowerText = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const spans = splitSentences(text);
  const triggered = triggeredRules(lowerText, spans, set);
  spans.forEach((span, index) => {
    const ctx = new SentenceContext(text, lowerText, span);
    const candidates: Candidate[] = [];
    const ruleIndices = triggered[index] ?? [];
    for (const r of ruleIndices) {
      const rule = set.rules[r];
      const re = set.patterns[r];
      if (!rule || !re) continue;
      re.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = re.exec(ctx.lower)) !== null) {
        if (match[0].length === 0) {
          re.lastIndex += 1;
          continue;
        }
        const candidate = evaluate(rule, match, ctx);
        if (candidate) candidates.push(candidate);
      }
    }
    if (ruleIndices[0] === VAGUE && !candidates.some((c) => c.category === 'vague-action')) {
      const vague = vagueFallback(ctx);
      if (vague) candidates.push(vague);
    }
    for (const { rule, pattern } of custom) {
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(ctx.sentence)) !== null) {
        const category = rule.category ?? 'human-error';
        const start = span.start + match.index;
        candidates.push({
          start,
          end: start + match[0].length,
          category,
          rule: `custom:${rule.id}`,
          message: `Team phrase: "${rule.phrase.trim()}"`,
          why: PHRASING_CATEGORIES[category].why,
          excerpt: excerptOf(ctx.sentence),
          reframes: () => (rule.reframe.trim() === '' ? buildReframes([], fixedSlots({})) : [rule.reframe.trim()]),
          ...(rule.reframe.trim() === '' ? {} : { replaces: 'phrase' as const }),
          priority: 100,
        });
      }
    }
    if (candidates.length === 0) return;
    const visible = candidates.filter((c) => !insideQuoteOrCode(c, ctx));
    for (const { priority: _priority, reframes, ...finding } of resolveOverlaps(visible))
      findings.push({ ...finding, reframes: reframes() });
  });
  return findings;
}
