/**
 * The slots reframe templates are filled from, read off the sentence around a match:
 * the verb as a gerund or participle, its object, the decision being judged, the
 * clause a passive is about. Worked out lazily, only for the slots a template asks for.
 */
import { beFor, clauseBefore, objectAfter, tokenAt, type ObjectPhrase, type Subject, type Token } from './context';
import { CLAUSE_BREAKERS, HARM_VERBS, PERSON_WORDS, VERB_FORMS, words, type VerbForms } from './lexicon';
import type { PhrasingRule } from './ruleTypes';
import type { SentenceSpan } from './sentences';

/** What the linter knows about one match, for filling a rule's templates. */
export interface MatchInfo {
  text: string;
  sentence: SentenceSpan;
  tokens: readonly Token[];
  rule: PhrasingRule;
  groups: Readonly<Record<string, string | undefined>>;
  /** Absolute offsets of the whole match and of each named group that matched. */
  start: number;
  end: number;
  groupStart: (name: string) => number | null;
  subject: Subject | null;
}

export type Slots = Partial<Record<string, string>>;

/** A fixed set of slot values, for templates filled outside a rule match. */
export function fixedSlots(slots: Slots): { get(name: string): string | undefined } {
  return { get: (name) => slots[name] };
}

const CHECK_VERBS = words('check double-check verify validate test review inspect confirm examine audit');
const PERCEPTION = words(
  'known seen noticed spotted caught realized realised anticipated foreseen predicted expected detected',
);
const FINITE = /\b(?:would|will|was|were|is|are|had|has|could|might|can|did)\b/i;
const GIVING_UP = new Set(['forget', 'fail', 'neglect', 'omit']);
const DETERMINERS = /^(?:the|this|that|these|those|it|our|a|an|any|their|its)$/i;
const DAYS = /\bon\s+(?:a\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i;
const LINKING =
  /^(?:is|was|were|are|be|been|being|seems?|seemed|looks?|looked|turned|proved|out|to|a|an|the|probably|clearly|obviously|definitely|certainly|really|just|in|hindsight)$/;

const lowerFirst = (s: string) =>
  /^(?:The|This|That|These|Those|It|Our|A|An|Any|Their|Its)\b/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;

function verbForms(word: string | undefined): VerbForms | undefined {
  return word ? VERB_FORMS.get(word.toLowerCase().replace(/’/g, "'")) : undefined;
}

function phrase(forms: VerbForms, object: ObjectPhrase | null, form: 'ing' | 'base'): string {
  return [forms[form], object?.prep, object?.text].filter(Boolean).join(' ');
}

/** The verb a rule talks about, where the object after it starts, and the limit of that object. */
function findVerb(info: MatchInfo): { forms: VerbForms | undefined; objectFrom: number; limit: number } {
  const { rule, groups, tokens } = info;
  if (rule.verb === 'before') {
    const at = tokenAt(tokens, info.start);
    const { from } = clauseBefore(tokens, at);
    for (let i = at - 1; i >= from; i -= 1) {
      const t = tokens[i];
      const forms = verbForms(t?.word);
      if (t && forms && HARM_VERBS.has(t.word)) return { forms, objectFrom: t.end, limit: info.start };
    }
    return { forms: undefined, objectFrom: info.end, limit: info.start };
  }
  if (rule.verb === 'after-subject') {
    const from = info.groupStart('subject') ?? info.start;
    let i = tokenAt(tokens, from) + 1;
    for (; i < tokens.length; i += 1) {
      const t = tokens[i];
      if (!t || t.punct) break;
      const forms = verbForms(t.word);
      if (forms && forms.base === t.word && !PERSON_WORDS.has(t.word))
        return { forms, objectFrom: t.end, limit: Infinity };
    }
    return { forms: undefined, objectFrom: info.end, limit: Infinity };
  }
  const word = groups['verb'] ?? groups['verb2'];
  const forms = verbForms(word);
  const groupAt = info.groupStart(groups['verb'] !== undefined ? 'verb' : 'verb2');
  if (word !== undefined && groupAt !== null)
    return { forms, objectFrom: forms ? groupAt + word.length : groupAt, limit: Infinity };
  return { forms, objectFrom: info.end, limit: Infinity };
}

/** Text of the clause before the match when it opens with a determiner: "the staging environment". */
function clauseSubject(info: MatchInfo): string | undefined {
  const at = tokenAt(info.tokens, info.start);
  const { from } = clauseBefore(info.tokens, at);
  const first = info.tokens[from];
  const last = info.tokens[at - 1];
  if (!first || !last || at - from > 8 || !DETERMINERS.test(first.word)) return undefined;
  return lowerFirst(info.text.slice(first.start, last.end));
}

/** The choice being judged: "to deploy X" or "by failing over" after, or "Rolling out X" opening the clause. */
function decision(info: MatchInfo): string | undefined {
  const { tokens } = info;
  const after = tokenAt(tokens, info.end);
  for (let k = after; k < Math.min(after + 4, tokens.length); k += 1) {
    const lead = tokens[k];
    const next = tokens[k + 1];
    const forms = verbForms(next?.word);
    if (!lead || lead.punct) break;
    if (
      next &&
      forms &&
      ((lead.word === 'to' && forms.base === next.word) || (lead.word === 'by' && forms.ing === next.word))
    )
      return phrase(forms, objectAfter(info.text, tokens, next.end), 'ing');
  }
  const at = tokenAt(tokens, info.start);
  const { from } = clauseBefore(tokens, at);
  const opening = [from, 0].find((i) => /^[a-z]+ing$/.test(tokens[i]?.word ?? '') && verbForms(tokens[i]?.word));
  const first = opening === undefined ? undefined : tokens[opening];
  if (!first) return undefined;
  // Step back from the judgement over "was a", "turned out to be a", "is probably".
  let end = at;
  while (end > 0 && LINKING.test(tokens[end - 1]?.word ?? '')) end -= 1;
  const last = tokens[end - 1];
  if (!last || last.end <= first.end) return undefined;
  return info.text.slice(first.start, last.end).replace(/^\p{Lu}/u, (c) => c.toLowerCase());
}

/** Tokens after the match up to the clause's end, as text: " in review". */
function restOfClause(info: MatchInfo, from: number): string | undefined {
  const words: Token[] = [];
  for (let i = tokenAt(info.tokens, from); i < info.tokens.length; i += 1) {
    const t = info.tokens[i];
    if (!t || t.punct || (CLAUSE_BREAKERS.has(t.word) && t.word !== 'that') || words.length >= 8) break;
    words.push(t);
  }
  const first = words[0];
  const last = words.at(-1);
  return first && last ? ` ${info.text.slice(first.start, last.end)}` : undefined;
}

/** "should have been caught in review", "should have checked X", "could have been avoided by Y". */
function shouldHaveSlots(info: MatchInfo): Slots {
  const slots: Slots = {};
  const pp = (info.groups['pp'] ?? '').toLowerCase();
  const ppAt = info.groupStart('pp') ?? info.end;
  if (pp.startsWith('been')) {
    const word = pp.replace(/^been\s*/, '');
    if (word === '') return slots;
    slots['passiveSubject'] = clauseSubject(info);
    if (word !== 'avoided' && word !== 'prevented') {
      slots['passivePp'] = word;
      slots['rest'] = restOfClause(info, info.end);
      return slots;
    }
    const by = tokenAt(info.tokens, info.end);
    const ing = info.tokens[by + 1];
    const ingForms = verbForms(ing?.word);
    if (info.tokens[by]?.word === 'by' && ing && ingForms?.ing === ing.word)
      slots['byGerund'] = phrase(ingForms, objectAfter(info.text, info.tokens, ing.end, Infinity, 14), 'ing');
    return slots;
  }
  const forms = verbForms(pp);
  const next = info.tokens[tokenAt(info.tokens, ppAt + pp.length)];
  if (PERCEPTION.has(pp) && next?.word === 'that') {
    slots['thatClause'] = info.text.slice(next.start, (restOfClause(info, next.end) ?? '').length + next.end).trim();
    return slots;
  }
  const object = objectAfter(info.text, info.tokens, ppAt + pp.length);
  if (PERCEPTION.has(pp)) {
    // "should have known the cert would expire": a clause, not a thing to see.
    if (object && !object.prep && FINITE.test(object.text)) slots['thatClause'] = `that ${object.text}`;
    else if (object && !object.prep) slots['perceived'] = object.text;
  } else if (forms) slots['gerund'] = phrase(forms, object, 'ing');
  return slots;
}

/** The slots that come from the rule's verb and its object. */
function verbSlots(info: MatchInfo): { slots: Slots; objectEnd: number | null } {
  const { rule, groups, tokens, text } = info;
  const slots: Slots = {};
  const { forms, objectFrom, limit } = findVerb(info);
  const object = objectAfter(text, tokens, objectFrom, limit);
  const givingUp = forms !== undefined && GIVING_UP.has(forms.base);
  const negative =
    /n['’]t|not/i.test(groups['aux'] ?? '') ||
    groups['neg'] !== undefined ||
    (givingUp && rule.category === 'who-question');
  let main = forms;
  let mainObject = object;
  const toAt = tokenAt(tokens, objectFrom);
  // "forget to check X" is about checking X.
  if (givingUp && tokens[toAt]?.word === 'to') {
    const verbToken = tokens[toAt + 1];
    const inner = verbForms(verbToken?.word);
    if (inner && verbToken) {
      main = inner;
      mainObject = objectAfter(text, tokens, verbToken.end);
    }
  }
  if (mainObject) {
    slots['object'] = mainObject.text;
    slots['objectNP'] = mainObject.np;
    if (!mainObject.prep) slots['objectWas'] = `${mainObject.np} ${beFor(mainObject.np)}`;
    if (['to', 'at', 'on'].includes(mainObject.prep)) slots['watched'] = mainObject.text;
  }
  if (object && groups['err'] && ['in', 'on', 'with', 'during', 'to'].includes(object.prep))
    slots['errContext'] = `${object.prep} ${object.text}`;
  if (main) {
    const ing = phrase(main, mainObject, 'ing');
    slots['pp'] = main.pp;
    slots['action'] = phrase(main, mainObject, 'base');
    slots[negative ? 'missedGerund' : 'gerund'] = ing;
    if (
      mainObject &&
      !mainObject.prep &&
      CHECK_VERBS.has(main.base) &&
      !/^(?:if|whether|that)\b/i.test(mainObject.text)
    )
      slots['prompt'] = `surfaced ${mainObject.text}`;
    else if (!negative) slots['prompt'] = `prompted ${ing}`;
    if (main.policyNoun) slots['policyNoun'] = main.policyNoun;
    if (main.events) slots['events'] = main.events;
  }
  return { slots, objectEnd: forms ? (object?.end ?? null) : null };
}

const VERB_SLOTS = words(
  'object objectNP objectWas watched errContext pp action gerund missedGerund prompt policyNoun events',
);
const SHOULD_HAVE_SLOTS = words('passiveSubject passivePp rest byGerund thatClause perceived gerund');

/**
 * The slots a match can fill, worked out only when a template asks for them: most
 * findings need two or three slots, and a long document has hundreds of findings.
 */
export class SlotSource {
  private readonly memo = new Map<string, string | undefined>();
  private verb: { slots: Slots; objectEnd: number | null } | null = null;
  private shouldHave: Slots | null = null;

  constructor(
    private readonly info: MatchInfo,
    private readonly extra: Slots = {},
  ) {}

  /** Where the verb's object ends, for widening the flagged phrase. */
  objectEnd(): number | null {
    this.verb ??= verbSlots(this.info);
    return this.verb.objectEnd;
  }

  get(name: string): string | undefined {
    if (this.memo.has(name)) return this.memo.get(name);
    const value = this.compute(name);
    this.memo.set(name, value);
    return value;
  }

  private compute(name: string): string | undefined {
    const { info } = this;
    const { groups, text } = info;
    if (name in this.extra) return this.extra[name];
    // The "should have" rule reads its participle in its own way.
    if (info.rule.id === 'should-have' && SHOULD_HAVE_SLOTS.has(name)) {
      this.shouldHave ??= shouldHaveSlots(info);
      return this.shouldHave[name];
    }
    if (VERB_SLOTS.has(name)) {
      this.verb ??= verbSlots(info);
      return this.verb.slots[name];
    }
    switch (name) {
      case 'day': {
        const day = DAYS.exec(text.slice(info.start, info.sentence.end))?.[1];
        return day ? day.charAt(0).toUpperCase() + day.slice(1).toLowerCase() : undefined;
      }
      case 'subject': {
        const subject = info.subject;
        if (subject?.start == null || subject.end == null || subject.inherited) return undefined;
        const said = text.slice(subject.start, subject.end);
        return /^(?:i|we|you|he|she|they|it|someone|somebody|everyone)$/i.test(said) ? undefined : lowerFirst(said);
      }
      case 'thing': {
        const thing = groups['thing']?.trim();
        return thing && !/^(?:it|things|we|this|that)$/i.test(thing) ? thing : undefined;
      }
      case 'err':
        return groups['err']?.toLowerCase().replace(/(?<!s)s$/, '');
      case 'quote':
        return groups['quote'];
      case 'when': {
        const when = /\b(?:when|while|before|during|after)\s+[^,;.?!]+/i.exec(text.slice(info.end, info.sentence.end));
        return when ? ` ${when[0].trim()}` : undefined;
      }
      case 'decision':
        return decision(info);
      case 'passiveSubject':
      case 'thingBefore':
        return clauseSubject(info);
      case 'passiveGerund': {
        const verb2 = verbForms(groups['verb2']);
        const subject = this.get('passiveSubject');
        return verb2 && subject ? `${verb2.ing} ${subject}` : undefined;
      }
      case 'topic': {
        const topic = objectAfter(text, info.tokens, info.end);
        return topic && ['with', 'about', 'around', 'in', 'of'].includes(topic.prep) ? topic.text : undefined;
      }
      default:
        return undefined;
    }
  }
}
