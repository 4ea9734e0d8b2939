/**
 * The rulebook: what blameful phrasing looks like, when it is really about a person,
 * and how to say it instead. This file holds the rules on human error and on a person
 * failing to act, and gathers the rest: rulesMind.ts (interpretation, character),
 * rulesJudgement.ts (hindsight, outcome bias, normalised risk) and rulesQuestions.ts
 * (who/why-you questions, vague actions).
 */
import { JUDGEMENT_RULES } from './rulesJudgement';
import { MIND_RULES } from './rulesMind';
import { QUESTION_AND_ACTION_RULES } from './rulesQuestions';
import { ADVERBS, NOT, VERB, pattern, type PhrasingRule } from './ruleTypes';

const ERROR_NOUNS = String.raw`(?<err>mistakes?|errors?|typos?|blunders?|slips?|missteps?|goofs?|screw-?ups?)`;
const NOT_A_METRIC = String.raw`(?![- ](?:rates?|counts?|budgets?|messages?|codes?|handling|logs?|pages?|spikes?|ratios?|tolerance|-prone)\b)`;
const SAFEGUARD = [
  'What about the tools or process made this action easy to get wrong?',
  'Which safeguard would have caught this before it had an effect?',
];

const HUMAN_ERROR: PhrasingRule[] = [
  {
    id: 'human-error-term',
    category: 'human-error',
    triggers: 'error errors mistake mistakes failure failures fault',
    message: '"Human error" named as a cause',
    pattern: pattern(
      String.raw`\b(?:human|operator|user|pilot|engineer|developer|admin|administrator|manual|personnel|people|staff)[- ](?:error|errors|mistakes?|failures?|fault)\b`,
      NOT_A_METRIC,
    ),
    checks: ['not-negated', 'not-meta'],
    reframes: SAFEGUARD,
  },
  {
    id: 'human-error-slang',
    category: 'human-error',
    triggers:
      'fat fatfinger fatfingered fatfingering fatfingers pebkac pebcak id10t layer brain brainfart butter butterfingers rookie finger screwed messed effed fucked',
    message: 'Slang that blames a slip',
    pattern: pattern(
      String.raw`\b(?:fat[- ]?finger(?:ed|ing|s)?|pebkac|pebcak|id10t|layer[- ]8 (?:issue|problem|error)|brain[- ]?fart|butter[- ]?fingers|rookie (?:mistake|error)|finger trouble|(?:screwed|messed|effed|fucked) up)\b`,
    ),
    checks: ['not-negated'],
    reframes: SAFEGUARD,
  },
  {
    id: 'made-a-mistake',
    category: 'human-error',
    triggers: 'made making makes',
    message: 'A person "made a mistake"',
    pattern: pattern(
      String.raw`\b(?:made|making|makes)\s+(?:(?:a|an|the|one|two|several|some|this|that|another|a few|multiple)\s+)?(?:[\w-]+\s+)?`,
      ERROR_NOUNS,
      String.raw`\b`,
    ),
    subject: 'person',
    inherit: true,
    checks: ['not-negated'],
    wide: true,
    reframes: [
      'What would have caught the {err} {errContext?} before it took effect?',
      'What about the tools or process made this {err} easy to make?',
    ],
  },
  {
    id: 'possessive-mistake',
    category: 'human-error',
    triggers:
      'mistake mistakes error errors typo typos blunder blunders slip slips misstep missteps goof goofs screwup screwups screw',
    message: "A person's mistake",
    pattern: pattern(
      String.raw`\b(?:his|her|their|my|your|our)\s+(?:own\s+)?(?:[\w-]+\s+)?`,
      ERROR_NOUNS,
      String.raw`\b`,
      NOT_A_METRIC,
    ),
    checks: ['not-negated'],
    reframes: ['What would have caught the {err} before it took effect?', ...SAFEGUARD],
  },
  {
    id: 'fault-of-person',
    category: 'human-error',
    triggers: 'fault blame blamed blaming',
    message: 'Fault placed on a person',
    pattern: pattern(
      String.raw`\b(?<subject>[a-z-]+)['’]s\s+fault\b|\b(?:his|her|their|your|my)\s+fault\b|\bblame\s+(?:lies|rests|falls)\s+(?:with|on)\b|\b(?:blame|blamed|blaming)\s+(?:it\s+on\s+)?(?:him|her|them|the\s+(?:engineer|developer|operator|admin|on-?call(?:er)?|reviewer|author|intern|user)s?)\b`,
    ),
    checks: ['not-negated'],
    reframes: ['Which conditions made this possible, and what would guard against them?', ...SAFEGUARD],
  },
  {
    id: 'person-to-blame',
    category: 'human-error',
    triggers: 'blame fault responsible accountable',
    message: 'A person "to blame" or "at fault"',
    pattern: pattern(
      String.raw`\b(?:is|was|are|were|be)\s+(?:(?:entirely|partly|solely|clearly|ultimately)\s+)?(?:to\s+blame|at\s+fault|(?:responsible|accountable)\s+for\s+(?:the|this|that)\s+(?:outage|incident|failure|downtime|breakage|mess))\b`,
    ),
    subject: 'not-system',
    checks: ['not-negated'],
    wide: true,
    reframes: ['Which conditions made this possible, and what would guard against them?', ...SAFEGUARD],
  },
  {
    id: 'accident-adverb',
    category: 'human-error',
    triggers: 'accidentally accidently mistakenly inadvertently erroneously errantly unintentionally carelessly',
    message: 'A person "accidentally" did harm',
    pattern: pattern(
      String.raw`\b(?:accidentally|accidently|mistakenly|inadvertently|erroneously|errantly|unintentionally|carelessly)\s+`,
      VERB,
    ),
    subject: 'not-system',
    inherit: false,
    checks: ['not-passive', 'harm', 'not-hypothetical'],
    verb: 'group',
    wide: true,
    reframes: [
      'What would have made {gerund} impossible, or easy to undo?',
      'Which safeguards were missing when {objectWas} {pp}?',
      ...SAFEGUARD,
    ],
  },
  {
    id: 'accident-phrase',
    category: 'human-error',
    triggers: 'accident mistake error',
    message: 'A person did harm "by mistake"',
    pattern: pattern(String.raw`\b(?:by\s+accident|by\s+mistake|in\s+error)\b`),
    subject: 'not-system',
    sentenceSubject: true,
    checks: ['not-passive', 'harm', 'not-hypothetical'],
    verb: 'before',
    wide: true,
    reframes: [
      'What would have made {gerund} impossible, or easy to undo?',
      'Which safeguards were missing when {objectWas} {pp}?',
      ...SAFEGUARD,
    ],
  },
  {
    id: 'wrong-target',
    category: 'human-error',
    triggers: 'wrong',
    message: 'A person acted on "the wrong" thing',
    pattern: pattern(
      String.raw`\b(?<verb>deleted|removed|wiped|dropped|ran|executed|applied|pushed|deployed|rebooted|restarted|killed|terminated|destroyed|edited|changed|modified|updated|truncated|reverted|restored|stopped|targeted|picked|chose|selected|typed|entered|opened|logged into|connected to)\s+(?:[\w-]+\s+){0,4}?(?:(?:on|in|against|to|into|from)\s+)?the\s+wrong\s+(?<thing>[\w-]+(?:\s+(?!and\b|but\b|while\b|when\b|because\b|after\b|before\b|at\b|on\b|in\b|by\b)[\w-]+)?)`,
    ),
    subject: 'person',
    inherit: true,
    wide: true,
    reframes: [
      'What made the wrong {thing} look like the right one at the time?',
      'How did the tools show which {thing} was the target?',
    ],
  },
  {
    id: 'faulty-work-by-person',
    category: 'human-error',
    triggers: 'faulty bad broken buggy incorrect wrong erroneous mistaken bogus',
    message: 'Faulty work pinned on a person',
    pattern: pattern(
      String.raw`\b(?<verb>deployed|pushed|shipped|wrote|merged|introduced|committed|entered|typed|issued|ran|applied|submitted)\s+(?:some\s+|a\s+|an\s+|the\s+)?(?:faulty|bad|broken|buggy|incorrect|wrong|erroneous|mistaken|bogus)\s+[\w-]+|\b(?:faulty|bad|broken|buggy|incorrect|wrong|erroneous|mistaken|bogus)\s+[\w-]+\s+(?:entered|typed|issued|run|executed|made|pushed|deployed|written|applied|merged|committed)\s+by\s+(?<subject>(?:a|an|the|one|our|their)\s+(?:[\w-]+\s+){0,2}[\w-]+)`,
    ),
    subject: 'person',
    inherit: true,
    wide: true,
    reframes: ['What would have caught this before it reached production?', ...SAFEGUARD],
  },
  {
    id: 'humans-as-cause',
    category: 'human-error',
    triggers: 'people humans human operators users weakest',
    message: 'People named as the weak part',
    pattern: pattern(
      String.raw`\b(?:people|humans|the\s+human(?:\s+(?:element|factor|involvement|side))?|operators|users)\s+(?:are|is|was|were|remain|remains)\s+(?:(?:the|a|always\s+the)\s+)?(?:(?:root|main|primary|real|biggest|usual)\s+)?(?:cause|causes|problem|weakest\s+link|weak\s+link|culprit)\b|\b(?:unreliable|weakest|weak)\s+(?:part|link)\s+(?:of\s+the\s+\w+\s+)?(?:was|is)\s+(?:the\s+)?(?:human|people|operator|user)s?\b`,
    ),
    checks: ['not-negated'],
    reframes: ['What about the tools or process made a normal human slip this costly?', ...SAFEGUARD.slice(1)],
  },
  {
    id: 'confused-which',
    category: 'human-error',
    triggers: 'confused mixed misidentified mistook',
    message: 'A person "confused" one thing for another',
    pattern: pattern(String.raw`\b(?:confused|mixed\s+up|misidentified|mistook)\s+which\s+(?<thing>[\w-]+)`),
    subject: 'person',
    inherit: true,
    reframes: ['What made it hard to tell which {thing} was which at the time?', ...SAFEGUARD],
  },
  {
    id: 'done-incorrectly',
    category: 'human-error',
    triggers: 'incorrectly wrongly improperly badly wrong poorly',
    message: 'A manual step "done incorrectly"',
    pattern: pattern(
      String.raw`\b(?:was|were|been|got)\s+(?:done|performed|carried\s+out|executed|handled|entered|typed|applied)\s+(?:incorrectly|wrongly|improperly|badly|wrong|poorly)\b`,
    ),
    reframes: [
      'What made this step easy to get wrong, and what would have caught it?',
      'Which part of this step could the tooling do or check instead?',
    ],
  },
  {
    id: 'botched',
    category: 'human-error',
    triggers: 'botched bungled fumbled mistyped mis misconfigured misapplied',
    message: 'A person "botched" a step',
    pattern: pattern(
      String.raw`\b(?:botched|bungled|fumbled|mistyped|mis-typed|misconfigured|mis-configured|misapplied)\b`,
    ),
    subject: 'person',
    inherit: true,
    wide: true,
    reframes: SAFEGUARD,
  },
  {
    id: 'person-caused',
    category: 'human-error',
    triggers:
      'caused triggered broke brought took knocked rebooted deleted wiped destroyed dropped removed erased killed',
    message: 'A person named as the cause',
    pattern: pattern(
      String.raw`\b(?:caused|triggered)\s+(?:the|this|an|that)\s+(?:outage|incident|downtime|breakage|sev-?\d)\b(?!\s+(?:protocol|process|response|channel|call|review|bridge|room|doc|document|management|procedure|playbook|runbook)\b)|\b(?:broke|brought\s+down|took\s+down|knocked\s+(?:over|out))\s+(?:prod|production|the\s+(?:site|build|cluster|database|service|api|app|data\s?cent(?:er|re)))\b|\b(?:issued|ran|executed|typed|entered|pushed|sent)\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:command|query|script|change)\s+(?:that|which)\s+(?:[\w-]+\s+)?(?:rebooted|deleted|wiped|destroyed|dropped|removed|took\s+down|brought\s+down|broke|erased|killed)\b`,
    ),
    subject: 'person',
    wide: true,
    reframes: ['Which conditions let this action have that effect, and what would have contained it?', ...SAFEGUARD],
  },
];

const PROMPT = [
  'What in the process would have {prompt}?',
  'What would have made {gerund} a required step rather than something to remember?',
  '{objectWas} not {pp}.',
];

const PERSON_FAILED: PhrasingRule[] = [
  {
    id: 'forgot',
    category: 'person-failed',
    triggers: 'forgot forgotten forget forgets forgetting',
    message: 'A person "forgot"',
    pattern: pattern(
      String.raw`\b(?:forgot|forgotten|forget|forgets|forgetting)\b(?!\s+nothing\b)(?:\s+(?:to|about)\s+`,
      ADVERBS,
      VERB,
      ')?',
    ),
    subject: 'not-system',
    inherit: true,
    checks: ['not-negated', 'not-conditional', 'not-passive'],
    verb: 'group',
    wide: true,
    reframes: [...PROMPT, 'What would have reminded people of this at the right moment?'],
  },
  {
    id: 'neglected-to',
    category: 'person-failed',
    triggers: 'neglected neglects omitted failed fails fail',
    message: 'A person "neglected" or "failed" to act',
    pattern: pattern(String.raw`\b(?:neglected|neglects|omitted|failed|fails|fail)\s+to\s+`, ADVERBS, VERB),
    subject: 'person-or-diligence',
    inherit: true,
    checks: ['not-negated', 'not-conditional'],
    verb: 'group',
    wide: true,
    reframes: PROMPT,
  },
  {
    id: 'did-not',
    category: 'person-failed',
    triggers: 'not didn doesn don isn aren wasn weren hasn haven hadn',
    message: 'A person "didn\'t" do a check',
    pattern: pattern(String.raw`\b(?:did|do|does|is|are|was|were|has|have|had)`, NOT, String.raw`\s+`, ADVERBS, VERB),
    subject: 'person',
    inherit: true,
    excludeSubjects: ['you'],
    checks: ['diligence-verb', 'not-conditional'],
    verb: 'group',
    wide: true,
    reframes: PROMPT,
  },
  {
    id: 'never-did',
    category: 'person-failed',
    triggers: 'never',
    message: 'A person "never" did a check',
    pattern: pattern(String.raw`\bnever\s+`, VERB),
    subject: 'person',
    inherit: true,
    checks: ['diligence-verb', 'not-passive', 'not-conditional'],
    verb: 'group',
    wide: true,
    reframes: PROMPT,
  },
  {
    id: 'missed',
    category: 'person-failed',
    triggers: 'ignored ignores missed misses overlooked overlooks disregarded disregards',
    message: 'A person "ignored" or "missed" something',
    pattern: pattern(
      String.raw`\b(?<verb>ignored|ignores|missed|misses|overlooked|overlooks|disregarded|disregards)\b`,
      String.raw`(?!\s+(?:(?:our|the|its|their|a|an|this|that)\s+)?(?:slos?|slas?|targets?|deadlines?|window|goals?|budgets?|estimates?|numbers?|quarter|forecast|nothing)\b)`,
    ),
    subject: 'person',
    inherit: true,
    checks: ['not-negated', 'not-conditional', 'not-passive', 'not-adjectival', 'not-hypothetical'],
    wide: true,
    reframes: ['What made {object} easy to miss at the time?', 'What else was competing for attention at that moment?'],
  },
  {
    id: 'skipped',
    category: 'person-failed',
    triggers: 'skipped skips bypassed bypasses omitted omits',
    message: 'A person "skipped" a step',
    pattern: pattern(String.raw`\b(?<verb>skipped|skips|bypassed|bypasses|omitted|omits)\b`),
    subject: 'person',
    inherit: true,
    checks: ['not-negated', 'not-conditional', 'not-passive', 'not-adjectival'],
    wide: true,
    reframes: [
      'What made skipping {object} look reasonable at the time?',
      'What would have made {object} impossible to skip?',
    ],
  },
  {
    id: 'passive-omission',
    category: 'person-failed',
    triggers: 'overlooked missed ignored neglected forgotten disregarded never',
    message: 'Something "was overlooked"',
    pattern: pattern(
      String.raw`\b(?:was|were|got|been|is|are)\s+(?:(?:completely|simply|just|totally|entirely)\s+)?(?<verb>overlooked|missed|ignored|neglected|forgotten|disregarded)\b|\b(?:was|were|been)\s+never\s+(?<verb2>tested|reviewed|checked|verified|validated|double-checked)\b`,
    ),
    checks: ['not-negated', 'not-explained', 'not-hypothetical'],
    reframes: [
      'What made {passiveSubject} easy to miss at the time?',
      'What in the process would have prompted {passiveGerund} before it shipped?',
      'What made this easy to miss at the time, and what would have surfaced it?',
    ],
  },
  {
    id: 'nothing-done',
    category: 'person-failed',
    triggers: 'nothing action anything thing bothered acted responded replied reacted answered followed sat',
    message: 'Nobody acted',
    pattern: pattern(
      String.raw`\b(?:nothing\s+was\s+done|no\s+action\s+was\s+taken|no(?:body|\s+one)\s+(?:did|does)\s+(?:anything|a\s+thing)|no(?:body|\s+one)(?:\s+(?:on|from|in|at)\s+(?:the\s+)?[\w-]+(?:\s+team)?)?\s+(?:bothered|acted|responded|replied|reacted|answered|followed\s+up)|sat\s+on\s+(?:it|the\s+\w+))\b`,
    ),
    checks: ['not-explained'],
    reframes: [
      'What was happening during that time, and what was waiting on whom?',
      'What would have made the next step and its owner clear at that point?',
    ],
  },
  {
    id: 'without-checking',
    category: 'person-failed',
    triggers: 'without',
    message: 'A person acted "without checking"',
    pattern: pattern(
      String.raw`\bwithout\s+(?:(?:first|even|properly|actually|really|ever)\s+)?(?<verb>checking|double-checking|testing|verifying|reviewing|asking|consulting|confirming|reading|notifying|telling|informing|validating|looking|waiting|talking|running)\b`,
    ),
    subject: 'person',
    inherit: true,
    checks: ['not-conditional', 'not-modal'],
    verb: 'group',
    reframes: [
      'What in the process would have prompted {gerund} first?',
      'What would have made {gerund} a required step before going ahead?',
    ],
  },
];

/** Every built-in rule, in no particular order (overlaps are settled by priority). */
export const PHRASING_RULES: readonly PhrasingRule[] = [
  ...HUMAN_ERROR,
  ...PERSON_FAILED,
  ...MIND_RULES,
  ...JUDGEMENT_RULES,
  ...QUESTION_AND_ACTION_RULES,
];
