/**
 * Pure changes to a postmortem. The renderer's stores apply these and never mutate a
 * document in place, so every edit yields a new immutable document to render, undo
 * and save.
 */
import type { HeaderPatch, LibraryRow, Postmortem } from './model';
import { CURRENT_SCHEMA_VERSION } from './vocabulary';

/**
 * A new, empty postmortem, with any header fields chosen when creating it (title,
 * severity, kind). Ids and clocks come from the caller to keep this pure.
 */
export function createPostmortem(id: string, now: string, header: HeaderPatch = {}): Postmortem {
  const doc: Postmortem = {
    id,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: now,
    updatedAt: now,
    title: '',
    kind: 'postmortem',
    incidentDate: '',
    severity: 'SEV-3',
    incidentCommander: '',
    authors: '',
    reviewDate: '',
    status: 'Draft',
    impact: {
      usersAffected: '',
      revenueImpact: '',
      sloTarget: '',
      sloWindowDays: 30,
      impactMinutesOverride: null,
      servicesAffected: [],
    },
    timeline: [],
    contributingFactors: [],
    whys: { symptom: '', nodes: [] },
    wentWell: [],
    wentPoorly: [],
    actionItems: [],
    meeting: null,
    extraSections: [],
    promptDismissals: [],
  };
  return updateHeader(doc, header);
}

/** Applies header edits; returns the same object when nothing changed. */
export function updateHeader(doc: Postmortem, patch: HeaderPatch): Postmortem {
  const changed = (Object.keys(patch) as (keyof HeaderPatch)[]).some(
    (key) => patch[key] !== undefined && patch[key] !== doc[key],
  );
  return changed ? { ...doc, ...patch } : doc;
}

/** Stamps the edit time. Kept apart from edits so undo/redo compare content only. */
export function touch(doc: Postmortem, now: string): Postmortem {
  return { ...doc, updatedAt: now };
}

/** A copy under a new id, titled so the two are told apart in the library. */
export function duplicatePostmortem(doc: Postmortem, newId: string, now: string): Postmortem {
  const title = doc.title.trim() === '' ? '' : `${doc.title} (copy)`;
  return { ...doc, id: newId, title, createdAt: now, updatedAt: now, status: 'Draft' };
}

export function toLibraryRow(doc: Postmortem, trashedAt: string | null = null): LibraryRow {
  return {
    id: doc.id,
    title: doc.title,
    kind: doc.kind,
    incidentDate: doc.incidentDate,
    severity: doc.severity,
    status: doc.status,
    updatedAt: doc.updatedAt,
    trashedAt,
    urgentDueDates: doc.actionItems
      .filter((item) => !item.done && item.dueDate !== '' && (item.priority === 'P0' || item.priority === 'P1'))
      .map((item) => item.dueDate),
  };
}

/**
 * How many P0/P1 action items in these rows are past due and not done: the same count as
 * shared/tracker.ts overdueUrgentCount over the documents, from the library rows alone.
 */
export function overdueUrgentInRows(rows: readonly LibraryRow[], today: string): number {
  return rows.reduce((count, row) => count + row.urgentDueDates.filter((due) => due < today).length, 0);
}

/** Library order: most recently edited first; ties broken by id for a stable list. */
export function sortLibraryRows(rows: readonly LibraryRow[]): LibraryRow[] {
  return [...rows].sort((a, b) =>
    a.updatedAt === b.updatedAt ? a.id.localeCompare(b.id) : b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** What the library shows for a postmortem that has no title yet. */
export const UNTITLED = 'Untitled postmortem';

export function displayTitle(title: string): string {
  const firstLine = title.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return firstLine === '' ? UNTITLED : firstLine;
}
