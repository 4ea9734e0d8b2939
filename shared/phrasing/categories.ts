/**
 * The kinds of blameful phrasing the linter prompts on, from the guide's "Biases and
 * signals to catch in text", "Five Whys" pitfalls, "Action items" and "Facilitation
 * techniques". The ids are stable: settings (disabled categories) and saved custom
 * rules refer to them.
 */

/** Category ids in display order. */
export const PHRASING_CATEGORY_IDS = [
  'human-error',
  'person-failed',
  'hindsight',
  'outcome-bias',
  'character',
  'normalization',
  'who-question',
  'vague-action',
  'interpretation',
] as const;

export type PhrasingCategory = (typeof PHRASING_CATEGORY_IDS)[number];

export interface PhrasingCategoryInfo {
  /** Short human label, for menus and the finding's badge. */
  label: string;
  /** One sentence on why this wording hurts learning. */
  why: string;
  /** Which finding wins where two overlap: the more specific reading is the higher. */
  priority: number;
}

/** Every category with its human label and the reason it is flagged. */
export const PHRASING_CATEGORIES: Readonly<Record<PhrasingCategory, PhrasingCategoryInfo>> = {
  'human-error': {
    label: 'Human error as a cause',
    why: 'Calling it human error ends the inquiry at a person, when the useful question is what let an ordinary slip do harm.',
    priority: 55,
  },
  'person-failed': {
    label: 'A person failed to act',
    why: 'Saying who did not do something points at memory and effort; asking what would have prompted it points at the process we can change.',
    priority: 50,
  },
  hindsight: {
    label: 'Hindsight',
    why: 'It judges past actions by what we know now rather than what people knew then, which hides the real gaps in information.',
    priority: 75,
  },
  'outcome-bias': {
    label: 'Judging a decision by its outcome',
    why: 'A decision is judged by the information available when it was made; judging it by the result teaches people to hide risky calls.',
    priority: 70,
  },
  character: {
    label: 'Character judgement',
    why: 'A label on a person explains nothing about the situation and makes people defensive instead of forthcoming.',
    priority: 65,
  },
  normalization: {
    label: 'Normalised risk',
    why: '"It was always fine" hides a risk that was accepted long ago; the learning is in revisiting that acceptance.',
    priority: 80,
  },
  'who-question': {
    label: 'Who or why-you question',
    why: 'Who- and why-you questions put a person on the spot; what- and how-questions bring out the context that explains the action.',
    priority: 90,
  },
  'vague-action': {
    label: 'Vague action',
    why: 'An action nobody can verify does not get done; name the concrete change, how to check it and who owns it.',
    priority: 40,
  },
  interpretation: {
    label: 'Interpretation stated as fact',
    why: "It states a guess about someone's state of mind as fact; describe what was seen and done, and ask about the rest.",
    priority: 60,
  },
};

export function isPhrasingCategory(value: string): value is PhrasingCategory {
  return (PHRASING_CATEGORY_IDS as readonly string[]).includes(value);
}
