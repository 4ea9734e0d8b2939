/**
 * Rules about how things are asked and promised: who- and why-you questions, and
 * action items too vague to verify ("be more careful", "improve monitoring").
 */
import { VERB, pattern, type PhrasingRule } from './ruleTypes';

const QUESTION_START = String.raw`(?:^[^a-z0-9]*|[,;:]\s*|\b(?:so|but|and|ok|okay|also|then|now|anyway)\s+|\b(?:know|find\s+out|figure\s+out|ask|asked|determine|establish|identify|wondering|wonder|tell\s+me)\s+)`;

const WHO_QUESTIONS: PhrasingRule[] = [
  {
    id: 'who-did-it',
    category: 'who-question',
    triggers: 'who whose',
    message: 'A who-question',
    pattern: pattern(
      QUESTION_START,
      String.raw`(?:who|whose)\b(?!\s+(?:is|was|will|would|can|could|should|might|may|wants?|owns|knows|needs)\b)(?:\s+(?:just|actually|even|ever|first))?\s+(?<verb>[a-z]+(?:-[a-z]+)?)`,
    ),
    checks: ['question'],
    verb: 'group',
    wide: true,
    reframes: [
      'How did {objectNP} get {pp}, and what did the process check along the way?',
      'What made {decision} look like the right step at the time?',
      'What did the process require before this could happen?',
    ],
  },
  {
    id: 'who-is-to-blame',
    category: 'who-question',
    triggers: 'who',
    message: 'A who-question',
    pattern: pattern(
      QUESTION_START,
      String.raw`who\s+(?:is|was)\s+(?:responsible|to\s+blame|at\s+fault|accountable)\b`,
    ),
    checks: ['question'],
    reframes: ['Which conditions made this possible, and what would guard against them?'],
  },
  {
    id: 'why-did-you',
    category: 'who-question',
    triggers: 'why',
    message: 'A why-you question',
    pattern: pattern(
      String.raw`(?:^[^a-z0-9]*|[,;:]\s*|\b(?:so|but|and|ok|okay|then|also)\s+)why\s+(?<aux>did|didn['’]t|would|wouldn['’]t|were|weren['’]t|was|wasn['’]t|do|don['’]t|does|doesn['’]t|had|hadn['’]t|has|hasn['’]t|couldn['’]t|could|on\s+earth\s+did)\s+(?<subject>you|he|she|they|anyone|anybody|nobody|someone|somebody|(?:the|our|that|this|an?)\s+(?:[\w-]+\s+)?[\w-]+?|@?[a-z][\w-]*)\s+(?<neg>not\s+)?(?:(?:even|just|ever|actually|really)\s+)?`,
      VERB,
    ),
    subject: 'person',
    excludeSubjects: ['we', 'i', 'us'],
    checks: ['question'],
    verb: 'after-subject',
    wide: true,
    reframes: [
      'What did our {policyNoun} policy say about {day} {events} at the time?',
      'What would have prompted {missedGerund}{when?}?',
      'What made {gerund} look like the right step at the time?',
      'What did the situation look like at that point, and what did the process ask for?',
    ],
  },
  {
    id: 'how-could-you',
    category: 'who-question',
    triggers: 'how thinking',
    message: 'A how-could-you question',
    pattern: pattern(
      String.raw`\bhow\s+(?:could|can|would|did)\s+(?<subject>you|he|she|they|anyone|anybody|someone|(?:the|our|an?)\s+(?:[\w-]+\s+)?[\w-]+|@?[a-z][\w-]*)\s+(?:not|possibly|even|ever|just)\s+(?:(?:even|just)\s+)?`,
      VERB,
      String.raw`|\bwhat\s+(?:were|was)\s+(?:you|he|she|they)\s+thinking\b`,
    ),
    subject: 'person',
    verb: 'after-subject',
    wide: true,
    reframes: ['What made {object} easy to miss at that moment?', 'What was competing for attention at that moment?'],
  },
];

const VAGUE: PhrasingRule[] = [
  {
    id: 'be-more-careful',
    category: 'vague-action',
    triggers:
      'aware rigorous thorough attentive disciplined alert conscientious careful cautious vigilant diligent mindful care harder better attention rigour rigor discipline caution diligence double',
    message: '"Be more careful" is not an action',
    pattern: pattern(
      String.raw`\bbe\s+(?:(?:more|extra|much\s+more|a\s+lot\s+more|even\s+more)\s+)(?:aware|rigorous|thorough|attentive|disciplined|alert|conscientious|careful|cautious|vigilant|diligent|mindful)\b|\bbe\s+(?:careful|vigilant|cautious|mindful)\b|\btake\s+more\s+care\b|\btry\s+harder\b|\bdo\s+better\b|\bpay\s+(?:more|closer|better|extra)\s+attention\b|\bmore\s+(?:rigou?r|discipline|care|caution|diligence)\b|\bdouble[- ]check\b`,
    ),
    checks: ['action-statement'],
    reframes: [
      'What check or guard rail would make extra care unnecessary{when}?',
      'What check or guard rail around {topic} would make extra care unnecessary?',
      'What check or guard rail would make extra care unnecessary here?',
      'Add a specific safeguard{when?}, and say how we will know it works.',
    ],
  },
  {
    id: 'improve-monitoring',
    category: 'vague-action',
    triggers: 'monitoring alerting observability visibility alerts',
    message: '"Improve monitoring": which metric, what threshold?',
    pattern: pattern(
      String.raw`\b(?:improve|better|more|enhance|increase|add\s+more)\s+(?:(?:the|our|their)\s+)?(?:monitoring|alerting|observability|visibility|alerts)\b`,
    ),
    checks: ['action-statement'],
    reframes: [
      'Which metric, at what threshold, would have shown this sooner, and who should it page?',
      'Add an alert on <metric> above <threshold> that pages <team>.',
    ],
  },
  {
    id: 'improve-testing',
    category: 'vague-action',
    triggers: 'testing tests test',
    message: '"Improve testing": which test, of what?',
    pattern: pattern(
      String.raw`\b(?:improve|better|more|enhance|increase)\s+(?:(?:the|our|their)\s+)?(?:testing|tests|test\s+coverage)\b`,
    ),
    checks: ['action-statement'],
    reframes: [
      'Which test, of what, run where, would have caught this?',
      'Add a test that fails when <this happens>, run in <pipeline stage>.',
    ],
  },
  {
    id: 'train-people',
    category: 'vague-action',
    triggers: 'train educate remind tell training awareness',
    message: '"Train people" leaves the trap in place',
    pattern: pattern(
      String.raw`\b(?:train|educate|remind|tell)\s+(?:people|engineers|developers|staff|everyone|the\s+team|the\s+engineers|on-?call(?:ers)?|reviewers)\b(?:\s+(?:to|about|on)\s+`,
      VERB,
      String.raw`)?|\bmore\s+training\b|\braise\s+awareness\b`,
    ),
    checks: ['action-statement'],
    verb: 'group',
    reframes: [
      'What change to the tools would remove the need to {action}?',
      'Which step can the system do or check automatically instead?',
    ],
  },
  {
    id: 'improve-process',
    category: 'vague-action',
    triggers: 'process processes documentation docs communication communicate',
    message: '"Improve the process": which step?',
    pattern: pattern(
      String.raw`\b(?:improve|better)\s+(?:(?:the|our)\s+)?(?:process|processes|documentation|docs|communication)\b|\bcommunicate\s+better\b`,
    ),
    checks: ['action-statement'],
    reframes: ['Which step or page changes, and how will we know it worked?'],
  },
];

export const QUESTION_AND_ACTION_RULES: readonly PhrasingRule[] = [...WHO_QUESTIONS, ...VAGUE];
