/**
 * IPC handlers for export and import files. The dialogs and the disk are passed in, so
 * tests can drive the handlers without Electron; the path always comes from a dialog
 * the person answered, never from the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES, fileTooLargeMessage, notTextMessage, type OpenableKind } from '../../shared/api';
import { handle, type IpcMainLike } from './handle';

export interface FileDialogs {
  /** Resolves to the chosen path, or null if cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  chooseOpenPath(kind: OpenableKind): Promise<string | null>;
}

async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await fs.promises.writeFile(temp, content);
  await fs.promises.rename(temp, target);
}

/** The bytes of a PNG (base64) or SVG (URI-encoded) data URL. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.slice(0, comma);
  const payload = dataUrl.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
}

export function registerFileHandlers(
  ipcMain: IpcMainLike,
  dialogs: FileDialogs,
  isTrustedSender: (url: string) => boolean,
): void {
  handle(
    ipcMain,
    'files:export',
    async (suggestedName, content) => {
      const target = await dialogs.chooseSavePath(suggestedName);
      if (!target) return { saved: false, location: null };
      await writeAtomically(target, content);
      return { saved: true, location: target };
    },
    isTrustedSender,
  );
  handle(
    ipcMain,
    'files:export-image',
    async (suggestedName, dataUrl) => {
      const target = await dialogs.chooseSavePath(suggestedName);
      if (!target) return { saved: false, location: null };
      await writeAtomically(target, dataUrlBytes(dataUrl));
      return { saved: true, location: target };
    },
    isTrustedSender,
  );
  handle(
    ipcMain,
    'files:open',
    async (kind) => {
      const source = await dialogs.chooseOpenPath(kind);
      if (!source) return null;
      return { name: path.basename(source), content: await readTextFile(source, kind) };
    },
    isTrustedSender,
  );
}

/** Reads a text file, refusing ones too large or not UTF-8 with a sentence that says so. */
export async function readTextFile(file: string, kind: OpenableKind): Promise<string> {
  const stat = await fs.promises.stat(file);
  if (!stat.isFile()) throw new Error(`${path.basename(file)} is not a file.`);
  if (stat.size > MAX_IMPORT_BYTES) throw new Error(fileTooLargeMessage(path.basename(file), stat.size));
  const bytes = await fs.promises.readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(notTextMessage(path.basename(file), kind));
  }
}
