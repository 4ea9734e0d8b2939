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
import { sortLibraryRows, toLibraryRow } from '../../../shared/documents';
import { checkPostmortem, rememberValid } from '../../../shared/documentValidation';
import { migrateDocument } from '../../../shared/migrations';
import type { LibraryRow, Postmortem } from '../../../shared/model';
import { agendaTemplateSchema, agendaTemplatesSchema } from '../../../shared/agenda';
import { consoleHash, meetingMessageSchema, type MeetingMessage } from '../../../shared/meetingSync';
import { DEFAULT_PROMPT_SETTINGS, promptSettingsSchema } from '../../../shared/promptSettings';
import { describeIssues } from '../../../shared/validation';
import type { WorkspaceStatus } from '../../../shared/workspace';

interface StudioDb extends DBSchema {
  documents: { key: string; value: unknown };
  trash: { key: string; value: { id: string; trashedAt: string } };
  damaged: { key: string; value: { id: string; movedAt: string; raw: unknown; problem: string } };
  /** Library-wide settings by name (since version 2 of the database). */
  settings: { key: string; value: unknown };
}

const ACCEPT: Record<OpenableKind, string> = {
  markdown: '.md,.markdown,.txt,text/markdown,text/plain',
  json: '.json,application/json',
};

export const DEFAULT_DB_NAME = 'postmortem-studio';

const NO_WORKSPACE: WorkspaceStatus = { available: false, folder: null, problems: [], conflicts: [], error: null };

export function createBrowserPlatform(dbName = DEFAULT_DB_NAME, now: () => Date = () => new Date()): PlatformApi {
  let dbPromise: Promise<IDBPDatabase<StudioDb>> | null = null;
  const db = (): Promise<IDBPDatabase<StudioDb>> => {
    dbPromise ??= openDB<StudioDb>(dbName, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('documents');
          database.createObjectStore('trash', { keyPath: 'id' });
          database.createObjectStore('damaged');
        }
        if (oldVersion < 2) database.createObjectStore('settings');
      },
    });
    return dbPromise;
  };

  async function readDocument(id: string, raw: unknown): Promise<{ doc: Postmortem } | { notice: StorageNotice }> {
    const migrated = migrateDocument(raw);
    if (migrated.ok) {
      // Its items need no second look when it is saved again with a few of them edited.
      rememberValid(migrated.value);
      return { doc: migrated.value };
    }
    const database = await db();
    const movedAt = now().toISOString();
    const tx = database.transaction(['documents', 'damaged'], 'readwrite');
    await tx.objectStore('damaged').put({ id, movedAt, raw, problem: migrated.error }, `${id}@${movedAt}`);
    await tx.objectStore('documents').delete(id);
    await tx.done;
    return {
      notice: {
        id,
        message: `A stored postmortem could not be read (${migrated.error}). It was set aside in this browser's storage (damaged/${id}); nothing was deleted.`,
      },
    };
  }

  const listeners = new Set<(command: AppCommand) => void>();

  return {
    kind: 'browser',
    async listDocuments(): Promise<LibraryListing> {
      const database = await db();
      const [keys, values, trashed] = await Promise.all([
        database.getAllKeys('documents'),
        database.getAll('documents'),
        database.getAll('trash'),
      ]);
      const trashedAt = new Map(trashed.map((t) => [t.id, t.trashedAt]));
      const rows: LibraryRow[] = [];
      const trash: LibraryRow[] = [];
      const notices: StorageNotice[] = [];
      for (const [i, key] of keys.entries()) {
        const result = await readDocument(key, values[i]);
        if ('notice' in result) {
          notices.push(result.notice);
          continue;
        }
        const row = toLibraryRow(result.doc, trashedAt.get(key) ?? null);
        (row.trashedAt ? trash : rows).push(row);
      }
      trash.sort((a, b) => (b.trashedAt ?? '').localeCompare(a.trashedAt ?? ''));
      return { rows: sortLibraryRows(rows), trash, notices };
    },
    async loadDocument(id): Promise<LoadedDocument> {
      const raw = await (await db()).get('documents', id);
      if (raw === undefined) throw new Error('This postmortem is no longer in the library.');
      const result = await readDocument(id, raw);
      if ('notice' in result) throw new Error(result.notice.message);
      return { doc: result.doc, notice: null };
    },
    async saveDocument(doc) {
      // Checks only what changed since the document was loaded or last saved: a full parse
      // of a 2 MB document held up typing on every autosave.
      const checked = checkPostmortem(doc);
      if (!checked.ok) throw new Error(`Not saved: ${describeIssues(checked.error)}`);
      await (await db()).put('documents', checked.doc, doc.id);
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
      const tx = database.transaction(['documents', 'trash'], 'readwrite');
      await tx.objectStore('documents').delete(id);
      await tx.objectStore('trash').delete(id);
      await tx.done;
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
      const parsed = promptSettingsSchema.safeParse(await (await db()).get('settings', 'prompts'));
      return parsed.success ? parsed.data : DEFAULT_PROMPT_SETTINGS;
    },
    async savePromptSettings(settings) {
      const parsed = promptSettingsSchema.safeParse(settings);
      if (!parsed.success) throw new Error(`Settings not saved: ${describeIssues(parsed.error)}`);
      await (await db()).put('settings', parsed.data, 'prompts');
    },
    async loadAgendas() {
      const raw = await (await db()).get('settings', 'agendas');
      if (!Array.isArray(raw)) return [];
      return raw.flatMap((item) => {
        const parsed = agendaTemplateSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async saveAgendas(agendas) {
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
      channel.onmessage = (event: MessageEvent) => {
        const parsed = meetingMessageSchema.safeParse(event.data);
        if (parsed.success) for (const listener of listeners) listener(parsed.data);
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
  };
}
