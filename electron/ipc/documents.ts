/** IPC handlers for the postmortem library and documents. */
import type { DocumentStorage } from '../storage/documentStorage';
import { handle, type IpcMainLike } from './handle';

export function registerDocumentHandlers(
  ipcMain: IpcMainLike,
  storage: DocumentStorage,
  isTrustedSender: (url: string) => boolean,
): void {
  handle(ipcMain, 'documents:list', () => storage.list(), isTrustedSender);
  handle(ipcMain, 'documents:load', (id) => storage.load(id), isTrustedSender);
  handle(ipcMain, 'documents:save', (doc) => storage.save(doc), isTrustedSender);
  handle(ipcMain, 'documents:trash', (id) => storage.trash(id), isTrustedSender);
  handle(ipcMain, 'documents:restore', (id) => storage.restore(id), isTrustedSender);
  handle(ipcMain, 'documents:purge', (id) => storage.purge(id), isTrustedSender);
  handle(ipcMain, 'settings:load-prompts', () => storage.loadPromptSettings(), isTrustedSender);
  handle(ipcMain, 'settings:save-prompts', (settings) => storage.savePromptSettings(settings), isTrustedSender);
  handle(ipcMain, 'settings:load-agendas', () => storage.loadAgendas(), isTrustedSender);
  handle(ipcMain, 'settings:save-agendas', (agendas) => storage.saveAgendas(agendas), isTrustedSender);
}
