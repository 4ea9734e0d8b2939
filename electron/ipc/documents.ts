/** IPC handlers for the postmortem library and documents. */
import type { Postmortem } from '../../shared/model';
import type { DocumentStorage } from '../storage/documentStorage';
import { handle, type IpcMainLike } from './handle';

/** Told about each document saved or loaded (the workspace folder mirrors saves). */
export interface DocumentObserver {
  saved(doc: Postmortem): void;
  loaded(id: string): void;
}

export function registerDocumentHandlers(
  ipcMain: IpcMainLike,
  storage: DocumentStorage,
  isTrustedSender: (url: string) => boolean,
  observer?: DocumentObserver,
): void {
  handle(ipcMain, 'documents:list', () => storage.list(), isTrustedSender);
  handle(
    ipcMain,
    'documents:load',
    (id) => {
      const loaded = storage.load(id);
      observer?.loaded(id);
      return loaded;
    },
    isTrustedSender,
  );
  handle(
    ipcMain,
    'documents:save',
    (doc) => {
      const receipt = storage.save(doc);
      // After the app's own copy is safe: a folder problem never fails the save.
      observer?.saved(doc);
      return receipt;
    },
    isTrustedSender,
  );
  handle(ipcMain, 'documents:trash', (id) => storage.trash(id), isTrustedSender);
  handle(ipcMain, 'documents:restore', (id) => storage.restore(id), isTrustedSender);
  handle(ipcMain, 'documents:purge', (id) => storage.purge(id), isTrustedSender);
  handle(ipcMain, 'settings:load-prompts', () => storage.loadPromptSettings(), isTrustedSender);
  handle(ipcMain, 'settings:save-prompts', (settings) => storage.savePromptSettings(settings), isTrustedSender);
  handle(ipcMain, 'settings:load-agendas', () => storage.loadAgendas(), isTrustedSender);
  handle(ipcMain, 'settings:save-agendas', (agendas) => storage.saveAgendas(agendas), isTrustedSender);
}
