/**
 * Compiling the rulebook for a lint: the rules left after disabling categories, their
 * patterns, and the trigger-word scan that decides which rules a sentence is tried
 * against (most sentences contain none of a rule's words, and skip it). Also the
 * team's custom rules.
 */
import type { PhrasingCategory } from './categories';
import type { CustomRule } from './lint';
import { words } from './lexicon';
import { PHRASING_RULES } from './rules';
import type { PhrasingRule } from './ruleTypes';
import type { SentenceSpan } from './sentences';

/** Words every vague phrase of findVagueWording contains; most sentences have none. */
const VAGUE_WORDS = words('improve better more enhance increase be pay double train educate remind raise update fix');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export interface CompiledCustom {
  rule: CustomRule;
  pattern: RegExp;
}

export function compileCustom(rules: readonly CustomRule[], disabled: ReadonlySet<PhrasingCategory>): CompiledCustom[] {
  return rules
    .filter((r) => r.phrase.trim() !== '' && !disabled.has(r.category ?? 'human-error'))
    .map((rule) => ({
      rule,
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}_])${escapeRegExp(rule.phrase.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`,
        'giu',
      ),
    }));
}

export interface RuleSet {
  rules: PhrasingRule[];
  /** Each rule's pattern with the `d` flag, so group offsets are known. */
  patterns: RegExp[];
  /** Any trigger word, as a whole word; and which rules each word triggers. */
  trigger: RegExp;
  byWord: Map<string, number[]>;
  /** Rules without triggers: tried on every sentence. */
  always: number[];
}

/** Marks a sentence for the findVagueWording fallback in the trigger lists. */
export const VAGUE = -1;

const ruleCache = new Map<string, RuleSet>();

/** The built-in rules left after disabling categories, compiled once per set of disabled categories. */
export function activeRules(disabled: ReadonlySet<PhrasingCategory>): RuleSet {
  const key = [...disabled].sort().join(',');
  let entry = ruleCache.get(key);
  if (!entry) {
    const rules = PHRASING_RULES.filter((r) => !disabled.has(r.category));
    const byWord = new Map<string, number[]>();
    const always: number[] = [];
    const add = (word: string, index: number) => byWord.set(word, [...(byWord.get(word) ?? []), index]);
    rules.forEach((rule, index) => {
      const words = rule.triggers.split(/\s+/).filter(Boolean);
      if (words.length === 0) always.push(index);
      for (const word of words) add(word, index);
    });
    if (!disabled.has('vague-action')) for (const word of VAGUE_WORDS) add(word, VAGUE);
    const alternatives = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    entry = {
      rules,
      patterns: rules.map((r) => new RegExp(r.pattern.source, `${r.pattern.flags.replace('d', '')}d`)),
      trigger: new RegExp(`\\b(?:${alternatives.join('|') || '(?!)'})\\b`, 'g'),
      byWord,
      always,
    };
    ruleCache.set(key, entry);
  }
  return entry;
}

/**
 * For each sentence, the indices (ascending) of the rules whose trigger words it
 * contains, with VAGUE first when the vague-wording fallback should run.
 */
export function triggeredRules(lowerText: string, spans: readonly SentenceSpan[], set: RuleSet): (number[] | null)[] {
  const perSentence: (number[] | null)[] = spans.map(() => (set.always.length > 0 ? [...set.always] : null));
  let s = 0;
  set.trigger.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = set.trigger.exec(lowerText)) !== null) {
    while (s < spans.length && (spans[s]?.end ?? 0) <= hit.index) s += 1;
    const span = spans[s];
    if (!span) break;
    if (hit.index < span.start) continue;
    const target = (perSentence[s] ??= []);
    for (const rule of set.byWord.get(hit[0]) ?? []) if (!target.includes(rule)) target.push(rule);
  }
  for (const list of perSentence) list?.sort((a, b) => a - b);
  return perSentence;
}
