import { describe, expect, it } from 'vitest';
import { chronological, monthRange, periodMonths, quarterOf } from '../../../shared/incidentCalendar';
import { incidentFrequency, meanTimeBetweenIncidents, poisson } from '../../../shared/incidentRate';
import { incident } from './metricsFixtures';

describe('calendar', () => {
  it('lists months across a year end and names quarters', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
    expect(periodMonths([], '2026-02-15', 6)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('Poisson incident frequency', () => {
  it('gives the guide’s example: three incidents a month leaves a 5% chance of a quiet month', () => {
    expect(poisson(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(Math.round(poisson(0, 3) * 100)).toBe(5);
    // 3^2 e^-3 / 2!
    expect(poisson(2, 3)).toBeCloseTo(0.224042, 6);
    const total = Array.from({ length: 60 }, (_, k) => poisson(k, 3)).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('takes lambda from the incidents per month of the period, empty months included', () => {
    const docs = chronological([
      incident({ id: 'a', day: '2026-01-03' }),
      incident({ id: 'b', day: '2026-01-20' }),
      ...['02', '09', '15', '28'].map((d) => incident({ id: `m${d}`, day: `2026-03-${d}` })),
    ]);
    const frequency = incidentFrequency(docs, ['2026-01', '2026-02', '2026-03']);
    expect(frequency.perMonth.map((m) => m.incidents)).toEqual([2, 0, 4]);
    expect(frequency.lambda).toBe(2);
    expect(frequency.chanceOfQuietMonth).toBeCloseTo(0.1353, 4);
    expect(frequency.distribution).toHaveLength(6);
    expect(frequency.distribution.filter((d) => d.observedPercent > 0).map((d) => d.k)).toEqual([0, 2, 4]);
    expect(frequency.distribution[1]?.expectedPercent).toBeCloseTo(27.07, 2); // 2 e^-2
  });
});

describe('mean time between incidents per service', () => {
  const docs = chronological([
    // api: gaps 10 and 50 days end in Q1 (mean 30), 30 and 60 in Q2 (mean 45): trending up.
    ...['2026-01-01', '2026-01-11', '2026-03-02', '2026-04-01', '2026-05-31'].map((day, i) =>
      incident({ id: `api${i}`, day, services: ['api'] }),
    ),
    // Web: 59 days in Q1, then 40 in Q2: trending down. Spelled two ways.
    incident({ id: 'w0', day: '2026-01-01', services: ['Web'] }),
    incident({ id: 'w1', day: '2026-03-01', services: ['web '] }),
    incident({ id: 'w2', day: '2026-04-10', services: ['web'] }),
  ]);
  const all = new Set(docs.map((d) => d.doc.id));
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

  it('averages the days between consecutive incidents, by the quarter the later one fell in', () => {
    const mtbi = meanTimeBetweenIncidents(docs, all, months);
    expect(mtbi.services).toEqual([
      { service: 'api', incidents: 5, meanDays: 37.5, trend: 'up' },
      { service: 'Web', incidents: 3, meanDays: 49.5, trend: 'down' },
    ]);
    expect(mtbi.byQuarter).toEqual([
      { quarter: '2026-Q1', meanDays: [30, 59] },
      { quarter: '2026-Q2', meanDays: [45, 40] },
    ]);
    expect(mtbi.status).toBe('missed');
  });

  it('measures the first gap of a period from the incident before it, and needs two quarters for a trend', () => {
    const q2 = new Set(docs.filter((d) => d.day >= '2026-04-01').map((d) => d.doc.id));
    const mtbi = meanTimeBetweenIncidents(docs, q2, ['2026-04', '2026-05', '2026-06']);
    expect(mtbi.services).toEqual([
      { service: 'api', incidents: 2, meanDays: 45, trend: 'not-enough-data' },
      { service: 'Web', incidents: 1, meanDays: 40, trend: 'not-enough-data' },
    ]);
    expect(mtbi.status).toBe('no-data');
  });
});
