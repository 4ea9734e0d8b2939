/**
 * The postmortem's fixed vocabularies (severities, statuses, kinds, ...), its schema
 * version and the date check, without the zod schemas that model.ts builds from them.
 * The library screen needs these to paint; kept apart, the start-up script neither
 * downloads nor initialises zod (model.ts re-exports everything here).
 */

/** Bump when the stored shape changes, and add a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 5;

/** Longest text we accept in any one field: generous for pastes, bounded for disk. */
export const MAX_FIELD_LENGTH = 200_000;

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['Draft', 'In Review', 'Reviewed', 'Action Items Assigned'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * The kinds of write-up the guide names, by audience: a blameless postmortem for the
 * engineering team, a learning review for themes across the org, a formal root cause
 * analysis for compliance, and a shallow customer-facing incident report.
 */
export const DOCUMENT_KINDS = ['postmortem', 'learning-review', 'root-cause-analysis', 'incident-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const TIMELINE_KINDS = ['event', 'alert', 'page', 'action', 'communication', 'counter-event'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const MILESTONES = ['started', 'detected', 'diagnosed', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Where the editor goes when a meeting phase starts. */
export const AGENDA_SECTIONS = ['context', 'timeline', 'whys', 'actionItems', 'wrapUp'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** The header fields a person edits at the top of the document. */
export const HEADER_FIELDS = [
  'title',
  'kind',
  'incidentDate',
  'severity',
  'incidentCommander',
  'authors',
  'reviewDate',
  'status',
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Whether `value` is a real calendar day written as YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would map years 0-99 to 1900-1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The shape of an ISO 8601 UTC timestamp (what Date.prototype.toISOString gives). */
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The shape of a document id: also a file name on disk, so letters, digits, "-" and "_". */
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
