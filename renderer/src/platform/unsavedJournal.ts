/**
 * Edits that a closing tab could not finish saving. A browser tab closed mid-save takes
 * its IndexedDB write (asynchronous, in a worker) with it; localStorage is written at
 * once, so `pagehide` can still keep the document there, and the next open of that
 * postmortem saves it (browserPlatform.ts loadDocument). One that was never saved at
 * all (created just before the tab closed) is saved by the next listing of the library.
 */
import type { Postmortem } from '../../../shared/model';

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface UnsavedJournal {
  /** Keeps `doc` (synchronous). A full or missing localStorage loses only this last chance. */
  keep(doc: Postmortem): void;
  /** The kept text for `id`, or null. */
  read(id: string): string | null;
  /** The ids of the postmortems with kept edits. */
  ids(): string[];
  drop(id: string): void;
}

export function unsavedJournal(storage: JournalStorage | null, prefix: string): UnsavedJournal {
  const key = (id: string) => `${prefix}:unsaved:${id}`;
  return {
    keep(doc) {
      try {
        storage?.setItem(key(doc.id), JSON.stringify(doc));
      } catch (error) {
        // Nothing else can be done while the page goes away (a quota error: the autosave
        // before it still holds everything up to its last save).
        console.error('Postmortem Studio could not keep unsaved edits for the next open:', error);
      }
    },
    read(id) {
      try {
        return storage?.getItem(key(id)) ?? null;
      } catch {
        return null;
      }
    },
    ids() {
      const ids: string[] = [];
      try {
        for (let i = 0; i < (storage?.length ?? 0); i += 1) {
          const name = storage?.key(i);
          if (name?.startsWith(key(''))) ids.push(name.slice(key('').length));
        }
      } catch {
        // Storage turned off meanwhile: nothing can be read back.
      }
      return ids;
    },
    drop(id) {
      try {
        storage?.removeItem(key(id));
      } catch {
        // Storage turned off meanwhile: there is nothing left to drop.
      }
    },
  };
}

/**
 * Whether the kept `edited` copy holds edits the stored document lacks: it was kept
 * after the stored one was saved, and differs from it in more than the save time. A
 * save that finished after all (during or after the close) stores the same content or
 * something newer, and the kept copy is dropped.
 */
export function holdsUnsavedEdits(edited: Postmortem, stored: Postmortem): boolean {
  if (edited.updatedAt <= stored.updatedAt) return false;
  return JSON.stringify({ ...edited, updatedAt: '' }) !== JSON.stringify({ ...stored, updatedAt: '' });
}
