/**
 * Keeps the library mirrored in a folder the person picked (see shared/workspace.ts for
 * the naming policy and the sync decisions). The app's own storage stays the working
 * copy; the folder gets `<base>.json` + `<base>.md` per postmortem, each written through a
 * temporary file and a rename so a reader (git, a sync client) never sees half a file.
 *
 * Nothing in the folder is ever deleted or silently overwritten: a file changed on disk
 * since the last sync is taken into the app only when the app's copy did not change too;
 * otherwise it is a conflict, and the version the person does not keep is written beside
 * the other as `<base>.conflict-<time>.json`. Files the app did not write are listed as
 * problems and left alone.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { exportPostmortem } from '../../shared/markdown/export';
import { migrateDocument } from '../../shared/migrations';
import type { Postmortem } from '../../shared/model';
import { displayTitle } from '../../shared/documents';
import type { DocumentStorage } from './documentStorage';
import {
  classifyFolderFile,
  conflictCopyName,
  decideSync,
  serializeForWorkspace,
  workspaceBaseName,
  type ConflictChoice,
  type WorkspaceConflict,
  type WorkspaceEvent,
  type WorkspaceProblem,
  type WorkspaceStatus,
} from '../../shared/workspace';

/** The app's own library, as the folder sync sees it. */
export interface AppLibrary {
  ids(): string[];
  load(id: string): Postmortem | null;
  save(doc: Postmortem): void;
}

/**
 * The app library on DocumentStorage. Trashed postmortems and ones that cannot be read
 * count as absent, so their folder files are left alone (and not written back after
 * someone removes them there).
 */
export function appLibraryFrom(storage: DocumentStorage): AppLibrary {
  return {
    ids: () => storage.storedIds().filter((id) => !storage.isTrashed(id)),
    load: (id) => {
      if (storage.isTrashed(id)) return null;
      try {
        return storage.load(id).doc;
      } catch {
        return null;
      }
    },
    save: (doc) => void storage.save(doc),
  };
}

/** Where the folder choice and the last-synced hashes are kept (the library store in the app). */
export interface SyncStateStore {
  load(): unknown;
  save(state: WorkspaceState): void;
}

const syncedEntrySchema = z.object({
  base: z.string().min(1),
  diskHash: z.string(),
  appHash: z.string(),
  markdownHash: z.string().optional(),
});
const workspaceStateSchema = z.object({
  folder: z.string().min(1).nullable(),
  entries: z.record(z.string(), syncedEntrySchema),
  conflicts: z.array(z.string()),
});
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

const emptyState = (folder: string | null): WorkspaceState => ({ folder, entries: {}, conflicts: [] });

export interface WorkspaceFolderOptions {
  app: AppLibrary;
  state: SyncStateStore;
  onEvent?: (event: WorkspaceEvent) => void;
  now?: () => Date;
}

const hashOf = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

export class WorkspaceFolder {
  readonly #app: AppLibrary;
  readonly #store: SyncStateStore;
  readonly #onEvent: (event: WorkspaceEvent) => void;
  readonly #now: () => Date;
  #state: WorkspaceState;
  #problems: WorkspaceProblem[] = [];
  #error: string | null = null;
  /**
   * Postmortems whose app copy was just replaced from the folder. An open window may
   * still hold edits made to the older version; a save of such edits before the window
   * reloaded is a conflict, not an overwrite of the newer folder version.
   */
  readonly #awaitingReload = new Set<string>();
  #watcher: fs.FSWatcher | null = null;
  /** Names this process just wrote, so the watcher does not rescan for its own writes. */
  readonly #ownWrites = new Map<string, number>();
  #watchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: WorkspaceFolderOptions) {
    this.#app = options.app;
    this.#store = options.state;
    this.#onEvent = options.onEvent ?? (() => undefined);
    this.#now = options.now ?? (() => new Date());
    const parsed = workspaceStateSchema.safeParse(options.state.load());
    this.#state = parsed.success ? parsed.data : emptyState(null);
  }

  get folder(): string | null {
    return this.#state.folder;
  }

  status(): WorkspaceStatus {
    return {
      available: true,
      folder: this.#state.folder,
      problems: this.#problems,
      conflicts: this.#conflicts(),
      error: this.#error,
    };
  }

  /**
   * Starts keeping the library in `folder`. Sync state from an earlier folder is
   * dropped: hashes only mean something for the folder they were taken in.
   */
  setFolder(folder: string | null): WorkspaceStatus {
    this.stopWatching();
    if (folder !== this.#state.folder) this.#state = emptyState(folder);
    this.#awaitingReload.clear();
    this.#problems = [];
    this.#error = null;
    this.#persist();
    if (folder) this.scan();
    return this.status();
  }

  /** The window now shows the app's copy of this postmortem (it loaded it). */
  noteLoaded(id: string): void {
    this.#awaitingReload.delete(id);
  }

  /** Mirrors one saved postmortem to the folder, or reports a conflict instead. */
  write(doc: Postmortem): void {
    const folder = this.#state.folder;
    if (!folder || this.#state.conflicts.includes(doc.id)) return;
    try {
      const entry = this.#state.entries[doc.id] ?? null;
      const disk = entry ? readIfPresent(path.join(folder, `${entry.base}.json`)) : null;
      if (entry && !disk) {
        // Renamed or removed in the folder since the last look: a scan finds it (or writes it again).
        this.scan();
        return;
      }
      const diskHash = disk ? hashOf(disk) : null;
      const action = this.#awaitingReload.has(doc.id)
        ? 'conflict'
        : decideSync(entry, diskHash, hashOf(serializeForWorkspace(doc)));
      if (action === 'conflict') this.#markConflict(doc.id);
      // 'import' (the folder changed, this save did not): the next scan takes it in.
      else if (action !== 'import') this.#writeDocument(folder, doc);
      this.#error = null;
      this.#persist();
      if (action === 'conflict') this.#emit([]);
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Compares every postmortem with its folder file and acts on what changed: writes the
   * app's newer copies, takes in the folder's newer ones, records conflicts and lists
   * files it cannot use. Returns the ids taken in from the folder.
   */
  scan(): string[] {
    const folder = this.#state.folder;
    if (!folder) return [];
    const changed: string[] = [];
    try {
      const onDisk = this.#readFolder(folder);
      const ids = new Set([...this.#app.ids(), ...onDisk.keys()]);
      for (const id of ids) {
        const disk = onDisk.get(id) ?? null;
        const app = this.#app.load(id);
        let entry = this.#state.entries[id] ?? null;
        // Renamed in the folder (git mv): follow the file, keep its new name.
        if (entry && disk && disk.base !== entry.base) entry = this.#state.entries[id] = { ...entry, base: disk.base };
        const action = decideSync(entry, disk?.hash ?? null, app ? hashOf(serializeForWorkspace(app)) : null);
        if (this.#state.conflicts.includes(id) && action !== 'in-sync') continue;
        this.#state.conflicts = this.#state.conflicts.filter((c) => c !== id);
        if (action === 'write' && app) this.#writeDocument(folder, app);
        else if (action === 'import' && disk) {
          this.#takeIn(disk);
          changed.push(id);
        } else if (action === 'conflict') this.#markConflict(id, disk?.base);
        else if (action === 'in-sync' && disk && !entry && app)
          this.#state.entries[id] = { base: disk.base, diskHash: disk.hash, appHash: disk.hash };
      }
      this.#error = null;
      this.#persist();
    } catch (error) {
      this.#fail(error);
      return changed;
    }
    if (changed.length > 0 || this.#state.conflicts.length > 0 || this.#problems.length > 0) this.#emit(changed);
    return changed;
  }

  /**
   * Settles a conflict with the version the person keeps; the other version is written
   * beside it as a conflict copy, so both stay on disk.
   */
  resolve(id: string, keep: ConflictChoice): void {
    const folder = this.#state.folder;
    if (!folder) throw new Error('No workspace folder is set.');
    const entry = this.#state.entries[id];
    if (!entry || !this.#state.conflicts.includes(id)) throw new Error('That postmortem has no conflict to settle.');
    const app = this.#app.load(id);
    const jsonFile = path.join(folder, `${entry.base}.json`);
    const disk = readIfPresent(jsonFile);
    const folderDoc = disk ? parseDocument(disk) : null;
    this.#state.conflicts = this.#state.conflicts.filter((c) => c !== id);
    this.#awaitingReload.delete(id);
    if (keep === 'app' || typeof folderDoc === 'string' || !folderDoc) {
      if (!app) throw new Error('The app no longer has its copy of that postmortem.');
      if (disk) fs.renameSync(jsonFile, path.join(folder, conflictCopyName(entry.base, this.#now(), 'json')));
      this.#writeDocument(folder, app);
    } else {
      if (app) writeAtomically(folder, conflictCopyName(entry.base, this.#now(), 'json'), serializeForWorkspace(app));
      this.#takeIn({ base: entry.base, hash: hashOf(disk ?? ''), doc: folderDoc });
    }
    this.#persist();
    // Either way the open window reloads, so it shows the version now kept.
    this.#emit([id]);
  }

  /** Watches the folder; synced drives and network shares may not report changes, so the window also asks for a rescan on focus. */
  startWatching(): void {
    const folder = this.#state.folder;
    if (!folder || this.#watcher) return;
    try {
      this.#watcher = fs.watch(folder, (_type, name) => {
        const ownWrite = name ? this.#ownWrites.get(String(name)) : undefined;
        if (name && (String(name).startsWith('.') || (ownWrite && Date.now() - ownWrite < 2000))) return;
        clearTimeout(this.#watchTimer);
        this.#watchTimer = setTimeout(() => this.scan(), 300);
      });
      this.#watcher.on('error', () => this.stopWatching());
    } catch {
      // Some drives cannot be watched; the rescan on focus still picks changes up.
    }
  }

  stopWatching(): void {
    clearTimeout(this.#watchTimer);
    this.#watcher?.close();
    this.#watcher = null;
  }

  #takeIn(disk: { base: string; hash: string; doc: Postmortem }): void {
    this.#app.save(disk.doc);
    const previous = this.#state.entries[disk.doc.id];
    this.#state.entries[disk.doc.id] = {
      ...previous,
      base: disk.base,
      diskHash: disk.hash,
      appHash: hashOf(serializeForWorkspace(disk.doc)),
    };
    this.#awaitingReload.add(disk.doc.id);
  }

  #writeDocument(folder: string, doc: Postmortem): void {
    const previous = this.#state.entries[doc.id];
    const base = previous?.base ?? workspaceBaseName(doc, this.#takenNames(folder));
    const json = serializeForWorkspace(doc);
    const markdown = exportPostmortem(doc);
    const mdFile = path.join(folder, `${base}.md`);
    const mdOnDisk = readIfPresent(mdFile);
    // Someone edited the markdown by hand; the .json is the source, but their text is kept.
    if (mdOnDisk && previous?.markdownHash && hashOf(mdOnDisk) !== previous.markdownHash) {
      const kept = conflictCopyName(base, this.#now(), 'md');
      fs.renameSync(mdFile, path.join(folder, kept));
      this.#problems = [
        ...this.#problems,
        {
          file: kept,
          message: `${base}.md was edited by hand; the .json is what the app reads, so those edits were kept here.`,
        },
      ];
    }
    writeAtomically(folder, `${base}.json`, json);
    writeAtomically(folder, `${base}.md`, markdown);
    this.#ownWrites.set(`${base}.json`, Date.now()).set(`${base}.md`, Date.now());
    const hash = hashOf(json);
    this.#state.entries[doc.id] = { base, diskHash: hash, appHash: hash, markdownHash: hashOf(markdown) };
  }

  #takenNames(folder: string): string[] {
    const names = fs.readdirSync(folder).map((name) => name.replace(/\.(json|md)$/, ''));
    return [...names, ...Object.values(this.#state.entries).map((e) => e.base)];
  }

  /** Reads every postmortem file in the folder by id, and lists the files it cannot use. */
  #readFolder(folder: string): Map<string, { base: string; hash: string; doc: Postmortem }> {
    const found = new Map<string, { base: string; hash: string; doc: Postmortem }>();
    const problems: WorkspaceProblem[] = [];
    const markdownBases: string[] = [];
    for (const dirent of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!dirent.isFile()) continue;
      const file = classifyFolderFile(dirent.name);
      if (file.kind === 'markdown') markdownBases.push(file.base);
      else if (file.kind === 'foreign')
        problems.push({ file: dirent.name, message: 'Not a postmortem file; left alone.' });
      else if (file.kind === 'conflict-copy')
        problems.push({
          file: dirent.name,
          message: 'A version not kept after a conflict; remove it when you no longer need it.',
        });
      else if (file.kind === 'document') {
        const bytes = fs.readFileSync(path.join(folder, dirent.name));
        const doc = parseDocument(bytes);
        if (typeof doc === 'string') problems.push({ file: dirent.name, message: `${doc}; left alone.` });
        else if (found.has(doc.id))
          problems.push({
            file: dirent.name,
            message: `Holds the same postmortem as ${found.get(doc.id)?.base ?? ''}.json; left alone.`,
          });
        else found.set(doc.id, { base: file.base, hash: hashOf(bytes), doc });
      }
    }
    const bases = new Set([...found.values()].map((f) => f.base));
    for (const base of markdownBases)
      if (!bases.has(base))
        problems.push({
          file: `${base}.md`,
          message: 'Has no matching .json postmortem, so it is not read; left alone.',
        });
    this.#problems = problems.sort((a, b) => a.file.localeCompare(b.file));
    return found;
  }

  #markConflict(id: string, base?: string): void {
    if (!this.#state.conflicts.includes(id)) this.#state.conflicts = [...this.#state.conflicts, id];
    const entry = this.#state.entries[id];
    if (!entry && base) this.#state.entries[id] = { base, diskHash: '', appHash: '' };
  }

  #conflicts(): WorkspaceConflict[] {
    return this.#state.conflicts.map((id) => {
      const doc = this.#app.load(id);
      return {
        id,
        title: displayTitle(doc?.title ?? ''),
        file: `${this.#state.entries[id]?.base ?? id}.json`,
      };
    });
  }

  #fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.#error = `The workspace folder cannot be used right now (${reason}). Your postmortems are still saved in the app; the folder is updated again once it is reachable.`;
    this.#emit([]);
  }

  #emit(changed: string[]): void {
    this.#onEvent({ changed, status: this.status() });
  }

  #persist(): void {
    this.#store.save(this.#state);
  }
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Temporary file in the same folder (hidden, so scans skip it) and a rename: readers see old or new, never half. */
function writeAtomically(folder: string, name: string, content: string): void {
  const temp = path.join(folder, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, path.join(folder, name));
}

/** The postmortem in a folder file, or why it cannot be used. */
function parseDocument(bytes: Buffer): Postmortem | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'Not UTF-8 text';
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'Not valid JSON (perhaps a git merge conflict or a cut-off copy)';
  }
  const migrated = migrateDocument(raw);
  return migrated.ok ? migrated.value : `Not a postmortem this app can read (${migrated.error})`;
}
