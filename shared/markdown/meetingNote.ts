/**
 * The short "Meeting" note at the end of an exported postmortem: when the review was
 * held, on which agenda, how long after the incident, and how each phase went. The
 * facilitator's private notes are never part of it.
 */
import type { RootContent } from 'mdast';
import { meetingSummary, TIME_TO_POSTMORTEM_TARGET_DAYS, timeToPostmortem } from '../meetingTimer';
import type { Postmortem } from '../model';
import { heading, paragraph, table, text } from './mdast';

export const MEETING_HEADING = 'Meeting';

export function meetingNote(doc: Postmortem): RootContent[] {
  const meeting = doc.meeting;
  if (!meeting?.startedAt) return [];
  // A finished meeting is read at its end; one still running, at its last saved moment.
  const at = new Date(
    meeting.endedAt ?? meeting.phases.reduce((last, p) => p.endedAt ?? p.runningSince ?? last, meeting.startedAt),
  );
  const minutes = Math.round((at.getTime() - Date.parse(meeting.startedAt)) / 60000);
  const days = timeToPostmortem(doc);
  const facts = [
    `Held ${meeting.startedAt.slice(0, 10)} using "${meeting.agendaName}", ${minutes} min${meeting.endedAt ? '' : ' so far'}.`,
    ...(days === null
      ? []
      : [
          `${days} business day${days === 1 ? '' : 's'} after the incident ended` +
            (days > TIME_TO_POSTMORTEM_TARGET_DAYS ? ` (over the target of ${TIME_TO_POSTMORTEM_TARGET_DAYS}).` : '.'),
        ]),
  ];
  const rows = meetingSummary(meeting, at).map((p) => [
    p.name,
    `${p.plannedMinutes} min`,
    p.skipped ? 'skipped' : `${p.actualMinutes} min`,
    p.overMinutes > 0 ? `${p.overMinutes} min over` : '',
  ]);
  return [
    heading(2, MEETING_HEADING),
    paragraph(text(facts.join(' '))),
    table(['Phase', 'Planned', 'Actual', 'Over'], rows),
  ];
}
