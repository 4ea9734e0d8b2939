/** Words the app and its exports share for ranks and timeline kinds. */
import type { TimelineKind } from './model';

/** Ranks of contributing factors, in order; later ones are "11th", "12th", ... */
export const RANK_NAMES = [
  'Primary',
  'Secondary',
  'Tertiary',
  'Quaternary',
  'Quinary',
  'Senary',
  'Septenary',
  'Octonary',
  'Nonary',
  'Denary',
];

export function rankName(index: number): string {
  return RANK_NAMES[index] ?? `${index + 1}th`;
}

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  event: 'Event',
  alert: 'Alert',
  page: 'Page',
  action: 'Action',
  communication: 'Communication',
  'counter-event': 'Tried, failed',
};
