/**
 * The meeting timer as pure functions over the meeting record saved in the postmortem.
 * Every figure is computed from timestamps and the clock passed in, never from counted
 * ticks: after a reload, a restart or a laptop waking from sleep the display is right
 * at once. A clock that jumps backward never yields negative time.
 */
import type { AgendaTemplate } from './agenda';
import type { MeetingPhaseRecord, MeetingRecord, Postmortem } from './model';
import { milestoneTimes } from './timeline';

export type MeetingStatus = 'not-started' | 'running' | 'paused' | 'ended';

/** Minutes one press of "extend" adds to the current phase. */
export const EXTEND_MINUTES = 5;
/** When the one-minute warning fires. */
export const WARNING_SECONDS = 60;

export function newMeeting(agenda: AgendaTemplate): MeetingRecord {
  return {
    agendaName: agenda.name,
    phases: agenda.phases.map((p) => ({
      name: p.name,
      plannedMinutes: p.minutes,
      goal: p.goal,
      section: p.section,
      startedAt: null,
      endedAt: null,
      extraMinutes: 0,
      spentSeconds: 0,
      runningSince: null,
    })),
    currentPhase: 0,
    startedAt: null,
    endedAt: null,
    privateNotes: '',
    readyForReview: false,
    muted: false,
  };
}

const iso = (now: Date) => now.toISOString();

/** Seconds from `since` to `now`; zero if the clock went backward. */
function secondsSince(since: string, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(since)) / 1000);
}

export function meetingStatus(meeting: MeetingRecord): MeetingStatus {
  if (meeting.endedAt) return 'ended';
  if (!meeting.startedAt) return 'not-started';
  return meeting.phases[meeting.currentPhase]?.runningSince ? 'running' : 'paused';
}

/** Running time of a phase so far, in seconds. */
export function phaseElapsed(phase: MeetingPhaseRecord, now: Date): number {
  return phase.spentSeconds + (phase.runningSince ? secondsSince(phase.runningSince, now) : 0);
}

export function phaseBudgetSeconds(phase: MeetingPhaseRecord): number {
  return (phase.plannedMinutes + phase.extraMinutes) * 60;
}

function updatePhase(
  meeting: MeetingRecord,
  index: number,
  update: (phase: MeetingPhaseRecord) => MeetingPhaseRecord,
): MeetingRecord {
  return { ...meeting, phases: meeting.phases.map((p, i) => (i === index ? update(p) : p)) };
}

/** Closes the phase's running interval (if any) at `now`. */
function stopPhase(phase: MeetingPhaseRecord, now: Date): MeetingPhaseRecord {
  if (!phase.runningSince) return phase;
  return {
    ...phase,
    spentSeconds: phase.spentSeconds + secondsSince(phase.runningSince, now),
    runningSince: null,
    endedAt: iso(now),
  };
}

function runPhase(phase: MeetingPhaseRecord, now: Date): MeetingPhaseRecord {
  return { ...phase, startedAt: phase.startedAt ?? iso(now), endedAt: null, runningSince: iso(now) };
}

export function startMeeting(meeting: MeetingRecord, now: Date): MeetingRecord {
  if (meetingStatus(meeting) !== 'not-started' || meeting.phases.length === 0) return meeting;
  return updatePhase({ ...meeting, startedAt: iso(now), currentPhase: 0 }, 0, (p) => runPhase(p, now));
}

export function pauseMeeting(meeting: MeetingRecord, now: Date): MeetingRecord {
  if (meetingStatus(meeting) !== 'running') return meeting;
  return updatePhase(meeting, meeting.currentPhase, (p) => {
    const stopped = stopPhase(p, now);
    // Paused is not left: the phase has no end yet.
    return { ...stopped, endedAt: null };
  });
}

export function resumeMeeting(meeting: MeetingRecord, now: Date): MeetingRecord {
  if (meetingStatus(meeting) !== 'paused') return meeting;
  return updatePhase(meeting, meeting.currentPhase, (p) => runPhase(p, now));
}

/** Moves to another phase; the clock keeps its running or paused state. */
export function goToPhase(meeting: MeetingRecord, index: number, now: Date): MeetingRecord {
  const status = meetingStatus(meeting);
  if (status === 'not-started' || status === 'ended') return meeting;
  if (index < 0 || index >= meeting.phases.length || index === meeting.currentPhase) return meeting;
  const left = updatePhase(meeting, meeting.currentPhase, (p) => ({ ...stopPhase(p, now), endedAt: iso(now) }));
  const moved = { ...left, currentPhase: index };
  return updatePhase(moved, index, (p) =>
    status === 'running' ? runPhase(p, now) : { ...p, startedAt: p.startedAt ?? iso(now), endedAt: null },
  );
}

export function nextPhase(meeting: MeetingRecord, now: Date): MeetingRecord {
  return goToPhase(meeting, meeting.currentPhase + 1, now);
}

export function previousPhase(meeting: MeetingRecord, now: Date): MeetingRecord {
  return goToPhase(meeting, meeting.currentPhase - 1, now);
}

export function extendPhase(meeting: MeetingRecord, minutes = EXTEND_MINUTES): MeetingRecord {
  const status = meetingStatus(meeting);
  if (status === 'not-started' || status === 'ended') return meeting;
  return updatePhase(meeting, meeting.currentPhase, (p) => ({ ...p, extraMinutes: p.extraMinutes + minutes }));
}

export function endMeeting(meeting: MeetingRecord, now: Date): MeetingRecord {
  const status = meetingStatus(meeting);
  if (status === 'not-started' || status === 'ended') return meeting;
  const stopped = updatePhase(meeting, meeting.currentPhase, (p) => ({ ...stopPhase(p, now), endedAt: iso(now) }));
  return { ...stopped, endedAt: iso(now) };
}

export interface TimerView {
  status: MeetingStatus;
  phaseIndex: number;
  phase: MeetingPhaseRecord | undefined;
  /** Seconds left in the phase (negative once it runs over). */
  phaseRemaining: number;
  /** Seconds over the phase's time (planned plus extensions), or 0. */
  overrun: number;
  /** Seconds left in the whole meeting: this phase's remaining plus every later phase. */
  meetingRemaining: number;
  /** True within the last minute of a phase that has not run over. */
  warning: boolean;
}

export function timerView(meeting: MeetingRecord, now: Date): TimerView {
  const status = meetingStatus(meeting);
  const phase = meeting.phases[meeting.currentPhase];
  const remaining = phase ? phaseBudgetSeconds(phase) - phaseElapsed(phase, now) : 0;
  const later = meeting.phases.slice(meeting.currentPhase + 1).reduce((sum, p) => sum + phaseBudgetSeconds(p), 0);
  return {
    status,
    phaseIndex: meeting.currentPhase,
    phase,
    phaseRemaining: remaining,
    overrun: Math.max(0, -remaining),
    meetingRemaining: status === 'ended' ? 0 : Math.max(0, remaining) + later,
    warning: status !== 'ended' && status !== 'not-started' && remaining > 0 && remaining <= WARNING_SECONDS,
  };
}

export type TimerCue = { kind: 'phase-change'; phase: string; minutes: number } | { kind: 'one-minute'; phase: string };

/** What changed between two readings that the room should hear or see. */
export function timerCues(before: TimerView | null, after: TimerView): TimerCue[] {
  const cues: TimerCue[] = [];
  if (!after.phase || after.status === 'ended' || after.status === 'not-started') return cues;
  if (!before || before.phaseIndex !== after.phaseIndex || before.status === 'not-started') {
    cues.push({
      kind: 'phase-change',
      phase: after.phase.name,
      minutes: Math.round(phaseBudgetSeconds(after.phase) / 60),
    });
  } else if (!before.warning && after.warning && before.phaseRemaining > WARNING_SECONDS) {
    cues.push({ kind: 'one-minute', phase: after.phase.name });
  }
  return cues;
}

/** `12:05`, `1:02:03`, or `+02:13` for time over. */
export function formatClock(seconds: number, { signed = false } = {}): string {
  const whole = Math.floor(Math.abs(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const body =
    h > 0
      ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
      : `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return signed ? `+${body}` : body;
}

export interface PhaseSummary {
  name: string;
  plannedMinutes: number;
  actualMinutes: number;
  /** Minutes over the planned time (extensions count as running over), rounded. */
  overMinutes: number;
  skipped: boolean;
}

/** How each phase went, for the note after the meeting and the markdown. */
export function meetingSummary(meeting: MeetingRecord, now: Date): PhaseSummary[] {
  return meeting.phases.map((p) => {
    const actual = phaseElapsed(p, now) / 60;
    return {
      name: p.name,
      plannedMinutes: p.plannedMinutes,
      actualMinutes: Math.round(actual),
      overMinutes: Math.max(0, Math.round(actual - p.plannedMinutes)),
      skipped: p.startedAt === null,
    };
  });
}

/** "Root cause analysis ran 8 min over" lines for the phases that ran over. */
export function overrunNotes(meeting: MeetingRecord, now: Date): string[] {
  return meetingSummary(meeting, now)
    .filter((p) => p.overMinutes > 0)
    .map((p) => `${p.name} ran ${p.overMinutes} min over (${p.actualMinutes} of ${p.plannedMinutes} planned)`);
}

/** Monday-to-Friday days from one UTC date to another (0 on the same day; negative if before). */
export function businessDaysBetween(from: Date, to: Date): number {
  const day = 24 * 60 * 60 * 1000;
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  if (end < start) return -businessDaysBetween(to, from);
  let days = 0;
  for (let t = start + day; t <= end; t += day) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days += 1;
  }
  return days;
}

/** The guide's target: the meeting within five business days of the incident ending. */
export const TIME_TO_POSTMORTEM_TARGET_DAYS = 5;

/**
 * Business days from the incident's end (the "resolved" milestone, else the incident
 * date) to the meeting; null when either end is unknown.
 */
export function timeToPostmortem(doc: Pick<Postmortem, 'timeline' | 'incidentDate' | 'meeting'>): number | null {
  const held = doc.meeting?.startedAt;
  const ended = milestoneTimes(doc.timeline).resolved ?? (doc.incidentDate ? `${doc.incidentDate}T00:00:00Z` : null);
  if (!held || !ended || Number.isNaN(Date.parse(ended))) return null;
  return businessDaysBetween(new Date(ended), new Date(held));
}
