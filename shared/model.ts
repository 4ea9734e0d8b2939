/**
 * The postmortem document: types and the zod schemas that validate it wherever it
 * crosses a boundary (IPC, disk, IndexedDB, import). The shape follows the template
 * in POSTMORTEM-GUIDE.md; sections that later features fill in are present from
 * version 1 with empty defaults, so adding their editors needs no migration.
 */
import { z } from 'zod';
import {
  AGENDA_SECTIONS,
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_ID,
  DOCUMENT_KINDS,
  HEADER_FIELDS,
  ISO_TIMESTAMP,
  isRealDate,
  MAX_FIELD_LENGTH,
  MILESTONES,
  PRIORITIES,
  SEVERITIES,
  STATUSES,
  TIMELINE_KINDS,
  type HeaderField,
} from './vocabulary';

export {
  AGENDA_SECTIONS,
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_KINDS,
  HEADER_FIELDS,
  isRealDate,
  MAX_FIELD_LENGTH,
  MILESTONES,
  PRIORITIES,
  SEVERITIES,
  STATUSES,
  TIMELINE_KINDS,
};
export type {
  AgendaSection,
  DocumentKind,
  HeaderField,
  Milestone,
  Priority,
  Severity,
  Status,
  TimelineKind,
} from './vocabulary';

const text = z.string().max(MAX_FIELD_LENGTH, 'is longer than 200,000 characters');

/** A calendar date as typed by a person: empty, or a real YYYY-MM-DD day. */
export const isoDate = z
  .string()
  .refine((value) => value === '' || isRealDate(value), 'must be a real date as YYYY-MM-DD');

/** A moment in time as an ISO 8601 UTC timestamp (what Date.prototype.toISOString gives). */
export const isoTimestamp = z.string().regex(ISO_TIMESTAMP, 'must be an ISO 8601 UTC timestamp');

export const documentIdSchema = z.string().regex(DOCUMENT_ID, 'must be 1-64 letters, digits, "-" or "_"');

const id = z.string().min(1, 'must not be empty').max(100);

export const impactSchema = z.object({
  usersAffected: text,
  revenueImpact: text,
  sloTarget: text,
  sloWindowDays: z.number().int().min(1).max(366),
  impactMinutesOverride: z.number().min(0).nullable(),
  servicesAffected: z.array(text),
});

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
export type Impact = z.infer<typeof impactSchema>;

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
