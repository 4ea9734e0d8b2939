/**
 * The whole IPC surface between main and preload: one map from `domain:verb` channel
 * to the zod schema of its request and the type of its response. Main registers
 * handlers only through this map (electron/ipc/handle.ts) and validates every payload
 * with the schema here before it touches disk.
 */
import { z } from 'zod';
import {
  OPENABLE_KINDS,
  type ExportReceipt,
  type LibraryListing,
  type LoadedDocument,
  type OpenedFile,
  type SaveReceipt,
} from './api';
import { meetingMessageSchema } from './meetingSync';
import { documentIdSchema, postmortemSchema } from './model';
import { agendaTemplatesSchema, type AgendaTemplate } from './agenda';
import { promptSettingsSchema, type PromptSettings } from './promptSettings';
import type { Result } from './validation';
import { CONFLICT_CHOICES, type WorkspaceStatus } from './workspace';

/** A suggested file name only (the person picks the folder): no separators or control characters. */
// eslint-disable-next-line no-control-regex
const PLAIN_FILE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+$/;
const fileName = z.string().min(1).max(255).regex(PLAIN_FILE_NAME, 'must be a plain file name');

export const ipcRequestSchemas = {
  'documents:list': z.tuple([]),
  'documents:load': z.tuple([documentIdSchema]),
  'documents:save': z.tuple([postmortemSchema]),
  'documents:trash': z.tuple([documentIdSchema]),
  'documents:restore': z.tuple([documentIdSchema]),
  'documents:purge': z.tuple([documentIdSchema]),
  'files:export': z.tuple([fileName, z.string().max(50 * 1024 * 1024, 'is larger than 50 MB')]),
  'files:export-image': z.tuple([
    fileName.regex(/\.(png|svg)$/, 'must end in .png or .svg'),
    z
      .string()
      .max(60 * 1024 * 1024, 'is larger than 60 MB')
      .regex(/^data:image\/(png;base64|svg\+xml;charset=utf-8),/, 'must be a PNG or SVG data URL'),
  ]),
  'files:open': z.tuple([z.enum(OPENABLE_KINDS)]),
  'settings:load-prompts': z.tuple([]),
  'settings:save-prompts': z.tuple([promptSettingsSchema]),
  'settings:load-agendas': z.tuple([]),
  'windows:open-console': z.tuple([documentIdSchema]),
  'meeting:post': z.tuple([documentIdSchema, meetingMessageSchema]),
  'settings:save-agendas': z.tuple([agendaTemplatesSchema]),
  'workspace:status': z.tuple([]),
  'workspace:choose': z.tuple([]),
  'workspace:stop': z.tuple([]),
  'workspace:rescan': z.tuple([]),
  'workspace:resolve': z.tuple([documentIdSchema, z.enum(CONFLICT_CHOICES)]),
} as const;

export interface IpcResponses {
  'documents:list': LibraryListing;
  'documents:load': LoadedDocument;
  'documents:save': SaveReceipt;
  'documents:trash': void;
  'documents:restore': void;
  'documents:purge': void;
  'files:export': ExportReceipt;
  'files:export-image': ExportReceipt;
  'files:open': OpenedFile | null;
  'settings:load-prompts': PromptSettings;
  'settings:save-prompts': void;
  'settings:load-agendas': AgendaTemplate[];
  'windows:open-console': void;
  'meeting:post': void;
  'settings:save-agendas': void;
  'workspace:status': WorkspaceStatus;
  'workspace:choose': WorkspaceStatus;
  'workspace:stop': WorkspaceStatus;
  'workspace:rescan': WorkspaceStatus;
  'workspace:resolve': WorkspaceStatus;
}

export type IpcChannel = keyof typeof ipcRequestSchemas & keyof IpcResponses;
export type IpcRequest<K extends IpcChannel> = z.infer<(typeof ipcRequestSchemas)[K]>;
/** Every handler answers with a Result so errors cross IPC as plain sentences. */
export type IpcReply<K extends IpcChannel> = Result<IpcResponses[K]>;

export { COMMAND_CHANNEL, MEETING_CHANNEL, READY_TO_CLOSE_CHANNEL, WORKSPACE_CHANNEL } from './channels';
