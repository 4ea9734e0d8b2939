import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { toLibraryRow, updateHeader } from '../../../shared/documents';
import { createBrowserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { fullPostmortem } from '../../fixtures/documents';

let dbCount = 0;
const freshName = () => `pm-test-${(dbCount += 1)}`;

describe('browser platform (IndexedDB)', () => {
  it('saves, lists newest first and loads documents, surviving a new instance', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    await platform.saveDocument({ ...fullPostmortem('pm-a'), updatedAt: '2026-03-01T00:00:00.000Z' });
    await platform.saveDocument({ ...fullPostmortem('pm-b'), updatedAt: '2026-03-02T00:00:00.000Z' });
    const again = createBrowserPlatform(name);
    expect((await again.listDocuments()).rows.map((r) => r.id)).toEqual(['pm-b', 'pm-a']);
    expect((await again.loadDocument('pm-a')).doc.title).toBe(fullPostmortem().title);
  });

  it('lists each document with its kind, a stored document from before kinds as a postmortem', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    await platform.saveDocument(updateHeader(fullPostmortem('pm-a'), { kind: 'root-cause-analysis' }));
    const { default: v4 } = await import('../../fixtures/schema/v4.json');
    const db = await openDB(name);
    await db.put('documents', v4, v4.id);
    db.close();
    const rows = (await createBrowserPlatform(name).listDocuments()).rows;
    expect(rows.map((r) => [r.id, r.kind]).sort()).toEqual([
      ['pm-a', 'root-cause-analysis'],
      ['pm-v4', 'postmortem'],
    ]);
  });

  it('refuses to save an invalid document and says why', async () => {
    const platform = createBrowserPlatform(freshName());
    await expect(platform.saveDocument({ ...fullPostmortem(), incidentDate: '2026-02-31' })).rejects.toThrow(
      /incidentDate/,
    );
  });

  it('trashes, restores and purges only from the trash', async () => {
    const platform = createBrowserPlatform(freshName());
    await platform.saveDocument(fullPostmortem('pm-a'));
    await expect(platform.purgeDocument('pm-a')).rejects.toThrow(/trash/);
    await platform.trashDocument('pm-a');
    expect(await platform.listDocuments()).toMatchObject({ rows: [], trash: [{ id: 'pm-a' }] });
    await platform.restoreDocument('pm-a');
    expect(await platform.listDocuments()).toMatchObject({ rows: [{ id: 'pm-a' }], trash: [] });
    await platform.trashDocument('pm-a');
    await platform.purgeDocument('pm-a');
    expect(await platform.listDocuments()).toMatchObject({ rows: [], trash: [] });
  });

  it('sets a damaged record aside, keeps the rest, and tells the user', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    await platform.saveDocument(updateHeader(fullPostmortem('pm-b'), { title: 'fine' }));
    // Written behind the app's back, so with no index row: listing reads and checks it.
    const db = await openDB(name);
    await db.put('documents', { schemaVersion: 1, title: 42 }, 'pm-a');
    db.close();
    const listing = await platform.listDocuments();
    expect(listing.rows.map((r) => r.id)).toEqual(['pm-b']);
    expect(listing.notices[0]?.message).toMatch(/could not be read.*set aside/);
    const reopened = await openDB(name);
    expect(await reopened.count('damaged')).toBe(1);
    reopened.close();
  });

  it('sets aside a record damaged after it was listed when it is opened, and deletes nothing', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    await platform.saveDocument(fullPostmortem('pm-a'));
    const db = await openDB(name);
    await db.put('documents', { ...fullPostmortem('pm-a'), severity: 'SEV-9' }, 'pm-a');
    db.close();
    // The library lists it from its index row; opening it reads the record itself.
    expect((await platform.listDocuments()).rows.map((r) => r.id)).toEqual(['pm-a']);
    await expect(platform.loadDocument('pm-a')).rejects.toThrow(/could not be read.*severity.*set aside/);
    expect((await platform.listDocuments()).rows).toEqual([]);
    const reopened = await openDB(name);
    const [damaged] = await reopened.getAll('damaged');
    expect(damaged).toMatchObject({ id: 'pm-a', raw: { title: fullPostmortem().title, severity: 'SEV-9' } });
    reopened.close();
  });

  it('lists from index rows written with each save, rebuilding a missing or damaged row from its document', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    const doc = fullPostmortem('pm-a');
    await platform.saveDocument(doc);
    await platform.saveDocument(updateHeader(doc, { title: 'Renamed', status: 'Reviewed' }));
    const db = await openDB(name);
    expect(await db.get('index', 'pm-a')).toMatchObject({ title: 'Renamed', status: 'Reviewed' });
    await db.put('index', { id: 'pm-a', title: 7 }, 'pm-a');
    db.close();
    const { rows } = await createBrowserPlatform(name).listDocuments();
    expect(rows).toEqual([toLibraryRow(updateHeader(doc, { title: 'Renamed', status: 'Reviewed' }))]);
    const reopened = await openDB(name);
    expect(await reopened.get('index', 'pm-a')).toMatchObject({ title: 'Renamed' });
    reopened.close();
  });

  it('opens a database from before the index and lists every document with its metadata', async () => {
    const name = freshName();
    const old = await openDB(name, 2, {
      upgrade(database) {
        database.createObjectStore('documents');
        database.createObjectStore('trash', { keyPath: 'id' });
        database.createObjectStore('damaged');
        database.createObjectStore('settings');
      },
    });
    const stored = fullPostmortem('pm-old');
    await old.put('documents', stored, 'pm-old');
    await old.put('trash', { id: 'pm-old', trashedAt: '2026-03-20T00:00:00.000Z' });
    old.close();
    const listing = await createBrowserPlatform(name).listDocuments();
    expect(listing).toEqual({
      rows: [],
      trash: [toLibraryRow(stored, '2026-03-20T00:00:00.000Z')],
      notices: [],
    });
    const upgraded = await openDB(name);
    expect(await upgraded.get('index', 'pm-old')).toEqual(toLibraryRow(stored));
    upgraded.close();
  });

  it('keeps phrasing settings, and opens a database from before settings existed without losing documents', async () => {
    const name = freshName();
    const old = await openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore('documents');
        database.createObjectStore('trash', { keyPath: 'id' });
        database.createObjectStore('damaged');
      },
    });
    await old.put('documents', fullPostmortem('pm-old'), 'pm-old');
    old.close();
    const platform = createBrowserPlatform(name);
    expect(await platform.loadPromptSettings()).toEqual({ disabledCategories: [], customRules: [] });
    const settings = {
      disabledCategories: ['outcome-bias' as const],
      customRules: [{ id: 'r1', phrase: 'rockstar', reframe: 'experienced engineer', category: 'character' as const }],
    };
    await platform.savePromptSettings(settings);
    expect(await createBrowserPlatform(name).loadPromptSettings()).toEqual(settings);
    expect((await platform.listDocuments()).rows.map((r) => r.id)).toEqual(['pm-old']);
    await expect(platform.savePromptSettings({ ...settings, disabledCategories: ['gossip' as never] })).rejects.toThrow(
      /Settings not saved: disabledCategories/,
    );
  });

  it('lets another tab upgrade the database, and then asks for a reload instead of failing obscurely', async () => {
    const name = freshName();
    const platform = createBrowserPlatform(name);
    await platform.saveDocument(fullPostmortem('pm-a'));
    expect((await platform.listDocuments()).rows).toHaveLength(1);
    // Hangs if this tab keeps its connection open.
    const newer = await openDB(name, 4, { upgrade: (db) => void db.createObjectStore('later') });
    newer.close();
    await expect(platform.listDocuments()).rejects.toThrow(/newer version of Postmortem Studio.*reload this tab/);
  });
});
