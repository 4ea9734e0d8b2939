/**
 * The team workspace folder: the library is also kept as plain files in a folder the
 * person picks (a git repository, a synced drive), `<date>-<slug>.json` (the lossless
 * document) beside `<date>-<slug>.md` (the markdown export). This module holds the pure
 * decisions: file names, which side changed since the last sync, how folder files are
 * classified. electron/storage/workspaceFolder.ts does the disk work.
 *
 * Naming policy: a postmortem keeps the name its files got first, even when its title
 * or date changes later, so a git history and links to the file stay valid. The name is
 * recorded per postmortem in the sync state; a file someone renamed (`git mv`) is
 * found again by the postmortem id inside it, and its new name is recorded.
 */
import type { Postmortem } from './model';

/** Longest slug kept in a file name; long titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/** A lowercase ASCII slug of a title, words joined by dashes ("untitled" when nothing is left). */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) {
      if (!slug) slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug || 'untitled';
}

/**
 * The file base name (without extension) for a postmortem new to the folder,
 * `<incident date>-<slug>`, made unique against names already taken. Names are compared
 * case-insensitively, because macOS and Windows folders are.
 */
export function workspaceBaseName(doc: Pick<Postmortem, 'title' | 'incidentDate'>, taken: Iterable<string>): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(doc.incidentDate) ? doc.incidentDate : 'undated';
  const base = `${date}-${slugify(doc.title)}`;
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`.toLowerCase())) return `${base}-${n}`;
}

/** Where a version that was not kept goes: beside the original, stamped with the time. */
export function conflictCopyName(base: string, at: Date, extension: 'json' | 'md'): string {
  return `${base}.conflict-${at.toISOString().replace(/[:.]/g, '-')}.${extension}`;
}

/** The exact JSON text written for a document; its hash is the app side's sync hash. */
export function serializeForWorkspace(doc: Postmortem): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** What was true when a postmortem was last in sync with its folder file. */
export interface SyncedEntry {
  /** File base name in the folder (see the naming policy above). */
  base: string;
  /** Hash of the `.json` bytes on disk after the last sync. */
  diskHash: string;
  /** Hash of serializeForWorkspace(doc) of the app's copy after the last sync. */
  appHash: string;
  /** Hash of the `.md` bytes the app last wrote. */
  markdownHash?: string | undefined;
}

export type SyncAction =
  | 'in-sync'
  /** The app's copy is newer: write it to the folder. */
  | 'write'
  /** The folder's copy is newer (a `git pull`): take it into the app. */
  | 'import'
  /** Both changed since the last sync: the person chooses; nothing is overwritten. */
  | 'conflict'
  /** Removed from the app (purged); the folder file is left alone. */
  | 'ignore';

/**
 * Which side changed since the last sync, from content hashes only (timestamps are
 * useless on synced drives and after a checkout). `null` hashes mean "no such copy".
 */
export function decideSync(last: SyncedEntry | null, diskHash: string | null, appHash: string | null): SyncAction {
  if (appHash === null) return diskHash !== null && last === null ? 'import' : 'ignore';
  if (diskHash === null) return 'write';
  if (last === null) return diskHash === appHash ? 'in-sync' : 'conflict';
  const diskChanged = diskHash !== last.diskHash;
  const appChanged = appHash !== last.appHash;
  if (diskChanged && appChanged) return diskHash === appHash ? 'in-sync' : 'conflict';
  if (diskChanged) return 'import';
  if (appChanged) return 'write';
  return 'in-sync';
}

export type FolderFile =
  | { kind: 'document'; base: string }
  | { kind: 'markdown'; base: string }
  | { kind: 'conflict-copy' }
  | { kind: 'ignored' }
  | { kind: 'foreign' };

/**
 * What a file in the workspace folder is. Hidden files (`.git`, `.DS_Store`, our own
 * temporary files) are ignored; anything else the app did not write is "foreign",
 * listed for the person and never touched.
 */
export function classifyFolderFile(name: string): FolderFile {
  if (name.startsWith('.')) return { kind: 'ignored' };
  if (/\.conflict-[0-9TZ-]+\.(json|md)$/.test(name)) return { kind: 'conflict-copy' };
  const match = /^(.+)\.(json|md)$/.exec(name);
  if (!match?.[1]) return { kind: 'foreign' };
  return match[2] === 'json' ? { kind: 'document', base: match[1] } : { kind: 'markdown', base: match[1] };
}

/** Something in the folder the person should know about; the file itself is left alone. */
export interface WorkspaceProblem {
  file: string;
  message: string;
}

/** A postmortem changed both in the app and in the folder since the last sync. */
export interface WorkspaceConflict {
  id: string;
  title: string;
  /** The folder file, for the prompt ("2026-03-18-checkout-500s.json"). */
  file: string;
}

/** What the settings dialog shows. */
export interface WorkspaceStatus {
  /** False in the browser build, which cannot watch a folder. */
  available: boolean;
  folder: string | null;
  problems: WorkspaceProblem[];
  conflicts: WorkspaceConflict[];
  /** Set when the folder cannot be used right now (unplugged drive, no permission). */
  error: string | null;
}

/** Pushed to the renderer after each sync pass that found something. */
export interface WorkspaceEvent {
  /** Postmortems whose app copy was replaced by a newer folder version. */
  changed: string[];
  status: WorkspaceStatus;
}

/** Which version the person keeps when both changed; the other is kept beside it. */
export const CONFLICT_CHOICES = ['app', 'folder'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];
