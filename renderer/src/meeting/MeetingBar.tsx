/**
 * The meeting strip at the top of a postmortem: pick an agenda and start, then the
 * current phase, its goal, the phase and meeting clocks, and the controls. It also
 * plays the cues (chime, flash, spoken announcement) and takes the editor to each
 * phase's section.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { allAgendas, agendaMinutes, DEFAULT_AGENDA_ID, type AgendaTemplate } from '../../../shared/agenda';
import {
  formatClock,
  meetingStatus,
  overrunNotes,
  timeToPostmortem,
  TIME_TO_POSTMORTEM_TARGET_DAYS,
  timerCues,
  timerView,
  type TimerView,
} from '../../../shared/meetingTimer';
import type { AgendaSection, MeetingRecord } from '../../../shared/model';
import { useDocument } from '../document/documentStore';
import { usePlatform } from '../app/platformContext';
import { useAgendas } from './agendas';
import { playChime } from './chime';
import { useMeeting, type MeetingActions } from './useMeeting';
import { useNow } from './useNow';

/** The element each agenda section scrolls to. */
export const SECTION_ELEMENT_IDS: Readonly<Record<AgendaSection, string>> = {
  context: 'section-context',
  timeline: 'section-timeline',
  whys: 'section-whys',
  actionItems: 'section-actions',
  wrapUp: 'section-wrap-up',
};

export function goToSection(section: AgendaSection): void {
  document.getElementById(SECTION_ELEMENT_IDS[section])?.scrollIntoView({ block: 'start' });
}

/**
 * Keys a meeting listens for when no field or control has them. (Not judged by
 * defaultPrevented: React Flow claims Space on the whole document for panning.)
 */
function isFreeKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  const target = event.target;
  if (!(target instanceof Element)) return true;
  return !target.closest(
    'input, textarea, select, button, a, summary, [contenteditable], [role="application"], dialog',
  );
}

export function useMeetingKeys(meeting: MeetingRecord | null, actions: MeetingActions): void {
  const status = meeting ? meetingStatus(meeting) : 'not-started';
  const platform = usePlatform();
  // The native menu's Meeting items (desktop).
  useEffect(
    () =>
      platform.onCommand((command) => {
        if (command === 'meeting-toggle-pause') actions.togglePause();
        else if (command === 'meeting-next') actions.next();
        else if (command === 'meeting-previous') actions.previous();
        else if (command === 'meeting-extend') actions.extend();
      }),
    [platform, actions],
  );
  useEffect(() => {
    if (status !== 'running' && status !== 'paused') return;
    const onKey = (event: KeyboardEvent) => {
      if (!isFreeKey(event)) return;
      const key = event.key.toLowerCase();
      const act =
        key === ' '
          ? actions.togglePause
          : key === 'n'
            ? actions.next
            : key === 'p'
              ? actions.previous
              : key === 'e'
                ? actions.extend
                : null;
      if (!act) return;
      event.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status, actions]);
}

/** Plays and announces the cues as the clock moves; never on first showing an open meeting. */
function useCues(view: TimerView | null, muted: boolean, onPhase: (section: AgendaSection) => void) {
  const previous = useRef<TimerView | null | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState<'phase' | 'warning' | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (before === undefined || !view) return;
    for (const cue of timerCues(before, view)) {
      if (!muted) playChime(cue.kind === 'phase-change' ? 'phase' : 'warning');
      setFlash(cue.kind === 'phase-change' ? 'phase' : 'warning');
      if (cue.kind === 'phase-change') {
        setAnnouncement(`Now: ${cue.phase}, ${cue.minutes} minutes.`);
        if (view.phase) onPhase(view.phase.section);
      } else {
        setAnnouncement(`One minute left in ${cue.phase}.`);
      }
    }
  }, [view, muted, onPhase]);
  useEffect(() => {
    if (!flash) return;
    const timer = window.setTimeout(() => setFlash(null), 1600);
    return () => window.clearTimeout(timer);
  }, [flash]);
  return { announcement, flash };
}

const noSection = () => undefined;

export function MeetingBar({
  presenting,
  onTogglePresent,
  remote = false,
}: {
  presenting: boolean;
  onTogglePresent: () => void;
  /** In a console window: no chime (the editor's window plays it) and no sections to scroll to. */
  remote?: boolean;
}) {
  const { custom: customAgendas, openEditor } = useAgendas();
  const { meeting, actions } = useMeeting();
  const status = meeting ? meetingStatus(meeting) : 'not-started';
  const now = useNow(status === 'running' || status === 'paused');
  const view = meeting && status !== 'not-started' ? timerView(meeting, now) : null;
  const { announcement, flash } = useCues(view, remote || (meeting?.muted ?? false), remote ? noSection : goToSection);
  useMeetingKeys(meeting, actions);

  return (
    <div className={`meeting-bar ${flash ? `meeting-flash-${flash}` : ''}`} aria-label="Meeting">
      {/* Read out phase changes and the last-minute warning. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {!meeting || status === 'not-started' ? (
        <StartMeeting agendas={allAgendas(customAgendas)} onStart={actions.start} onEditAgendas={openEditor} />
      ) : status === 'ended' ? (
        <MeetingEnded meeting={meeting} now={now} onStartAgain={actions.clear} />
      ) : (
        view && (
          <RunningMeeting
            meeting={meeting}
            view={view}
            actions={actions}
            presenting={presenting}
            remote={remote}
            onTogglePresent={onTogglePresent}
          />
        )
      )}
    </div>
  );
}

function StartMeeting({
  agendas,
  onStart,
  onEditAgendas,
}: {
  agendas: AgendaTemplate[];
  onStart: (agenda: AgendaTemplate) => void;
  onEditAgendas: () => void;
}) {
  const id = useId();
  const [agendaId, setAgendaId] = useState(DEFAULT_AGENDA_ID);
  const agenda = agendas.find((a) => a.id === agendaId) ?? agendas[0];
  return (
    <div className="meeting-start">
      <label htmlFor={`${id}-agenda`}>Agenda</label>
      <select id={`${id}-agenda`} value={agenda?.id} onChange={(e) => setAgendaId(e.target.value)}>
        {agendas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="button" className="primary" disabled={!agenda} onClick={() => agenda && onStart(agenda)}>
        Start the meeting
      </button>
      <button type="button" className="link-button" onClick={onEditAgendas}>
        Edit agendas…
      </button>
      {agenda && (
        <span className="muted small">
          {agenda.phases.map((p) => `${p.name} ${p.minutes}′`).join(' · ')} ({agendaMinutes(agenda)} min)
        </span>
      )}
    </div>
  );
}

function RunningMeeting({
  meeting,
  view,
  actions,
  presenting,
  remote,
  onTogglePresent,
}: {
  meeting: MeetingRecord;
  view: TimerView;
  actions: MeetingActions;
  presenting: boolean;
  remote: boolean;
  onTogglePresent: () => void;
}) {
  const phase = view.phase;
  const paused = view.status === 'paused';
  const over = view.overrun > 0;
  return (
    <div className="meeting-running">
      <div className="meeting-phase">
        <span className="meeting-step">
          Phase {view.phaseIndex + 1} of {meeting.phases.length}
          {paused && <strong className="meeting-paused"> · Paused</strong>}
        </span>
        <strong className="meeting-phase-name">{phase?.name}</strong>
        <span className="meeting-goal">{phase?.goal}</span>
      </div>
      <div
        className={`meeting-clock ${over ? 'meeting-over' : ''} ${view.warning ? 'meeting-warning' : ''}`}
        aria-label={
          over
            ? `${formatClock(view.overrun)} over the phase's time`
            : `${formatClock(view.phaseRemaining)} left in this phase`
        }
      >
        {over ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {formatClock(view.overrun, { signed: true })} <span className="meeting-clock-note">over</span>
          </>
        ) : (
          <>
            {formatClock(view.phaseRemaining)} <span className="meeting-clock-note">left</span>
          </>
        )}
      </div>
      <div className="meeting-total muted">
        Meeting: {formatClock(view.meetingRemaining)} left
        {phase && phase.extraMinutes > 0 && ` · phase extended by ${phase.extraMinutes} min`}
      </div>
      <div className="meeting-controls" role="toolbar" aria-label="Meeting controls">
        <button type="button" onClick={actions.previous} disabled={view.phaseIndex === 0} aria-keyshortcuts="P">
          ◀ Previous <kbd>P</kbd>
        </button>
        <button type="button" onClick={actions.togglePause} aria-keyshortcuts="Space">
          {paused ? 'Resume' : 'Pause'} <kbd>Space</kbd>
        </button>
        <button
          type="button"
          onClick={actions.next}
          disabled={view.phaseIndex >= meeting.phases.length - 1}
          aria-keyshortcuts="N"
        >
          Next ▶ <kbd>N</kbd>
        </button>
        <button type="button" onClick={actions.extend} aria-keyshortcuts="E">
          +5 min <kbd>E</kbd>
        </button>
        {!remote && (
          <button type="button" onClick={() => actions.update({ muted: !meeting.muted })} aria-pressed={meeting.muted}>
            {meeting.muted ? 'Chime: off' : 'Chime: on'}
          </button>
        )}
        {remote ? (
          <button type="button" onClick={onTogglePresent}>
            Present or stop, in the main window
          </button>
        ) : (
          <button type="button" onClick={onTogglePresent} aria-pressed={presenting} aria-keyshortcuts="F5">
            {presenting ? 'Stop presenting' : 'Present'} <kbd>F5</kbd>
          </button>
        )}
        <button type="button" className="danger" onClick={actions.end}>
          End meeting
        </button>
      </div>
    </div>
  );
}

function MeetingEnded({ meeting, now, onStartAgain }: { meeting: MeetingRecord; now: Date; onStartAgain: () => void }) {
  const doc = useDocument((s) => s.doc);
  const notes = overrunNotes(meeting, now);
  const days = timeToPostmortem(doc);
  const held = meeting.startedAt ? meeting.startedAt.slice(0, 10) : '';
  const minutes =
    meeting.startedAt && meeting.endedAt
      ? Math.round((Date.parse(meeting.endedAt) - Date.parse(meeting.startedAt)) / 60000)
      : 0;
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="meeting-ended">
      <p>
        <strong>Meeting held {held}</strong> ({meeting.agendaName}, {minutes} min).{' '}
        {notes.length === 0 ? 'Every phase kept to its time.' : `${notes.join('; ')}.`}
      </p>
      {days !== null && (
        <p className={days > TIME_TO_POSTMORTEM_TARGET_DAYS ? 'meeting-late' : undefined}>
          {days > TIME_TO_POSTMORTEM_TARGET_DAYS && <span aria-hidden="true">⚠ </span>}
          Held {days} business day{days === 1 ? '' : 's'} after the incident ended
          {days > TIME_TO_POSTMORTEM_TARGET_DAYS
            ? ` (the target is within ${TIME_TO_POSTMORTEM_TARGET_DAYS}: details fade quickly).`
            : '.'}
        </p>
      )}
      {confirming ? (
        <span className="meeting-confirm">
          Replace this meeting record with a new meeting?{' '}
          <button type="button" className="danger" onClick={onStartAgain}>
            Replace
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Run another meeting…
        </button>
      )}
    </div>
  );
}
