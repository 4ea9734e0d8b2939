import { describe, expect, it } from 'vitest';
import { BUILT_IN_AGENDAS, agendaMinutes, allAgendas, validateAgenda } from '../../../shared/agenda';
import {
  businessDaysBetween,
  endMeeting,
  extendPhase,
  formatClock,
  goToPhase,
  meetingSummary,
  newMeeting,
  nextPhase,
  overrunNotes,
  pauseMeeting,
  previousPhase,
  resumeMeeting,
  startMeeting,
  timeToPostmortem,
  timerCues,
  timerView,
} from '../../../shared/meetingTimer';
import { meetingRecordSchema, type MeetingRecord } from '../../../shared/model';
import { fullPostmortem } from '../../fixtures/documents';

/** A fake clock: minutes after 14:00 UTC on a Wednesday. */
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 18, 14, 0, 0) + minutes * 60_000);
const standard = BUILT_IN_AGENDAS[0]!;

/** What a reload does: the record goes to disk as JSON and comes back through the schema. */
const reload = (meeting: MeetingRecord) => meetingRecordSchema.parse(JSON.parse(JSON.stringify(meeting)));

describe('agendas', () => {
  it("ships the guide's 60-minute agenda and shorter variants that add up", () => {
    expect(standard.phases.map((p) => [p.name, p.minutes])).toEqual([
      ['Context setting', 5],
      ['Timeline walkthrough', 15],
      ['Root cause analysis', 20],
      ['Action items', 15],
      ['Wrap-up', 5],
    ]);
    expect(BUILT_IN_AGENDAS.map(agendaMinutes)).toEqual([60, 45, 30, 30]);
    expect(BUILT_IN_AGENDAS.map((a) => a.name)).toContain('Near-miss review (30 min)');
  });

  it('checks an edited agenda and never lets a saved one hide a built-in', () => {
    expect(validateAgenda({ ...standard, phases: [] })).toEqual({
      ok: false,
      error: expect.stringMatching(/phases: needs at least one phase/),
    });
    expect(validateAgenda({ ...standard, phases: [{ ...standard.phases[0]!, minutes: 0 }] })).toMatchObject({
      ok: false,
    });
    const mine = { ...standard, id: 'mine', name: 'Ours' };
    expect(allAgendas([mine, { ...standard, name: 'Impostor' }]).map((a) => a.name)).toEqual([
      ...BUILT_IN_AGENDAS.map((a) => a.name),
      'Ours',
    ]);
  });
});

describe('meeting timer', () => {
  it('counts down the phase and the meeting from timestamps', () => {
    const m = startMeeting(newMeeting(standard), at(0));
    expect(timerView(m, at(3.5))).toMatchObject({
      status: 'running',
      phaseIndex: 0,
      phaseRemaining: 90,
      overrun: 0,
      meetingRemaining: 60 * 60 - 210,
      warning: false,
    });
    expect(timerView(m, at(4.5)).warning).toBe(true);
  });

  it('pauses and resumes without counting the pause', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    m = pauseMeeting(m, at(2));
    expect(timerView(m, at(30))).toMatchObject({ status: 'paused', phaseRemaining: 180 });
    m = resumeMeeting(m, at(30));
    expect(timerView(m, at(31)).phaseRemaining).toBe(120);
    expect(pauseMeeting(pauseMeeting(m, at(32)), at(33))).toEqual(pauseMeeting(m, at(32)));
  });

  it('shows overrun once a phase runs past its time, and +5 min extends it', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    expect(timerView(m, at(7)).overrun).toBe(120);
    expect(formatClock(timerView(m, at(7)).overrun, { signed: true })).toBe('+02:00');
    m = extendPhase(m);
    expect(timerView(m, at(7))).toMatchObject({ overrun: 0, phaseRemaining: 180 });
    expect(m.phases[0]?.extraMinutes).toBe(5);
  });

  it('moves to the next and previous phase, keeping each phase its own time', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    m = nextPhase(m, at(6));
    expect(m.phases[0]).toMatchObject({ spentSeconds: 360, runningSince: null, endedAt: at(6).toISOString() });
    expect(timerView(m, at(10))).toMatchObject({ phaseIndex: 1, phaseRemaining: 11 * 60 });
    m = previousPhase(m, at(10));
    expect(timerView(m, at(11))).toMatchObject({ phaseIndex: 0, overrun: 120 });
    expect(m.phases[1]).toMatchObject({ spentSeconds: 240, runningSince: null });
    // Skipping ahead leaves the phases in between unstarted.
    m = goToPhase(m, 3, at(11));
    expect(meetingSummary(m, at(11)).map((p) => p.skipped)).toEqual([false, false, true, false, true]);
    expect(previousPhase(goToPhase(m, 0, at(12)), at(12)).currentPhase).toBe(0);
  });

  it('survives a reload in the middle: the same reading from the saved record', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    m = nextPhase(m, at(5));
    m = extendPhase(m);
    const saved = reload(m);
    expect(timerView(saved, at(12))).toEqual(timerView(m, at(12)));
    expect(timerView(reload(pauseMeeting(m, at(8))), at(50)).phaseRemaining).toBe(17 * 60);
  });

  it('stays right when the clock jumps forward (sleep) and never counts backward time', () => {
    const m = startMeeting(newMeeting(standard), at(0));
    // The laptop slept for 40 minutes: the meeting really is 40 minutes in.
    expect(timerView(m, at(40))).toMatchObject({ phaseIndex: 0, overrun: 35 * 60 });
    // The clock was set back before the meeting began: nothing negative, nothing lost.
    expect(timerView(m, at(-10))).toMatchObject({ phaseRemaining: 300, overrun: 0 });
    const paused = pauseMeeting(m, at(-10));
    expect(paused.phases[0]?.spentSeconds).toBe(0);
  });

  it('cues a phase change and the last minute once each', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    const first = timerView(m, at(0));
    expect(timerCues(null, first)).toEqual([{ kind: 'phase-change', phase: 'Context setting', minutes: 5 }]);
    expect(timerCues(first, timerView(m, at(3)))).toEqual([]);
    const before = timerView(m, at(3.99));
    const warned = timerView(m, at(4.01));
    expect(timerCues(before, warned)).toEqual([{ kind: 'one-minute', phase: 'Context setting' }]);
    expect(timerCues(warned, timerView(m, at(4.5)))).toEqual([]);
    m = nextPhase(m, at(5));
    expect(timerCues(warned, timerView(m, at(5)))).toEqual([
      { kind: 'phase-change', phase: 'Timeline walkthrough', minutes: 15 },
    ]);
  });

  it('ends the meeting and tells which phases ran over', () => {
    let m = startMeeting(newMeeting(standard), at(0));
    m = nextPhase(m, at(5));
    m = nextPhase(m, at(20));
    m = nextPhase(m, at(48)); // root cause analysis: 28 of 20 minutes
    m = endMeeting(m, at(60));
    expect(timerView(m, at(70))).toMatchObject({ status: 'ended', meetingRemaining: 0 });
    expect(overrunNotes(m, at(70))).toEqual(['Root cause analysis ran 8 min over (28 of 20 planned)']);
    expect(endMeeting(m, at(80))).toBe(m);
    expect(nextPhase(m, at(80))).toBe(m);
  });

  it('formats clocks', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61.9)).toBe('01:01');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-133, { signed: true })).toBe('+02:13');
  });
});

describe('time to postmortem', () => {
  it('counts business days from the incident end to the meeting', () => {
    // Wed 2026-03-18 to Wed 2026-03-25: five business days.
    expect(businessDaysBetween(new Date('2026-03-18T20:00:00Z'), new Date('2026-03-25T09:00:00Z'))).toBe(5);
    expect(businessDaysBetween(new Date('2026-03-20T20:00:00Z'), new Date('2026-03-23T09:00:00Z'))).toBe(1); // Fri -> Mon
    expect(businessDaysBetween(new Date('2026-03-18T20:00:00Z'), new Date('2026-03-18T21:00:00Z'))).toBe(0);
    const doc = fullPostmortem();
    const meeting = startMeeting(newMeeting(standard), new Date('2026-03-27T10:00:00Z'));
    expect(timeToPostmortem({ ...doc, meeting })).toBe(7);
    expect(timeToPostmortem({ ...doc, meeting: null })).toBeNull();
  });
});
