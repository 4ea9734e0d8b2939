/**
 * Phrasing prompts across a whole postmortem: every field people write prose in, the
 * findings in each, and the ones dismissed with a reason. The editor's underlines and
 * the Prompts panel both read from here, so they always agree.
 */
import type { Postmortem, PromptDismissal } from './model';
import { lintPhrasing, type PhrasingFinding, type PhrasingOptions } from './phrasing';

export type ProseSection = 'timeline' | 'factors' | 'whys' | 'wentWell' | 'wentPoorly' | 'actionItems';

/** One field a person writes sentences in, with a stable key to find it again. */
export interface ProseField {
  /** `timeline:<id>:text`, `whys:<id>:answer`, `wentWell:<index>`, ... */
  key: string;
  section: ProseSection;
  /** Where it is, in words: "Timeline, event 3". */
  label: string;
  text: string;
}

/** Keys of the prose fields, built the same way by the editor and by proseFields. */
export const fieldKeys = {
  timeline: (id: string) => `timeline:${id}:text`,
  factor: (id: string) => `factors:${id}:text`,
  symptom: () => 'whys:symptom',
  why: (id: string, part: 'question' | 'answer') => `whys:${id}:${part}`,
  list: (list: 'wentWell' | 'wentPoorly', index: number) => `${list}:${index}`,
  actionItem: (id: string, part: 'description' | 'successCriteria') => `actionItems:${id}:${part}`,
};

/** Every prose field of the document, in reading order. */
export function proseFields(doc: Postmortem): ProseField[] {
  const fields: ProseField[] = [];
  doc.timeline.forEach((event, i) =>
    fields.push({
      key: fieldKeys.timeline(event.id),
      section: 'timeline',
      label: `Timeline, event ${i + 1}`,
      text: event.text,
    }),
  );
  doc.contributingFactors.forEach((factor, i) =>
    fields.push({
      key: fieldKeys.factor(factor.id),
      section: 'factors',
      label: `Contributing factor ${i + 1}`,
      text: factor.text,
    }),
  );
  fields.push({
    key: fieldKeys.symptom(),
    section: 'whys',
    label: 'Five whys, initial symptom',
    text: doc.whys.symptom,
  });
  doc.whys.nodes.forEach((node, i) => {
    fields.push({
      key: fieldKeys.why(node.id, 'question'),
      section: 'whys',
      label: `Five whys, question ${i + 1}`,
      text: node.question,
    });
    fields.push({
      key: fieldKeys.why(node.id, 'answer'),
      section: 'whys',
      label: `Five whys, answer ${i + 1}`,
      text: node.answer,
    });
  });
  for (const list of ['wentWell', 'wentPoorly'] as const) {
    const title = list === 'wentWell' ? 'What went well' : 'What went poorly';
    doc[list].forEach((text, i) =>
      fields.push({ key: fieldKeys.list(list, i), section: list, label: `${title}, item ${i + 1}`, text }),
    );
  }
  for (const item of doc.actionItems) {
    const ref = `AI-${String(item.number).padStart(3, '0')}`;
    fields.push({
      key: fieldKeys.actionItem(item.id, 'description'),
      section: 'actionItems',
      label: `${ref}, action`,
      text: item.description,
    });
    fields.push({
      key: fieldKeys.actionItem(item.id, 'successCriteria'),
      section: 'actionItems',
      label: `${ref}, success criteria`,
      text: item.successCriteria,
    });
  }
  return fields;
}

/** The identity of a finding for dismissal: its field, its rule and its words. */
export function promptPhrase(text: string, finding: Pick<PhrasingFinding, 'start' | 'end'>): string {
  return text.slice(finding.start, finding.end).toLowerCase();
}

export function findDismissal(
  dismissals: readonly PromptDismissal[],
  field: string,
  text: string,
  finding: PhrasingFinding,
): PromptDismissal | undefined {
  const phrase = promptPhrase(text, finding);
  return dismissals.find((d) => d.field === field && d.rule === finding.rule && d.phrase === phrase);
}

const NO_FINDINGS: readonly PhrasingFinding[] = Object.freeze([]);

/** How many distinct texts a linter keeps findings for (a big document has ~2,000 fields). */
const CACHE_LIMIT = 4000;

/**
 * A linter for one set of options that remembers its answers by text, so re-reading a
 * whole document after one keystroke lints only the field that changed.
 */
export function createPromptLinter(options: PhrasingOptions = {}): (text: string) => readonly PhrasingFinding[] {
  const cache = new Map<string, readonly PhrasingFinding[]>();
  return (text) => {
    if (text.trim() === '') return NO_FINDINGS;
    let findings = cache.get(text);
    if (findings) {
      // Refresh its place, so the oldest text is the one forgotten.
      cache.delete(text);
    } else {
      findings = lintPhrasing(text, options);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, findings);
    return findings;
  };
}

export interface DocumentPrompt {
  field: ProseField;
  finding: PhrasingFinding;
  /** Set when someone dismissed this prompt. */
  dismissal: PromptDismissal | undefined;
}

/** Every finding in the document, in reading order, each with its dismissal if any. */
export function documentPrompts(doc: Postmortem, lint: (text: string) => readonly PhrasingFinding[]): DocumentPrompt[] {
  const prompts: DocumentPrompt[] = [];
  for (const field of proseFields(doc)) {
    for (const finding of lint(field.text)) {
      prompts.push({ field, finding, dismissal: findDismissal(doc.promptDismissals, field.key, field.text, finding) });
    }
  }
  return prompts;
}

/** Records that a prompt does not apply, with the reason given. */
export function dismissPrompt(
  doc: Postmortem,
  field: string,
  text: string,
  finding: PhrasingFinding,
  reason: string,
  now: Date = new Date(),
): Postmortem {
  if (findDismissal(doc.promptDismissals, field, text, finding)) return doc;
  const dismissal: PromptDismissal = {
    field,
    rule: finding.rule,
    phrase: promptPhrase(text, finding),
    excerpt: finding.excerpt,
    reason: reason.trim().slice(0, 500),
    dismissedAt: now.toISOString(),
  };
  return { ...doc, promptDismissals: [...doc.promptDismissals, dismissal] };
}

/** Brings a dismissed prompt back. */
export function restorePrompt(doc: Postmortem, dismissal: PromptDismissal): Postmortem {
  const rest = doc.promptDismissals.filter(
    (d) => !(d.field === dismissal.field && d.rule === dismissal.rule && d.phrase === dismissal.phrase),
  );
  return rest.length === doc.promptDismissals.length ? doc : { ...doc, promptDismissals: rest };
}
