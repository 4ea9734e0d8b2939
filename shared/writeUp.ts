/**
 * Which write-up an incident calls for. The rules are the guide's ("When to write a
 * full postmortem" and "Formats by audience"); the words are ours. Pure, so the New
 * postmortem dialog shows exactly what the tests pin down.
 */
import type { DocumentKind, Severity } from './model';

/** What a person says about the incident before the document exists. */
export interface IncidentTraits {
  severity: Severity;
  /** Caught before customers were affected. */
  nearMiss: boolean;
  /** A process broke down, but no system was affected. */
  processFailure: boolean;
}

/** How strongly the guide asks for a full postmortem, strongest first. */
export const NEEDS = ['required', 'highly-recommended', 'recommended', 'optional'] as const;
export type FullPostmortemNeed = (typeof NEEDS)[number];

export interface WriteUpAdvice {
  need: FullPostmortemNeed;
  /** The kind of write-up that fits: a full postmortem unless one is optional. */
  kind: DocumentKind;
  /** One line, e.g. "A full postmortem is required." */
  summary: string;
  /** Why, one sentence per trait that applies (severity first). */
  reasons: string[];
}

/** Names for the kinds in the app's own text (sentence case). */
export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  postmortem: 'Postmortem',
  'learning-review': 'Learning review',
  'root-cause-analysis': 'Root cause analysis',
  'incident-report': 'Incident report',
};

/** Who each kind is written for and how deep it goes, from the guide's formats by audience. */
export const KIND_PURPOSES: Readonly<Record<DocumentKind, string>> = {
  postmortem: 'Blameless and in depth, for the engineering team.',
  'learning-review': 'Lighter, feeding recurring themes across the engineering org.',
  'root-cause-analysis': 'Formal and in depth, for compliance, regulators or leadership.',
  'incident-report': 'Short and customer-facing.',
};

const SEVERITY_NEED: Readonly<Record<Severity, FullPostmortemNeed>> = {
  'SEV-1': 'required',
  'SEV-2': 'required',
  'SEV-3': 'recommended',
  'SEV-4': 'optional',
};

const SEVERITY_REASON: Readonly<Record<FullPostmortemNeed, string>> = {
  required: 'incidents this severe always get a full postmortem.',
  'highly-recommended': '',
  recommended: 'a full postmortem is worth the time at this severity.',
  optional: 'at this severity a full postmortem is up to the team.',
};

const SUMMARIES: Readonly<Record<FullPostmortemNeed, string>> = {
  required: 'A full postmortem is required.',
  'highly-recommended': 'A full postmortem is highly recommended.',
  recommended: 'A full postmortem is recommended.',
  optional: 'A full postmortem is optional.',
};

const NEAR_MISS_REASON =
  'Near miss: it was caught before customers noticed, so the same lessons come at a fraction of the cost.';
const PROCESS_FAILURE_REASON = 'Process failure with no system impact: on its own, this needs only a light write-up.';

/**
 * The guide's advice for an incident. Each trait carries its own level (SEV-1/2
 * required, SEV-3 recommended, SEV-4 optional, a near miss highly recommended, a
 * process failure optional) and the strongest one wins: ticking a box never lowers
 * what the severity asks for. When a full postmortem is optional, a learning review is
 * suggested instead; the formal and customer-facing kinds depend on the audience, which
 * these traits do not say, so they are only ever chosen by the person.
 */
export function adviseWriteUp(traits: IncidentTraits): WriteUpAdvice {
  const needs: FullPostmortemNeed[] = [SEVERITY_NEED[traits.severity]];
  const reasons = [`${traits.severity}: ${SEVERITY_REASON[SEVERITY_NEED[traits.severity]]}`];
  if (traits.nearMiss) {
    needs.push('highly-recommended');
    reasons.push(NEAR_MISS_REASON);
  }
  if (traits.processFailure) {
    needs.push('optional');
    reasons.push(PROCESS_FAILURE_REASON);
  }
  const need = NEEDS.find((level) => needs.includes(level)) ?? 'optional';
  return {
    need,
    kind: need === 'optional' ? 'learning-review' : 'postmortem',
    summary: SUMMARIES[need],
    reasons,
  };
}

/** Export formats the app writes: the full template, or the short customer report. */
export type ExportFormat = 'postmortem' | 'incident-report';

/** An incident report is exported in the customer-facing format unless the person picks another. */
export function defaultExportFormat(kind: DocumentKind): ExportFormat {
  return kind === 'incident-report' ? 'incident-report' : 'postmortem';
}
