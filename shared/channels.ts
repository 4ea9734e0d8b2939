/**
 * Channel names for the two one-way messages outside the invoke contract. Kept free of
 * imports so the sandboxed preload can use them without bundling a schema library.
 */

/** Main -> renderer: app commands (menu items, close requests). */
export const COMMAND_CHANNEL = 'app:command';
/** Renderer -> main: pending saves are flushed, the window may close. */
export const READY_TO_CLOSE_CHANNEL = 'app:ready-to-close';
/** Main -> renderer: a meeting message relayed from another window (postmortem id, message). */
export const MEETING_CHANNEL = 'meeting:message';
/** Main -> renderer: the workspace folder changed (a WorkspaceEvent). */
export const WORKSPACE_CHANNEL = 'workspace:event';
