/**
 * What the room sees above the section while presenting: the phase, its goal in one
 * line and the clock, in large type. Nothing private.
 */
import { formatClock, meetingStatus, timerView } from '../../../shared/meetingTimer';
import { useDocument } from '../document/documentStore';
import { useNow } from './useNow';

export function PresenterHeader() {
  const meeting = useDocument((s) => s.doc.meeting);
  const title = useDocument((s) => s.doc.title);
  const status = meeting ? meetingStatus(meeting) : 'not-started';
  const now = useNow(status === 'running' || status === 'paused');
  const view = meeting && status !== 'not-started' && status !== 'ended' ? timerView(meeting, now) : null;
  return (
    <header className="presenter-header" aria-label="Presenting">
      <p className="presenter-title">{title || 'Untitled postmortem'}</p>
      {view?.phase ? (
        <>
          <h1 className="presenter-phase">{view.phase.name}</h1>
          <p className="presenter-goal">{view.phase.goal}</p>
          <p className={`presenter-clock ${view.overrun > 0 ? 'meeting-over' : ''}`}>
            {view.overrun > 0 ? (
              <>
                <span aria-hidden="true">⚠ </span>
                {formatClock(view.overrun, { signed: true })} over
              </>
            ) : (
              `${formatClock(view.phaseRemaining)} left`
            )}
            {view.status === 'paused' && ' · paused'}
          </p>
        </>
      ) : (
        <h1 className="presenter-phase">{status === 'ended' ? 'Meeting ended' : 'Postmortem review'}</h1>
      )}
      <p className="presenter-exit muted small">F5 or Esc to stop presenting</p>
    </header>
  );
}
