/** Small postmortems for the program-metrics tests, each field set by hand. */
import { createPostmortem } from '../../../shared/documents';
import { blankActionItem } from '../../../shared/edits';
import type { ActionItem, Postmortem, Priority } from '../../../shared/model';

export interface Incident {
  id: string;
  day: string;
  services?: string[];
  /** The "resolved" milestone (ISO instant). */
  resolved?: string;
  /** When the postmortem meeting started (ISO instant). */
  meeting?: string;
  /** Root causes, each with its tags. */
  rootTags?: string[][];
  items?: Partial<ActionItem>[];
  slo?: string;
  impactMinutes?: number;
  createdAt?: string;
}

export function incident(spec: Incident): Postmortem {
  const base = createPostmortem(spec.id, spec.createdAt ?? '2026-01-01T00:00:00.000Z');
  return {
    ...base,
    title: `Incident ${spec.id}`,
    incidentDate: spec.day,
    impact: {
      ...base.impact,
      servicesAffected: spec.services ?? [],
      sloTarget: spec.slo ?? '',
      impactMinutesOverride: spec.impactMinutes ?? null,
    },
    timeline: spec.resolved
      ? [{ id: 't1', time: spec.resolved, text: 'Resolved', kind: 'event', milestone: 'resolved', knownAt: '' }]
      : [],
    whys: {
      symptom: 'Symptom',
      nodes: (spec.rootTags ?? []).map((tags, i) => ({
        id: `w${i}`,
        parentId: null,
        order: i,
        question: 'Why?',
        answer: 'Because',
        isRootCause: true,
        tags,
      })),
    },
    actionItems: (spec.items ?? []).map((patch, i) => item(i + 1, patch)),
    meeting: spec.meeting
      ? {
          agendaName: 'Standard',
          phases: [],
          currentPhase: 0,
          startedAt: spec.meeting,
          endedAt: null,
          privateNotes: '',
          readyForReview: false,
          muted: false,
        }
      : null,
  };
}

export function item(number: number, patch: Partial<ActionItem> & { priority?: Priority }): ActionItem {
  return blankActionItem(`a${number}`, number, { description: `Action ${number}`, owner: 'Priya', ...patch });
}
