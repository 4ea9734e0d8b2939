/**
 * Readers for the import's structured sections: timeline, contributing factors and
 * action items (the five whys are in ./importWhys). Each takes the section's nodes and
 * fills the document; what it cannot use goes to `context.leftovers`, to be kept and
 * reported.
 */
import type { List, Paragraph, RootContent, Table, TableCell } from 'mdast';
import { parseActionItemId } from '../actionItems';
import { TIMELINE_KIND_LABELS } from '../labels';
import {
  MILESTONES,
  PRIORITIES,
  TIMELINE_KINDS,
  isRealDate,
  type ActionItem,
  type Milestone,
  type TimelineKind,
} from '../model';
import { matchTimestamp } from '../time';
import { MILESTONE_LABELS } from '../timeline';
import { rootCauses } from '../whys';
import { NOTHING_RECORDED } from './export';
import { plainText } from './mdast';
import { itemText, line, type ImportContext } from './importTemplate';

export function isNothingRecorded(node: RootContent): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.length === 1 &&
    node.children[0]?.type === 'emphasis' &&
    plainText(node) === NOTHING_RECORDED
  );
}

function cellTexts(table: Table): string[][] {
  return table.children.map((row) => row.children.map((c) => plainText(c)));
}

function columnIndex(header: string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h.trim().toLowerCase()));
}

/** A time cell: an ISO instant when the whole cell is a timestamp, else the text as written. */
function readTime(text: string, context: ImportContext, at: number | null): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = matchTimestamp(text, context.doc.incidentDate);
  if (match && 'iso' in match && text.slice(match.length).trim() === '') return match.iso;
  context.warnings.push({
    line: at,
    message: `"${trimmed.slice(0, 40)}" is not a time the timeline can sort; it was kept as written.`,
  });
  return text;
}

const KIND_BY_LABEL = new Map<string, TimelineKind>(
  TIMELINE_KINDS.map((k) => [TIMELINE_KIND_LABELS[k].toLowerCase(), k]),
);
const MILESTONE_BY_LABEL = new Map<string, Milestone>(MILESTONES.map((m) => [MILESTONE_LABELS[m].toLowerCase(), m]));

export function readTimeline(body: RootContent[], context: ImportContext): void {
  for (const node of body) {
    if (node.type === 'table') readTimelineTable(node, context);
    else if (node.type === 'list') readTimelineList(node, context);
    else if (node.type === 'paragraph' && /^all times (are )?(in )?utc\.?$/i.test(plainText(node).trim())) continue;
    else if (node.type === 'paragraph' && readTimelineParagraph(node, context)) continue;
    else context.leftovers.push(node);
  }
}

function readTimelineTable(table: Table, context: ImportContext): void {
  const [header = [], ...rows] = cellTexts(table);
  const timeCol = Math.max(0, columnIndex(header, /^(time|timestamp|when|date\/time|date and time|date)\b/));
  let eventCol = columnIndex(header, /^(event|description|what happened|details|action|events?)\b/);
  if (eventCol < 0) eventCol = timeCol === 0 ? 1 : 0;
  const kindCol = columnIndex(header, /^(kind|type)$/);
  const milestoneCol = columnIndex(header, /^milestone$/);
  const knownCol = columnIndex(header, /^known at/);
  const used = new Set([timeCol, eventCol, kindCol, milestoneCol, knownCol]);
  rows.forEach((cells, r) => {
    const at = line(table.children[r + 1]);
    const extras = cells
      .map((value, c) => (used.has(c) || value.trim() === '' ? null : `${header[c] ?? `Column ${c + 1}`}: ${value}`))
      .filter((v): v is string => v !== null);
    const kindText = (cells[kindCol] ?? '').trim().toLowerCase();
    const milestoneText = (cells[milestoneCol] ?? '').trim().toLowerCase();
    context.doc.timeline.push({
      id: context.nextId('t'),
      time: readTime(cells[timeCol] ?? '', context, at),
      text: [cells[eventCol] ?? '', ...extras].filter((t) => t !== '').join('\n'),
      kind: KIND_BY_LABEL.get(kindText) ?? 'event',
      milestone: MILESTONE_BY_LABEL.get(milestoneText) ?? null,
      knownAt: knownCol >= 0 ? readTime(cells[knownCol] ?? '', context, at) : '',
    });
  });
}

/** A time at the start of a line: "14:23", "± 17:20 UTC:", "[13:26]", "2026-03-18 14:23 -". */
const LEADING_TIME =
  /^[±~≈]?\s*\[?((?:\d{4}[-/]\d{2}[-/]\d{2}[T\s]+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z))?)\]?\s*[:|,–—-]?\s*/i;
/** A date and time anywhere in a line ("Fault occurs 2020-02-12 11:45"). */
const ANYWHERE_TIME = /\b\d{4}-\d{2}-\d{2}[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?\b/i;

function timedRow(text: string, context: ImportContext, at: number | null): boolean {
  const m = LEADING_TIME.exec(text);
  if (!m) return false;
  context.doc.timeline.push({
    id: context.nextId('t'),
    time: readTime(m[1] ?? '', context, at),
    text: text.slice(m[0].length).trim(),
    kind: 'event',
    milestone: null,
    knownAt: '',
  });
  return true;
}

/** "- 14:23 text", "- **17:20 UTC:** text", "- [13:26] text" */
function readTimelineList(list: List, context: ImportContext): void {
  for (const item of list.children) {
    const text = itemText(item.children).trim();
    if (!timedRow(text, context, line(item))) {
      context.doc.timeline.push({
        id: context.nextId('t'),
        time: '',
        text,
        kind: 'event',
        milestone: null,
        knownAt: '',
      });
    }
  }
}

/** A paragraph that starts with a time ("**± 17:20 UTC:** text that may run on"). */
function readTimelineParagraph(node: Paragraph, context: ImportContext): boolean {
  return timedRow(plainText(node).trim(), context, line(node));
}

/** A "Key events" / "Timeline" item in a bullet list of fields, with one nested item per event. */
export function readLabelledTimeline(list: List, context: ImportContext): boolean {
  const index = list.children.findIndex((item) => {
    const first = item.children[0];
    return (
      first?.type === 'paragraph' &&
      /^(key events|timeline)\s*:?$/i.test(plainText(first).trim()) &&
      item.children.some((c) => c.type === 'list')
    );
  });
  const item = list.children[index];
  if (!item) return false;
  for (const nested of item.children.filter((c): c is List => c.type === 'list')) {
    for (const event of nested.children) {
      const text = itemText(event.children).trim();
      const stamp = ANYWHERE_TIME.exec(text);
      const match = stamp ? matchTimestamp(stamp[0], context.doc.incidentDate) : null;
      context.doc.timeline.push({
        id: context.nextId('t'),
        time: match && 'iso' in match ? match.iso : '',
        text: stamp
          ? `${text.slice(0, stamp.index)}${text.slice(stamp.index + stamp[0].length)}`.replace(/\s+/g, ' ').trim()
          : text,
        kind: 'event',
        milestone: null,
        knownAt: '',
      });
    }
  }
  const rest = list.children.filter((_, i) => i !== index);
  const actions = rest.findIndex((entry) => {
    const first = entry.children[0];
    return (
      first?.type === 'paragraph' &&
      /^(actions?( following review)?|action items|follow[- ]?ups?)\s*:?$/i.test(plainText(first).trim())
    );
  });
  const actionItem = rest[actions];
  const nested = actionItem?.children.filter((c): c is List => c.type === 'list') ?? [];
  if (nested.length > 0) readActionItems(nested, context);
  const remaining = nested.length > 0 ? rest.filter((_, i) => i !== actions) : rest;
  if (remaining.length > 0) context.leftovers.push({ ...list, children: remaining });
  return true;
}

const RANKED = /^\S+ \((root cause|contributory)\):$/;

export function readFactors(body: RootContent[], context: ImportContext): void {
  for (const node of body) {
    if (isNothingRecorded(node)) continue;
    if (node.type !== 'list') {
      context.leftovers.push(node);
      continue;
    }
    for (const item of node.children) {
      const [first, ...rest] = item.children;
      const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
      const mark = lead?.type === 'strong' ? RANKED.exec(plainText(lead)) : null;
      if (first?.type === 'paragraph' && mark) {
        const after = plainText({ type: 'paragraph', children: first.children.slice(1) });
        const text = [after.startsWith(' ') ? after.slice(1) : after, ...rest.map((n) => plainText(n))]
          .filter((t, i) => i === 0 || t !== '')
          .join('\n\n');
        context.doc.contributingFactors.push({ id: context.nextId('f'), text, isRootCause: mark[1] === 'root cause' });
      } else {
        context.doc.contributingFactors.push({
          id: context.nextId('f'),
          text: itemText(item.children),
          isRootCause: false,
        });
      }
    }
  }
}

export function readActionItems(body: RootContent[], context: ImportContext): void {
  const items: (Omit<ActionItem, 'number'> & { number: number | null })[] = [];
  const causes = rootCauses(context.doc);
  for (const node of body) {
    if (node.type === 'table') items.push(...tableItems(node, context, causes));
    else if (node.type === 'list') items.push(...listItems(node, context));
    else context.leftovers.push(node);
  }
  const taken = new Set<number>();
  let next = Math.max(0, ...items.map((i) => i.number ?? 0)) + 1;
  for (const item of items) {
    let number = item.number;
    if (number === null || taken.has(number)) {
      if (number !== null)
        context.warnings.push({
          line: null,
          message: `Action item id AI-${String(number).padStart(3, '0')} appears twice; the second one was renumbered.`,
        });
      number = next++;
    }
    taken.add(number);
    context.doc.actionItems.push({ ...item, number });
  }
}

function tableItems(table: Table, context: ImportContext, causes: ReturnType<typeof rootCauses>) {
  const [header = [], ...rows] = cellTexts(table);
  const col = (pattern: RegExp) => columnIndex(header, pattern);
  const idCol = col(/^(id|#|no\.?)$/);
  let descCol = col(/^(action( items?)?|description|task|item|what)$/);
  if (descCol < 0) descCol = idCol === 0 ? 1 : 0;
  const ownerCol = col(/^(owner|assignee|who|responsible)$/);
  const priorityCol = col(/^(priority|prio)$/);
  const dueCol = col(/^(due date|due|deadline|target date)$/);
  const criteriaCol = col(/^success criteria$/);
  const addressesCol = col(/^addresses$/);
  const trackingCol = col(/^(tracking|bug|ticket|issue|link|tracker)$/);
  const doneCol = col(/^(done|status|state)$/);
  return rows.map((cells, r) => {
    const row = table.children[r + 1];
    const at = line(row);
    const cell = (c: number) => (c >= 0 ? (cells[c] ?? '') : '');
    const priorityText = cell(priorityCol).trim().toUpperCase();
    const priority = PRIORITIES.find((p) => p === priorityText);
    if (!priority && priorityText !== '')
      context.warnings.push({
        line: at,
        message: `Priority "${priorityText.slice(0, 20)}" is not P0-P3; P2 was used.`,
      });
    const due = cell(dueCol).trim();
    if (due !== '' && !isRealDate(due))
      context.warnings.push({
        line: at,
        message: `Due date "${due.slice(0, 30)}" is not a YYYY-MM-DD date; it was left empty.`,
      });
    const addressesText = cell(addressesCol);
    const cause = addressesText.trim() === '' ? undefined : causes.find((c) => c.text.trim() === addressesText.trim());
    if (addressesText !== '' && !cause)
      context.warnings.push({
        line: at,
        message: `"${addressesText.slice(0, 40)}" matches no root cause, so the action item is not linked to one.`,
      });
    const doneText = cell(doneCol).trim();
    const doneMatch = /^yes(?:, (\d{4}-\d{2}-\d{2}))?$/i.exec(doneText);
    const description = statusMarker(row?.children[descCol]);
    // A Done (or Status) column says it; without one, a bold DONE after the action does.
    const done =
      doneMatch !== null ||
      /^(done|closed|complete[d]?|fixed)$/i.test(doneText) ||
      (doneCol < 0 && description.marker === 'DONE');
    return {
      id: context.nextId('a'),
      number: parseActionItemId(cell(idCol)),
      description: doneCol < 0 && description.marker ? description.text : cell(descCol),
      owner: cell(ownerCol),
      priority: priority ?? 'P2',
      dueDate: isRealDate(due) ? due : '',
      successCriteria: cell(criteriaCol),
      trackingLink: trackingLink(trackingCol >= 0 ? row?.children[trackingCol] : undefined),
      addresses: cause?.id ?? null,
      done,
      doneAt: doneMatch?.[1] && isRealDate(doneMatch[1]) ? doneMatch[1] : '',
    };
  });
}

/**
 * A tracking cell: the address when the cell is one link that shows its own address (as
 * the exporter writes it), else the cell's text as written, web addresses and all.
 */
function trackingLink(cell: TableCell | undefined): string {
  if (!cell) return '';
  const [only, ...rest] = cell.children;
  if (only?.type === 'link' && rest.length === 0 && plainText(only) === only.url) return only.url;
  return plainText(cell);
}

/** A hand-written "Fix the alert **DONE**": the bold DONE or TODO at the end of the action cell. */
function statusMarker(cell: TableCell | undefined): { text: string; marker: 'DONE' | 'TODO' | null } {
  const children = cell?.children ?? [];
  const last = children[children.length - 1];
  const mark = last?.type === 'strong' ? plainText(last).trim() : '';
  if (children.length < 2 || (mark !== 'DONE' && mark !== 'TODO')) return { text: '', marker: null };
  return { text: plainText({ type: 'paragraph', children: children.slice(0, -1) }).trimEnd(), marker: mark };
}

function listItems(list: List, context: ImportContext) {
  return list.children.map((item) => ({
    id: context.nextId('a'),
    number: null,
    description: itemText(item.children).trim(),
    owner: '',
    priority: 'P2' as const,
    dueDate: '',
    successCriteria: '',
    trackingLink: '',
    addresses: null,
    done: item.checked === true,
    doneAt: '',
  }));
}
