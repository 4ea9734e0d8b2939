/**
 * The renderer's only door to main: one object, built from the shared contract and
 * checked against PlatformApi at compile time. No ipcRenderer and no generic invoke
 * are exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMANDS, type AppCommand, type PlatformApi } from '../shared/api';
import { COMMAND_CHANNEL, MEETING_CHANNEL, READY_TO_CLOSE_CHANNEL, WORKSPACE_CHANNEL } from '../shared/channels';
import type { MeetingMessage } from '../shared/meetingSync';
import type { IpcChannel, IpcReply, IpcRequest } from '../shared/ipc';
import type { WorkspaceEvent } from '../shared/workspace';

async function invoke<K extends IpcChannel>(
  channel: K,
  ...args: IpcRequest<K>
): Promise<Extract<IpcReply<K>, { ok: true }>['value']> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as IpcReply<K>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Extract<IpcReply<K>, { ok: true }>['value'];
}

const api = {
  kind: 'electron',
  listDocuments: () => invoke('documents:list'),
  loadDocument: (id) => invoke('documents:load', id),
  saveDocument: (doc) => invoke('documents:save', doc),
  trashDocument: async (id) => {
    await invoke('documents:trash', id);
  },
  restoreDocument: async (id) => {
    await invoke('documents:restore', id);
  },
  purgeDocument: async (id) => {
    await invoke('documents:purge', id);
  },
  exportFile: (suggestedName, content) => invoke('files:export', suggestedName, content),
  exportImage: (suggestedName, dataUrl) => invoke('files:export-image', suggestedName, dataUrl),
  openTextFile: (kind) => invoke('files:open', kind),
  loadPromptSettings: () => invoke('settings:load-prompts'),
  savePromptSettings: async (settings) => {
    await invoke('settings:save-prompts', settings);
  },
  loadAgendas: () => invoke('settings:load-agendas'),
  saveAgendas: async (agendas) => {
    await invoke('settings:save-agendas', agendas);
  },
  openConsoleWindow: async (docId) => {
    await invoke('windows:open-console', docId);
  },
  meetingChannel: (docId) => {
    const listeners = new Set<(message: MeetingMessage) => void>();
    const onMessage = (_event: unknown, id: unknown, message: unknown): void => {
      // Main validated it on the way in; only this postmortem's messages are passed on.
      if (id === docId) for (const listener of listeners) listener(message as MeetingMessage);
    };
    ipcRenderer.on(MEETING_CHANNEL, onMessage);
    return {
      post: (message) => void invoke('meeting:post', docId, message).catch(() => undefined),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      close: () => void ipcRenderer.removeListener(MEETING_CHANNEL, onMessage),
    };
  },
  workspaceStatus: () => invoke('workspace:status'),
  chooseWorkspaceFolder: () => invoke('workspace:choose'),
  stopWorkspaceFolder: () => invoke('workspace:stop'),
  rescanWorkspace: () => invoke('workspace:rescan'),
  resolveWorkspaceConflict: (id, keep) => invoke('workspace:resolve', id, keep),
  onWorkspaceEvent: (listener) => {
    // Sent only by main, from WorkspaceFolder's own status.
    const wrapped = (_event: unknown, event: unknown): void => listener(event as WorkspaceEvent);
    ipcRenderer.on(WORKSPACE_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(WORKSPACE_CHANNEL, wrapped);
    };
  },
  onCommand: (listener) => {
    const wrapped = (_event: unknown, command: unknown): void => {
      if ((APP_COMMANDS as readonly unknown[]).includes(command)) listener(command as AppCommand);
    };
    ipcRenderer.on(COMMAND_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, wrapped);
    };
  },
  readyToClose: () => ipcRenderer.send(READY_TO_CLOSE_CHANNEL),
  // The window waits for pending saves before it closes (readyToClose).
  keepUnsaved: () => undefined,
} satisfies PlatformApi;

contextBridge.exposeInMainWorld('postmortemStudio', api);
