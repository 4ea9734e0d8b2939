/** How the dashboard writes months and numbers: the same on every machine, whatever its locale. */
import { formatNumber } from '../../../shared/impact';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" -> "Mar 2026". */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** "2026-Q1" -> "Q1 2026". */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

/** One decimal at most: 66.666 -> "66.7". */
export const num = formatNumber;

export const percent = (value: number) => `${formatNumber(value)}%`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
