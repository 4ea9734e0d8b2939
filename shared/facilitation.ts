/**
 * What the facilitator's console suggests in each phase: ground rules to read out, and
 * questions that steer the room from people to the system, from interpretation to
 * what was observed, and into the context of each decision (the guide's facilitation
 * techniques, in our words).
 */
import type { AgendaSection } from './model';

export const GROUND_RULES: readonly string[] = [
  'We are here to learn how the system let this happen, not to find who to blame.',
  'Everyone acted reasonably given what they knew at the time; we talk about what they knew.',
  'Describe what happened and what was seen; keep guesses about intent out of it.',
  'Anyone can say "I don\'t know" or "I was wrong" here, and it helps.',
  'Actions leave this room with an owner and a date, or they are not actions.',
];

export interface QuestionGroup {
  title: string;
  questions: readonly string[];
}

const REDIRECT: QuestionGroup = {
  title: 'Turn blame into a question about the system',
  questions: [
    'What did our process or policy say at that point?',
    'What would have made the safe choice the easy one?',
    'Which check or signal could have caught this before it mattered?',
  ],
};

const OBSERVATION: QuestionGroup = {
  title: 'Separate what was seen from what it meant',
  questions: [
    'What exactly did the dashboards, alerts or logs show then?',
    'What information was available at that moment, and to whom?',
    'How did we learn this: was it observed, or worked out afterwards?',
  ],
};

const DECISION: QuestionGroup = {
  title: 'Explore the decision context',
  questions: [
    'What would you have needed to know to decide differently?',
    'Was there any sign this might fail? Where would it have shown?',
    'What made this option look like the right one at the time?',
  ],
};

const ACTIONS: QuestionGroup = {
  title: 'Make each action real',
  questions: [
    'Who owns it, by name, and by when?',
    'How will we know it worked: what can anyone check?',
    'Does it remove the condition, or only make it less likely to hurt?',
  ],
};

/** Question groups for each section, most useful first. */
export const QUESTION_BANK: Readonly<Record<AgendaSection, readonly QuestionGroup[]>> = {
  context: [OBSERVATION],
  timeline: [OBSERVATION, REDIRECT],
  whys: [DECISION, REDIRECT],
  actionItems: [ACTIONS],
  wrapUp: [ACTIONS],
};
