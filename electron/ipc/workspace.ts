/**
 * IPC for the team workspace folder. The folder path only ever comes from a native
 * dialog the person answered; the page can ask for one, never name one.
 */
import type { WorkspaceStatus } from '../../shared/workspace';
import type { ConflictChoice } from '../../shared/workspace';
import { handle, type IpcMainLike } from './handle';

/** The part of WorkspaceFolder the handlers use. */
export interface WorkspaceLike {
  status(): WorkspaceStatus;
  setFolder(folder: string | null): WorkspaceStatus;
  scan(): unknown;
  resolve(id: string, keep: ConflictChoice): void;
  startWatching(): void;
}

export function registerWorkspaceHandlers(
  ipcMain: IpcMainLike,
  workspace: WorkspaceLike,
  chooseFolder: () => Promise<string | null>,
  isTrustedSender: (url: string) => boolean,
): void {
  handle(ipcMain, 'workspace:status', () => workspace.status(), isTrustedSender);
  handle(
    ipcMain,
    'workspace:choose',
    async () => {
      const folder = await chooseFolder();
      if (!folder) return workspace.status();
      const status = workspace.setFolder(folder);
      workspace.startWatching();
      return status;
    },
    isTrustedSender,
  );
  handle(ipcMain, 'workspace:stop', () => workspace.setFolder(null), isTrustedSender);
  handle(
    ipcMain,
    'workspace:rescan',
    () => {
      workspace.scan();
      return workspace.status();
    },
    isTrustedSender,
  );
  handle(
    ipcMain,
    'workspace:resolve',
    (id, keep) => {
      workspace.resolve(id, keep);
      return workspace.status();
    },
    isTrustedSender,
  );
}
