/**
 * Postmortems on disk: one store file per document (`postmortems/<id>.json`) and a
 * `library` store for the index. Writes go through the store class (electron-store in
 * the app, conf in tests: same format, same atomic temp-file-and-rename writes).
 * Reads parse the file directly so that a damaged file is never "fixed" by the store
 * class behind our back: it is moved aside, never deleted, and the newest backup that
 * validates takes its place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryListing, LoadedDocument, StorageNotice } from '../../shared/api';
import { sortLibraryRows, toLibraryRow, displayTitle } from '../../shared/documents';
import { migrateDocument } from '../../shared/migrations';
import { agendaTemplateSchema, agendaTemplatesSchema, type AgendaTemplate } from '../../shared/agenda';
import { readLibraryRow } from '../../shared/libraryIndex';
import type { LibraryRow, Postmortem } from '../../shared/model';
import { DEFAULT_PROMPT_SETTINGS, promptSettingsSchema, type PromptSettings } from '../../shared/promptSettings';

const PROMPT_SETTINGS_KEY = 'promptSettings';
/** The library store's key for the document files' stamps (FileStamp by id), beside `index`. */
const FILE_STAMPS_KEY = 'fileStamps';

/**
 * A document file as it was when its index row was written. Any rewrite changes it (conf
 * and electron-store write a temp file and rename it over, a new inode), and so does an
 * edit in place (size, mtime): a row whose file still has its stamp still describes it,
 * and the listing need not read and validate that document again.
 */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

function stampOf(file: string): FileStamp | null {
  try {
    const { size, mtimeMs, ino } = fs.statSync(file);
    return { size, mtimeMs, ino };
  } catch {
    return null;
  }
}

/** Whether a stored row has every field, rather than an older app's row with defaults filled in. */
function isCompleteRow(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'kind' in raw && 'urgentDueDates' in raw;
}

function sameStamp(a: unknown, b: FileStamp): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const known = a as Record<string, unknown>;
  return known['size'] === b.size && known['mtimeMs'] === b.mtimeMs && known['ino'] === b.ino;
}
const AGENDAS_KEY = 'agendas';

/** The part of electron-store / conf this module uses. */
export interface JsonStore {
  store: Record<string, unknown>;
  readonly path: string;
}

/** Opens (creating if needed) the store file `<root>/<name>.json`. */
export type OpenStore = (name: string) => JsonStore;

export interface DocumentStorageOptions {
  root: string;
  openStore: OpenStore;
  now?: () => Date;
  /** How many earlier versions of each document are kept. */
  backupCount?: number;
  /** A new backup is taken at most this often while someone keeps typing. */
  backupIntervalMs?: number;
}

const DOCS_DIR = 'postmortems';
const BACKUP_DIR = 'backups';

export class DocumentStorage {
  readonly #root: string;
  readonly #openStore: OpenStore;
  readonly #now: () => Date;
  readonly #backupCount: number;
  readonly #backupIntervalMs: number;
  readonly #stores = new Map<string, JsonStore>();
  #library: JsonStore | null = null;
  #pendingNotices: StorageNotice[] = [];

  constructor(options: DocumentStorageOptions) {
    this.#root = options.root;
    this.#openStore = options.openStore;
    this.#now = options.now ?? (() => new Date());
    this.#backupCount = options.backupCount ?? 10;
    this.#backupIntervalMs = options.backupIntervalMs ?? 60_000;
  }

  #tempFilesChecked = false;

  /**
   * A write killed halfway leaves its temporary file behind (`x.json.tmp-…`, a backup's
   * `.tmp`); the real file is intact, so these are dropped once per run. Only one app
   * instance runs at a time, so none of them belongs to a write in progress.
   */
  #removeAbandonedTempFiles(): void {
    if (this.#tempFilesChecked) return;
    this.#tempFilesChecked = true;
    const abandoned = /\.json\.tmp(-[^/\\]*)?$/;
    const dirs = [this.#root, path.join(this.#root, DOCS_DIR)];
    const backups = path.join(this.#root, BACKUP_DIR);
    if (fs.existsSync(backups)) for (const id of fs.readdirSync(backups)) dirs.push(path.join(backups, id));
    for (const dir of dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        if (abandoned.test(name)) fs.rmSync(path.join(dir, name), { force: true });
      }
    }
  }

  documentPath(id: string): string {
    return path.join(this.#root, DOCS_DIR, `${id}.json`);
  }

  /**
   * The library from its index: a row is used as it is while its document file keeps the
   * stamp it had when the row was written, so a start reads no document that did not
   * change. Documents new to the index, changed on disk (by another program, a sync, a
   * damaged write) or with a row from an older app are read and checked in full, as
   * before, and their rows rewritten.
   */
  list(): LibraryListing {
    this.#removeAbandonedTempFiles();
    // conf reads the file on every `.store`: the library store is read once here, not per row.
    const library = this.#libraryStore().store;
    const rawIndex = this.#rawIndex(library);
    const index = this.#readIndex(rawIndex);
    const nextIndex = { ...index };
    const stamps = this.#readStamps(library);
    const nextStamps = { ...stamps };
    const rows: LibraryRow[] = [];
    const trash: LibraryRow[] = [];
    let changed = false;
    for (const id of new Set([...Object.keys(index), ...this.#idsOnDisk()])) {
      const known = index[id];
      const stamp = stampOf(this.documentPath(id));
      let row = known && stamp && isCompleteRow(rawIndex[id]) && sameStamp(stamps[id], stamp) ? known : null;
      if (!row) {
        changed = true;
        const loaded = this.#loadOrRecover(id);
        if (!loaded) {
          delete nextIndex[id];
          delete nextStamps[id];
          continue;
        }
        row = toLibraryRow(loaded.doc, known?.trashedAt ?? null);
        nextIndex[id] = row;
        // Read after loading: restoring a backup rewrote the file.
        const now = stampOf(this.documentPath(id));
        if (now) nextStamps[id] = now;
        else delete nextStamps[id];
      }
      (row.trashedAt ? trash : rows).push(row);
    }
    if (changed) this.#writeIndex(nextIndex, nextStamps);
    trash.sort((a, b) => (b.trashedAt ?? '').localeCompare(a.trashedAt ?? ''));
    const notices = this.#pendingNotices;
    this.#pendingNotices = [];
    return { rows: sortLibraryRows(rows), trash, notices };
  }

  /** Every postmortem stored, trashed ones included (for the workspace folder). */
  storedIds(): string[] {
    return [...new Set([...Object.keys(this.#readIndex()), ...this.#idsOnDisk()])];
  }

  isTrashed(id: string): boolean {
    return Boolean(this.#readIndex()[id]?.trashedAt);
  }

  load(id: string): LoadedDocument {
    const loaded = this.#loadOrRecover(id);
    if (!loaded) throw new Error(`Postmortem ${id} was not found, and no backup of it exists.`);
    this.#pendingNotices = this.#pendingNotices.filter((n) => n !== loaded.notice);
    return loaded;
  }

  save(doc: Postmortem): { savedAt: string } {
    this.#takeBackupIfDue(doc.id);
    this.#storeFor(doc.id).store = doc as unknown as Record<string, unknown>;
    const trashedAt = this.#readIndex()[doc.id]?.trashedAt ?? null;
    this.#setIndexRow(toLibraryRow(doc, trashedAt), stampOf(this.documentPath(doc.id)));
    return { savedAt: this.#now().toISOString() };
  }

  trash(id: string): void {
    const row = this.#requireRow(id);
    this.#setIndexRow({ ...row, trashedAt: this.#now().toISOString() });
  }

  restore(id: string): void {
    const row = this.#requireRow(id);
    this.#setIndexRow({ ...row, trashedAt: null });
  }

  /** Deletes a trashed document and its backups. Refuses documents not in the trash. */
  purge(id: string): void {
    const row = this.#requireRow(id);
    if (!row.trashedAt) throw new Error('Only postmortems in the trash can be deleted for good.');
    fs.rmSync(this.documentPath(id), { force: true });
    fs.rmSync(path.join(this.#root, BACKUP_DIR, id), { recursive: true, force: true });
    this.#stores.delete(id);
    this.#writeIndex(withoutKey(this.#readIndex(), id), withoutKey(this.#readStamps(), id));
  }

  #requireRow(id: string): LibraryRow {
    const row = this.#readIndex()[id];
    if (!row) throw new Error(`Postmortem ${id} is not in the library.`);
    return row;
  }

  #storeFor(id: string): JsonStore {
    let store = this.#stores.get(id);
    if (!store) {
      store = this.#openStore(`${DOCS_DIR}/${id}`);
      this.#stores.set(id, store);
    }
    return store;
  }

  #idsOnDisk(): string[] {
    const dir = path.join(this.#root, DOCS_DIR);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => /^[A-Za-z0-9_-]{1,64}\.json$/.test(name))
      .map((name) => name.slice(0, -'.json'.length));
  }

  /** Reads and validates one document; repairs it from backups if it is damaged. */
  #loadOrRecover(id: string): LoadedDocument | null {
    const file = this.documentPath(id);
    const problem = readProblem(file);
    if (problem === 'missing') return this.#recover(id, null);
    if (typeof problem !== 'string') return { doc: problem.doc, notice: null };
    const movedTo = `${file}.corrupt-${this.#now().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, movedTo);
    this.#stores.delete(id);
    return this.#recover(id, { problem, movedTo });
  }

  #recover(id: string, damage: { problem: string; movedTo: string } | null): LoadedDocument | null {
    if (!damage) return null;
    for (const backup of this.#backupsNewestFirst(id)) {
      const candidate = readProblem(backup);
      if (typeof candidate === 'string') continue;
      this.#storeFor(id).store = candidate.doc as unknown as Record<string, unknown>;
      const notice: StorageNotice = {
        id,
        message: `"${displayTitle(candidate.doc.title)}" could not be read (${damage.problem}). The last good version, saved ${candidate.doc.updatedAt}, was restored. The damaged file was kept at ${damage.movedTo}.`,
      };
      this.#pendingNotices.push(notice);
      return { doc: candidate.doc, notice };
    }
    this.#pendingNotices.push({
      id,
      message: `A postmortem file could not be read (${damage.problem}) and has no usable backup. It was moved to ${damage.movedTo}; nothing was deleted.`,
    });
    return null;
  }

  #backupsNewestFirst(id: string): string[] {
    const dir = path.join(this.#root, BACKUP_DIR, id);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => path.join(dir, name));
  }

  /** Keeps the version on disk as a backup before it is overwritten, if it is valid. */
  #takeBackupIfDue(id: string): void {
    const file = this.documentPath(id);
    const current = readProblem(file);
    if (typeof current === 'string') return;
    const backups = this.#backupsNewestFirst(id);
    const newest = backups[0];
    const nowMs = this.#now().getTime();
    if (newest && nowMs - fs.statSync(newest).mtimeMs < this.#backupIntervalMs) return;
    const dir = path.join(this.#root, BACKUP_DIR, id);
    fs.mkdirSync(dir, { recursive: true });
    const name = `${String(nowMs).padStart(15, '0')}.json`;
    const temp = path.join(dir, `${name}.tmp`);
    fs.copyFileSync(file, temp);
    fs.renameSync(temp, path.join(dir, name));
    for (const old of [path.join(dir, name), ...backups].slice(this.#backupCount)) fs.rmSync(old, { force: true });
  }

  #libraryStore(): JsonStore {
    if (!this.#library) {
      const file = path.join(this.#root, 'library.json');
      if (fs.existsSync(file)) {
        try {
          const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        } catch (error) {
          const movedTo = `${file}.corrupt-${this.#now().toISOString().replace(/[:.]/g, '-')}`;
          fs.renameSync(file, movedTo);
          this.#pendingNotices.push({
            id: 'library',
            message: `The library index could not be read (${String(error)}); it was rebuilt from your postmortem files. The damaged index was kept at ${movedTo}. Postmortems that were in the trash are listed in the library again.`,
          });
        }
      }
      this.#library = this.#openStore('library');
    }
    return this.#library;
  }

  #rawIndex(library: Record<string, unknown> = this.#libraryStore().store): Record<string, unknown> {
    const raw = library['index'];
    return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  }

  #readIndex(rawIndex = this.#rawIndex()): Record<string, LibraryRow> {
    const index: Record<string, LibraryRow> = {};
    for (const [id, value] of Object.entries(rawIndex)) {
      const row = readLibraryRow(value);
      if (row && row.id === id) index[id] = row;
    }
    return index;
  }

  #readStamps(library: Record<string, unknown> = this.#libraryStore().store): Record<string, unknown> {
    const raw = library[FILE_STAMPS_KEY];
    return typeof raw === 'object' && raw !== null ? { ...(raw as Record<string, unknown>) } : {};
  }

  /** Writes the index and the stamps together: one write of the library store. */
  #writeIndex(index: Record<string, LibraryRow>, stamps: Record<string, unknown> = this.#readStamps()): void {
    const library = this.#libraryStore();
    library.store = { ...library.store, index, [FILE_STAMPS_KEY]: stamps };
  }

  /** Sets a row, with its file's stamp when the file was just written (else the stamp stays). */
  #setIndexRow(row: LibraryRow, stamp?: FileStamp | null): void {
    const stamps = this.#readStamps();
    if (stamp) stamps[row.id] = stamp;
    else if (stamp === null) delete stamps[row.id];
    this.#writeIndex({ ...this.#readIndex(), [row.id]: row }, stamps);
  }

  /**
   * The team's phrasing settings, from the library store. Settings that no longer
   * validate (hand-edited, or from a newer app) fall back to the defaults for this run
   * and stay on disk untouched until the person saves new ones.
   */
  loadPromptSettings(): PromptSettings {
    const parsed = promptSettingsSchema.safeParse(this.getLibraryValue(PROMPT_SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULT_PROMPT_SETTINGS;
  }

  savePromptSettings(settings: PromptSettings): void {
    this.setLibraryValue(PROMPT_SETTINGS_KEY, promptSettingsSchema.parse(settings));
  }

  /** The team's agendas; ones that no longer validate are left out (and stay on disk until a save). */
  loadAgendas(): AgendaTemplate[] {
    const raw = this.getLibraryValue(AGENDAS_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = agendaTemplateSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  saveAgendas(agendas: AgendaTemplate[]): void {
    this.setLibraryValue(AGENDAS_KEY, agendaTemplatesSchema.parse(agendas));
  }

  /** Settings and window state live beside the index in the library store. */
  getLibraryValue(key: string): unknown {
    return this.#libraryStore().store[key];
  }

  setLibraryValue(key: string, value: unknown): void {
    const library = this.#libraryStore();
    library.store = { ...library.store, [key]: value };
  }
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The document in a file, or why it cannot be used ('missing' if there is no file). */
function readProblem(file: string): { doc: Postmortem } | string {
  let textContent: string;
  try {
    const bytes = fs.readFileSync(file);
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return error instanceof TypeError ? 'the file is not valid UTF-8 text' : String(error);
  }
  if (textContent.trim() === '') return 'the file is empty';
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch {
    return 'the file is not valid JSON, probably cut off while writing';
  }
  const migrated = migrateDocument(raw);
  return migrated.ok ? { doc: migrated.value } : migrated.error;
}
