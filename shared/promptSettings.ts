/**
 * A team's phrasing-prompt settings: categories turned off and their own phrases with
 * reframes. Stored with the library (not per document) and shared between teams as a
 * small JSON file, validated here wherever it comes in.
 */
import { z } from 'zod';
// From categories.ts, not the index: the index brings the whole rulebook, which the
// library does not need at start.
import { PHRASING_CATEGORY_IDS } from './phrasing/categories';
import { describeIssues, type Result } from './validation';

/** Most custom phrases a team can keep: enough for any glossary, small enough to lint per keystroke. */
export const MAX_CUSTOM_RULES = 200;

const customRuleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"'),
  phrase: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
  reframe: z.string().max(1000, 'is longer than 1,000 characters'),
  category: z.enum(PHRASING_CATEGORY_IDS),
});

export const promptSettingsSchema = z.object({
  disabledCategories: z.array(z.enum(PHRASING_CATEGORY_IDS)).max(PHRASING_CATEGORY_IDS.length),
  customRules: z.array(customRuleSchema).max(MAX_CUSTOM_RULES, `holds more than ${MAX_CUSTOM_RULES} phrases`),
});

export type PromptSettings = z.infer<typeof promptSettingsSchema>;
export type SavedCustomRule = PromptSettings['customRules'][number];

export { DEFAULT_PROMPT_SETTINGS, lintOptionsFrom } from './promptDefaults';

/** Marks an exported settings file, so a wrong JSON file is told apart from a damaged one. */
export const PROMPT_SETTINGS_FORMAT = 'postmortem-studio/phrasing-settings';

const settingsFileSchema = promptSettingsSchema.extend({
  format: z.literal(PROMPT_SETTINGS_FORMAT),
  version: z.literal(1),
});

/** The JSON file a team shares: the settings plus a format marker and version. */
export function promptSettingsFile(settings: PromptSettings): string {
  return `${JSON.stringify({ format: PROMPT_SETTINGS_FORMAT, version: 1, ...settings }, null, 2)}\n`;
}

/** Reads a shared settings file; a sentence saying what is wrong when it is not one. */
export function parsePromptSettingsFile(content: string): Result<PromptSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    return {
      ok: false,
      error: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== PROMPT_SETTINGS_FORMAT) {
    return {
      ok: false,
      error:
        'The file is not a phrasing-settings file exported from Postmortem Studio (its "format" field is missing or different).',
    };
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `The settings file is not valid: ${describeIssues(parsed.error)}` };
  const { disabledCategories, customRules } = parsed.data;
  return { ok: true, value: { disabledCategories: [...new Set(disabledCategories)], customRules } };
}
