/**
 * How often incidents happen: the mean time between incidents per service with its
 * trend by quarter, and incidents per month against the Poisson model the guide uses.
 */
import { daysBetween, monthOf, quarterOf, type DatedDoc, type TargetStatus } from './incidentCalendar';

// ---------------------------------------------------------------- mean time between incidents

export type Trend = 'up' | 'down' | 'flat' | 'not-enough-data';

export interface ServiceMtbi {
  service: string;
  incidents: number;
  /** Mean days between consecutive incidents whose later one is in the period. */
  meanDays: number | null;
  /** Latest quarter with a value against the one before it: up is better. */
  trend: Trend;
}

export interface MeanTimeBetweenIncidents {
  services: ServiceMtbi[];
  quarters: string[];
  /** Per quarter, each service's mean gap (by the index in `services`), null when none ended in it. */
  byQuarter: { quarter: string; meanDays: (number | null)[] }[];
  /** Met when no service with two quarters of data is trending down. */
  status: TargetStatus;
}

/** Services as people type them: case and spaces do not split one service in two. */
export function serviceKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function meanTimeBetweenIncidents(
  all: readonly DatedDoc[],
  inPeriod: ReadonlySet<string>,
  months: readonly string[],
): MeanTimeBetweenIncidents {
  const quarters = [...new Set(months.map(quarterOf))];
  const perService = new Map<string, { name: string; days: { day: string; counted: boolean }[] }>();
  for (const { doc, day } of all) {
    for (const raw of doc.impact.servicesAffected) {
      const key = serviceKey(raw);
      if (key === '') continue;
      const entry = perService.get(key) ?? { name: raw.trim(), days: [] };
      // Two postmortems on one day are two incidents: a gap of 0 days.
      entry.days.push({ day, counted: inPeriod.has(doc.id) });
      perService.set(key, entry);
    }
  }
  const services: ServiceMtbi[] = [];
  const columns: Map<string, number[]>[] = [];
  for (const { name, days } of [...perService.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const gaps = new Map<string, number[]>();
    const allGaps: number[] = [];
    days.forEach((d, i) => {
      const before = days[i - 1];
      if (!before || !d.counted) return;
      const gap = daysBetween(before.day, d.day);
      allGaps.push(gap);
      const q = quarterOf(monthOf(d.day));
      gaps.set(q, [...(gaps.get(q) ?? []), gap]);
    });
    const incidents = days.filter((d) => d.counted).length;
    if (incidents === 0) continue;
    const series = quarters.flatMap((q) => {
      const g = gaps.get(q);
      return g ? [mean(g)] : [];
    });
    const [previous, latest] = series.slice(-2);
    services.push({
      service: name,
      incidents,
      meanDays: allGaps.length === 0 ? null : mean(allGaps),
      trend:
        previous === undefined || latest === undefined
          ? 'not-enough-data'
          : latest > previous
            ? 'up'
            : latest < previous
              ? 'down'
              : 'flat',
    });
    columns.push(gaps);
  }
  const byQuarter = quarters.map((quarter) => ({
    quarter,
    meanDays: columns.map((gaps) => {
      const g = gaps.get(quarter);
      return g ? mean(g) : null;
    }),
  }));
  const judged = services.filter((s) => s.trend !== 'not-enough-data');
  return {
    services,
    quarters,
    byQuarter,
    status: judged.length === 0 ? 'no-data' : judged.some((s) => s.trend === 'down') ? 'missed' : 'met',
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

// ---------------------------------------------------------------- incident frequency (Poisson)

/** P(k incidents in a month) when incidents arrive independently at `lambda` a month. */
export function poisson(k: number, lambda: number): number {
  let p = Math.exp(-lambda);
  for (let i = 1; i <= k; i += 1) p *= lambda / i;
  return p;
}

export interface IncidentFrequency {
  perMonth: { month: string; incidents: number }[];
  /** Observed incidents per month over the period. */
  lambda: number;
  /** e^-lambda: the chance of a month with no incident. */
  chanceOfQuietMonth: number;
  /** For k = 0..max: the Poisson chance and the share of months that actually had k. */
  distribution: { k: number; expectedPercent: number; observedPercent: number }[];
}

export function incidentFrequency(dated: readonly DatedDoc[], months: readonly string[]): IncidentFrequency {
  const counts = new Map(months.map((m) => [m, 0]));
  for (const { day } of dated) {
    const m = monthOf(day);
    const n = counts.get(m);
    if (n !== undefined) counts.set(m, n + 1);
  }
  const perMonth = months.map((month) => ({ month, incidents: counts.get(month) ?? 0 }));
  const total = perMonth.reduce((n, m) => n + m.incidents, 0);
  const lambda = months.length === 0 ? 0 : total / months.length;
  const maxK = Math.max(5, ...perMonth.map((m) => m.incidents), Math.ceil(lambda * 2));
  const distribution = Array.from({ length: maxK + 1 }, (_, k) => ({
    k,
    expectedPercent: poisson(k, lambda) * 100,
    observedPercent: months.length === 0 ? 0 : (perMonth.filter((m) => m.incidents === k).length / months.length) * 100,
  }));
  return { perMonth, lambda, chanceOfQuietMonth: poisson(0, lambda), distribution };
}
