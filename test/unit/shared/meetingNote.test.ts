import { describe, expect, it } from 'vitest';
import { BUILT_IN_AGENDAS } from '../../../shared/agenda';
import { serialize } from '../../../shared/markdown/mdast';
import { meetingNote } from '../../../shared/markdown/meetingNote';
import { endMeeting, newMeeting, nextPhase, startMeeting } from '../../../shared/meetingTimer';
import { fullPostmortem } from '../../fixtures/documents';

const at = (minutes: number) => new Date(Date.parse('2026-03-27T14:00:00Z') + minutes * 60_000);

describe('the Meeting note in the export', () => {
  it('says when and how the meeting ran, phase by phase, and never the private notes', () => {
    let meeting = startMeeting(newMeeting(BUILT_IN_AGENDAS[0]!), at(0));
    meeting = nextPhase(meeting, at(5));
    meeting = nextPhase(meeting, at(20));
    meeting = nextPhase(meeting, at(48));
    meeting = endMeeting({ ...meeting, privateNotes: 'Do not share: Bob was upset' }, at(62));
    const markdown = serialize({ type: 'root', children: meetingNote({ ...fullPostmortem(), meeting }) });
    expect(markdown).toBe(
      [
        '## Meeting',
        '',
        'Held 2026-03-27 using "Postmortem meeting (60 min)", 62 min. 7 business days after the incident ended (over the target of 5).',
        '',
        '| Phase | Planned | Actual | Over |',
        '| - | - | - | - |',
        '| Context setting | 5 min | 5 min | |',
        '| Timeline walkthrough | 15 min | 15 min | |',
        '| Root cause analysis | 20 min | 28 min | 8 min over |',
        '| Action items | 15 min | 14 min | |',
        '| Wrap-up | 5 min | skipped | |',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('Bob was upset');
  });

  it('is left out when no meeting was held', () => {
    expect(meetingNote({ ...fullPostmortem(), meeting: null })).toEqual([]);
    expect(meetingNote({ ...fullPostmortem(), meeting: newMeeting(BUILT_IN_AGENDAS[0]!) })).toEqual([]);
  });
});
