/**
 * IPC for meeting mode across windows: open a facilitator console window, and relay
 * messages between the editor and its consoles. Main only passes validated messages
 * along; the editor page stays the one owner of the postmortem and its clock.
 */
import type { MeetingMessage } from '../../shared/meetingSync';
import { handle, type IpcMainLike } from './handle';

export interface MeetingWindows {
  openConsole(docId: string): void;
  /** Sends to every app window; each page ignores what it sent itself. */
  broadcast(docId: string, message: MeetingMessage): void;
}

export function registerMeetingHandlers(
  ipcMain: IpcMainLike,
  windows: MeetingWindows,
  isTrustedSender: (url: string) => boolean,
): void {
  handle(ipcMain, 'windows:open-console', (docId) => windows.openConsole(docId), isTrustedSender);
  handle(ipcMain, 'meeting:post', (docId, message) => windows.broadcast(docId, message), isTrustedSender);
}
