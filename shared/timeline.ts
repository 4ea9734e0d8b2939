/**
 * What the timeline's milestones tell: the gaps the guide defines (detection,
 * diagnosis, mitigation) and the duration (detection -> resolution), each with a
 * plain note when the milestone it needs is missing.
 */
import type { Milestone, Postmortem, TimelineEvent } from './model';
import { minutesBetween } from './time';

export const MILESTONE_LABELS: Record<Milestone, string> = {
  started: 'Started',
  detected: 'Detected',
  diagnosed: 'Root cause identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

export interface Gap {
  key: 'detectionGap' | 'diagnosisGap' | 'mitigationGap' | 'duration';
  label: string;
  from: Milestone;
  to: Milestone;
  minutes: number | null;
  /** Why there is no figure, in words (null when there is one). */
  note: string | null;
}

const GAPS: Omit<Gap, 'minutes' | 'note'>[] = [
  { key: 'detectionGap', label: 'Detection gap', from: 'started', to: 'detected' },
  { key: 'diagnosisGap', label: 'Diagnosis gap', from: 'detected', to: 'diagnosed' },
  { key: 'mitigationGap', label: 'Mitigation gap', from: 'diagnosed', to: 'mitigated' },
  { key: 'duration', label: 'Duration', from: 'detected', to: 'resolved' },
];

/** The earliest time marked with each milestone. */
export function milestoneTimes(timeline: readonly TimelineEvent[]): Partial<Record<Milestone, string>> {
  const times: Partial<Record<Milestone, string>> = {};
  for (const event of timeline) {
    if (!event.milestone || event.time === '' || Number.isNaN(Date.parse(event.time))) continue;
    const current = times[event.milestone];
    if (!current || Date.parse(event.time) < Date.parse(current)) times[event.milestone] = event.time;
  }
  return times;
}

export function timelineGaps(timeline: readonly TimelineEvent[]): Gap[] {
  const times = milestoneTimes(timeline);
  return GAPS.map((gap) => {
    const missing = [gap.from, gap.to].filter((m) => !times[m]).map((m) => MILESTONE_LABELS[m].toLowerCase());
    if (missing.length > 0) {
      return { ...gap, minutes: null, note: `Mark an event as ${missing.join(' and an event as ')} to see this.` };
    }
    const minutes = minutesBetween(times[gap.from], times[gap.to]);
    if (minutes !== null && minutes < 0) {
      return {
        ...gap,
        minutes: null,
        note: `${MILESTONE_LABELS[gap.to]} is before ${MILESTONE_LABELS[gap.from].toLowerCase()}: check the times.`,
      };
    }
    return { ...gap, minutes, note: null };
  });
}

export function incidentDuration(doc: Pick<Postmortem, 'timeline'>): number | null {
  return timelineGaps(doc.timeline).find((g) => g.key === 'duration')?.minutes ?? null;
}

/** Sorted by time; rows without a valid time keep their relative order at the end. */
export function sortTimeline(timeline: readonly TimelineEvent[]): TimelineEvent[] {
  const keyed = timeline.map((event, index) => ({ event, index, t: Date.parse(event.time) }));
  keyed.sort((a, b) => {
    const an = Number.isNaN(a.t);
    const bn = Number.isNaN(b.t);
    if (an || bn) return an === bn ? a.index - b.index : an ? 1 : -1;
    return a.t - b.t || a.index - b.index;
  });
  return keyed.map((k) => k.event);
}
