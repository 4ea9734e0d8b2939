import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLibraryRow } from '../../../shared/documents';
import { readLibraryRow } from '../../../shared/libraryIndex';
import { libraryRowSchema } from '../../../shared/model';
import { fullPostmortem } from '../../fixtures/documents';

/** What the schema makes of `value`: the parsed row, or null where it refuses it. */
function schemaVerdict(value: unknown) {
  const parsed = libraryRowSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const validRow = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  title: fc.string({ maxLength: 40 }),
  kind: fc.constantFrom('postmortem', 'learning-review', 'root-cause-analysis', 'incident-report'),
  incidentDate: fc.constantFrom('', '2026-03-18', '2024-02-29'),
  severity: fc.constantFrom('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'),
  status: fc.constantFrom('Draft', 'In Review', 'Reviewed', 'Action Items Assigned'),
  updatedAt: fc.constantFrom('2026-03-18T10:00:00.000Z', '2026-03-18T10:00:00Z', '2026-03-18T10:00:00.5Z'),
  trashedAt: fc.constantFrom(null, '2026-03-19T08:00:00.000Z'),
  urgentDueDates: fc.array(fc.constantFrom('', '2026-04-01', '2026-12-31'), { maxLength: 3 }),
});

/** Values that are wrong somewhere, in the ways stored data goes wrong. */
const wrongValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant('2026-02-30'),
  fc.constant('2026-03-18 10:00'),
  fc.constant('SEV-5'),
  fc.constant('draft'),
  fc.constant('has a space'),
  fc.constant('x'.repeat(65)),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant(['2026-02-30']),
  fc.constant({}),
);

const damagedRow = fc
  .tuple(validRow, fc.constantFrom(...Object.keys(libraryRowSchema.shape), 'extra'), wrongValue)
  .map(([row, key, value]) => {
    const damaged: Record<string, unknown> = { ...row, [key]: value };
    if (value === undefined) delete damaged[key];
    return damaged;
  });

describe('library index rows', () => {
  it('reads a row exactly as the schema does, defaults and refusals included', () => {
    fc.assert(
      fc.property(fc.oneof(validRow, damagedRow, fc.anything()), (value) => {
        expect(readLibraryRow(value)).toEqual(schemaVerdict(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back the row of a saved postmortem', () => {
    const row = toLibraryRow(fullPostmortem('pm-a'));
    expect(readLibraryRow(JSON.parse(JSON.stringify(row)))).toEqual(row);
  });

  it('gives a row written before kinds and overdue dates existed the defaults the schema gives', () => {
    const { kind: _kind, urgentDueDates: _dates, ...old } = toLibraryRow(fullPostmortem('pm-old'));
    expect(readLibraryRow(old)).toMatchObject({ kind: 'postmortem', urgentDueDates: [] });
    expect(readLibraryRow(old)).toEqual(schemaVerdict(old));
  });

  it('refuses a title longer than any field may be', () => {
    const row = { ...toLibraryRow(fullPostmortem('pm-a')), title: 'x'.repeat(200_001) };
    expect(readLibraryRow(row)).toBeNull();
    expect(schemaVerdict(row)).toBeNull();
  });
});
