/**
 * The one interface the renderer uses for everything outside the page. Electron
 * implements it in the preload over IPC; the browser build implements it on
 * IndexedDB. Nothing in renderer/ talks to Electron or storage any other way.
 */
import type { LibraryRow, Postmortem } from './model';
import type { AgendaTemplate } from './agenda';
import type { MeetingChannel } from './meetingSync';
import type { PromptSettings } from './promptSettings';
import type { ConflictChoice, WorkspaceEvent, WorkspaceStatus } from './workspace';

/** Something storage had to repair, told to the user once, in words. */
export interface StorageNotice {
  id: string;
  message: string;
}

export interface LibraryListing {
  /** Postmortems in the library, most recently edited first. */
  rows: LibraryRow[];
  /** Deleted postmortems that can still be restored, most recently deleted first. */
  trash: LibraryRow[];
  /** Repairs made while reading the library (damaged files moved aside, backups restored). */
  notices: StorageNotice[];
}

export interface LoadedDocument {
  doc: Postmortem;
  /** Set when the stored file was damaged and a backup was loaded instead. */
  notice: StorageNotice | null;
}

export interface SaveReceipt {
  savedAt: string;
}

export interface ExportReceipt {
  /** False when the person cancelled the save dialog. */
  saved: boolean;
  /** Where it went (a path on desktop, the download name in a browser). */
  location: string | null;
}

export interface OpenedFile {
  name: string;
  content: string;
}

/**
 * Largest markdown file the app opens: above what the largest document the app stores
 * exports (a 2 MB postmortem writes about 2 MB of markdown), small enough to parse in
 * bounded time and memory.
 */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** The kinds of text file the app opens: a postmortem to import, or shared phrasing settings. */
export const OPENABLE_KINDS = ['markdown', 'json'] as const;
export type OpenableKind = (typeof OPENABLE_KINDS)[number];

const KIND_NAMES: Record<OpenableKind, string> = { markdown: 'a markdown file', json: 'a JSON file' };

/** Why a file is refused for its size, in the same words everywhere. */
export function fileTooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the largest file that can be opened is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
}

/** Why a file is refused for not being text. */
export function notTextMessage(name: string, kind: OpenableKind = 'markdown'): string {
  return `${name} is not UTF-8 text, so it is not ${KIND_NAMES[kind]} this app can read.`;
}

/** Commands that arrive from outside the page, such as the native menu. */
export const APP_COMMANDS = [
  'new-postmortem',
  'import-markdown',
  'open-library',
  'undo',
  'redo',
  'flush-before-close',
  'toggle-prompts',
  'toggle-console',
  'toggle-presenting',
  'meeting-toggle-pause',
  'meeting-next',
  'meeting-previous',
  'meeting-extend',
  'show-shortcuts',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export interface PlatformApi {
  readonly kind: 'electron' | 'browser';
  listDocuments(): Promise<LibraryListing>;
  loadDocument(id: string): Promise<LoadedDocument>;
  saveDocument(doc: Postmortem): Promise<SaveReceipt>;
  /** Moves a postmortem to the trash; nothing is deleted from disk. */
  trashDocument(id: string): Promise<void>;
  restoreDocument(id: string): Promise<void>;
  /** Deletes a trashed postmortem for good. */
  purgeDocument(id: string): Promise<void>;
  /** Saves text to a file the person picks (save dialog on desktop, a download in a browser). */
  exportFile(suggestedName: string, content: string): Promise<ExportReceipt>;
  /** Saves an image (a PNG or SVG data URL) to a file the person picks. */
  exportImage(suggestedName: string, dataUrl: string): Promise<ExportReceipt>;
  /** Lets the person pick a file of that kind and returns its text, or null if they cancelled. */
  openTextFile(kind: OpenableKind): Promise<OpenedFile | null>;
  /** The library's phrasing-prompt settings (defaults when none were saved). */
  loadPromptSettings(): Promise<PromptSettings>;
  savePromptSettings(settings: PromptSettings): Promise<void>;
  /** The team's own meeting agendas (the built-in ones are not stored). */
  loadAgendas(): Promise<AgendaTemplate[]>;
  saveAgendas(agendas: AgendaTemplate[]): Promise<void>;
  /** Opens the facilitator console for a postmortem in its own window (for a second screen). */
  openConsoleWindow(docId: string): Promise<void>;
  /** Messages between the editor and its console windows for one postmortem. */
  meetingChannel(docId: string): MeetingChannel;
  /** The team workspace folder the library is also kept in (desktop only; see shared/workspace.ts). */
  workspaceStatus(): Promise<WorkspaceStatus>;
  /** Lets the person pick the folder in a native dialog; the page never names a path. */
  chooseWorkspaceFolder(): Promise<WorkspaceStatus>;
  /** Stops writing to the folder; its files stay as they are. */
  stopWorkspaceFolder(): Promise<WorkspaceStatus>;
  /** Looks at the folder now (the app also does on its own and when its window gets focus). */
  rescanWorkspace(): Promise<WorkspaceStatus>;
  /** Settles a conflict with the version the person keeps; the other is kept beside it. */
  resolveWorkspaceConflict(id: string, keep: ConflictChoice): Promise<WorkspaceStatus>;
  /** Folder changes taken in and conflicts found; returns the unsubscribe function. */
  onWorkspaceEvent(listener: (event: WorkspaceEvent) => void): () => void;
  /** Subscribes to app commands; returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Tells the shell that pending edits are saved and the window may close. */
  readyToClose(): void;
  /**
   * The last chance for edits whose save has not finished as the page goes away (a
   * browser tab closed mid-save): keeps them, synchronously, where the next loadDocument
   * of that postmortem finds them and saves them. Desktop windows wait for pending saves
   * before they close (readyToClose), so there it does nothing.
   */
  keepUnsaved(doc: Postmortem): void;
}
