/**
 * PlatformApi for any browser (`npm run web`, and the E2E tests): documents in
 * IndexedDB, validated on the way in and out with the same schemas main uses.
 * A record that fails to validate is moved to a `damaged` store, never deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  MAX_IMPORT_BYTES,
  fileTooLargeMessage,
  notTextMessage,
  type AppCommand,
  type LibraryListing,
  type LoadedDocument,
  type PlatformApi,
  type OpenableKind,
  type StorageNotice,
} from '../../../shared/api';
import { consoleHash } from '../../../shared/consoleLink';
import { sortLibraryRows, toLibraryRow } from '../../../shared/documents';
import { readLibraryRow } from '../../../shared/libraryIndex';
import type { MeetingMessage } from '../../../shared/meetingSync';
import type { LibraryRow, Postmortem } from '../../../shared/model';
import { DEFAULT_PROMPT_SETTINGS } from '../../../shared/promptDefaults';
import type { WorkspaceStatus } from '../../../shared/workspace';
import { createOffThreadWriter, WriterUnavailable, type OffThreadWriter } from './offThreadWriter';
import { holdsUnsavedEdits, unsavedJournal, type JournalStorage } from './unsavedJournal';

/** The schema checks, loaded on first need (see documentChecks.ts). */
const loadChecks = () => import('./documentChecks');

interface StudioDb extends DBSchema {
  documents: { key: string; value: unknown };
  trash: { key: string; value: { id: string; trashedAt: string } };
  damaged: { key: string; value: { id: string; movedAt: string; raw: unknown; problem: string } };
  /** Library-wide settings by name (since version 2 of the database). */
  settings: { key: string; value: unknown };
  /**
   * The library's rows (toLibraryRow of each document, trashedAt aside) by document id,
   * written in the same transaction as the document (since version 3). The library lists
   * from these alone; a document with no readable row gets one from its own content.
   */
  index: { key: string; value: unknown };
}

const ACCEPT: Record<OpenableKind, string> = {
  markdown: '.md,.markdown,.txt,text/markdown,text/plain',
  json: '.json,application/json',
};

export const DEFAULT_DB_NAME = 'postmortem-studio';

/** The User Timing mark set when a document is on disk (for benchmarks and profiles). */
export const SAVED_MARK = 'postmortem-studio:saved';

/**
 * The worker that writes documents (documentWriter.ts), or null where workers are not
 * available (unit tests under Node): documents are then written on the main thread.
 */
function startWriter(dbName: string): OffThreadWriter | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./documentWriter.worker.ts', import.meta.url), {
      type: 'module',
      name: 'document writer',
    });
    const writer = createOffThreadWriter(worker, dbName);
    worker.addEventListener('error', (event) => writer.fail(event.message || 'the document writer stopped'));
    worker.addEventListener('messageerror', () => writer.fail('the document writer sent an unreadable reply'));
    return writer;
  } catch {
    return null;
  }
}

/** Runs `task` when the page is idle (or after `timeoutMs` at the latest). */
function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 0);
}

const NO_WORKSPACE: WorkspaceStatus = { available: false, folder: null, problems: [], conflicts: [], error: null };

export function createBrowserPlatform(
  dbName = DEFAULT_DB_NAME,
  now: () => Date = () => new Date(),
  /** Where keepUnsaved writes (localStorage; none under Node). */
  journalStorage: JournalStorage | null = typeof localStorage === 'undefined' ? null : localStorage,
): PlatformApi {
  const journal = unsavedJournal(journalStorage, dbName);
  // Started when a document is first opened or saved, not with the app: the library's
  // first paint does not wait for a worker it does not use.
  let started: OffThreadWriter | null | undefined;
  const documentWriter = (): OffThreadWriter | null =>
    started === undefined ? (started = startWriter(dbName)) : started;
  let dbPromise: Promise<IDBPDatabase<StudioDb>> | null = null;
  const db = (): Promise<IDBPDatabase<StudioDb>> => {
    dbPromise ??= openDB<StudioDb>(dbName, 3, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('documents');
          database.createObjectStore('trash', { keyPath: 'id' });
          database.createObjectStore('damaged');
        }
        if (oldVersion < 2) database.createObjectStore('settings');
        // Rows are filled in from the documents as the library is listed.
        if (oldVersion < 3) database.createObjectStore('index');
      },
      // A newer build upgrading the database in another tab waits for every connection to
      // close: let go of this one rather than hold that tab up.
      blocking() {
        void dbPromise?.then((database) => database.close());
        dbPromise = null;
      },
    }).catch((error: unknown) => {
      dbPromise = null;
      if (error instanceof DOMException && error.name === 'VersionError') {
        throw new Error(
          "A newer version of Postmortem Studio has updated this browser's storage in another tab: reload this tab to go on.",
        );
      }
      throw error;
    });
    return dbPromise;
  };

  async function readDocument(id: string, raw: unknown): Promise<{ doc: Postmortem } | { notice: StorageNotice }> {
    const checks = await loadChecks();
    const migrated = checks.migrateDocument(raw);
    if (migrated.ok) {
      // Its items need no second look when it is saved again with a few of them edited.
      checks.rememberValid(migrated.value);
      return { doc: migrated.value };
    }
    const database = await db();
    const movedAt = now().toISOString();
    const tx = database.transaction(['documents', 'damaged', 'index'], 'readwrite');
    // Only what is still there and still unreadable is moved: a save may have come between.
    const current = await tx.objectStore('documents').get(id);
    if (current !== undefined && !checks.migrateDocument(current).ok) {
      await tx.objectStore('damaged').put({ id, movedAt, raw: current, problem: migrated.error }, `${id}@${movedAt}`);
      await tx.objectStore('documents').delete(id);
      await tx.objectStore('index').delete(id);
    }
    await tx.done;
    return {
      notice: {
        id,
        message: `A stored postmortem could not be read (${migrated.error}). It was set aside in this browser's storage (damaged/${id}); nothing was deleted.`,
      },
    };
  }

  /**
   * The row of a document that has none (stored before the index existed, or written by
   * something other than saveDocument), from the document itself; it is stored for the
   * next listing unless a save has stored a newer one meanwhile. Null if it is gone.
   */
  async function rowFromDocument(id: string): Promise<{ row: LibraryRow } | { notice: StorageNotice } | null> {
    const raw = await (await db()).get('documents', id);
    if (raw === undefined) return null;
    const read = await readDocument(id, raw);
    if ('notice' in read) return read;
    const row = toLibraryRow(read.doc);
    const tx = (await db()).transaction('index', 'readwrite');
    if (readLibraryRow(await tx.store.get(id)) === null) await tx.store.put(row, id);
    await tx.done;
    return { row };
  }

  /** Writes a document and its library row on this thread, in one transaction. */
  async function putDocument(doc: Postmortem, row: LibraryRow): Promise<void> {
    const tx = (await db()).transaction(['documents', 'index'], 'readwrite');
    await Promise.all([
      tx.objectStore('documents').put(doc, doc.id),
      tx.objectStore('index').put(row, doc.id),
      tx.done,
    ]);
  }

  /**
   * The copy of postmortem `id` its tab kept as it closed (keepUnsaved), read with the
   * same migrations and checks as a stored document; null if there is none. The caller
   * drops it from the journal once it is stored or not needed. One that cannot be read
   * is set aside in `damaged`, as a damaged document is, then dropped, and its problem
   * returned.
   */
  async function takeKept(id: string): Promise<{ doc: Postmortem } | { problem: string } | null> {
    const text = journal.read(id);
    if (text === null) return null;
    const checks = await loadChecks();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const migrated = parsed === undefined ? { ok: false as const, error: 'not JSON' } : checks.migrateDocument(parsed);
    if (migrated.ok && migrated.value.id === id) return { doc: migrated.value };
    const movedAt = now().toISOString();
    const problem = migrated.ok ? 'it belongs to another postmortem' : migrated.error;
    await (await db()).put('damaged', { id, movedAt, raw: text, problem }, `${id}@${movedAt}`);
    journal.drop(id);
    return { problem };
  }

  /** Stores a kept copy read by takeKept, as saveDocument would, then drops it from the journal. */
  async function saveKept(doc: Postmortem): Promise<LibraryRow> {
    const row = toLibraryRow(doc);
    await putDocument(doc, row);
    (await loadChecks()).rememberValid(doc);
    journal.drop(doc.id);
    return row;
  }

  /**
   * `stored` with the edits its tab kept as it closed, now saved, and a notice saying so;
   * null if there are none, or the save they were waiting for finished after all. Kept
   * edits that cannot be read are set aside, and `stored` opens with a notice saying that.
   */
  async function recoverUnsaved(stored: Postmortem): Promise<LoadedDocument | null> {
    const kept = await takeKept(stored.id);
    if (kept === null) return null;
    if ('problem' in kept) {
      return {
        doc: stored,
        notice: {
          id: stored.id,
          message: `Edits kept when this postmortem's tab last closed could not be read (${kept.problem}). They were set aside in this browser's storage (damaged/${stored.id}); the postmortem opened as last saved.`,
        },
      };
    }
    if (!holdsUnsavedEdits(kept.doc, stored)) {
      journal.drop(stored.id);
      return null;
    }
    await saveKept(kept.doc);
    const message = 'Edits still being saved when this postmortem last closed were kept, and are saved now.';
    return { doc: kept.doc, notice: { id: stored.id, message } };
  }

  /**
   * Postmortems that exist only as a copy a closing tab kept: created just before the tab
   * closed, their first save still running. Nothing opens them by id (the library lists
   * what is stored), so the listing saves them, with a notice each.
   */
  async function recoverUnsavedNew(
    stored: ReadonlySet<string>,
  ): Promise<{ rows: LibraryRow[]; notices: StorageNotice[] }> {
    const rows: LibraryRow[] = [];
    const notices: StorageNotice[] = [];
    for (const id of journal.ids()) {
      if (stored.has(id)) continue; // opening it recovers its edits (recoverUnsaved)
      const kept = await takeKept(id);
      if (kept === null) continue;
      if ('problem' in kept) {
        notices.push({
          id,
          message: `A postmortem kept as its tab closed, before it was first saved, could not be read (${kept.problem}). It was set aside in this browser's storage (damaged/${id}).`,
        });
        continue;
      }
      const row = await saveKept(kept.doc);
      rows.push(row);
      notices.push({
        id,
        message: `“${row.title || 'Untitled postmortem'}” was created just before its tab closed, before its first save finished. It was kept, and is saved now.`,
      });
    }
    return { rows, notices };
  }

  const listeners = new Set<(command: AppCommand) => void>();

  return {
    kind: 'browser',
    async listDocuments(): Promise<LibraryListing> {
      const tx = (await db()).transaction(['documents', 'index', 'trash'], 'readonly');
      const [ids, rowIds, rowValues, trashed] = await Promise.all([
        tx.objectStore('documents').getAllKeys(),
        tx.objectStore('index').getAllKeys(),
        tx.objectStore('index').getAll(),
        tx.objectStore('trash').getAll(),
      ]);
      const indexed = new Map<string, LibraryRow>();
      rowIds.forEach((id, i) => {
        const row = readLibraryRow(rowValues[i]);
        if (row?.id === id) indexed.set(id, row);
      });
      const trashedAt = new Map(trashed.map((t) => [t.id, t.trashedAt]));
      const rows: LibraryRow[] = [];
      const trash: LibraryRow[] = [];
      const notices: StorageNotice[] = [];
      for (const id of ids) {
        let row = indexed.get(id);
        if (!row) {
          const rebuilt = await rowFromDocument(id);
          if (rebuilt === null) continue;
          if ('notice' in rebuilt) {
            notices.push(rebuilt.notice);
            continue;
          }
          row = rebuilt.row;
        }
        const listed = { ...row, trashedAt: trashedAt.get(id) ?? null };
        (listed.trashedAt ? trash : rows).push(listed);
      }
      const recovered = await recoverUnsavedNew(new Set(ids));
      rows.push(...recovered.rows);
      notices.push(...recovered.notices);
      trash.sort((a, b) => (b.trashedAt ?? '').localeCompare(a.trashedAt ?? ''));
      return { rows: sortLibraryRows(rows), trash, notices };
    },
    async loadDocument(id): Promise<LoadedDocument> {
      // The checks' chunk is fetched while the database reads, not after: a postmortem
      // opened right after start otherwise waited for the two one after the other.
      loadChecks().catch(() => undefined); // a failed download fails readDocument's own load below
      const raw = await (await db()).get('documents', id);
      if (raw === undefined) throw new Error('This postmortem is no longer in the library.');
      const result = await readDocument(id, raw);
      if ('notice' in result) throw new Error(result.notice.message);
      const loaded = (await recoverUnsaved(result.doc)) ?? { doc: result.doc, notice: null };
      const { doc } = loaded;
      // The writer gets its copy now, while the document opens, so that saves while
      // typing send it only what changed (copying the whole of it takes a while).
      const writer = documentWriter();
      if (writer) whenIdle(() => void writer.hold(doc).catch(() => undefined), 2000);
      return loaded;
    },
    async saveDocument(doc) {
      // Checks only what changed since the document was loaded or last saved: a full parse
      // of a 2 MB document held up typing on every autosave.
      const { checkPostmortem, describeIssues } = await loadChecks();
      const checked = checkPostmortem(doc);
      if (!checked.ok) throw new Error(`Not saved: ${describeIssues(checked.error)}`);
      const row = toLibraryRow(checked.doc);
      try {
        const writer = documentWriter();
        if (!writer) throw new WriterUnavailable('no worker here');
        await writer.write(checked.doc, row);
      } catch (error) {
        if (!(error instanceof WriterUnavailable)) throw error;
        await putDocument(checked.doc, row);
      }
      performance.mark(SAVED_MARK, { detail: doc.id });
      return { savedAt: now().toISOString() };
    },
    async trashDocument(id) {
      const database = await db();
      if ((await database.getKey('documents', id)) === undefined)
        throw new Error('This postmortem is not in the library.');
      await database.put('trash', { id, trashedAt: now().toISOString() });
    },
    async restoreDocument(id) {
      await (await db()).delete('trash', id);
    },
    async purgeDocument(id) {
      const database = await db();
      if ((await database.get('trash', id)) === undefined) {
        throw new Error('Only postmortems in the trash can be deleted for good.');
      }
      const tx = database.transaction(['documents', 'trash', 'index'], 'readwrite');
      await Promise.all([
        tx.objectStore('documents').delete(id),
        tx.objectStore('trash').delete(id),
        tx.objectStore('index').delete(id),
        tx.done,
      ]);
      journal.drop(id);
    },
    async exportFile(suggestedName, content) {
      const url = URL.createObjectURL(new Blob([content], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, location: suggestedName };
    },
    async exportImage(suggestedName, dataUrl) {
      const link = document.createElement('a');
      link.href = dataUrl;
      link.download = suggestedName;
      link.click();
      return { saved: true, location: suggestedName };
    },
    async loadPromptSettings() {
      const raw = await (await db()).get('settings', 'prompts');
      // Nothing saved (the usual case) needs no schema.
      if (raw === undefined) return DEFAULT_PROMPT_SETTINGS;
      const parsed = (await loadChecks()).promptSettingsSchema.safeParse(raw);
      return parsed.success ? parsed.data : DEFAULT_PROMPT_SETTINGS;
    },
    async savePromptSettings(settings) {
      const { promptSettingsSchema, describeIssues } = await loadChecks();
      const parsed = promptSettingsSchema.safeParse(settings);
      if (!parsed.success) throw new Error(`Settings not saved: ${describeIssues(parsed.error)}`);
      await (await db()).put('settings', parsed.data, 'prompts');
    },
    async loadAgendas() {
      const raw = await (await db()).get('settings', 'agendas');
      if (!Array.isArray(raw) || raw.length === 0) return [];
      const { agendaTemplateSchema } = await loadChecks();
      return raw.flatMap((item) => {
        const parsed = agendaTemplateSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async saveAgendas(agendas) {
      const { agendaTemplatesSchema, describeIssues } = await loadChecks();
      const parsed = agendaTemplatesSchema.safeParse(agendas);
      if (!parsed.success) throw new Error(`Agendas not saved: ${describeIssues(parsed.error)}`);
      await (await db()).put('settings', parsed.data, 'agendas');
    },
    openTextFile(kind) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = ACCEPT[kind];
        input.addEventListener('cancel', () => resolve(null));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return resolve(null);
          if (file.size > MAX_IMPORT_BYTES) return reject(new Error(fileTooLargeMessage(file.name, file.size)));
          file.arrayBuffer().then((buffer) => {
            try {
              resolve({ name: file.name, content: new TextDecoder('utf-8', { fatal: true }).decode(buffer) });
            } catch {
              reject(new Error(notTextMessage(file.name, kind)));
            }
          }, reject);
        });
        input.click();
      });
    },
    async openConsoleWindow(docId) {
      const url = `${location.pathname}${location.search}${consoleHash(docId)}`;
      const opened = window.open(url, `postmortem-console-${docId}`, 'popup,width=560,height=900');
      if (!opened) throw new Error('The browser blocked the console window: allow pop-ups for this page.');
    },
    meetingChannel(docId) {
      const channel = new BroadcastChannel(`postmortem-studio:meeting:${docId}`);
      const listeners = new Set<(message: MeetingMessage) => void>();
      // Loaded by the time a document is open; callbacks on one promise keep message order.
      const checks = loadChecks();
      channel.onmessage = (event: MessageEvent) => {
        void checks.then(({ meetingMessageSchema }) => {
          const parsed = meetingMessageSchema.safeParse(event.data);
          if (parsed.success) for (const listener of listeners) listener(parsed.data);
        });
      };
      return {
        post: (message) => channel.postMessage(message),
        subscribe: (listener) => {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
        close: () => channel.close(),
      };
    },
    // A page cannot watch a folder for a `git pull`, so the workspace folder is desktop-only.
    workspaceStatus: async () => NO_WORKSPACE,
    chooseWorkspaceFolder: async () => NO_WORKSPACE,
    stopWorkspaceFolder: async () => NO_WORKSPACE,
    rescanWorkspace: async () => NO_WORKSPACE,
    resolveWorkspaceConflict: async () => NO_WORKSPACE,
    onWorkspaceEvent: () => () => undefined,
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readyToClose() {
      // A browser tab closes on its own; pending saves are flushed on pagehide.
    },
    keepUnsaved(doc) {
      journal.keep(doc);
    },
  };
}
