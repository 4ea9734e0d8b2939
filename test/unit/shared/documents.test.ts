import { describe, expect, it } from 'vitest';
import {
  createPostmortem,
  displayTitle,
  duplicatePostmortem,
  sortLibraryRows,
  toLibraryRow,
  updateHeader,
} from '../../../shared/documents';
import { postmortemSchema } from '../../../shared/model';

const now = '2026-03-18T10:00:00.000Z';

describe('document edits', () => {
  it('creates a valid empty draft', () => {
    const doc = createPostmortem('pm-1', now);
    expect(postmortemSchema.safeParse(doc).success).toBe(true);
    expect(doc.status).toBe('Draft');
  });

  it('updates header fields without touching the original', () => {
    const doc = createPostmortem('pm-1', now);
    const next = updateHeader(doc, { title: 'DB overload', severity: 'SEV-1' });
    expect(next).toMatchObject({ title: 'DB overload', severity: 'SEV-1' });
    expect(doc.title).toBe('');
  });

  it('returns the same object when an edit changes nothing, so no undo step or save is made', () => {
    const doc = updateHeader(createPostmortem('pm-1', now), { title: 'A' });
    expect(updateHeader(doc, { title: 'A' })).toBe(doc);
  });

  it('duplicates under a new id as a draft marked as a copy', () => {
    const doc = updateHeader(createPostmortem('pm-1', now), { title: 'DB overload', status: 'Reviewed' });
    const copy = duplicatePostmortem(doc, 'pm-2', '2026-03-19T00:00:00.000Z');
    expect(copy).toMatchObject({
      id: 'pm-2',
      title: 'DB overload (copy)',
      status: 'Draft',
      createdAt: '2026-03-19T00:00:00.000Z',
    });
  });

  it('lists the most recently edited first', () => {
    const a = toLibraryRow({ ...createPostmortem('a', now), updatedAt: '2026-03-01T00:00:00.000Z' });
    const b = toLibraryRow({ ...createPostmortem('b', now), updatedAt: '2026-03-05T00:00:00.000Z' });
    expect(sortLibraryRows([a, b]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('shows a placeholder for untitled postmortems and the first line of multi-line titles', () => {
    expect(displayTitle('   ')).toBe('Untitled postmortem');
    expect(displayTitle('First\nsecond')).toBe('First');
  });
});
