/**
 * Phrasing settings for the library: which kinds of prompt are on, and the team's own
 * phrases with the wording to use instead. Changes are a draft until Save; the file
 * buttons share the settings with other teams as JSON.
 */
import { useId, useRef, useState } from 'react';
// categories.ts, not the index, which would bring the rulebook into the start-up script.
import { PHRASING_CATEGORIES, PHRASING_CATEGORY_IDS, type PhrasingCategory } from '../../../shared/phrasing/categories';
import {
  MAX_CUSTOM_RULES,
  parsePromptSettingsFile,
  promptSettingsFile,
  promptSettingsSchema,
  type PromptSettings,
} from '../../../shared/promptSettings';
import { describeIssues } from '../../../shared/validation';
import { ModalDialog } from '../app/ModalDialog';
import { usePlatform } from '../app/platformContext';

type Status = { kind: 'info' | 'error'; text: string } | null;

export function PromptSettingsDialog({
  settings,
  onSave,
  onClose,
}: {
  settings: PromptSettings;
  onSave: (settings: PromptSettings) => Promise<void>;
  onClose: () => void;
}) {
  const platform = usePlatform();
  const id = useId();
  const [draft, setDraft] = useState<PromptSettings>(settings);
  const [status, setStatus] = useState<Status>(null);
  const focusRule = useRef<string | null>(null);

  const setRule = (ruleId: string, patch: Partial<PromptSettings['customRules'][number]>) =>
    setDraft((d) => ({ ...d, customRules: d.customRules.map((r) => (r.id === ruleId ? { ...r, ...patch } : r)) }));

  const toggle = (category: PhrasingCategory, on: boolean) =>
    setDraft((d) => ({
      ...d,
      disabledCategories: on
        ? d.disabledCategories.filter((c) => c !== category)
        : [...d.disabledCategories, category].sort(
            (a, b) => PHRASING_CATEGORY_IDS.indexOf(a) - PHRASING_CATEGORY_IDS.indexOf(b),
          ),
    }));

  const addRule = () => {
    const ruleId = crypto.randomUUID().slice(0, 8);
    focusRule.current = ruleId;
    setDraft((d) => ({
      ...d,
      customRules: [...d.customRules, { id: ruleId, phrase: '', reframe: '', category: 'character' }],
    }));
  };

  const save = async () => {
    // Rows left empty are dropped rather than refused: an added row nobody filled in.
    const cleaned = {
      ...draft,
      customRules: draft.customRules.filter((r) => r.phrase.trim() !== '' || r.reframe.trim() !== ''),
    };
    const parsed = promptSettingsSchema.safeParse(cleaned);
    if (!parsed.success) {
      setStatus({ kind: 'error', text: `Not saved: ${describeIssues(parsed.error)}` });
      return;
    }
    try {
      await onSave(parsed.data);
      onClose();
    } catch (error) {
      setStatus({ kind: 'error', text: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const exportFile = async () => {
    try {
      const receipt = await platform.exportFile('phrasing-settings.json', promptSettingsFile(draft));
      if (receipt.saved) setStatus({ kind: 'info', text: `Exported to ${receipt.location ?? 'a file'}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Not exported: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const importFile = async () => {
    try {
      const file = await platform.openTextFile('json');
      if (!file) return;
      const parsed = parsePromptSettingsFile(file.content);
      if (!parsed.ok) {
        setStatus({ kind: 'error', text: `${file.name} was not imported. ${parsed.error}` });
        return;
      }
      setDraft(parsed.value);
      const n = parsed.value.customRules.length;
      setStatus({
        kind: 'info',
        text: `Loaded ${file.name}: ${n} team phrase${n === 1 ? '' : 's'}, ${parsed.value.disabledCategories.length} kind(s) off. Save to keep it.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: `Not imported: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`}>Phrasing settings</h2>
        <p className="muted small">These apply to every postmortem in this library.</p>
        <fieldset>
          <legend>Kinds of prompt</legend>
          {PHRASING_CATEGORY_IDS.map((category) => (
            <label key={category} className="checkbox settings-category">
              <input
                type="checkbox"
                checked={!draft.disabledCategories.includes(category)}
                onChange={(e) => toggle(category, e.target.checked)}
              />
              <span>
                <strong>{PHRASING_CATEGORIES[category].label}</strong>
                <span className="muted small"> — {PHRASING_CATEGORIES[category].why}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Team phrases</legend>
          <p className="muted small">
            Words your team wants flagged (matched as whole words, any case), with what to say instead.
          </p>
          {draft.customRules.length === 0 ? (
            <p className="empty-inline">No team phrases yet.</p>
          ) : (
            <ul className="custom-rules">
              {draft.customRules.map((rule, index) => (
                <li key={rule.id}>
                  <input
                    aria-label={`Phrase ${index + 1}`}
                    value={rule.phrase}
                    maxLength={200}
                    placeholder="e.g. cowboy deploy"
                    ref={(el) => {
                      if (el && focusRule.current === rule.id) {
                        el.focus();
                        focusRule.current = null;
                      }
                    }}
                    onChange={(e) => setRule(rule.id, { phrase: e.target.value })}
                  />
                  <input
                    aria-label={`Say instead ${index + 1}`}
                    value={rule.reframe}
                    maxLength={1000}
                    placeholder="e.g. deploy outside the pipeline"
                    onChange={(e) => setRule(rule.id, { reframe: e.target.value })}
                  />
                  <select
                    aria-label={`Kind of phrase ${index + 1}`}
                    value={rule.category}
                    onChange={(e) => setRule(rule.id, { category: e.target.value as PhrasingCategory })}
                  >
                    {PHRASING_CATEGORY_IDS.map((c) => (
                      <option key={c} value={c}>
                        {PHRASING_CATEGORIES[c].label}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove phrase ${index + 1}`}
                    onClick={() =>
                      setDraft((d) => ({ ...d, customRules: d.customRules.filter((r) => r.id !== rule.id) }))
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={addRule} disabled={draft.customRules.length >= MAX_CUSTOM_RULES}>
            Add phrase
          </button>
        </fieldset>
        {status && (
          <p
            className={status.kind === 'error' ? 'field-error' : 'muted'}
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => void importFile()}>
            Import from file…
          </button>
          <button type="button" onClick={() => void exportFile()}>
            Export to file…
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
