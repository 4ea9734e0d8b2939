/**
 * Rules about what people were thinking or are like: interpretation stated as fact
 * ("the engineer panicked", "didn't bother to") and character labels ("careless").
 */
import { VERB, pattern, type PhrasingRule } from './ruleTypes';

/** People describing their own state of mind are reporting, not interpreting. */
const SELF = ['i', 'we'];

const INTERPRETATION: PhrasingRule[] = [
  {
    id: 'state-of-mind',
    category: 'interpretation',
    triggers:
      'panicked panicking panics freaked lost flustered nervous scared spooked rattled lazy complacent careless sloppy confused distracted overconfident panic hurry rush froze rushing rushed corners shortcut shortcuts attention care bothered',
    message: 'A guess at state of mind',
    pattern: pattern(
      String.raw`\b(?:panicked|panicking|panics|freaked\s+out|lost\s+(?:his|her|their|my)\s+(?:head|cool|nerve)|got\s+(?:flustered|nervous|scared|spooked|rattled|lazy|complacent|careless|sloppy|confused|distracted)|(?:was|were|seemed)\s+(?:flustered|rattled|spooked|confused|distracted|overconfident|in\s+a\s+(?:panic|hurry|rush))|froze\s+up|(?:was|were)\s+rushing|rushed\s+(?:it|through)|rushed\b(?=\s*(?:[.,;!?]|$|and\b|so\b|because\b))|cut\s+corners|took\s+(?:a\s+)?shortcuts?|(?:was|were)(?:n['’]t|\s+not)\s+paying\s+attention|(?:did|does)(?:n['’]t|\s+not)\s+pay\s+attention|(?:did|does)(?:n['’]t|\s+not)\s+(?:even\s+)?care|couldn['’]t\s+be\s+bothered|could\s+not\s+be\s+bothered)\b`,
    ),
    subject: 'person',
    inherit: true,
    excludeSubjects: SELF,
    wide: true,
    reframes: [
      'What was {subject} seeing at that point, and what did they do next?',
      'What did {watched} show at that point, and how visible was it?',
      'Describe what was seen and done at that point, and ask about the rest.',
    ],
  },
  {
    id: 'did-not-bother',
    category: 'interpretation',
    triggers: 'bother bothered even',
    message: '"Didn\'t bother": intent read into an omission',
    pattern: pattern(
      String.raw`\b(?:(?:did|does)(?:n['’]t|\s+not)\s+(?:even\s+)?bother(?:\s+to)?|(?:did|does)(?:n['’]t|\s+not)\s+even|never\s+even|bothered\s+to)\s+`,
      VERB,
    ),
    subject: 'not-system',
    inherit: true,
    excludeSubjects: SELF,
    verb: 'group',
    wide: true,
    reframes: [
      'Was {gerund} part of the documented steps, and what made it easy to skip?',
      'What in the process would have prompted {gerund}?',
    ],
  },
  {
    id: 'ignored-on-purpose',
    category: 'interpretation',
    triggers: 'ignore ignored disregard disregarded dismiss dismissed',
    message: 'Intent read into "ignored"',
    pattern: pattern(
      String.raw`\b(?:deliberately|knowingly|consciously|willfully|wilfully|intentionally|purposely|purposefully|blatantly|simply|just|chose\s+to|decided\s+to|opted\s+to)\s+(?<verb>ignored?|disregard(?:ed)?|dismiss(?:ed)?)\b`,
    ),
    subject: 'not-system',
    inherit: true,
    excludeSubjects: SELF,
    verb: 'group',
    wide: true,
    reframes: [
      'What made {object} look safe to ignore at the time?',
      'What else was competing for attention at that moment?',
    ],
  },
  {
    id: 'not-fully-aware',
    category: 'interpretation',
    triggers: 'aware sure certain familiar focused attentive careful clear understanding realising realizing',
    message: 'Awareness judged from outside',
    pattern: pattern(
      String.raw`\b(?:was|were|is|are|being)(?:n['’]t|\s+not)\s+(?:fully|entirely|completely|really|too|quite|sufficiently|very|particularly)\s+(?:aware|sure|certain|familiar|focused|attentive|careful|clear)\b|\bwithout\s+(?:being\s+)?(?:fully|entirely|completely|really|properly)\s+(?:aware|sure|understanding|realising|realizing)\b`,
    ),
    subject: 'not-system',
    inherit: true,
    excludeSubjects: SELF,
    reframes: [
      'What did the tools show about the current context at that moment?',
      'What would have made the current state impossible to miss?',
    ],
  },
  {
    id: 'despite-knowing',
    category: 'interpretation',
    triggers: 'despite',
    message: '"Despite being aware": disregard read into a decision',
    pattern: pattern(
      String.raw`\bdespite\s+(?:(?:being|having\s+been)\s+(?:\w+ly\s+)?(?:aware|warned|told|informed|notified|alerted|reminded|advised)|knowing|having\s+known|having\s+seen|(?:the|several|multiple|repeated|clear|explicit)\s+(?:warnings?|reminders?|objections?|advice|concerns))\b`,
    ),
    reframes: [
      'What made the risk look acceptable at the time, given what was known?',
      'What pressures or trade-offs shaped the decision at that moment?',
    ],
  },
  {
    id: 'disappeared',
    category: 'interpretation',
    triggers: 'disappeared vanished went nowhere ghosted wandered',
    message: 'Absence described as disappearing',
    pattern: pattern(
      String.raw`\b(?:disappeared|vanished|went\s+(?:missing|dark|silent|awol|quiet)|was\s+nowhere\s+to\s+be\s+(?:found|seen)|ghosted|wandered\s+off)\b`,
    ),
    subject: 'not-system',
    inherit: true,
    excludeSubjects: SELF,
    wide: true,
    reframes: [
      'Where was {subject} needed at that point, and how did the escalation path reach them?',
      'What did the escalation path look like at that moment?',
    ],
  },
];

const CHARACTER: PhrasingRule[] = [
  {
    id: 'character-trait',
    category: 'character',
    triggers:
      'careless carelessly carelessness sloppy sloppily sloppiness lazy laziness lazily incompetent incompetently incompetence negligent negligently negligence reckless recklessly recklessness irresponsible irresponsibly clueless inattentive complacent complacency stupid stupidity idiot idiotic idiots inept ineptitude amateurish unprofessional absent scatterbrained cowboy dim moron moronic morons dumb enough',
    message: 'A character label',
    pattern: pattern(
      String.raw`\b(?:careless(?:ly|ness)?|sloppy|sloppily|sloppiness|lazy|laziness|lazily|incompeten(?:t|tly|ce)|negligen(?:t|tly|ce)|reckless(?:ly|ness)?|irresponsible|irresponsibly|clueless|inattentive|complacen(?:t|cy)|stupid(?:ity)?|idiot(?:ic|s)?|inept(?:itude)?|amateurish|unprofessional|absent-minded|scatterbrained|cowboy|dim-witted|moron(?:ic|s)?|dumb|not\s+(?:very\s+)?(?:detail-oriented|careful|diligent|thorough)\s+enough)\b`,
      String.raw`(?!-(?:proof|load))(?!\s+(?:load|loading|loaded|evaluation|init|initiali[sz]ation|instantiation|iterator|import|pipe|terminal|client|switch|deletion)\b)`,
    ),
    checks: ['not-negated'],
    reframes: [
      'What safeguards did the process have around {topic}?',
      'What about the situation, not the person, made this easy to get wrong?',
      'What would have made the safe way the easy way here?',
    ],
  },
  {
    id: 'lack-of-skill',
    category: 'character',
    triggers: 'lack lacked lacking absence',
    message: 'A lack of skill or care in people',
    pattern: pattern(
      String.raw`\b(?:lack|lacked|lacking|absence)\s+(?:of\s+)?(?:(?:any|basic|deeper|deep|sufficient|proper|enough|real|the)\s+)?(?:understanding|knowledge|experience|skills?|competence|expertise|attention|care|diligence|discipline|rigou?r|professionalism|common\s+sense)\b(?![- ](?:sharing|transfer|base|management|graph))`,
    ),
    checks: ['not-negated'],
    reframes: [
      'What support, documentation or tooling was available to the people involved?',
      'What would have made this knowledge available at the moment it was needed?',
    ],
  },
];

export const MIND_RULES: readonly PhrasingRule[] = [...INTERPRETATION, ...CHARACTER];
