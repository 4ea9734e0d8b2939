import type { Page } from '@playwright/test';

/**
 * Puts documents straight into the browser platform's IndexedDB (database and store as in
 * renderer/src/platform/browserPlatform.ts), for tests that need more postmortems, or
 * bigger ones, than typing could make. The page must have opened the app once, so the
 * database exists; reload it afterwards for the library to read them.
 */
export async function seedDocuments(page: Page, docs: readonly { id: string }[]): Promise<void> {
  await page.evaluate(async (values) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('postmortem-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('documents', 'readwrite');
      for (const doc of values) tx.objectStore('documents').put(doc, doc.id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, docs);
}
