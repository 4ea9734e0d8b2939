/**
 * Pure edits for every section of the document. Each takes a document and returns a
 * new one (or the same object when nothing changed), so the renderer's store can
 * apply, undo and save them uniformly. Ids come from the caller to keep these pure.
 */
import { defaultDueDate, nextActionItemNumber } from './actionItems';
import type { ActionItem, ContributingFactor, Impact, Postmortem, Priority, TimelineEvent } from './model';
import { sortTimeline } from './timeline';

type ListKey = 'wentWell' | 'wentPoorly';

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

export function updateImpact(doc: Postmortem, patch: Partial<Impact>): Postmortem {
  const changed = (Object.keys(patch) as (keyof Impact)[]).some(
    (k) => patch[k] !== undefined && patch[k] !== doc.impact[k],
  );
  return changed ? { ...doc, impact: { ...doc.impact, ...patch } } : doc;
}

export function addService(doc: Postmortem, service: string): Postmortem {
  const name = service.trim();
  if (name === '' || doc.impact.servicesAffected.includes(name)) return doc;
  return updateImpact(doc, { servicesAffected: [...doc.impact.servicesAffected, name] });
}

export function removeService(doc: Postmortem, index: number): Postmortem {
  return updateImpact(doc, { servicesAffected: doc.impact.servicesAffected.filter((_, i) => i !== index) });
}

// Timeline -------------------------------------------------------------------------

export function newTimelineEvent(id: string, patch: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id, time: '', text: '', kind: 'event', milestone: null, knownAt: '', ...patch };
}

/** Inserts rows after `afterIndex` (-1 = at the top; omitted = at the end). */
export function insertTimelineEvents(doc: Postmortem, events: TimelineEvent[], afterIndex?: number): Postmortem {
  const at = afterIndex === undefined ? doc.timeline.length : afterIndex + 1;
  return { ...doc, timeline: [...doc.timeline.slice(0, at), ...events, ...doc.timeline.slice(at)] };
}

export function updateTimelineEvent(
  doc: Postmortem,
  id: string,
  patch: Partial<Omit<TimelineEvent, 'id'>>,
): Postmortem {
  const index = doc.timeline.findIndex((e) => e.id === id);
  const current = doc.timeline[index];
  if (!current) return doc;
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).some(
    (k) => patch[k] !== undefined && patch[k] !== current[k],
  );
  if (!changed) return doc;
  let timeline = replaceAt(doc.timeline, index, { ...current, ...patch });
  // A milestone marks one moment: giving it to this row takes it from any other.
  if (patch.milestone)
    timeline = timeline.map((e) => (e.id !== id && e.milestone === patch.milestone ? { ...e, milestone: null } : e));
  return { ...doc, timeline };
}

export function removeTimelineEvent(doc: Postmortem, id: string): Postmortem {
  return { ...doc, timeline: doc.timeline.filter((e) => e.id !== id) };
}

export function sortTimelineByTime(doc: Postmortem): Postmortem {
  const sorted = sortTimeline(doc.timeline);
  return sorted.every((e, i) => e === doc.timeline[i]) ? doc : { ...doc, timeline: sorted };
}

// Contributing factors ---------------------------------------------------------------

export function addFactor(doc: Postmortem, id: string, afterIndex?: number): Postmortem {
  const factor: ContributingFactor = { id, text: '', isRootCause: false };
  const at = afterIndex === undefined ? doc.contributingFactors.length : afterIndex + 1;
  return {
    ...doc,
    contributingFactors: [...doc.contributingFactors.slice(0, at), factor, ...doc.contributingFactors.slice(at)],
  };
}

export function updateFactor(doc: Postmortem, id: string, patch: Partial<Omit<ContributingFactor, 'id'>>): Postmortem {
  const index = doc.contributingFactors.findIndex((f) => f.id === id);
  const current = doc.contributingFactors[index];
  if (!current || (Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === current[k])) return doc;
  return { ...doc, contributingFactors: replaceAt(doc.contributingFactors, index, { ...current, ...patch }) };
}

export function removeFactor(doc: Postmortem, id: string): Postmortem {
  return {
    ...doc,
    contributingFactors: doc.contributingFactors.filter((f) => f.id !== id),
    actionItems: doc.actionItems.map((a) => (a.addresses === id ? { ...a, addresses: null } : a)),
  };
}

export function moveFactor(doc: Postmortem, from: number, to: number): Postmortem {
  if (from === to) return doc;
  return { ...doc, contributingFactors: move(doc.contributingFactors, from, to) };
}

// Went well / poorly ---------------------------------------------------------------

export function insertListItem(doc: Postmortem, key: ListKey, afterIndex: number, value = ''): Postmortem {
  const list = doc[key];
  return { ...doc, [key]: [...list.slice(0, afterIndex + 1), value, ...list.slice(afterIndex + 1)] };
}

export function updateListItem(doc: Postmortem, key: ListKey, index: number, value: string): Postmortem {
  return doc[key][index] === value ? doc : { ...doc, [key]: replaceAt(doc[key], index, value) };
}

export function removeListItem(doc: Postmortem, key: ListKey, index: number): Postmortem {
  return { ...doc, [key]: doc[key].filter((_, i) => i !== index) };
}

// Action items ---------------------------------------------------------------------

/** The date due dates count from: the review meeting if set, else `today`. */
export function dueDateBase(doc: Postmortem, today: string): string {
  return doc.reviewDate !== '' ? doc.reviewDate : today;
}

/** An action item with every field empty (P1, open), then `patch`. */
export function blankActionItem(id: string, number: number, patch: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    number,
    description: '',
    owner: '',
    priority: 'P1',
    dueDate: '',
    successCriteria: '',
    trackingLink: '',
    addresses: null,
    done: false,
    doneAt: '',
    ...patch,
  };
}

export function addActionItem(doc: Postmortem, id: string, today: string, patch: Partial<ActionItem> = {}): Postmortem {
  const priority: Priority = patch.priority ?? 'P1';
  const item = blankActionItem(id, nextActionItemNumber(doc.actionItems), {
    dueDate: defaultDueDate(priority, dueDateBase(doc, today)),
    ...patch,
  });
  return { ...doc, actionItems: [...doc.actionItems, item] };
}

/**
 * Changing the priority moves a due date that still equals the old priority's default
 * to the new default; a date someone typed is left alone.
 */
export function updateActionItem(
  doc: Postmortem,
  id: string,
  patch: Partial<Omit<ActionItem, 'id' | 'number'>>,
  today: string,
): Postmortem {
  const index = doc.actionItems.findIndex((a) => a.id === id);
  const current = doc.actionItems[index];
  if (!current || (Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === current[k])) return doc;
  const next = { ...current, ...patch };
  const base = dueDateBase(doc, today);
  if (
    patch.priority &&
    patch.priority !== current.priority &&
    current.dueDate === defaultDueDate(current.priority, base)
  ) {
    next.dueDate = defaultDueDate(patch.priority, base);
  }
  if (patch.done === true && !current.done && next.doneAt === '') next.doneAt = today;
  if (patch.done === false) next.doneAt = '';
  return { ...doc, actionItems: replaceAt(doc.actionItems, index, next) };
}

export function removeActionItem(doc: Postmortem, id: string): Postmortem {
  return { ...doc, actionItems: doc.actionItems.filter((a) => a.id !== id) };
}
