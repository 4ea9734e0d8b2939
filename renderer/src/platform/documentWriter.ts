/**
 * Writes documents to IndexedDB from a worker, so that the main thread never copies a
 * whole document on an autosave. IndexedDB copies (structured-clones) a value on the
 * thread that puts it: about 10-30 ms for a 2 MB postmortem, a pause in the typing of
 * anyone who keeps typing while it saves. The worker keeps its own copy of each
 * document it writes; the page sends it the first revision whole (when the document
 * opens, while nobody types) and after that only what each edit changed
 * (shared/documentPatch.ts), and the worker patches its copy and puts it.
 *
 * This is the worker's side, without the worker: a function from a request to its
 * reply, so that tests run it in the same thread.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { applyDocumentPatches, type DocumentPatch } from '../../../shared/documentPatch';

export type WriteRequest =
  /** Hold this revision as the copy of the document, without writing it. */
  | { readonly seq: number; readonly kind: 'hold'; readonly dbName: string; readonly doc: { readonly id: string } }
  /** Write this revision, sent whole. */
  | {
      readonly seq: number;
      readonly kind: 'write';
      readonly dbName: string;
      readonly doc: { readonly id: string };
      readonly row: unknown;
    }
  /** Write the held copy of document `id` with these patches applied. */
  | {
      readonly seq: number;
      readonly kind: 'patch';
      readonly dbName: string;
      readonly id: string;
      readonly patches: readonly DocumentPatch[];
      readonly row: unknown;
    };

export type WriteReply =
  | { readonly seq: number; readonly ok: true }
  /** `resend`: the worker holds no usable copy; send the document whole. */
  | { readonly seq: number; readonly ok: false; readonly resend: boolean; readonly message: string };

/** How many documents' copies the worker keeps: the open one, and a few just closed. */
const HELD_COPIES = 4;

/**
 * Sets `key` as the most recent entry of `held`, dropping the oldest past HELD_COPIES.
 * Both sides keep their record of the worker's copies with it, so they drop the same ones.
 */
export function keepRecent<V>(held: Map<string, V>, key: string, value: V): void {
  held.delete(key);
  held.set(key, value);
  for (const oldest of held.keys()) {
    if (held.size <= HELD_COPIES) break;
    held.delete(oldest);
  }
}

export function createDocumentWriter(open: (dbName: string) => Promise<IDBPDatabase> = (name) => openDB(name)) {
  const held = new Map<string, { dbName: string; doc: object }>();
  const databases = new Map<string, Promise<IDBPDatabase>>();

  const hold = (dbName: string, id: string, doc: object) => keepRecent(held, id, { dbName, doc });

  async function put(dbName: string, id: string, doc: object, row: unknown): Promise<void> {
    let database = databases.get(dbName);
    if (!database) {
      database = open(dbName);
      databases.set(dbName, database);
      database.then(
        // Another tab upgrading the database must not wait for this connection: close it,
        // and open again on the next write.
        (opened) =>
          opened.addEventListener('versionchange', () => {
            opened.close();
            databases.delete(dbName);
          }),
        () => databases.delete(dbName),
      );
    }
    const tx = (await database).transaction(['documents', 'index'], 'readwrite');
    await Promise.all([tx.objectStore('documents').put(doc, id), tx.objectStore('index').put(row, id), tx.done]);
  }

  return async function handle(request: WriteRequest): Promise<WriteReply> {
    const { seq } = request;
    try {
      switch (request.kind) {
        case 'hold':
          hold(request.dbName, request.doc.id, request.doc);
          return { seq, ok: true };
        case 'write':
          // Held only once written: a failed write leaves no copy to patch.
          held.delete(request.doc.id);
          await put(request.dbName, request.doc.id, request.doc, request.row);
          hold(request.dbName, request.doc.id, request.doc);
          return { seq, ok: true };
        case 'patch': {
          const copy = held.get(request.id);
          if (!copy || copy.dbName !== request.dbName)
            return { seq, ok: false, resend: true, message: 'The writer holds no copy of this postmortem.' };
          // Whatever happens next, this copy may be half patched or not on disk: drop it.
          held.delete(request.id);
          let doc: object;
          try {
            doc = applyDocumentPatches(copy.doc, request.patches);
          } catch (error) {
            return { seq, ok: false, resend: true, message: error instanceof Error ? error.message : String(error) };
          }
          await put(request.dbName, request.id, doc, request.row);
          hold(request.dbName, request.id, doc);
          return { seq, ok: true };
        }
      }
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { seq, ok: false, resend: false, message };
    }
  };
}
