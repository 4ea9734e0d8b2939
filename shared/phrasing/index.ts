/**
 * Blameful-phrasing prompts with reframes: the public surface. Editors call
 * lintPhrasing on what people type, show each finding's message, why and reframes, and
 * apply the chosen reframe with applyReframe.
 */
export {
  PHRASING_CATEGORIES,
  PHRASING_CATEGORY_IDS,
  isPhrasingCategory,
  type PhrasingCategory,
  type PhrasingCategoryInfo,
} from './categories';
export { lintPhrasing, type CustomRule, type PhrasingFinding, type PhrasingOptions } from './lint';
export { applyReframe, reframeTarget } from './reframe';
export { PHRASING_RULES } from './rules';
export type { PhrasingRule } from './ruleTypes';
export { sentenceBounds, splitSentences, type SentenceSpan } from './sentences';
