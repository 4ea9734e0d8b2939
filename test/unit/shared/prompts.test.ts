import { describe, expect, it } from 'vitest';
import { createPostmortem } from '../../../shared/documents';
import type { Postmortem } from '../../../shared/model';
import { applyReframe, lintPhrasing } from '../../../shared/phrasing';
import {
  DEFAULT_PROMPT_SETTINGS,
  lintOptionsFrom,
  parsePromptSettingsFile,
  promptSettingsFile,
  type PromptSettings,
} from '../../../shared/promptSettings';
import {
  createPromptLinter,
  dismissPrompt,
  documentPrompts,
  fieldKeys,
  proseFields,
  restorePrompt,
} from '../../../shared/prompts';

function docWith(patch: Partial<Postmortem>): Postmortem {
  return { ...createPostmortem('pm-prompts', '2026-03-18T10:00:00.000Z'), ...patch };
}

const blamefulDoc = docWith({
  timeline: [
    { id: 't1', time: '', text: 'The on-call engineer was paged.', kind: 'page', milestone: null, knownAt: '' },
    { id: 't2', time: '', text: 'Bob forgot to check the config.', kind: 'event', milestone: null, knownAt: '' },
  ],
  wentPoorly: ['In hindsight we should have known the cache was cold.'],
  actionItems: [
    {
      id: 'a1',
      number: 1,
      description: 'Be more careful with deploys',
      owner: '',
      priority: 'P1',
      dueDate: '',
      successCriteria: '',
      trackingLink: '',
      addresses: null,
      done: false,
      doneAt: '',
    },
  ],
});

describe('prompts across a document', () => {
  it('lists every prose field with a key the editor can find again', () => {
    const keys = proseFields(blamefulDoc).map((f) => f.key);
    expect(keys).toEqual([
      fieldKeys.timeline('t1'),
      fieldKeys.timeline('t2'),
      fieldKeys.symptom(),
      fieldKeys.list('wentPoorly', 0),
      fieldKeys.actionItem('a1', 'description'),
      fieldKeys.actionItem('a1', 'successCriteria'),
    ]);
  });

  it('finds blame in each field, leaves neutral ones alone, in reading order', () => {
    const prompts = documentPrompts(blamefulDoc, createPromptLinter());
    expect(prompts.map((p) => [p.field.key, p.finding.category])).toEqual([
      ['timeline:t2:text', 'person-failed'],
      // "In hindsight" and "should have known" are two phrases of one kind.
      ['wentPoorly:0', 'hindsight'],
      ['wentPoorly:0', 'hindsight'],
      ['actionItems:a1:description', 'vague-action'],
    ]);
    expect(prompts.every((p) => p.dismissal === undefined)).toBe(true);
  });

  it('keeps a dismissal through edits elsewhere in the field, and drops it when the words change', () => {
    const lint = createPromptLinter();
    const [first] = documentPrompts(blamefulDoc, lint);
    if (!first) throw new Error('expected a prompt');
    const dismissed = dismissPrompt(
      blamefulDoc,
      first.field.key,
      first.field.text,
      first.finding,
      '  quoted from a customer ',
      new Date('2026-03-19T09:00:00Z'),
    );
    expect(dismissed.promptDismissals).toEqual([
      {
        field: 'timeline:t2:text',
        rule: first.finding.rule,
        phrase: first.field.text.slice(first.finding.start, first.finding.end).toLowerCase(),
        excerpt: first.finding.excerpt,
        reason: 'quoted from a customer',
        dismissedAt: '2026-03-19T09:00:00.000Z',
      },
    ]);
    expect(dismissPrompt(dismissed, first.field.key, first.field.text, first.finding, 'again')).toBe(dismissed);
    expect(documentPrompts(dismissed, lint)[0]?.dismissal?.reason).toBe('quoted from a customer');

    const editedElsewhere = {
      ...dismissed,
      timeline: dismissed.timeline.map((e) => (e.id === 't2' ? { ...e, text: `At 14:05 ${e.text}` } : e)),
    };
    expect(documentPrompts(editedElsewhere, lint)[0]?.dismissal).toBeDefined();

    const wordsChanged = {
      ...dismissed,
      timeline: dismissed.timeline.map((e) => (e.id === 't2' ? { ...e, text: 'Alice neglected to check it.' } : e)),
    };
    expect(documentPrompts(wordsChanged, lint)[0]?.dismissal).toBeUndefined();

    const restored = restorePrompt(dismissed, dismissed.promptDismissals[0]!);
    expect(restored.promptDismissals).toEqual([]);
    expect(restorePrompt(restored, dismissed.promptDismissals[0]!)).toBe(restored);
  });

  it('lints each distinct text once, however often the document is re-read', () => {
    let calls = 0;
    const counting = (text: string) => {
      calls += 1;
      return lintPhrasing(text);
    };
    const cache = new Map<string, ReturnType<typeof lintPhrasing>>();
    const lint = (text: string) => cache.get(text) ?? (cache.set(text, counting(text)), cache.get(text)!);
    documentPrompts(blamefulDoc, lint);
    const afterFirst = calls;
    documentPrompts(blamefulDoc, lint);
    expect(calls).toBe(afterFirst);
    // The real cached linter answers the same as the plain one.
    const cached = createPromptLinter();
    for (const field of proseFields(blamefulDoc)) {
      expect(cached(field.text)).toEqual(field.text.trim() === '' ? [] : lintPhrasing(field.text));
      expect(cached(field.text)).toBe(cached(field.text));
    }
  });
});

describe('prompt settings', () => {
  const settings: PromptSettings = {
    disabledCategories: ['hindsight'],
    customRules: [{ id: 'r1', phrase: 'cowboy deploy', reframe: 'deploy outside the pipeline', category: 'character' }],
  };

  it('turns categories off and adds team phrases whose reframe replaces only the phrase', () => {
    const lint = createPromptLinter(lintOptionsFrom(settings));
    expect(lint('In hindsight we should have known the cache was cold.')).toEqual([]);
    const text = 'At 14:02 Sam did a cowboy deploy | again 🙂.';
    const [finding] = lint(text);
    expect(finding).toMatchObject({ category: 'character', rule: 'custom:r1', replaces: 'phrase' });
    if (!finding) throw new Error('expected a finding');
    expect(text.slice(finding.start, finding.end)).toBe('cowboy deploy');
    expect(applyReframe(text, finding, 0)).toBe('At 14:02 Sam did a deploy outside the pipeline | again 🙂.');
  });

  it('round-trips through the shared JSON file', () => {
    expect(parsePromptSettingsFile(promptSettingsFile(settings))).toEqual({ ok: true, value: settings });
    expect(parsePromptSettingsFile(promptSettingsFile(DEFAULT_PROMPT_SETTINGS))).toEqual({
      ok: true,
      value: DEFAULT_PROMPT_SETTINGS,
    });
  });

  it('refuses files that are not settings, saying why', () => {
    expect(parsePromptSettingsFile('{ nope')).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parsePromptSettingsFile('{"title":"a postmortem"}')).toEqual({
      ok: false,
      error: expect.stringMatching(/not a phrasing-settings file/),
    });
    const badCategory = JSON.parse(promptSettingsFile(settings));
    badCategory.disabledCategories = ['gossip'];
    expect(parsePromptSettingsFile(JSON.stringify(badCategory))).toEqual({
      ok: false,
      error: expect.stringMatching(/disabledCategories\.0/),
    });
    const emptyPhrase = JSON.parse(promptSettingsFile(settings));
    emptyPhrase.customRules[0].phrase = '   ';
    expect(parsePromptSettingsFile(JSON.stringify(emptyPhrase))).toEqual({
      ok: false,
      error: expect.stringMatching(/customRules\.0\.phrase: must not be empty/),
    });
  });
});
