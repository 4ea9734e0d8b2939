/**
 * Timeline times. Everything is stored as an ISO 8601 UTC instant ("2026-03-18T14:23:00Z").
 * People type or paste times in many shapes; parseTimestamp accepts the common ones and
 * fills a missing date from the incident date. Offsets in the input are honoured and
 * converted to UTC; a time with no offset is taken to be UTC already (the guide's rule).
 */
import { isRealDate } from './model';

export type ParsedTime = { ok: true; iso: string } | { ok: false; error: string };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
/** 2026-03-18 14:23, 2026-03-18T14:23:05.123Z, 2026/03/18 14:23 UTC, 2026-03-18 14:23 +01:00 */
const DATE_TIME = new RegExp(String.raw`^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T\s]+)${TIME}${ZONE}`, 'i');
/** 14:23, 14:23:05, [14:23], 14:23 UTC */
const TIME_ONLY = new RegExp(String.raw`^\[?${TIME}${ZONE}\]?`, 'i');
/** Mar 18 14:23:05 (syslog), 18/Mar/2026:14:23:05 +0000 (access logs) */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SYSLOG = new RegExp(String.raw`^([A-Za-z]{3})\s+(\d{1,2})\s+${TIME}`);
const ACCESS_LOG = new RegExp(String.raw`^\[?(\d{1,2})/([A-Za-z]{3})/(\d{4}):${TIME}${ZONE}\]?`);

interface Match {
  iso: string;
  /** How many characters of the input the timestamp used (the rest is event text). */
  length: number;
}

/** Reads a timestamp at the start of `input`; `incidentDate` (YYYY-MM-DD) supplies a missing date. */
export function matchTimestamp(input: string, incidentDate: string): Match | { error: string } | null {
  const text = input.trimStart();
  const lead = input.length - text.length;
  let m = DATE_TIME.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7], lead + m[0].length);
  m = ACCESS_LOG.exec(text);
  if (m) return build(m[3], monthNumber(m[2]), m[1], m[4], m[5], m[6], m[7], lead + m[0].length);
  m = SYSLOG.exec(text);
  if (m && monthNumber(m[1])) {
    const year = isRealDate(incidentDate) ? incidentDate.slice(0, 4) : null;
    if (!year) return { error: 'This log line has no year: set the incident date first.' };
    return build(year, monthNumber(m[1]), m[2], m[3], m[4], m[5], undefined, lead + m[0].length);
  }
  m = TIME_ONLY.exec(text);
  if (m) {
    if (!isRealDate(incidentDate))
      return { error: 'A time without a date needs the incident date: set it in the header, or type the date too.' };
    const [y, mo, d] = incidentDate.split('-');
    return build(y, mo, d, m[1], m[2], m[3], m[4], lead + m[0].length);
  }
  return null;
}

export function parseTimestamp(input: string, incidentDate: string): ParsedTime {
  if (input.trim() === '') return { ok: false, error: 'Enter a time, such as 14:23 or 2026-03-18 14:23.' };
  const match = matchTimestamp(input, incidentDate);
  if (match === null)
    return {
      ok: false,
      error: `"${input.trim().slice(0, 40)}" is not a time: use 14:23, 2026-03-18 14:23 or ISO 8601.`,
    };
  if ('error' in match) return { ok: false, error: match.error };
  if (input.slice(match.length).trim() !== '') {
    return { ok: false, error: 'Only a time goes here; put the event text in the Event column.' };
  }
  return { ok: true, iso: match.iso };
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').toLowerCase());
  return index < 0 ? undefined : String(index + 1).padStart(2, '0');
}

function build(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  zone: string | undefined,
  length: number,
): Match | { error: string } {
  const date = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  if (!isRealDate(date)) return { error: `${date} is not a real date.` };
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second ?? 0);
  if (h > 23 || mi > 59 || s > 59) return { error: `${hour}:${minute} is not a valid time of day.` };
  const offsetMinutes = parseOffset(zone);
  const utc = new Date(`${date}T00:00:00Z`).getTime() + ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000;
  return { iso: toIsoSeconds(utc), length };
}

function parseOffset(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function toIsoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "14:23" when the instant falls on the incident date, else "2026-03-19 14:23"; seconds only when set. */
export function formatUtc(iso: string, incidentDate: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const time = m[3] && m[3] !== '00' ? `${m[2]}:${m[3]}` : (m[2] ?? '');
  return m[1] === incidentDate ? time : `${m[1]} ${time}`;
}

export interface PastedRow {
  time: string;
  text: string;
}

/**
 * A pasted block of log or chat lines: each line that starts with a timestamp becomes a
 * row; lines without one continue the previous row's text. Returns null when no line
 * starts with a timestamp (then the paste is ordinary text).
 */
export function rowsFromPaste(pasted: string, incidentDate: string): { rows: PastedRow[]; problems: string[] } | null {
  const lines = pasted.split(/\r?\n/).filter((line) => line.trim() !== '');
  const rows: PastedRow[] = [];
  const problems: string[] = [];
  for (const line of lines) {
    const match = matchTimestamp(line, incidentDate);
    if (match && 'iso' in match) {
      const rest = line
        .slice(match.length)
        .replace(/^\s*[\]|:,-]*\s*/, '')
        .trim();
      rows.push({ time: match.iso, text: rest });
    } else if (match && 'error' in match) {
      problems.push(match.error);
      rows.push({ time: '', text: line.trim() });
    } else if (rows.length > 0) {
      const last = rows[rows.length - 1];
      if (last) last.text = last.text === '' ? line.trim() : `${last.text}\n${line.trim()}`;
    } else {
      rows.push({ time: '', text: line.trim() });
    }
  }
  return rows.some((r) => r.time !== '') ? { rows, problems: [...new Set(problems)] } : null;
}

/** Minutes between two ISO instants (b - a), or null if either is missing. */
export function minutesBetween(a: string | undefined, b: string | undefined): number | null {
  if (!a || !b) return null;
  const diff = Date.parse(b) - Date.parse(a);
  return Number.isNaN(diff) ? null : diff / 60_000;
}

/** 90 -> "01:30"; 1500 -> "25:00"; negative -> "-00:05". */
export function formatHhMm(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.round(Math.abs(minutes));
  return `${sign}${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
