/**
 * The open postmortem's meeting record and the timer actions, applied through the
 * document store without entering undo history (the clock is not an edit).
 */
import { createContext, useContext, useMemo } from 'react';
import type { AgendaTemplate } from '../../../shared/agenda';
import {
  endMeeting,
  extendPhase,
  goToPhase,
  newMeeting,
  nextPhase,
  pauseMeeting,
  previousPhase,
  resumeMeeting,
  startMeeting,
  meetingStatus,
} from '../../../shared/meetingTimer';
import type { MeetingRecord } from '../../../shared/model';
import { editWithoutUndo, useDocument, useDocumentStoreApi } from '../document/documentStore';

export interface MeetingActions {
  start: (agenda: AgendaTemplate) => void;
  togglePause: () => void;
  next: () => void;
  previous: () => void;
  goTo: (index: number) => void;
  extend: () => void;
  end: () => void;
  /** Forgets the meeting record (asks first in the UI). */
  clear: () => void;
  update: (patch: Partial<Pick<MeetingRecord, 'privateNotes' | 'readyForReview' | 'muted'>>) => void;
}

/**
 * Set in a console window: its actions go to the editor's window instead of changing
 * the local copy, so the editor stays the one owner of the clock.
 */
export const RemoteMeetingActions = createContext<MeetingActions | null>(null);

export function useMeeting(): { meeting: MeetingRecord | null; actions: MeetingActions } {
  const meeting = useDocument((s) => s.doc.meeting);
  const store = useDocumentStoreApi();
  const remote = useContext(RemoteMeetingActions);
  const local = useMemo<MeetingActions>(() => {
    const apply = (change: (m: MeetingRecord, now: Date) => MeetingRecord) =>
      editWithoutUndo(store, (doc) => {
        if (!doc.meeting) return doc;
        const next = change(doc.meeting, new Date());
        return next === doc.meeting ? doc : { ...doc, meeting: next };
      });
    return {
      start: (agenda) =>
        editWithoutUndo(store, (doc) => ({ ...doc, meeting: startMeeting(newMeeting(agenda), new Date()) })),
      togglePause: () =>
        apply((m, now) => (meetingStatus(m) === 'running' ? pauseMeeting(m, now) : resumeMeeting(m, now))),
      next: () => apply(nextPhase),
      previous: () => apply(previousPhase),
      goTo: (index) => apply((m, now) => goToPhase(m, index, now)),
      extend: () => apply((m) => extendPhase(m)),
      end: () => apply(endMeeting),
      clear: () => editWithoutUndo(store, (doc) => ({ ...doc, meeting: null })),
      update: (patch) => apply((m) => ({ ...m, ...patch })),
    };
  }, [store]);
  return { meeting, actions: remote ?? local };
}
