/**
 * The phrasing settings every library starts with, and what the linter takes from them.
 * Apart from promptSettings.ts (the schema of the stored and shared settings) because
 * the app reads these at start-up, before zod is needed.
 */
import type { CustomRule, PhrasingOptions } from './phrasing';
import type { PromptSettings } from './promptSettings';

export const DEFAULT_PROMPT_SETTINGS: PromptSettings = { disabledCategories: [], customRules: [] };

/** What the linter needs from the settings. */
export function lintOptionsFrom(settings: PromptSettings): PhrasingOptions {
  const customRules: CustomRule[] = settings.customRules.map((rule) => ({ ...rule }));
  return { disabledCategories: settings.disabledCategories, customRules };
}
