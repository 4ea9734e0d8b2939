/**
 * The context checks a rule can ask for (see ContextCheck in ruleTypes.ts): who the
 * subject is, negation, passive voice, conditions, action statements, questions.
 */
import {
  classifySegment,
  hasModalBefore,
  isConditional,
  isNegated,
  isPassiveAt,
  subjectBefore,
  tokenAt,
  tokenize,
  type Subject,
  type Token,
} from './context';
import { CLAUSE_BREAKERS, DILIGENCE_VERBS, HARM_VERBS, VERB_FORMS, VERBS, words } from './lexicon';
import type { ContextCheck, PhrasingRule } from './ruleTypes';
import type { MatchInfo } from './slots';
import type { SentenceSpan } from './sentences';

/** One sentence of the text, tokenized on demand. */
export class SentenceContext {
  private cachedTokens: Token[] | null = null;
  private cachedSentence: string | null = null;
  /** The sentence with ASCII capitals lowered: what the rule patterns run on. */
  readonly lower: string;
  constructor(
    readonly text: string,
    private readonly lowerText: string,
    readonly span: SentenceSpan,
  ) {
    this.lower = lowerText.slice(span.start, span.end);
  }
  get sentence(): string {
    this.cachedSentence ??= this.text.slice(this.span.start, this.span.end);
    return this.cachedSentence;
  }
  get tokens(): Token[] {
    this.cachedTokens ??= tokenize(this.text, this.lowerText, this.span.start, this.span.end);
    return this.cachedTokens;
  }
}

/** Verbs an action item opens with: "Improve monitoring", "Be more careful". */
const IMPERATIVES = words(
  'be make ensure improve train educate remind pay take try do add increase enhance communicate consider look think review update fix revisit document establish have always never please avoid stop start keep',
);
/** "We should / need to / will ...": a promise of action, not a report. */
const OBLIGATION =
  /\b(?:should(?!\s+(?:not\s+)?have\s+\w+(?:ed|en|wn|ght)\b)|must|need\s+to|needs\s+to|have\s+to|has\s+to|ought\s+to|will|['’]ll|going\s+to|let['’]s|plan\s+to|shall|(?:important|essential|crucial|critical|vital|wise|best)\s+to)\b/i;
const ACTION_LABEL = /^(?:(?:action(?:\s+item)?|ai-\d+|todo|follow[- ]up|next\s+steps?|fix)\s*[:\-–—]\s*)/i;

/** Words that put what follows in a risk being guarded against: "to prevent them being deleted by accident". */
const GUARDING = words('avoid avoids avoiding prevent prevents preventing against ensure ensures lest risk risks');

/** Imperative, promised ("we should", "it is important to") or a short labelled action item; never a question. */
export function isActionStatement(sentence: string): boolean {
  if (/\?[^\p{L}\p{N}]*$/u.test(sentence.replace(/<\/?\w+>/g, ''))) return false;
  const body = sentence.replace(ACTION_LABEL, '');
  const first = /^[\p{L}'’-]+/u.exec(body)?.[0].toLowerCase() ?? '';
  if (IMPERATIVES.has(first) || (VERBS.has(first) && !first.endsWith('ed'))) return true;
  if (OBLIGATION.test(body)) return true;
  return body.split(/\s+/).length <= 6 && ACTION_LABEL.test(sentence);
}

/** Whether the clause's subject is the kind of doer the rule is about. */
export function passesSubject(
  rule: PhrasingRule,
  subject: Subject,
  verbBase: string | undefined,
  text: string,
): boolean {
  const said =
    subject.start !== null && subject.end !== null ? text.slice(subject.start, subject.end).toLowerCase() : '';
  if (rule.excludeSubjects?.includes(said)) return false;
  switch (rule.subject) {
    case 'person':
      return subject.kind === 'person' || subject.kind === 'name';
    case 'not-system':
      return subject.kind !== 'system' && subject.kind !== 'nobody';
    case 'person-or-diligence':
      if (subject.kind === 'person' || subject.kind === 'name') return true;
      return (
        (subject.kind === 'none' || subject.kind === 'unknown') &&
        verbBase !== undefined &&
        DILIGENCE_VERBS.has(verbBase)
      );
    default:
      return true;
  }
}

/** A reason right after a passive ("was missed because ...") explains the gap rather than blaming. */
const EXPLAINED = /^[\s,]*(?:(?:[a-z]+ly|simply|just)\s+)?(?:because|since|as|due\s+to|so\s+that|owing\s+to)\b/i;

/** Runs one named context check; `at` is the match's first token (-1 before tokenizing). */
export function passesCheck(
  check: ContextCheck,
  info: MatchInfo,
  ctx: SentenceContext,
  at: number,
  verbWord: string | undefined,
): boolean {
  const { tokens } = info;
  const after = ctx.text.slice(info.end, ctx.span.end);
  switch (check) {
    case 'not-negated':
      return !isNegated(tokens, at);
    case 'not-conditional':
      return !isConditional(tokens, at);
    case 'not-passive':
      return !isPassiveAt(tokens, at);
    case 'not-adjectival':
      return !/^(?:the|a|an|this|that|these|those|any|every|its|their|our)$/.test(tokens[at - 1]?.word ?? '');
    case 'not-explained': {
      if (EXPLAINED.test(after) || /\bbecause\b/i.test(after)) return false;
      const next = tokenAt(tokens, info.end);
      if (tokens[next]?.word !== 'by') return true;
      return classifySegment(tokens, next + 1, Math.min(next + 5, tokens.length)).kind !== 'system';
    }
    case 'harm': {
      if (verbWord && HARM_VERBS.has(verbWord.toLowerCase())) return true;
      return tokens.some((t) => t.start < info.start && HARM_VERBS.has(t.word));
    }
    case 'action-statement':
      return isActionStatement(ctx.sentence);
    case 'not-meta':
      return !/^\s*(?:is|was|are)\s+(?:(?:a|the|only\s+a)\s+(?:symptom|starting\s+point|label)|never|not|rarely)\b/i.test(
        after,
      );
    case 'not-modal':
      return !hasModalBefore(tokens, at);
    case 'not-hypothetical': {
      for (let j = Math.max(0, at - 7); j < at; j += 1) if (GUARDING.has(tokens[j]?.word ?? '')) return false;
      return !/\b(?:would|could|might|may|can)\b/i.test(
        ctx.text.slice(ctx.span.start, info.start).split(/[,;:]/).at(-1) ?? '',
      );
    }
    case 'diligence-verb': {
      const base = VERB_FORMS.get((verbWord ?? '').toLowerCase())?.base;
      return base !== undefined && DILIGENCE_VERBS.has(base);
    }
    case 'participle': {
      const pp = (info.groups['pp'] ?? '').toLowerCase();
      const modal = (info.groups['modal'] ?? '').toLowerCase();
      if (modal === 'could') {
        if (/^been\s+(?:avoided|prevented|caught|spotted|noticed|detected)$/.test(pp)) return true;
        const subject = subjectBefore(tokens, at, false);
        if (subject.kind !== 'person' && subject.kind !== 'name') return false;
      }
      if (pp.startsWith('been')) return true;
      if (pp.endsWith('ing')) return false;
      return VERB_FORMS.get(pp)?.pp === pp || /(?:ed|en|wn|ght)$/.test(pp);
    }
    case 'question':
      return (
        /\?[^\p{L}\p{N}]*$/u.test(ctx.sentence.replace(/<\/?\w+>/g, '')) ||
        /^\W*(?:know|find|figure|ask|determine|establish|identify|wonder|tell)/i.test(
          ctx.text.slice(info.start, info.end),
        )
      );
  }
}

/** Index of the first clause breaker or punctuation at or after token `from`. */
export function clauseEnd(tokens: readonly Token[], from: number): number {
  let i = from;
  while (i < tokens.length && !tokens[i]?.punct && !CLAUSE_BREAKERS.has(tokens[i]?.word ?? '')) i += 1;
  return i;
}
