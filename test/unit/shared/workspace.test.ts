import { describe, expect, it } from 'vitest';
import {
  classifyFolderFile,
  conflictCopyName,
  decideSync,
  slugify,
  workspaceBaseName,
  type SyncedEntry,
} from '../../../shared/workspace';

describe('workspace file names', () => {
  it('slugs titles to lowercase ASCII words, cut at a word boundary', () => {
    expect(slugify('Checkout API returned 500s — for 42 minutes!')).toBe('checkout-api-returned-500s-for-42-minutes');
    expect(slugify('Café à Zürich')).toBe('cafe-a-zurich');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('   ')).toBe('untitled');
    expect(slugify('数据库')).toBe('untitled');
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
  });

  it('names a file by incident date and slug, unique even on case-insensitive disks', () => {
    const doc = { title: 'DNS outage', incidentDate: '2026-03-18' };
    expect(workspaceBaseName(doc, [])).toBe('2026-03-18-dns-outage');
    expect(workspaceBaseName(doc, ['2026-03-18-DNS-outage', '2026-03-18-dns-outage-2'])).toBe(
      '2026-03-18-dns-outage-3',
    );
    expect(workspaceBaseName({ title: '', incidentDate: '' }, [])).toBe('undated-untitled');
  });

  it('keeps the version not chosen beside the original with a time stamp', () => {
    expect(conflictCopyName('2026-03-18-dns', new Date('2026-03-20T09:15:30.123Z'), 'json')).toBe(
      '2026-03-18-dns.conflict-2026-03-20T09-15-30-123Z.json',
    );
  });

  it('tells postmortem files, conflict copies, hidden and foreign files apart', () => {
    expect(classifyFolderFile('2026-03-18-dns.json')).toEqual({ kind: 'document', base: '2026-03-18-dns' });
    expect(classifyFolderFile('2026-03-18-dns.md')).toEqual({ kind: 'markdown', base: '2026-03-18-dns' });
    expect(classifyFolderFile('2026-03-18-dns.conflict-2026-03-20T09-15-30-123Z.json')).toEqual({
      kind: 'conflict-copy',
    });
    expect(classifyFolderFile('.2026-03-18-dns.json.123.tmp')).toEqual({ kind: 'ignored' });
    expect(classifyFolderFile('.git')).toEqual({ kind: 'ignored' });
    expect(classifyFolderFile('notes.txt')).toEqual({ kind: 'foreign' });
  });
});

describe('decideSync', () => {
  const last: SyncedEntry = { base: 'b', diskHash: 'd1', appHash: 'a1' };
  it('acts only on the side that changed since the last sync', () => {
    expect(decideSync(last, 'd1', 'a1')).toBe('in-sync');
    expect(decideSync(last, 'd1', 'a2')).toBe('write');
    expect(decideSync(last, 'd2', 'a1')).toBe('import');
    expect(decideSync(last, 'd2', 'a2')).toBe('conflict');
  });
  it('treats identical changes on both sides as in sync', () => {
    expect(decideSync(last, 'same', 'same')).toBe('in-sync');
  });
  it('writes new and deleted-from-folder postmortems, imports new folder files, never re-imports purged ones', () => {
    expect(decideSync(null, null, 'a1')).toBe('write');
    expect(decideSync(last, null, 'a1')).toBe('write');
    expect(decideSync(null, 'd1', null)).toBe('import');
    expect(decideSync(last, 'd1', null)).toBe('ignore');
  });
  it('a postmortem on both sides with no sync history is a conflict unless identical', () => {
    expect(decideSync(null, 'x', 'y')).toBe('conflict');
    expect(decideSync(null, 'x', 'x')).toBe('in-sync');
  });
});
