/**
 * Where incidents fall in time, for the program metrics: a document's incident day,
 * calendar months and quarters, and the months a dashboard period covers.
 *
 * One document is one incident. Its incident day is its incident date, else the day
 * its timeline marks as started; documents with neither cannot be placed in time.
 */
import type { Postmortem } from './model';
import { milestoneTimes } from './timeline';

/** Whether a program metric meets the guide's target; no-data when there is nothing to judge. */
export type TargetStatus = 'met' | 'missed' | 'no-data';
export type Period = 3 | 6 | 12 | 'all';
export const PERIODS: readonly Period[] = [3, 6, 12, 'all'];

/** YYYY-MM-DD, or null when the document says nothing about when the incident was. */
export function incidentDay(doc: Pick<Postmortem, 'incidentDate' | 'timeline'>): string | null {
  if (doc.incidentDate) return doc.incidentDate;
  const started = milestoneTimes(doc.timeline).started;
  return started ? started.slice(0, 10) : null;
}

export const monthOf = (day: string) => day.slice(0, 7);

function addMonths(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 1200; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** "2026-02" -> "2026-Q1". */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The calendar months a period covers: the last N months ending with the current one
 * (so "3 months" on 2026-03-18 is January to March, March still running), or for "all"
 * the month of the first incident to now.
 */
export function periodMonths(days: readonly string[], today: string, period: Period): string[] {
  const now = monthOf(today);
  if (period !== 'all') return monthRange(addMonths(now, 1 - period), now);
  const first = days.reduce((min, d) => (monthOf(d) < min ? monthOf(d) : min), now);
  return monthRange(first, now);
}

export interface DatedDoc {
  doc: Postmortem;
  day: string;
}

/** Dated documents, oldest incident first (ties by creation), so "earlier" is well defined. */
export function chronological(docs: readonly Postmortem[]): DatedDoc[] {
  return docs
    .flatMap((doc) => {
      const day = incidentDay(doc);
      return day ? [{ doc, day }] : [];
    })
    .sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        a.doc.createdAt.localeCompare(b.doc.createdAt) ||
        a.doc.id.localeCompare(b.doc.id),
    );
}
