import { describe, expect, it } from 'vitest';
import { chronological } from '../../../shared/incidentCalendar';
import {
  completionRate,
  errorBudgetByService,
  NO_SERVICE,
  programMetrics,
  repeatIncidents,
  rootCauseTags,
  timeToPostmortemMetric,
} from '../../../shared/metrics';
import { incident } from './metricsFixtures';

const ids = (docs: { doc: { id: string } }[]) => new Set(docs.map((d) => d.doc.id));

describe('time to postmortem (business days from the incident end to the meeting)', () => {
  // 2026-03-20 is a Friday.
  const friday = '2026-03-20T16:00:00Z';
  const docs = chronological([
    incident({ id: 'monday-after', day: '2026-03-20', resolved: friday, meeting: '2026-03-23T10:00:00Z' }),
    incident({ id: 'next-friday', day: '2026-03-20', resolved: friday, meeting: '2026-03-27T10:00:00Z' }),
    // Thursday late -> the Monday week after: Fri, Mon-Fri, Mon = 7 (two weekends skipped).
    incident({ id: 'late', day: '2026-03-19', resolved: '2026-03-19T23:00:00Z', meeting: '2026-03-30T09:00:00Z' }),
    incident({ id: 'not-held', day: '2026-03-21', resolved: friday }),
  ]);

  it('counts Monday to Friday only, and judges the median against five business days', () => {
    const metric = timeToPostmortemMetric(docs);
    expect(Object.fromEntries(metric.rows.map((r) => [r.docId, r.businessDays]))).toEqual({
      late: 7,
      'monday-after': 1,
      'next-friday': 5,
    });
    expect(metric.notHeld).toBe(1);
    expect(metric.onTarget).toBe(2);
    expect(metric.medianDays).toBe(5);
    expect(metric.status).toBe('met');
  });

  it('misses the target when the median postmortem is late, and has no data before any meeting', () => {
    const late = chronological([
      incident({ id: 'a', day: '2026-03-20', resolved: friday, meeting: '2026-03-30T09:00:00Z' }), // 6
      incident({ id: 'b', day: '2026-03-20', resolved: friday, meeting: '2026-03-23T09:00:00Z' }), // 1
      incident({ id: 'c', day: '2026-03-20', resolved: friday, meeting: '2026-03-31T09:00:00Z' }), // 7
      incident({ id: 'd', day: '2026-03-20', resolved: friday, meeting: '2026-04-01T09:00:00Z' }), // 8
    ]);
    expect(timeToPostmortemMetric(late)).toMatchObject({ medianDays: 6.5, status: 'missed', onTarget: 1 });
    expect(timeToPostmortemMetric(chronological([incident({ id: 'x', day: '2026-03-20' })]))).toMatchObject({
      medianDays: null,
      notHeld: 1,
      status: 'no-data',
    });
  });
});

describe('action-item completion rate (P0/P1 done by their due date)', () => {
  const today = '2026-03-18';
  const docs = chronological([
    incident({
      id: 'pm',
      day: '2026-02-01',
      items: [
        { priority: 'P0', dueDate: '2026-03-01', done: true, doneAt: '2026-02-28' }, // on time
        { priority: 'P1', dueDate: '2026-03-01', done: true, doneAt: '2026-03-01' }, // on time: the due day counts
        { priority: 'P1', dueDate: '2026-03-10', done: true, doneAt: '2026-03-12' }, // late
        { priority: 'P0', dueDate: '2026-03-10', done: false }, // overdue
        { priority: 'P1', dueDate: '2026-03-18', done: false }, // due today: still in play, not counted
        { priority: 'P1', dueDate: '2026-04-01', done: true, doneAt: '2026-03-15' }, // done early: counted
        { priority: 'P0', dueDate: '' }, // no due date
        { priority: 'P2', dueDate: '2026-02-01', done: false }, // not P0/P1
        { priority: 'P1', dueDate: '2026-02-15', done: true, doneAt: '' }, // done, no record of when: late
      ],
    }),
  ]);

  it('divides the items done on time by the P0/P1 items that are done or past due', () => {
    const rate = completionRate(docs, today);
    expect(rate).toMatchObject({ counted: 6, onTime: 3, late: 2, overdue: 1, undated: 1, ratePercent: 50 });
    expect(rate.status).toBe('missed');
    expect(rate.byDueMonth).toEqual([
      { month: '2026-02', onTime: 0, late: 1, overdue: 0 },
      { month: '2026-03', onTime: 2, late: 1, overdue: 1 },
      { month: '2026-04', onTime: 1, late: 0, overdue: 0 },
    ]);
  });

  it('meets the target only above 80%', () => {
    const onTime = { priority: 'P1' as const, dueDate: '2026-03-01', done: true, doneAt: '2026-03-01' };
    const overdue = { priority: 'P1' as const, dueDate: '2026-03-01', done: false };
    const fourOfFive = chronological([
      incident({ id: 'a', day: '2026-02-01', items: [onTime, onTime, onTime, onTime, overdue] }),
    ]);
    expect(completionRate(fourOfFive, today)).toMatchObject({ ratePercent: 80, status: 'missed' });
    const fiveOfSix = chronological([
      incident({ id: 'a', day: '2026-02-01', items: [onTime, onTime, onTime, onTime, onTime, overdue] }),
    ]);
    expect(completionRate(fiveOfSix, today).status).toBe('met');
    expect(completionRate(chronological([incident({ id: 'a', day: '2026-02-01' })]), today).status).toBe('no-data');
  });
});

describe('repeat incident rate (a root-cause tag seen on an earlier incident)', () => {
  const docs = [
    incident({ id: 'p5', day: '2026-03-10', rootTags: [['no-canary']] }),
    incident({ id: 'p1', day: '2026-01-05', rootTags: [['config-push']] }),
    incident({ id: 'p3', day: '2026-03-01', rootTags: [['Config-Push'], ['capacity']] }),
    incident({ id: 'p2', day: '2026-02-10', rootTags: [['no-canary']] }),
    incident({ id: 'p4', day: '2026-03-05' }),
  ];

  it('reads the tags of root causes only, lower-cased and once each', () => {
    const doc = incident({ id: 'x', day: '2026-01-01', rootTags: [['b', 'A'], ['a']] });
    doc.whys.nodes.push({ ...doc.whys.nodes[0]!, id: 'not-root', isRootCause: false, tags: ['ignored'] });
    expect(rootCauseTags(doc)).toEqual(['a', 'b']);
  });

  it('counts a postmortem as a repeat when an earlier incident shares a tag; untagged ones are left out', () => {
    const all = chronological(docs);
    const metric = repeatIncidents(all, ids(all));
    expect(metric.rows.map((r) => [r.docId, r.repeatedTags])).toEqual([
      ['p1', []],
      ['p2', []],
      ['p3', ['config-push']],
      ['p5', ['no-canary']],
    ]);
    expect(metric.rows.find((r) => r.docId === 'p3')?.repeatOf).toEqual(['Incident p1']);
    expect(metric).toMatchObject({ repeats: 2, untagged: 1, ratePercent: 50, status: 'missed' });
    expect(metric.tagCounts).toEqual([
      { tag: 'config-push', postmortems: 2, repeats: 1 },
      { tag: 'no-canary', postmortems: 2, repeats: 1 },
      { tag: 'capacity', postmortems: 1, repeats: 0 },
    ]);
  });

  it('looks for the earlier incident before the period too', () => {
    const all = chronological(docs);
    const inPeriod = ids(all.filter((d) => d.day >= '2026-02-01'));
    const metric = repeatIncidents(all, inPeriod);
    expect(metric.rows.map((r) => r.docId)).toEqual(['p2', 'p3', 'p5']);
    expect(metric.repeats).toBe(2);
    expect(metric.ratePercent).toBeCloseTo(66.67, 2);
  });

  it('orders incidents on the same day by when their postmortems were created', () => {
    const all = chronological([
      incident({ id: 'b', day: '2026-01-05', rootTags: [['dns']], createdAt: '2026-01-06T09:00:00.000Z' }),
      incident({ id: 'a', day: '2026-01-05', rootTags: [['dns']], createdAt: '2026-01-07T09:00:00.000Z' }),
    ]);
    expect(repeatIncidents(all, ids(all)).rows.map((r) => [r.docId, r.repeatedTags.length])).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });

  it('meets the target below 20% and has no data without tags', () => {
    const tagged = (id: string, day: string, tag: string) => incident({ id, day, rootTags: [[tag]] });
    const fiveWithOneRepeat = chronological([
      tagged('a', '2026-01-01', 'x'),
      tagged('b', '2026-01-02', 'x'),
      tagged('c', '2026-01-03', 'y'),
      tagged('d', '2026-01-04', 'z'),
      tagged('e', '2026-01-05', 'w'),
    ]);
    expect(repeatIncidents(fiveWithOneRepeat, ids(fiveWithOneRepeat))).toMatchObject({
      ratePercent: 20,
      status: 'missed',
    });
    const six = chronological([...fiveWithOneRepeat.map((d) => d.doc), tagged('f', '2026-01-06', 'v')]);
    expect(repeatIncidents(six, ids(six)).status).toBe('met');
    const none = chronological([incident({ id: 'a', day: '2026-01-01' })]);
    expect(repeatIncidents(none, ids(none))).toMatchObject({ ratePercent: null, untagged: 1, status: 'no-data' });
  });
});

describe('error budget consumed per service per month', () => {
  // 99.9% over 30 days: a budget of 43.2 minutes.
  const docs = chronological([
    incident({ id: 'x', day: '2026-03-03', services: ['api', 'web'], slo: '99.9', impactMinutes: 90 }), // 208.33%
    incident({ id: 'y', day: '2026-03-20', services: ['API '], slo: '99.9', impactMinutes: 21.6 }), // 50%
    incident({ id: 'z', day: '2026-04-02', slo: '99.9', impactMinutes: 4.32 }), // 10%, no service
    incident({ id: 'w', day: '2026-04-09', services: ['api'], impactMinutes: 30 }), // no SLO
  ]);

  it('adds up each month’s postmortems per service and flags a month over the whole budget', () => {
    const metric = errorBudgetByService(docs, ['2026-03', '2026-04']);
    expect(metric.services).toEqual(['api', NO_SERVICE, 'web']);
    const [march, april] = metric.byMonth;
    expect(march?.consumedPercent.map((p) => Math.round(p * 100) / 100)).toEqual([258.33, 0, 208.33]);
    expect(april?.consumedPercent.map((p) => Math.round(p * 100) / 100)).toEqual([0, 10, 0]);
    expect(metric.notComputable).toBe(1);
    expect(metric.overBudget.map((o) => `${o.service} ${o.month}`)).toEqual(['api 2026-03', 'web 2026-03']);
    expect(metric.status).toBe('missed');
  });

  it('meets the target when no service used its whole budget in a month', () => {
    expect(errorBudgetByService(docs.slice(1), ['2026-03', '2026-04']).status).toBe('met');
    expect(errorBudgetByService(docs.slice(3), ['2026-04']).status).toBe('no-data');
  });
});

describe('program metrics over a period', () => {
  const docs = [
    incident({ id: 'old', day: '2025-11-20', rootTags: [['dns']] }),
    incident({ id: 'jan', day: '2026-01-10', rootTags: [['dns']] }),
    incident({ id: 'feb', day: '2026-02-10' }),
    incident({ id: 'mar', day: '2026-03-05' }),
    incident({ id: 'undated', day: '' }),
  ];

  it('counts the postmortems of the last N calendar months, the current one included', () => {
    const metrics = programMetrics(docs, '2026-03-18', 3);
    expect(metrics.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(metrics).toMatchObject({ counted: 3, undated: 1, enoughData: true });
    expect(metrics.frequency.perMonth.map((m) => m.incidents)).toEqual([1, 1, 1]);
    // The January incident repeats one from before the period.
    expect(metrics.repeats.repeats).toBe(1);
  });

  it('spans from the first incident for "all", and asks for more postmortems below three', () => {
    const all = programMetrics(docs, '2026-03-18', 'all');
    expect(all.months[0]).toBe('2025-11');
    expect(all.months).toHaveLength(5);
    expect(all.counted).toBe(4);
    expect(programMetrics(docs.slice(2), '2026-03-18', 3).enoughData).toBe(false);
  });

  it('places a document without an incident date by its timeline’s start', () => {
    const doc = incident({ id: 'started', day: '' });
    doc.timeline = [
      { id: 't', time: '2026-02-02T10:00:00Z', text: 'x', kind: 'event', milestone: 'started', knownAt: '' },
    ];
    expect(programMetrics([doc], '2026-03-18', 3).frequency.perMonth[1]).toEqual({ month: '2026-02', incidents: 1 });
  });
});
