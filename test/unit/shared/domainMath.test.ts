import { describe, expect, it } from 'vitest';
import {
  actionItemIssues,
  defaultDueDate,
  formatActionItemId,
  isTrackingLink,
  nextActionItemNumber,
} from '../../../shared/actionItems';
import { createPostmortem } from '../../../shared/documents';
import { budgetMinutes, describeErrorBudget, errorBudget, parseSloTarget } from '../../../shared/impact';
import type { ActionItem, Postmortem, TimelineEvent } from '../../../shared/model';
import { formatHhMm, formatUtc, parseTimestamp, rowsFromPaste } from '../../../shared/time';
import { sortTimeline, timelineGaps } from '../../../shared/timeline';

const event = (id: string, time: string, milestone: TimelineEvent['milestone'] = null): TimelineEvent => ({
  id,
  time,
  text: id,
  kind: 'event',
  milestone,
  knownAt: '',
});

describe('error budget (the guide’s numbers)', () => {
  it('99.9% over a 30-day month is 43.2 minutes', () => {
    expect(budgetMinutes(99.9, 30)).toBeCloseTo(43.2, 10);
  });

  it('a 90-minute outage consumes 208% of it and is flagged as over budget', () => {
    const doc: Postmortem = {
      ...createPostmortem('pm', '2026-03-18T00:00:00.000Z'),
      impact: { ...createPostmortem('pm', '2026-03-18T00:00:00.000Z').impact, sloTarget: '99.9' },
      timeline: [event('a', '2026-03-18T14:00:00Z', 'started'), event('b', '2026-03-18T15:30:00Z', 'resolved')],
    };
    const budget = errorBudget(doc);
    expect(budget).toMatchObject({ ok: true, impactMinutes: 90, overBudget: true, impactSource: 'timeline' });
    if (budget.ok) {
      expect(budget.consumedPercent).toBeCloseTo(208.33, 2);
      expect(describeErrorBudget(budget, 30)).toBe('208.3% of the monthly error budget consumed (90 of 43.2 min)');
    }
    const overridden = errorBudget({ ...doc, impact: { ...doc.impact, impactMinutesOverride: 21.6 } });
    expect(overridden).toMatchObject({
      ok: true,
      consumedPercent: expect.closeTo(50, 6),
      overBudget: false,
      impactSource: 'override',
    });
  });

  it('explains what is missing instead of showing a number', () => {
    const doc = createPostmortem('pm', '2026-03-18T00:00:00.000Z');
    expect(errorBudget(doc)).toEqual({ ok: false, reason: expect.stringMatching(/Enter the SLO target/) });
    expect(errorBudget({ ...doc, impact: { ...doc.impact, sloTarget: '100' } })).toEqual({
      ok: false,
      reason: expect.stringMatching(/not an SLO target/),
    });
    expect(errorBudget({ ...doc, impact: { ...doc.impact, sloTarget: '99.9' } })).toEqual({
      ok: false,
      reason: expect.stringMatching(/started and was resolved/),
    });
  });

  it('reads SLO targets the way people type them', () => {
    expect(parseSloTarget('99.9%')).toBe(99.9);
    expect(parseSloTarget('99,95')).toBe(99.95);
    expect(parseSloTarget('abc')).toBeNull();
    expect(parseSloTarget('0')).toBeNull();
  });
});

describe('timeline gaps', () => {
  it('computes detection, diagnosis and mitigation gaps and the duration', () => {
    const gaps = timelineGaps([
      event('s', '2026-03-18T14:00:00Z', 'started'),
      event('d', '2026-03-18T14:07:00Z', 'detected'),
      event('r', '2026-03-18T14:30:00Z', 'diagnosed'),
      event('m', '2026-03-18T14:45:00Z', 'mitigated'),
      event('z', '2026-03-18T15:37:00Z', 'resolved'),
    ]);
    expect(Object.fromEntries(gaps.map((g) => [g.key, g.minutes]))).toEqual({
      detectionGap: 7,
      diagnosisGap: 23,
      mitigationGap: 15,
      duration: 90,
    });
  });

  it('says which milestone is missing', () => {
    const gaps = timelineGaps([event('d', '2026-03-18T14:07:00Z', 'detected')]);
    expect(gaps.find((g) => g.key === 'detectionGap')).toMatchObject({
      minutes: null,
      note: expect.stringContaining('started'),
    });
    expect(gaps.find((g) => g.key === 'duration')?.note).toContain('resolved');
  });

  it('flags milestones in the wrong order', () => {
    const gaps = timelineGaps([
      event('s', '2026-03-18T15:00:00Z', 'started'),
      event('d', '2026-03-18T14:00:00Z', 'detected'),
    ]);
    expect(gaps[0]?.note).toMatch(/before/);
  });

  it('sorts by time, keeping rows without a time at the end in their order', () => {
    const sorted = sortTimeline([
      event('b', '2026-03-18T15:00:00Z'),
      event('x', ''),
      event('a', '2026-03-18T14:00:00Z'),
      event('y', 'soon'),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b', 'x', 'y']);
  });
});

describe('time parsing', () => {
  it('accepts 14:23 (with the incident date), dates with times, ISO and offsets', () => {
    expect(parseTimestamp('14:23', '2026-03-18')).toEqual({ ok: true, iso: '2026-03-18T14:23:00Z' });
    expect(parseTimestamp('2026-03-19 02:05', '2026-03-18')).toEqual({ ok: true, iso: '2026-03-19T02:05:00Z' });
    expect(parseTimestamp('2026-03-18T14:23:05.123Z', '')).toEqual({ ok: true, iso: '2026-03-18T14:23:05Z' });
    expect(parseTimestamp('2026-03-18T16:23:00+02:00', '')).toEqual({ ok: true, iso: '2026-03-18T14:23:00Z' });
    expect(parseTimestamp('[14:23 UTC]', '2026-03-18')).toEqual({ ok: true, iso: '2026-03-18T14:23:00Z' });
  });

  it('refuses what is not a time, with a reason', () => {
    expect(parseTimestamp('14:23', '')).toMatchObject({ ok: false, error: expect.stringContaining('incident date') });
    expect(parseTimestamp('25:00', '2026-03-18')).toMatchObject({ ok: false });
    expect(parseTimestamp('2026-02-30 10:00', '')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a real date'),
    });
    expect(parseTimestamp('lunch', '2026-03-18')).toMatchObject({ ok: false });
  });

  it('shows the date only when it differs from the incident date', () => {
    expect(formatUtc('2026-03-18T14:23:00Z', '2026-03-18')).toBe('14:23');
    expect(formatUtc('2026-03-19T00:05:09Z', '2026-03-18')).toBe('2026-03-19 00:05:09');
    expect(formatHhMm(90)).toBe('01:30');
  });

  it('turns a pasted block of log lines into rows, continuation lines included', () => {
    const pasted = [
      '2026-03-18 14:02:11 INFO deploy v412 started',
      '2026-03-18T14:09:40Z ALERT error rate > 5%',
      '    at handler (checkout.js:12)',
      '18/Mar/2026:14:20:00 +0000 GET /health 500',
      'Mar 18 14:25:00 web-1 nginx: upstream timed out',
      '[14:30] Priya: rolling back',
    ].join('\n');
    expect(rowsFromPaste(pasted, '2026-03-18')?.rows).toEqual([
      { time: '2026-03-18T14:02:11Z', text: 'INFO deploy v412 started' },
      { time: '2026-03-18T14:09:40Z', text: 'ALERT error rate > 5%\nat handler (checkout.js:12)' },
      { time: '2026-03-18T14:20:00Z', text: 'GET /health 500' },
      { time: '2026-03-18T14:25:00Z', text: 'web-1 nginx: upstream timed out' },
      { time: '2026-03-18T14:30:00Z', text: 'Priya: rolling back' },
    ]);
    expect(rowsFromPaste('just some words\nand more', '2026-03-18')).toBeNull();
  });
});

describe('action items', () => {
  const item = (patch: Partial<ActionItem> = {}): ActionItem => ({
    id: 'a',
    number: 1,
    description: 'Fail the deploy pipeline when a migration exits non-zero',
    owner: 'Tom Berg',
    priority: 'P0',
    dueDate: '2026-04-01',
    successCriteria: 'A failing migration in staging stops the deploy',
    trackingLink: 'https://tracker.example/OPS-1',
    addresses: null,
    done: false,
    doneAt: '',
    ...patch,
  });

  it('due dates follow the priority SLA from the meeting date', () => {
    expect(defaultDueDate('P0', '2026-03-24')).toBe('2026-04-07');
    expect(defaultDueDate('P1', '2026-03-24')).toBe('2026-04-21');
    expect(defaultDueDate('P2', '2026-03-24')).toBe('2026-05-19');
    expect(defaultDueDate('P3', '2026-03-24')).toBe('2026-06-23');
    expect(defaultDueDate('P0', '')).toBe('');
  });

  it('ids are AI-001 style and never reused while the highest exists', () => {
    expect(formatActionItemId(7)).toBe('AI-007');
    expect(nextActionItemNumber([item({ number: 1 }), item({ number: 4 })])).toBe(5);
  });

  it('a good item has no problems', () => {
    expect(actionItemIssues(item())).toEqual([]);
  });

  it('flags each failure mode from the guide', () => {
    const rules = (patch: Partial<ActionItem>) => actionItemIssues(item(patch)).map((i) => i.rule);
    expect(rules({ owner: '' })).toEqual(['no-owner']);
    expect(rules({ owner: 'The team' })).toEqual(['team-owner']);
    expect(rules({ dueDate: '' })).toEqual(['no-due-date']);
    expect(rules({ successCriteria: ' ' })).toEqual(['no-success-criteria']);
    expect(rules({ description: 'Improve monitoring' })).toEqual(['vague']);
    expect(rules({ description: 'Be more careful with migrations' })).toEqual(['vague']);
    expect(rules({ description: 'Train engineers on the runbook' })).toEqual(['vague']);
    expect(rules({ trackingLink: '' })).toEqual(['not-tracked']);
    expect(rules({ trackingLink: 'javascript:alert(1)' })).toEqual(['not-tracked']);
  });

  it('accepts ticket ids as tracking', () => {
    expect(isTrackingLink('OPS-123')).toBe(true);
    expect(isTrackingLink('#42')).toBe(true);
    expect(isTrackingLink('later')).toBe(false);
  });
});
