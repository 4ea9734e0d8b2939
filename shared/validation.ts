/**
 * Turns schema failures into sentences a person can act on ("severity: must be one
 * of SEV-1, SEV-2, ..."), used by the storage layer, the IPC guards and importers.
 */
import type { z } from 'zod';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length === 0 ? 'the document' : issue.path.map(String).join('.');
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - limit;
  if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('; ');
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): Result<T> {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `${what} is not valid: ${describeIssues(parsed.error)}` };
}
