/**
 * Rules about judging: hindsight, outcome bias and normalised risk. Same shape as the
 * rules in rules.ts.
 */
import { pattern, type PhrasingRule } from './ruleTypes';

const KNOWN_THEN = 'What was known at that point, and what made the other choice look reasonable then?';

const HINDSIGHT: PhrasingRule[] = [
  {
    id: 'hindsight-phrase',
    category: 'hindsight',
    triggers: 'hindsight retrospect looking',
    message: '"In hindsight"',
    pattern: pattern(
      String.raw`\b(?:in\s+hindsight|with\s+(?:the\s+benefit\s+of\s+)?hindsight|in\s+retrospect|hindsight\s+is\s+(?:20\/20|twenty-twenty)|looking\s+back(?!\s+(?:at|over|through|on|in)\b))\b`,
    ),
    reframes: [KNOWN_THEN, 'Describe what the people involved knew at each point, not what we know now.'],
  },
  {
    id: 'should-have',
    category: 'hindsight',
    triggers: 'should shouldn ought could',
    message: '"Should have": judged with hindsight',
    pattern: pattern(
      String.raw`\b(?<modal>should|shouldn['’]t|should\s+not|ought\s+to|could)\s+have\s+(?:(?:[a-z]+ly|just|simply|at\s+least|also)\s+)?(?<pp>been(?:\s+[a-z-]+)?|[a-z-]+)`,
    ),
    checks: ['participle'],
    reframes: [
      'What would have prompted {byGerund} at the time?',
      'What signals showed, at the time, {thatClause}?',
      'What would have made {perceived} visible at the time?',
      'What would it have taken for {passiveSubject} to be {passivePp}{rest?}?',
      'What would have prompted {gerund} at the time?',
      KNOWN_THEN,
    ],
  },
  {
    id: 'obvious',
    category: 'hindsight',
    triggers: 'obvious obviously evident clear',
    message: '"It was obvious"',
    pattern: pattern(
      String.raw`\b(?:it|this|that|which)\s+(?:was|is|seemed|seems|looked|became)\s+(?:so\s+|very\s+|quite\s+|pretty\s+|really\s+|painfully\s+|blindingly\s+|fairly\s+)?(?:obvious|self-evident)\b|\bobviously\s*,?\s+(?:we|they|he|she|you|i|the\s+\w+|someone|nobody)\b|\b(?:should\s+have\s+been|was|were)\s+(?:clear|obvious)\s+to\s+(?:everyone|anyone|all)\b`,
    ),
    reframes: [
      'What did the people involved see at the time, and what made this easy to miss?',
      'Describe what was known at each point, not what is clear now.',
    ],
  },
  {
    id: 'wrongly-assumed',
    category: 'hindsight',
    triggers: 'wrongly errantly mistakenly falsely incorrectly naively foolishly blindly',
    message: 'An assumption called wrong after the fact',
    pattern: pattern(
      String.raw`\b(?:wrongly|errantly|mistakenly|falsely|incorrectly|naively|foolishly|blindly)\s+(?<verb>assum\w*|think\w*|thought|believ\w*|expect\w*|presum\w*|trust\w*)`,
    ),
    verb: 'group',
    reframes: [
      'What made it reasonable at the time to {action}?',
      'What information pointed that way when the assumption was made?',
    ],
  },
  {
    id: 'just-because',
    category: 'hindsight',
    triggers: 'because',
    message: 'A lesson lectured after the fact',
    pattern: pattern(
      String.raw`\bjust\s+because\b[^.?!]{1,100}?\b(?:doesn['’]t|does\s+not|don['’]t|do\s+not|isn['’]t|is\s+not)\s+mean\b`,
    ),
    reframes: [
      'What check would have shown the gap, and why was it not part of the process?',
      'What did the process tell people to rely on here?',
    ],
  },
  {
    id: 'instead-of',
    category: 'hindsight',
    triggers: 'instead',
    message: 'The better option, known now',
    pattern: pattern(
      String.raw`\binstead\s+of\s+(?<verb>[a-z]+ing)\b[^,;]{0,60},\s*(?<subject>someone|somebody|he|she|they|we|you|the\s+[\w-]+|an?\s+[\w-]+)\s+(?!was\b|were\b|is\b)[a-z]+`,
    ),
    subject: 'person',
    verb: 'group',
    reframes: ['What made {gerund} look unnecessary at the time?', KNOWN_THEN],
  },
  {
    id: 'if-they-had',
    category: 'hindsight',
    triggers: 'had',
    message: 'A counterfactual about a person',
    pattern: pattern(
      String.raw`\b(?:if\s+(?<subject>we|they|he|she|you|i|someone|somebody|the\s+[\w-]+(?:\s+[\w-]+)?|[a-z]+)\s+had|had\s+(?<subject2>we|they|he|she|you|someone|the\s+[\w-]+))\s+(?:(?:just|only|simply|actually|not)\s+)*(?<verb>[a-z]+ed|known|seen|done|run|taken|caught|written|gone|read|built)\b`,
    ),
    subject: 'person',
    verb: 'group',
    reframes: ['What would have prompted {gerund} at the time?', KNOWN_THEN],
  },
  {
    id: 'any-competent',
    category: 'hindsight',
    triggers: 'would better',
    message: '"Any competent engineer would have"',
    pattern: pattern(
      String.raw`\b(?:any|a)\s+(?:reasonable|competent|good|experienced|careful|decent|half-decent|seasoned|senior|sensible|attentive)\s+(?:engineer|developer|operator|person|admin|sre|reviewer|dba|programmer)\s+would(?:\s+not|n['’]t)?\s+have\b|\b(?:should|ought\s+to)\s+(?:have\s+)?know(?:n)?\s+better\b`,
    ),
    reframes: ['What did the people involved see at the time, and what made it easy to miss?', KNOWN_THEN],
  },
  {
    id: 'signs-were-there',
    category: 'hindsight',
    triggers: 'signs flags writing',
    message: '"The signs were there"',
    pattern: pattern(
      String.raw`\b(?:(?:warning\s+)?signs|red\s+flags|writing)\s+(?:were|was)\s+(?:all\s+)?(?:there|on\s+the\s+wall|ignored|missed|obvious)\b`,
    ),
    reframes: ['Which of these signals were visible to responders at the time, and where?', KNOWN_THEN],
  },
];

const DECIDED = [
  'What was known about the risk of {decision} when that choice was made?',
  'What information was available when that decision was made?',
  'What made this look like the right call at the time?',
];

const OUTCOME: PhrasingRule[] = [
  {
    id: 'bad-decision',
    category: 'outcome-bias',
    triggers:
      'decision decisions call calls choice choices judgment judgement judgments judgements idea ideas move moves gamble gambles',
    message: 'A decision judged by its outcome',
    pattern: pattern(
      String.raw`\b(?:bad|poor|wrong|terrible|awful|dangerous|risky|reckless|questionable|careless|foolish|unwise|hasty|rash|stupid|dumb|misguided|ill-advised|ill-considered|ill-judged|irresponsible|lousy|horrible|silly|naive|naïve)\s+(?:decisions?|calls?|choices?|judg(?:e)?ments?|ideas?|moves?|gambles?)\b`,
    ),
    checks: ['not-negated'],
    reframes: DECIDED,
  },
  {
    id: 'inadvisable',
    category: 'outcome-bias',
    triggers: 'inadvisable ill unwise imprudent mistake poor judgment judgement',
    message: 'A decision called unwise after the fact',
    pattern: pattern(
      String.raw`\b(?:was|is|were|are|seems?|seemed|looks?|looked|be|proved|turned\s+out\s+to\s+be)\s+(?:[a-z]+ly\s+|in\s+hindsight\s+)?(?:inadvisable|ill-advised|unwise|imprudent|a\s+mistake(?!\s+(?:in|on|at|within|of)\b)|a\s+poor\s+choice)\b|\b(?:an?\s+)?(?:error|lapse)\s+(?:of|in)\s+judg(?:e)?ment\b|\b(?:poor|bad)\s+judg(?:e)?ment\b`,
    ),
    checks: ['not-negated'],
    reframes: DECIDED,
  },
  {
    id: 'misjudged',
    category: 'outcome-bias',
    triggers: 'misjudged miscalculated misread',
    message: 'A person "misjudged"',
    pattern: pattern(String.raw`\b(?:misjudged|miscalculated|misread)\b`),
    subject: 'person',
    inherit: true,
    checks: ['not-negated', 'not-passive'],
    wide: true,
    reframes: [
      'What information about {object} was available when the call was made?',
      'What information was available when that decision was made?',
    ],
  },
  {
    id: 'judged-work',
    category: 'outcome-bias',
    triggers: 'inadequately insufficiently poorly badly hastily carelessly sloppily improperly half lazily',
    message: 'Work judged by its outcome',
    pattern: pattern(
      String.raw`\b(?:inadequately|insufficiently|poorly|badly|hastily|carelessly|sloppily|improperly|half-heartedly|lazily)\s+(?:reviewed|tested|checked|planned|executed|thought[- ]out|considered|vetted|handled|rolled\s+out|implemented|written|coded)\b`,
    ),
    checks: ['not-negated'],
    reframes: [
      'What did the process ask for at this step, and what would have made it enough?',
      'What did the people doing this step know about the risk at the time?',
    ],
  },
  {
    id: 'scare-quoted-judgement',
    category: 'outcome-bias',
    triggers: 'deemed judged considered thought declared called',
    message: 'A judgement held up in scare quotes',
    pattern: pattern(
      String.raw`\b(?:deemed|judged|considered|thought|declared|called)\s+(?:to\s+be\s+|it\s+)?(?<quote>["“'‘][^"”'’]{1,40}["”'’])\s+by\s+(?:the|a|an|our|their|one)\s+(?<subject>[\w-]+)`,
    ),
    subject: 'person',
    reframes: [
      'What was known when this was judged {quote}, and what would have changed that judgement?',
      ...DECIDED.slice(1),
    ],
  },
  {
    id: 'chose-badly',
    category: 'outcome-bias',
    triggers: 'badly poorly wrongly rashly hastily recklessly unwisely foolishly',
    message: 'A choice called bad after the fact',
    pattern: pattern(
      String.raw`\b(?:chose|decided|acted|reacted|judged|responded)\s+(?:badly|poorly|wrongly|rashly|hastily|recklessly|unwisely|foolishly)\b`,
    ),
    reframes: DECIDED.slice(1),
  },
];

const ACCEPTED_RISK = 'Which risk were we accepting each time this worked, and should we revisit that decision?';

const NORMALIZATION: PhrasingRule[] = [
  {
    id: 'done-before',
    category: 'normalization',
    triggers: 'before times every years months ages',
    message: '"We\'ve done this before"',
    pattern: pattern(
      String.raw`\b(?:we|they|i|it|this|everyone)(?:['’]ve|['’]s|\s+have|\s+has)?(?:\s+been)?\s+(?:(?:always|all|successfully)\s+)?(?:done|did|run|ran|deployed|shipped|used|seen|applied|performed|had)\s+(?:this|that|it|these|those|the\s+same)(?:\s+[\w-]+){0,2}?\s+(?:before|many\s+times|dozens\s+of\s+times|hundreds\s+of\s+times|a\s+(?:hundred|thousand)\s+times|countless\s+times|plenty\s+of\s+times|every\s+(?:day|week|time|release)|for\s+(?:years|months|ages))\b`,
    ),
    reframes: [ACCEPTED_RISK, 'What was different this time, and what would have shown it?'],
  },
  {
    id: 'always-fine',
    category: 'normalization',
    triggers: 'always never worked away',
    message: '"It was always fine"',
    pattern: pattern(
      String.raw`\b(?:it|this|that|which)(?:['’]s|\s+has|\s+had|\s+was|\s+is)?\s+(?:always|never)\s+(?:been\s+)?(?:fine|worked|ok|okay|an?\s+(?:problem|issue)|caused\s+(?:any\s+|us\s+)?(?:problems|issues|trouble))\b|\b(?:was|were|has\s+been|have\s+been|is)\s+always\s+fine\b|\bnever\s+(?:been|caused|had|given\s+us)\s+(?:an?\s+|any\s+)?(?:problems?|issues?|trouble)\b|\bworked\s+fine\s+(?:every\s+time|for\s+(?:years|months)|before|until\s+now)\b|\bgot\s+away\s+with\s+it\b`,
    ),
    checks: ['not-explained'],
    reframes: [ACCEPTED_RISK, 'What was different this time, and what would have shown it?'],
  },
  {
    id: 'just-how-it-works',
    category: 'normalization',
    triggers: 'just always simply how way',
    message: '"That\'s just how it works"',
    pattern: pattern(
      String.raw`\b(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:just|always|simply)\s+(?:how|the\s+way)\s+(?<thing>[\w\s-]{1,40}?)\s+(?:works?|is|are|goes|behaves|runs|do(?:es)?)\b|\bthat['’]s\s+(?:the\s+way|how)\s+it\s+(?:is|goes)\b|\b(?:it['’]s|that['’]s|this\s+is|it\s+is)\s+how\s+things\s+are\s+done\b|\bthat['’]s\s+how\s+(?:it['’]s|it\s+has)\s+always\s+been\b`,
    ),
    reframes: [
      'What would it take to change how {thing} works, and what risk do we accept until then?',
      'Is this behaviour a risk we have accepted, and who decided that, when?',
    ],
  },
  {
    id: 'we-always',
    category: 'normalization',
    triggers: 'always just usually normally routinely typically',
    message: 'A risky habit described as normal',
    pattern: pattern(
      String.raw`\b(?:we|they|everyone|everybody|people|the\s+team)\s+(?:always|just|usually|normally|routinely|typically)\s+(?:(?<verb>skip|ignore|bypass|override|leave|rerun|re-run|restart|disable|silence|mute|snooze|force-push|work\s+around)\b|(?<verb2>run|deploy|push|ship|merge)\s+(?:[\w-]+\s+){0,3}?(?:with|at|without|straight|directly)\b)`,
    ),
    verb: 'group',
    reframes: ['When did we accept the risk of {gerund}, and does that decision still hold?', ACCEPTED_RISK],
  },
  {
    id: 'all-the-time',
    category: 'normalization',
    triggers:
      'time constantly months weeks years ages ignores ignore ignored mutes mute muted silences silence silenced',
    message: 'A known failure treated as normal',
    pattern: pattern(
      String.raw`\b(?:happens|fires|fired|flaps|flapped|fails|failed|breaks|broke|flakes|flaked|goes\s+off|went\s+off|times\s+out|timed\s+out|pages)\s+(?:all\s+the\s+time|constantly)\b|\bhas\s+(?:been\s+)?(?:failing|failed|flaking|flaked|flapping|flapped|firing|fired|flaky|red|broken)\s+for\s+(?:months|weeks|years|ages)\b|\b(?:everyone|everybody|we\s+all|people)\s+(?:ignores?|ignored|mutes?|muted|silences?|silenced)\s+(?:it|them|that|those|this)\b`,
    ),
    reframes: [
      'What would it take to make {thingBefore} trustworthy again, and which risk are we accepting until then?',
      ACCEPTED_RISK,
    ],
  },
  {
    id: 'everyone-does-it',
    category: 'normalization',
    triggers: 'everyone everybody teams every',
    message: '"Everyone does it"',
    pattern: pattern(
      String.raw`\b(?:everyone|everybody|all\s+the\s+teams|every\s+team|other\s+teams)\s+(?:does|do|did)\s+(?:it|this|that)\b|\b(?:everyone|everybody)\s+(?:deploys|ships|pushes|skips|merges|ignores)\b`,
    ),
    reframes: [ACCEPTED_RISK, 'Is this practice a risk we have accepted, and who decided that, when?'],
  },
];

export const JUDGEMENT_RULES: readonly PhrasingRule[] = [...HINDSIGHT, ...OUTCOME, ...NORMALIZATION];
