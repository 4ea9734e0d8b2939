/**
 * Program metrics across the library (POSTMORTEM-GUIDE.md, "Program metrics" and
 * "Math"): is the program learning, or writing the same postmortem again? Pure
 * functions over the documents (trashed ones left out by the caller) and today's date,
 * so every figure on the dashboard can be checked by hand.
 * The calendar (incident days, periods) is in incidentCalendar.ts, the incident rate
 * (time between incidents, Poisson) in incidentRate.ts.
 */
import { errorBudget } from './impact';
import {
  chronological,
  monthOf,
  periodMonths,
  type DatedDoc,
  type Period,
  type TargetStatus,
} from './incidentCalendar';
import {
  incidentFrequency,
  meanTimeBetweenIncidents,
  serviceKey,
  type IncidentFrequency,
  type MeanTimeBetweenIncidents,
} from './incidentRate';
import { TIME_TO_POSTMORTEM_TARGET_DAYS, timeToPostmortem } from './meetingTimer';
import type { Postmortem } from './model';

export { TIME_TO_POSTMORTEM_TARGET_DAYS };
/** The guide's target: more than 80% of P0/P1 action items done by their due date. */
export const COMPLETION_TARGET_PERCENT = 80;
/** The guide's target: fewer than 20% of incidents repeat an earlier root cause. */
export const REPEAT_TARGET_PERCENT = 20;
/** Below this many dated postmortems in the period the dashboard shows an empty state. */
export const MIN_POSTMORTEMS_FOR_METRICS = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const titleOf = (doc: Postmortem) => doc.title.trim() || 'Untitled postmortem';

// ---------------------------------------------------------------- time to postmortem

export interface TimeToPostmortem {
  rows: { docId: string; title: string; day: string; businessDays: number; onTarget: boolean }[];
  /** Postmortems whose meeting has not been held (or whose dates contradict each other). */
  notHeld: number;
  medianDays: number | null;
  onTarget: number;
  /** Met when the median postmortem is held within the target (the same rule as the meeting bar). */
  status: TargetStatus;
}

export function timeToPostmortemMetric(dated: readonly DatedDoc[]): TimeToPostmortem {
  const rows: TimeToPostmortem['rows'] = [];
  let notHeld = 0;
  for (const { doc, day } of dated) {
    const days = timeToPostmortem(doc);
    if (days === null || days < 0) notHeld += 1;
    else
      rows.push({
        docId: doc.id,
        title: titleOf(doc),
        day,
        businessDays: days,
        onTarget: days <= TIME_TO_POSTMORTEM_TARGET_DAYS,
      });
  }
  const medianDays = median(rows.map((r) => r.businessDays));
  return {
    rows,
    notHeld,
    medianDays,
    onTarget: rows.filter((r) => r.onTarget).length,
    status: medianDays === null ? 'no-data' : medianDays <= TIME_TO_POSTMORTEM_TARGET_DAYS ? 'met' : 'missed',
  };
}

// ---------------------------------------------------------------- action-item completion

export interface CompletionMonth {
  /** The month the items were due. */
  month: string;
  onTime: number;
  late: number;
  overdue: number;
}

export interface CompletionRate {
  /**
   * The denominator: P0/P1 items with a due date that is either past (before today) or
   * already done. Items not yet due and not done are still in play and not counted;
   * items with no due date cannot be on time or late and are reported as `undated`.
   */
  counted: number;
  /** Done on or before the due date (doneAt <= dueDate). */
  onTime: number;
  /** Done after the due date, or done with no record of when. */
  late: number;
  /** Past due and not done. */
  overdue: number;
  undated: number;
  ratePercent: number | null;
  byDueMonth: CompletionMonth[];
  status: TargetStatus;
}

export function completionRate(dated: readonly DatedDoc[], today: string): CompletionRate {
  const byMonth = new Map<string, CompletionMonth>();
  let undated = 0;
  for (const { doc } of dated) {
    for (const item of doc.actionItems) {
      if (item.priority !== 'P0' && item.priority !== 'P1') continue;
      if (item.dueDate === '') {
        undated += 1;
        continue;
      }
      if (!item.done && item.dueDate >= today) continue;
      const month = monthOf(item.dueDate);
      const row = byMonth.get(month) ?? { month, onTime: 0, late: 0, overdue: 0 };
      if (!item.done) row.overdue += 1;
      else if (item.doneAt !== '' && item.doneAt <= item.dueDate) row.onTime += 1;
      else row.late += 1;
      byMonth.set(month, row);
    }
  }
  const byDueMonth = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  const sum = (key: 'onTime' | 'late' | 'overdue') => byDueMonth.reduce((n, r) => n + r[key], 0);
  const [onTime, late, overdue] = [sum('onTime'), sum('late'), sum('overdue')];
  const counted = onTime + late + overdue;
  const ratePercent = counted === 0 ? null : (onTime / counted) * 100;
  return {
    counted,
    onTime,
    late,
    overdue,
    undated,
    ratePercent,
    byDueMonth,
    status: ratePercent === null ? 'no-data' : ratePercent > COMPLETION_TARGET_PERCENT ? 'met' : 'missed',
  };
}

// ---------------------------------------------------------------- repeat incidents

/** The tags on a document's root causes, lower-cased, each once. */
export function rootCauseTags(doc: Pick<Postmortem, 'whys'>): string[] {
  const tags = doc.whys.nodes.filter((n) => n.isRootCause).flatMap((n) => n.tags.map((t) => t.toLowerCase()));
  return [...new Set(tags)].sort();
}

export interface RepeatIncidents {
  /** Postmortems in the period with at least one tagged root cause: the denominator. */
  rows: { docId: string; title: string; day: string; tags: string[]; repeatedTags: string[]; repeatOf: string[] }[];
  repeats: number;
  /** Postmortems in the period with no tagged root cause: a repeat among them cannot be seen. */
  untagged: number;
  ratePercent: number | null;
  /** How many postmortems in the period carry each tag, most first. */
  tagCounts: { tag: string; postmortems: number; repeats: number }[];
  status: TargetStatus;
}

/**
 * A postmortem is a repeat when one of its root-cause tags was already on an earlier
 * incident (by incident day, ties by creation), also one from before the period.
 */
export function repeatIncidents(all: readonly DatedDoc[], inPeriod: ReadonlySet<string>): RepeatIncidents {
  const firstSeen = new Map<string, string>();
  const rows: RepeatIncidents['rows'] = [];
  const counts = new Map<string, { postmortems: number; repeats: number }>();
  let untagged = 0;
  for (const { doc, day } of all) {
    const tags = rootCauseTags(doc);
    const repeatedTags = tags.filter((t) => firstSeen.has(t));
    if (inPeriod.has(doc.id)) {
      if (tags.length === 0) untagged += 1;
      else {
        const repeatOf = [...new Set(repeatedTags.map((t) => firstSeen.get(t) ?? ''))];
        rows.push({ docId: doc.id, title: titleOf(doc), day, tags, repeatedTags, repeatOf });
        for (const tag of tags) {
          const c = counts.get(tag) ?? { postmortems: 0, repeats: 0 };
          c.postmortems += 1;
          if (repeatedTags.includes(tag)) c.repeats += 1;
          counts.set(tag, c);
        }
      }
    }
    for (const tag of tags) if (!firstSeen.has(tag)) firstSeen.set(tag, titleOf(doc));
  }
  const repeats = rows.filter((r) => r.repeatedTags.length > 0).length;
  const ratePercent = rows.length === 0 ? null : (repeats / rows.length) * 100;
  return {
    rows,
    repeats,
    untagged,
    ratePercent,
    tagCounts: [...counts.entries()]
      .map(([tag, c]) => ({ tag, ...c }))
      .sort((a, b) => b.postmortems - a.postmortems || a.tag.localeCompare(b.tag)),
    status: ratePercent === null ? 'no-data' : ratePercent < REPEAT_TARGET_PERCENT ? 'met' : 'missed',
  };
}

// ---------------------------------------------------------------- error budget

export interface ErrorBudgetByService {
  services: string[];
  /**
   * Percent of the error budget consumed, per month of the incident and per service
   * (by index in `services`): the sum over that month's postmortems that list the
   * service, each as a share of its own SLO window's budget (a 30-day window is the
   * month's budget).
   */
  byMonth: { month: string; consumedPercent: number[] }[];
  /** Postmortems in the period whose budget cannot be computed (no SLO or no impact time). */
  notComputable: number;
  /** Months a service went over its whole budget. */
  overBudget: { service: string; month: string; consumedPercent: number }[];
  /** Met when no service used more than its whole budget in a month. */
  status: TargetStatus;
}

/** The column for postmortems that list no service. */
export const NO_SERVICE = 'No service listed';

export function errorBudgetByService(dated: readonly DatedDoc[], months: readonly string[]): ErrorBudgetByService {
  const names = new Map<string, string>();
  const totals = new Map<string, number>();
  let notComputable = 0;
  let computed = 0;
  for (const { doc, day } of dated) {
    const budget = errorBudget(doc);
    if (!budget.ok) {
      notComputable += 1;
      continue;
    }
    computed += 1;
    const listed = doc.impact.servicesAffected.filter((s) => serviceKey(s) !== '');
    for (const raw of listed.length > 0 ? listed : [NO_SERVICE]) {
      const key = serviceKey(raw);
      if (!names.has(key)) names.set(key, raw.trim());
      const cell = `${key}\n${monthOf(day)}`;
      totals.set(cell, (totals.get(cell) ?? 0) + budget.consumedPercent);
    }
  }
  const keys = [...names.keys()].sort((a, b) => a.localeCompare(b));
  const services = keys.map((k) => names.get(k) ?? k);
  const byMonth = months.map((month) => ({
    month,
    consumedPercent: keys.map((k) => totals.get(`${k}\n${month}`) ?? 0),
  }));
  const overBudget = byMonth.flatMap((row) =>
    row.consumedPercent.flatMap((consumed, i) =>
      consumed > 100 ? [{ service: services[i] ?? '', month: row.month, consumedPercent: consumed }] : [],
    ),
  );
  return {
    services,
    byMonth,
    notComputable,
    overBudget,
    status: computed === 0 ? 'no-data' : overBudget.length > 0 ? 'missed' : 'met',
  };
}

// ---------------------------------------------------------------- all of them

export interface ProgramMetrics {
  months: string[];
  /** Postmortems placed in the period. */
  counted: number;
  /** Postmortems in the library with no incident date and no started time. */
  undated: number;
  enoughData: boolean;
  timeToPostmortem: TimeToPostmortem;
  completion: CompletionRate;
  repeats: RepeatIncidents;
  mtbi: MeanTimeBetweenIncidents;
  frequency: IncidentFrequency;
  errorBudget: ErrorBudgetByService;
}

export function programMetrics(docs: readonly Postmortem[], today: string, period: Period): ProgramMetrics {
  const all = chronological(docs);
  const months = periodMonths(
    all.map((d) => d.day),
    today,
    period,
  );
  const first = months[0] ?? monthOf(today);
  const last = months.at(-1) ?? monthOf(today);
  const dated = all.filter((d) => monthOf(d.day) >= first && monthOf(d.day) <= last);
  const inPeriod = new Set(dated.map((d) => d.doc.id));
  return {
    months,
    counted: dated.length,
    undated: docs.length - all.length,
    enoughData: dated.length >= MIN_POSTMORTEMS_FOR_METRICS,
    timeToPostmortem: timeToPostmortemMetric(dated),
    completion: completionRate(dated, today),
    repeats: repeatIncidents(all, inPeriod),
    mtbi: meanTimeBetweenIncidents(all, inPeriod, months),
    frequency: incidentFrequency(dated, months),
    errorBudget: errorBudgetByService(dated, months),
  };
}
