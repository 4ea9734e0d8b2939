import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { updateHeader } from '../../../shared/documents';
import type { Postmortem } from '../../../shared/model';
import { createBrowserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { fullPostmortem } from '../../fixtures/documents';

let dbCount = 0;
const freshName = () => `pm-journal-${(dbCount += 1)}`;

/** localStorage as the browser keeps it: strings by key. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

const at = (doc: Postmortem, updatedAt: string) => ({ ...doc, updatedAt });

/** A library holding `doc` as saved, and a tab's kept edits to it. */
async function closedMidSave(stored: Postmortem, kept: Postmortem) {
  const name = freshName();
  const storage = memoryStorage();
  await createBrowserPlatform(name, undefined, storage).saveDocument(stored);
  createBrowserPlatform(name, undefined, storage).keepUnsaved(kept);
  return { platform: createBrowserPlatform(name, undefined, storage), storage, name };
}

describe('edits kept as a tab closes (keepUnsaved)', () => {
  const saved = at(fullPostmortem('pm-a'), '2026-03-01T10:00:00.000Z');
  const edited = at(updateHeader(saved, { incidentCommander: 'Ines K' }), '2026-03-01T10:00:05.000Z');

  it('opens the postmortem with the kept edits, saves them, and says so once', async () => {
    const { platform, storage } = await closedMidSave(saved, edited);
    const opened = await platform.loadDocument('pm-a');
    expect(opened.doc.incidentCommander).toBe('Ines K');
    expect(opened.notice?.message).toMatch(/were kept, and are saved now/);
    expect(storage.items.size).toBe(0);
    const again = await platform.loadDocument('pm-a');
    expect(again.doc.incidentCommander).toBe('Ines K');
    expect(again.notice).toBeNull();
    expect((await platform.listDocuments()).rows[0]?.updatedAt).toBe(edited.updatedAt);
  });

  it('drops kept edits that the save finished with after all, or that a later save replaced', async () => {
    // The save running at the close finished: same content, an earlier stamp.
    const finished = await closedMidSave(at(edited, '2026-03-01T10:00:04.000Z'), edited);
    const opened = await finished.platform.loadDocument('pm-a');
    expect(opened.notice).toBeNull();
    expect(finished.storage.items.size).toBe(0);
    // Saved again later (another tab, or this one after coming back).
    const later = at(updateHeader(saved, { incidentCommander: 'Mo D' }), '2026-03-01T10:01:00.000Z');
    const replaced = await closedMidSave(later, edited);
    expect((await replaced.platform.loadDocument('pm-a')).doc.incidentCommander).toBe('Mo D');
    expect(replaced.storage.items.size).toBe(0);
  });

  it('sets unreadable kept edits aside, opens the postmortem as saved, and says what happened', async () => {
    const { platform, storage, name } = await closedMidSave(saved, edited);
    const [key] = [...storage.items.keys()];
    storage.items.set(key ?? '', '{"id": "pm-a", "title": 42');
    const opened = await platform.loadDocument('pm-a');
    expect(opened.doc.incidentCommander).toBe(saved.incidentCommander);
    expect(opened.notice?.message).toMatch(/could not be read \(not JSON\).*damaged\/pm-a/);
    const db = await openDB(name);
    const damaged = await db.getAll('damaged');
    db.close();
    expect(damaged.map((d) => d.raw)).toEqual(['{"id": "pm-a", "title": 42']);
    expect(storage.items.size).toBe(0);
  });

  it('does not let kept edits of one postmortem stand in for another', async () => {
    const { platform, storage } = await closedMidSave(saved, edited);
    const [key] = [...storage.items.keys()];
    storage.items.set(key ?? '', JSON.stringify({ ...edited, id: 'pm-other' }));
    const opened = await platform.loadDocument('pm-a');
    expect(opened.doc.incidentCommander).toBe(saved.incidentCommander);
    expect(opened.notice?.message).toMatch(/another postmortem/);
  });

  it('forgets kept edits of a postmortem deleted for good', async () => {
    const { platform, storage } = await closedMidSave(saved, edited);
    await platform.trashDocument('pm-a');
    expect(storage.items.size).toBe(1);
    await platform.purgeDocument('pm-a');
    expect(storage.items.size).toBe(0);
  });

  it('lists, saves and reports once a postmortem its tab kept before its first save', async () => {
    const name = freshName();
    const storage = memoryStorage();
    createBrowserPlatform(name, undefined, storage).keepUnsaved(edited);
    const platform = createBrowserPlatform(name, undefined, storage);
    const listing = await platform.listDocuments();
    expect(listing.rows.map((r) => [r.id, r.title])).toEqual([['pm-a', edited.title]]);
    expect(listing.notices.map((n) => n.message)).toEqual([
      `“${edited.title}” was created just before its tab closed, before its first save finished. It was kept, and is saved now.`,
    ]);
    expect(storage.items.size).toBe(0);
    expect((await platform.loadDocument('pm-a')).doc.incidentCommander).toBe('Ines K');
    const again = await createBrowserPlatform(name, undefined, storage).listDocuments();
    expect(again.rows.map((r) => r.id)).toEqual(['pm-a']);
    expect(again.notices).toEqual([]);
  });

  it('sets aside a postmortem kept before its first save that cannot be read, and says so', async () => {
    const name = freshName();
    const storage = memoryStorage();
    createBrowserPlatform(name, undefined, storage).keepUnsaved(edited);
    const [key] = [...storage.items.keys()];
    storage.items.set(key ?? '', '{"id": "pm-a", "title": ');
    const listing = await createBrowserPlatform(name, undefined, storage).listDocuments();
    expect(listing.rows).toEqual([]);
    expect(listing.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/before it was first saved, could not be read \(not JSON\).*damaged\/pm-a/),
    ]);
    const db = await openDB(name);
    const damaged = await db.getAll('damaged');
    db.close();
    expect(damaged.map((d) => d.raw)).toEqual(['{"id": "pm-a", "title": ']);
    expect(storage.items.size).toBe(0);
  });

  it('loses nothing else when the storage is full', async () => {
    const name = freshName();
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const platform = createBrowserPlatform(name, undefined, full);
    await platform.saveDocument(saved);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      platform.keepUnsaved(edited);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect((await platform.loadDocument('pm-a')).doc.incidentCommander).toBe(saved.incidentCommander);
  });
});
