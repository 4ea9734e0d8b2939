/**
 * Error-budget math from the guide: budget minutes = (1 - SLO) x window minutes; an
 * incident consumes impact minutes / budget minutes of it. 99.9% over 30 days is
 * 43.2 min, so a 90-minute outage consumes 208% of the month's budget.
 */
import type { Postmortem } from './model';
import { milestoneTimes } from './timeline';
import { minutesBetween } from './time';

export type ErrorBudget =
  | {
      ok: true;
      budgetMinutes: number;
      impactMinutes: number;
      consumedPercent: number;
      /** One incident used more than the whole window's budget. */
      overBudget: boolean;
      impactSource: 'timeline' | 'override';
    }
  | { ok: false; reason: string };

/** "99.9", "99.9%", "99,95" -> 99.9; anything outside (0, 100) is refused. */
export function parseSloTarget(text: string): number | null {
  const value = Number(text.trim().replace(/%$/, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 && value < 100 ? value : null;
}

export function budgetMinutes(sloPercent: number, windowDays: number): number {
  return (1 - sloPercent / 100) * windowDays * 24 * 60;
}

/** Impact minutes: the override if set, else started -> resolved on the timeline. */
export function impactMinutes(
  doc: Pick<Postmortem, 'impact' | 'timeline'>,
): { minutes: number; source: 'timeline' | 'override' } | null {
  if (doc.impact.impactMinutesOverride !== null)
    return { minutes: doc.impact.impactMinutesOverride, source: 'override' };
  const times = milestoneTimes(doc.timeline);
  const minutes = minutesBetween(times.started, times.resolved);
  return minutes !== null && minutes >= 0 ? { minutes, source: 'timeline' } : null;
}

export function errorBudget(doc: Pick<Postmortem, 'impact' | 'timeline'>): ErrorBudget {
  const slo = parseSloTarget(doc.impact.sloTarget);
  if (slo === null) {
    return {
      ok: false,
      reason:
        doc.impact.sloTarget.trim() === ''
          ? 'Enter the SLO target (for example 99.9) to compute the error budget.'
          : `"${doc.impact.sloTarget}" is not an SLO target: use a percentage between 0 and 100, such as 99.9.`,
    };
  }
  const impact = impactMinutes(doc);
  if (!impact)
    return {
      ok: false,
      reason: 'Mark when the incident started and was resolved on the timeline, or enter the impact minutes.',
    };
  const budget = budgetMinutes(slo, doc.impact.sloWindowDays);
  const consumedPercent = (impact.minutes / budget) * 100;
  return {
    ok: true,
    budgetMinutes: budget,
    impactMinutes: impact.minutes,
    consumedPercent,
    overBudget: consumedPercent > 100,
    impactSource: impact.source,
  };
}

/** 43.2 -> "43.2", 43.25 -> "43.3", 208.333 -> "208.3", 200 -> "200". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function windowName(days: number): string {
  return days === 30 ? 'monthly' : `${days}-day`;
}

/** "208.3% of the monthly error budget consumed" (the template's SLO Impact wording). */
export function describeErrorBudget(budget: Extract<ErrorBudget, { ok: true }>, windowDays: number): string {
  return `${formatNumber(budget.consumedPercent)}% of the ${windowName(windowDays)} error budget consumed (${formatNumber(budget.impactMinutes)} of ${formatNumber(budget.budgetMinutes)} min)`;
}
