/**
 * Action items across every postmortem: one list to filter, sort and follow up, the
 * overdue count that keeps P0/P1 items from being forgotten, and exports a tracker
 * (CSV) or a weekly review (a markdown checklist) can take.
 */
import type { List, ListItem } from 'mdast';
import Papa from 'papaparse';
import { formatActionItemId } from './actionItems';
import { paragraph, serialize, text } from './markdown/mdast';
import type { ActionItem, Postmortem, Priority } from './model';

export type TrackedStatus = 'open' | 'overdue' | 'done';

export interface TrackedItem {
  docId: string;
  docTitle: string;
  /** AI-001 style id, unique within its postmortem. */
  ref: string;
  item: ActionItem;
  services: readonly string[];
  status: TrackedStatus;
}

/** Every action item of every postmortem (trashed ones left out by the caller), with its status today. */
export function trackedItems(docs: readonly Postmortem[], today: string): TrackedItem[] {
  return docs.flatMap((doc) =>
    doc.actionItems.map((item) => ({
      docId: doc.id,
      docTitle: doc.title || 'Untitled postmortem',
      ref: formatActionItemId(item.number),
      item,
      services: doc.impact.servicesAffected,
      status: statusOf(item, today),
    })),
  );
}

export function statusOf(item: ActionItem, today: string): TrackedStatus {
  if (item.done) return 'done';
  return item.dueDate !== '' && item.dueDate < today ? 'overdue' : 'open';
}

export interface TrackerFilter {
  owner?: string;
  priority?: Priority;
  status?: TrackedStatus | 'not-done';
  service?: string;
  docId?: string;
}

/** Owners compared as people write them: case and surrounding spaces do not matter. */
const sameOwner = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function filterItems(items: readonly TrackedItem[], filter: TrackerFilter): TrackedItem[] {
  return items.filter(
    (t) =>
      (filter.owner === undefined || sameOwner(t.item.owner, filter.owner)) &&
      (filter.priority === undefined || t.item.priority === filter.priority) &&
      (filter.status === undefined ||
        (filter.status === 'not-done' ? t.status !== 'done' : t.status === filter.status)) &&
      (filter.service === undefined || t.services.includes(filter.service)) &&
      (filter.docId === undefined || t.docId === filter.docId),
  );
}

/** Soonest due first; items with no due date last; then by priority and id. */
export function sortByDue(items: readonly TrackedItem[]): TrackedItem[] {
  return [...items].sort(
    (a, b) =>
      (a.item.dueDate || '9999').localeCompare(b.item.dueDate || '9999') ||
      a.item.priority.localeCompare(b.item.priority) ||
      a.docTitle.localeCompare(b.docTitle) ||
      a.item.number - b.item.number,
  );
}

/** How many P0/P1 items are past their due date and not done. */
export function overdueUrgentCount(items: readonly TrackedItem[]): number {
  return items.filter((t) => t.status === 'overdue' && (t.item.priority === 'P0' || t.item.priority === 'P1')).length;
}

/** The owners in the list, each once (first spelling seen), alphabetically; "" for unowned items. */
export function owners(items: readonly TrackedItem[]): string[] {
  const seen = new Map<string, string>();
  for (const t of items) {
    const key = t.item.owner.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, t.item.owner.trim());
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The columns a tracker import (Jira, Linear, GitHub) maps without help. */
export const CSV_COLUMNS = ['Summary', 'Description', 'Priority', 'Assignee', 'Due Date'] as const;

/**
 * Open items as CSV. Cells that a spreadsheet would run as a formula (=, +, -, @) are
 * escaped, since action items hold pasted text.
 */
export function itemsCsv(items: readonly TrackedItem[], linkBack: (t: TrackedItem) => string): string {
  const rows = items.map((t) => [
    `${t.ref}: ${oneLine(t.item.description)}`,
    [
      t.item.description,
      t.item.successCriteria && `Success criteria: ${t.item.successCriteria}`,
      t.item.trackingLink && `Tracking: ${t.item.trackingLink}`,
      `From the postmortem "${t.docTitle}": ${linkBack(t)}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    t.item.priority,
    t.item.owner,
    t.item.dueDate,
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

/**
 * Cells a spreadsheet would run as a formula. papaparse's own pattern (`escapeFormulae:
 * true`) ends in `.*$` without the s flag, so a multi-line cell starting with "=" slips
 * through; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A GFM checklist grouped by owner, for pasting into a weekly review. */
export function itemsChecklist(items: readonly TrackedItem[], today: string): string {
  const byOwner = new Map<string, TrackedItem[]>();
  for (const t of items) {
    const owner = t.item.owner.trim() || 'No owner';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), t]);
  }
  const children = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([owner, list]) => [
      paragraph({ type: 'strong', children: [text(owner)] }),
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: list.map((t): ListItem => ({
          type: 'listItem',
          checked: t.status === 'done',
          spread: false,
          children: [
            paragraph(
              text(
                `${t.ref} (${t.item.priority}${t.item.dueDate ? `, due ${t.item.dueDate}` : ''}${
                  t.status === 'overdue' ? ', OVERDUE' : ''
                }): ${oneLine(t.item.description) || 'no description'} — ${t.docTitle}`,
              ),
            ),
          ],
        })),
      } satisfies List,
    ]);
  return serialize({
    type: 'root',
    children: [paragraph(text(`Action items as of ${today}`)), ...children],
  });
}
