/**
 * The postmortem document: types and the zod schemas that validate it wherever it
 * crosses a boundary (IPC, disk, IndexedDB, import). The shape follows the template
 * in POSTMORTEM-GUIDE.md; sections that later features fill in are present from
 * version 1 with empty defaults, so adding their editors needs no migration.
 */
import { z } from 'zod';

/** Bump when the stored shape changes, and add a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 5;

/** Longest text we accept in any one field: generous for pastes, bounded for disk. */
export const MAX_FIELD_LENGTH = 200_000;

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['Draft', 'In Review', 'Reviewed', 'Action Items Assigned'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;

/**
 * The kinds of write-up the guide names, by audience: a blameless postmortem for the
 * engineering team, a learning review for themes across the org, a formal root cause
 * analysis for compliance, and a shallow customer-facing incident report.
 */
export const DOCUMENT_KINDS = ['postmortem', 'learning-review', 'root-cause-analysis', 'incident-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const text = z.string().max(MAX_FIELD_LENGTH, 'is longer than 200,000 characters');

/** A calendar date as typed by a person: empty, or a real YYYY-MM-DD day. */
export const isoDate = z
  .string()
  .refine((value) => value === '' || isRealDate(value), 'must be a real date as YYYY-MM-DD');

/** A moment in time as an ISO 8601 UTC timestamp (what Date.prototype.toISOString gives). */
export const isoTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be an ISO 8601 UTC timestamp');

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would map years 0-99 to 1900-1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const documentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');

const id = z.string().min(1, 'must not be empty').max(100);

export const impactSchema = z.object({
  usersAffected: text,
  revenueImpact: text,
  sloTarget: text,
  sloWindowDays: z.number().int().min(1).max(366),
  impactMinutesOverride: z.number().min(0).nullable(),
  servicesAffected: z.array(text),
});

export const TIMELINE_KINDS = ['event', 'alert', 'page', 'action', 'communication', 'counter-event'] as const;
export const MILESTONES = ['started', 'detected', 'diagnosed', 'mitigated', 'resolved'] as const;

export const timelineEventSchema = z.object({
  id,
  time: text,
  text,
  kind: z.enum(TIMELINE_KINDS),
  milestone: z.enum(MILESTONES).nullable(),
  knownAt: text,
});

export const contributingFactorSchema = z.object({
  id,
  text,
  isRootCause: z.boolean(),
});

/** A root-cause tag: a short slug such as "config-push" (letters, digits, ".", "_", "-"). */
export const rootCauseTagSchema = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,47}$/u, 'must be a short tag: letters, digits, ".", "_" or "-"');

export const whyNodeSchema = z.object({
  id,
  parentId: id.nullable(),
  order: z.number().int(),
  question: text,
  answer: text,
  isRootCause: z.boolean(),
  /**
   * Short labels on a root cause ("config-push", "no-canary"). Two postmortems whose
   * root causes share a tag count as a repeat incident in the program metrics.
   */
  tags: z.array(rootCauseTagSchema).max(20),
});

export const actionItemSchema = z.object({
  id,
  number: z.number().int().min(1),
  description: text,
  owner: text,
  priority: z.enum(PRIORITIES),
  dueDate: isoDate,
  successCriteria: text,
  trackingLink: text,
  addresses: id.nullable(),
  done: z.boolean(),
  doneAt: isoDate,
});

/** Where the editor goes when a meeting phase starts. */
export const AGENDA_SECTIONS = ['context', 'timeline', 'whys', 'actionItems', 'wrapUp'] as const;

/**
 * One phase of a meeting as it ran. Time is kept as closed intervals (`spentSeconds`)
 * plus the moment the open one began (`runningSince`), never as a counter of ticks, so
 * a reload, a sleeping laptop or a throttled window cannot make it drift.
 */
export const meetingPhaseRecordSchema = z.object({
  name: text,
  plannedMinutes: z
    .number()
    .min(0)
    .max(24 * 60),
  /** One line on what the phase is for, shown to the room. */
  goal: text,
  section: z.enum(AGENDA_SECTIONS),
  /** First time the phase was started, and the last time it was left. */
  startedAt: isoTimestamp.nullable(),
  endedAt: isoTimestamp.nullable(),
  /** Minutes added during the meeting (+5 min). */
  extraMinutes: z
    .number()
    .min(0)
    .max(24 * 60),
  /** Running time in closed intervals, in seconds. */
  spentSeconds: z.number().min(0),
  /** When the phase's current running interval began; null when paused or not current. */
  runningSince: isoTimestamp.nullable(),
});

export const meetingRecordSchema = z.object({
  agendaName: text,
  phases: z.array(meetingPhaseRecordSchema).max(50),
  /** Index of the phase the meeting is in (or was last in). */
  currentPhase: z.number().int().min(0),
  startedAt: isoTimestamp.nullable(),
  endedAt: isoTimestamp.nullable(),
  /** The facilitator's own notes: shown only in the console, never to the room or in exports. */
  privateNotes: text,
  /** Wrap-up: the room decided the document is ready for final review. */
  readyForReview: z.boolean(),
  muted: z.boolean(),
});

export const extraSectionSchema = z.object({ heading: text, markdown: text });

/**
 * A phrasing prompt someone judged not to apply here ("quoted from a customer"). It is
 * matched by field, rule and the flagged words, so it survives edits elsewhere in the
 * field and comes back if the words themselves change.
 */
export const promptDismissalSchema = z.object({
  field: z.string().min(1).max(200),
  rule: z.string().min(1).max(200),
  /** The flagged words, lower-cased. */
  phrase: text,
  /** The sentence as it was when dismissed, for the list of dismissed prompts. */
  excerpt: text,
  reason: z.string().max(500),
  dismissedAt: isoTimestamp,
});

export const postmortemSchema = z.object({
  id: documentIdSchema,
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  title: text,
  /** Which write-up this is (chosen when it is created); the default is a postmortem. */
  kind: z.enum(DOCUMENT_KINDS),
  incidentDate: isoDate,
  severity: z.enum(SEVERITIES),
  incidentCommander: text,
  authors: text,
  reviewDate: isoDate,
  status: z.enum(STATUSES),
  impact: impactSchema,
  timeline: z.array(timelineEventSchema),
  contributingFactors: z.array(contributingFactorSchema),
  whys: z.object({ symptom: text, nodes: z.array(whyNodeSchema) }),
  wentWell: z.array(text),
  wentPoorly: z.array(text),
  actionItems: z.array(actionItemSchema),
  meeting: meetingRecordSchema.nullable(),
  /** Sections an import could not map to the template, kept verbatim as markdown. */
  extraSections: z.array(extraSectionSchema),
  /** Phrasing prompts dismissed with a reason; not part of the markdown. */
  promptDismissals: z.array(promptDismissalSchema),
});

export type Postmortem = z.infer<typeof postmortemSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type WhyNode = z.infer<typeof whyNodeSchema>;
export type ContributingFactor = z.infer<typeof contributingFactorSchema>;
export type ExtraSection = z.infer<typeof extraSectionSchema>;
export type PromptDismissal = z.infer<typeof promptDismissalSchema>;
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;
export type MeetingPhaseRecord = z.infer<typeof meetingPhaseRecordSchema>;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
export type Impact = z.infer<typeof impactSchema>;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type Milestone = (typeof MILESTONES)[number];
export type Priority = (typeof PRIORITIES)[number];

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
export type HeaderPatch = Partial<Pick<Postmortem, HeaderField>>;

export const headerPatchSchema = postmortemSchema
  .pick({
    title: true,
    kind: true,
    incidentDate: true,
    severity: true,
    incidentCommander: true,
    authors: true,
    reviewDate: true,
    status: true,
  })
  .partial();

/** One row of the library: what the list needs without opening every document. */
export const libraryRowSchema = z.object({
  id: documentIdSchema,
  title: text,
  /** Rows in a library index written before kinds existed have none: they were all postmortems. */
  kind: z.enum(DOCUMENT_KINDS).default('postmortem'),
  incidentDate: isoDate,
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  updatedAt: isoTimestamp,
  trashedAt: isoTimestamp.nullable(),
  /**
   * Due dates of the P0/P1 action items not done yet, so the library counts the overdue
   * ones without opening every document. Index rows written before it existed have none
   * until their document is saved or listed again.
   */
  urgentDueDates: z.array(isoDate).default([]),
});
export type LibraryRow = z.infer<typeof libraryRowSchema>;
