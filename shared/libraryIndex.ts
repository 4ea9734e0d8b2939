/**
 * Library index rows checked by hand. The library lists postmortems from these small
 * summaries (stored beside the documents and rewritten with each save) instead of reading
 * and validating every document, and paints before zod has even loaded: this check gives
 * the same verdict as `libraryRowSchema` (defaults included; test/unit/shared/
 * libraryIndex.test.ts holds the two to that), in microseconds and without the schema.
 */
import type { LibraryRow } from './model';
import {
  DOCUMENT_ID,
  DOCUMENT_KINDS,
  ISO_TIMESTAMP,
  MAX_FIELD_LENGTH,
  SEVERITIES,
  STATUSES,
  isRealDate,
  type DocumentKind,
  type Severity,
  type Status,
} from './vocabulary';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

const isDate = (value: unknown): value is string => typeof value === 'string' && (value === '' || isRealDate(value));

const isTimestamp = (value: unknown): value is string => typeof value === 'string' && ISO_TIMESTAMP.test(value);

/**
 * The row `value` holds, as `libraryRowSchema.parse` would return it (unknown keys left
 * out, a missing kind or urgentDueDates defaulted), or null where that parse would fail.
 */
export function readLibraryRow(value: unknown): LibraryRow | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const row = value as Record<string, unknown>;
  const { id, title, incidentDate, severity, status, updatedAt, trashedAt } = row;
  const kind = row['kind'] === undefined ? 'postmortem' : row['kind'];
  const urgent = row['urgentDueDates'] === undefined ? [] : row['urgentDueDates'];
  if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) return null;
  if (typeof title !== 'string' || title.length > MAX_FIELD_LENGTH) return null;
  if (!isOneOf<DocumentKind>(DOCUMENT_KINDS, kind)) return null;
  if (!isDate(incidentDate)) return null;
  if (!isOneOf<Severity>(SEVERITIES, severity) || !isOneOf<Status>(STATUSES, status)) return null;
  if (!isTimestamp(updatedAt) || (trashedAt !== null && !isTimestamp(trashedAt))) return null;
  if (!Array.isArray(urgent) || !urgent.every(isDate)) return null;
  return {
    id,
    title,
    kind,
    incidentDate,
    severity,
    status,
    updatedAt,
    trashedAt: trashedAt as string | null,
    urgentDueDates: [...(urgent as string[])],
  };
}
